/**
 * A finished request run by the compiled executor is not kept alive by V8's young-generation
 * collections. Apollo Server hands a gateway executor a context whose response status had a getter
 * and setter made per request; V8 kept what those closures see (the whole request: its answer, its
 * GraphQL context) through every young collection, so every request's objects were moved to the old
 * generation, to be swept by full collections (patches/@apollo+server+5.5.1.patch moves the accessors
 * to a class). Measured in a fresh process (`--expose-gc`): the old generation's growth over requests
 * that each carry a GraphQL context of about 400 KB (10,000 small objects), with a young collection
 * after each: about 400 KB a request before the patch, 3 to 30 KB after it.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { lastLineFromFreshNode } from "../support/fresh-node.js";

const MODULE = pathToFileURL(resolve("src/graphql/jit.executor.ts")).href;
const REQUESTS = 20;

const CHILD = `
import { getHeapSpaceStatistics } from "node:v8";
import { ApolloServer } from "@apollo/server";
import { buildSchema } from "graphql";
const { jitGateway } = await import(process.env.MODULE);
const schema = buildSchema("type Query { rows: Int }");
const apollo = new ApolloServer({
  gateway: jitGateway(schema),
  // The control: what the test must be able to see, a getter made per request over its context.
  plugins: process.env.PIN ? [{ async requestDidStart(rc) { rc.pin = { get context() { return rc.contextValue; } }; } }] : [],
});
await apollo.start();
const oldGeneration = () => getHeapSpaceStatistics().find((s) => s.space_name === "old_space").space_used_size;
const request = () =>
  apollo.executeOperation({ query: "{ rows }" }, { contextValue: { rows: Array.from({ length: 10000 }, (_, i) => ({ i })) } });
await request(); // compiles the operation: kept for good, so before the measure
globalThis.gc();
const before = oldGeneration();
for (let i = 0; i < ${REQUESTS}; i++) {
  await request();
  globalThis.gc({ type: "minor" });
}
globalThis.gc({ type: "minor" });
console.log(Math.round((oldGeneration() - before) / ${REQUESTS}));
process.exit(0);
`;

/** Bytes the old generation grew by per request; `pinned`: with the control's per-request getter. */
function promotedPerRequest(pinned: boolean): number {
  return Number(
    lastLineFromFreshNode(["--expose-gc", "--import", "tsx"], CHILD, { MODULE, PIN: pinned ? "1" : "" }),
  );
}

describe("a request run by the compiled executor", () => {
  it("is not kept alive by young-generation collections once answered", () => {
    expect(promotedPerRequest(false)).toBeLessThan(100 * 1024);
  });

  it("would be with a getter made per request (the control: the measure sees what it looks for)", () => {
    expect(promotedPerRequest(true)).toBeGreaterThan(300 * 1024);
  });
});
