/**
 * The compiled executor (GRAPHQL_EXECUTOR=jit, the default) against graphql-js's interpreter: the
 * same answers, errors included (message, locations, path, code, HTTP status), and the same refusal
 * of bad variables. Every query of the suite is compared in test/e2e/look-ahead.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/emulator/index.js";
import { type Harness, startHarness } from "../support/service.harness.js";

let jit: Harness;
let interpreted: Harness;

beforeAll(async () => {
  [jit, interpreted] = await Promise.all([
    startHarness(),
    startHarness({ env: { GRAPHQL_EXECUTOR: "graphql-js" } }),
  ]);
});
afterAll(async () => {
  await Promise.all([jit?.close(), interpreted?.close()]);
});

async function post(
  harness: Harness,
  query: string,
  variables?: Record<string, unknown>,
  operationName?: string,
) {
  const res = await fetch(harness.graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables, operationName }),
  });
  const body = JSON.stringify(await res.json()).replaceAll(harness.url, "ORIGIN");
  return { status: res.status, body: JSON.parse(body) as { data?: unknown; errors?: unknown[] } };
}

describe("GRAPHQL_EXECUTOR=jit", () => {
  it.each<[string, string, Record<string, unknown>?, string?]>([
    [
      "a resolver's refusal, next to data",
      "{ projects(first: 2) { nodes { name thumbnailUrl(size: -5) } } }",
    ],
    [
      "refusals in a list, nulls bubbling up",
      "{ projects(first: 2) { nodes { name thumbnail { srcset(sizes: [0]) } } } }",
    ],
    [
      "a refusal in a non-null root field",
      "{ a: projects(first: 1) { nodes { name } } b: projects(first: -1) { nodes { name } } }",
    ],
    [
      "an argument out of range",
      `{ tasks(projectId: "${DEMO.projects.aurora.id}", first: 100000) { nodes { name } } }`,
    ],
    ["a bad variable", "query ($id: ID!) { task(id: $id) { name } }", { id: null }],
    [
      "a bad variable type",
      "query ($first: Int) { projects(first: $first) { nodes { name } } }",
      { first: "ten" },
    ],
    ["an unknown operation name", "query A { __typename } query B { __typename }", undefined, "C"],
  ])("answers %s as graphql-js does", async (_name, query, variables, operationName) => {
    const [a, b] = await Promise.all([
      post(jit, query, variables, operationName),
      post(interpreted, query, variables, operationName),
    ]);
    expect(a.body.errors, JSON.stringify(a.body)).toBeDefined();
    expect(a).toEqual(b);
  });

  it("leaves to graphql-js a selection under interfaces nested too deep to compile, with the same answer", async () => {
    let inner = "id name";
    for (let i = 0; i < 8; i++) inner = `parent { id name ... on TypedContext { ${inner} } }`;
    const query = `{ task(id: "${DEMO.task.id}") { ${inner} } }`;
    const [a, b] = await Promise.all([post(jit, query), post(interpreted, query)]);
    expect(a.body.errors).toBeUndefined();
    expect(a).toEqual(b);
  });

  it("compiles an operation once and runs it again with other variables", async () => {
    const query = "query ($id: ID!) { task(id: $id) { name thumbnailUrl(size: 100) } }";
    for (const id of [DEMO.task.id, DEMO.taskWithoutThumbnail.id, DEMO.task.id]) {
      const [a, b] = await Promise.all([post(jit, query, { id }), post(interpreted, query, { id })]);
      expect(a.body.errors).toBeUndefined();
      expect(a).toEqual(b);
    }
  });
});
