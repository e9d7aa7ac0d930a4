/**
 * The objects Node's HTTP server makes per request keep V8's fast layout after the garbage
 * collection that used to turn them into hash tables for the life of the process: six requests
 * answered, then a full collection, then the next request. Each case runs in a fresh Node process
 * (V8 sizes a constructor's objects once per process), asked with V8's own `%HasFastProperties`.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { lastLineFromFreshNode } from "../support/fresh-node.js";

const MODULE = pathToFileURL(resolve("src/http/http-objects.shape.ts")).href;

const CHILD = `
import { createServer } from "node:http";
const fast = new Function("o", "return %HasFastProperties(o)");
if (process.env.MODULE) (await import(process.env.MODULE)).keepHttpObjectShapes();
let seen;
const server = createServer((req, res) => {
  seen = { req: fast(req), res: fast(res), socket: fast(req.socket) };
  res.end("ok");
});
await new Promise((done) => server.listen(0, "127.0.0.1", done));
const url = "http://127.0.0.1:" + server.address().port + "/";
for (let i = 0; i < 6; i++) await (await fetch(url)).text();
globalThis.gc();
await (await fetch(url)).text();
console.log(JSON.stringify(seen));
process.exit(0);
`;

/** How the seventh request's objects are laid out; `kept`: with the service's start step first. */
function seventh(kept: boolean): { req: boolean; res: boolean; socket: boolean } {
  const flags = [
    "--allow-natives-syntax",
    "--expose-gc",
    // tsx only to import the TypeScript module: it makes sockets of its own, so not in the control.
    ...(kept ? ["--import", "tsx"] : []),
  ];
  return JSON.parse(lastLineFromFreshNode(flags, CHILD, { MODULE: kept ? MODULE : "" }));
}

describe("the HTTP server's per-request objects", () => {
  it("keep fast properties after six requests and a full collection", () => {
    expect(seventh(true)).toEqual({ req: true, res: true, socket: true });
  });

  it("lose them without it (when this fails, V8 no longer does this and the keeping can go)", () => {
    expect(seventh(false).res).toBe(false);
  });
});
