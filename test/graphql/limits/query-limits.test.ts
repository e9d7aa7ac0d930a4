/**
 * The limits of /graphql over HTTP: depth, cost, aliases, batching, variables, body sizes, tokens,
 * content types. Each refusal has its own code, a 4xx status, and happens before ftrack is asked.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../../src/emulator/index.js";
import { graphql, type Harness, startHarness } from "../../support/service.harness.js";

async function post(harness: Harness, body: string | FormData, headers: Record<string, string> = {}) {
  const res = await fetch(harness.graphqlUrl, {
    method: "POST",
    headers: typeof body === "string" ? { "content-type": "application/json", ...headers } : headers,
    body,
  });
  const text = await res.text();
  return {
    status: res.status,
    body: JSON.parse(text) as {
      data?: unknown;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    },
  };
}

/** `task { parent { ... on TypedContext { parent { ... { id } } } } }`: depth n (task counts as 1). */
function nested(n: number): string {
  let inner = "id";
  for (let i = 2; i < n; i++) inner = `parent { id ... on TypedContext { ${inner} } }`;
  return `query { task(id: "${DEMO.task.id}") { ${inner} } }`;
}

describe("query limits with the defaults", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness?.close());

  it("refuses a query deeper than GRAPHQL_MAX_DEPTH (10) before asking ftrack", async () => {
    const ok = await graphql(harness, nested(10));
    expect(ok.errors).toBeUndefined();

    harness.emulator.counters.reset();
    const deep = await graphql(harness, nested(11));
    expect(deep.status).toBe(400);
    expect(deep.errors?.[0]?.extensions).toEqual({ code: "QUERY_TOO_DEEP", maxDepth: 10, depth: 11 });
    expect(deep.data).toBeUndefined();
    expect(harness.emulator.counters.requests).toBe(0);
  });

  it("counts depth through fragments, and not the introspection query", async () => {
    const viaFragment = await graphql(
      harness,
      `query { ...Q } fragment Q on Query { ${nested(11).slice("query { ".length, -2)} }`,
    );
    expect(viaFragment.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_DEEP");

    const { getIntrospectionQuery } = await import("graphql");
    const introspection = await graphql(
      harness,
      getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }),
    );
    expect(introspection.errors).toBeUndefined();
  });

  it("multiplies list fields by their page size (`first`, 50 by default) and refuses costly queries", async () => {
    const query = `query($first: Int) {
      projects(first: 50) { nodes { children(first: $first) { nodes { id name } } } }
    }`;
    const cheap = await graphql(harness, query, { first: 2 });
    expect(cheap.errors).toBeUndefined();

    harness.emulator.counters.reset();
    const costly = await graphql(harness, query, { first: 100 });
    expect(costly.status).toBe(400);
    expect(costly.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    // 1 + 50 * (nodes 1 + children (1 + 100 * (nodes 1 + id 1 + name 1)))
    expect(costly.errors?.[0]?.extensions).toMatchObject({ maxComplexity: 10_000, complexity: 15_101 });
    expect(harness.emulator.counters.requests).toBe(0);

    // An out-of-range page size counts as the largest page (the resolver refuses it anyway).
    const huge = await graphql(harness, query, { first: 1_000_000 });
    expect(huge.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
  });

  it("refuses more than GRAPHQL_MAX_ALIASES (30) aliases, counting each fragment use", async () => {
    const aliases = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(" ");
    expect((await graphql(harness, `{ ${aliases(30)} }`)).errors).toBeUndefined();

    const many = await graphql(harness, `{ ${aliases(31)} }`);
    expect(many.status).toBe(400);
    expect(many.errors?.[0]?.extensions).toEqual({ code: "TOO_MANY_ALIASES", maxAliases: 30, aliases: 31 });

    const spread = await graphql(harness, `{ ...F ...F } fragment F on Query { ${aliases(16)} }`);
    expect(spread.errors?.[0]?.extensions?.code).toBe("TOO_MANY_ALIASES");
  });

  it("refuses a fragment bomb (each fragment spreading the previous one twice) without expanding it", async () => {
    const fragments = ["fragment F0 on Query { a: __typename }"];
    for (let i = 1; i <= 30; i++) fragments.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
    const bomb = await graphql(harness, `{ ...F30 } ${fragments.join(" ")}`);
    expect(bomb.status).toBe(400);
    expect(bomb.errors?.[0]?.extensions).toMatchObject({ code: "TOO_MANY_ALIASES", aliases: 2 ** 30 });
  });

  it("keeps batching off: an array of operations is TOO_MANY_OPERATIONS", async () => {
    const res = await post(
      harness,
      JSON.stringify([{ query: "{ __typename }" }, { query: "{ __typename }" }]),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: "TOO_MANY_OPERATIONS", maxOperations: 1 });
  });

  it("refuses variables larger than GRAPHQL_MAX_VARIABLES_BYTES", async () => {
    const res = await post(
      harness,
      JSON.stringify({
        query: "query($s: String) { projects(nameContains: $s) { nodes { id } } }",
        variables: { s: "x".repeat(70_000) },
      }),
    );
    expect(res.status).toBe(413);
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: "VARIABLES_TOO_LARGE", maxBytes: 65_536 });
  });

  it("refuses a JSON body over GRAPHQL_MAX_BODY_BYTES with 413", async () => {
    const res = await post(harness, JSON.stringify({ query: `{ __typename } # ${"x".repeat(1_100_000)}` }));
    expect(res.status).toBe(413);
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: "REQUEST_TOO_LARGE", maxBytes: 1_048_576 });
  });

  it("refuses documents over GRAPHQL_MAX_TOKENS at parse time", async () => {
    const res = await graphql(harness, `{ ${Array.from({ length: 12_000 }, () => "__typename").join(" ")} }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(res.errors?.[0]?.message).toMatch(/10000 tokens/);
  });

  it("answers 415 to content types other than JSON and multipart", async () => {
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "application/xml",
      "application/graphql",
    ]) {
      const res = await post(harness, '{"query":"{ __typename }"}', { "content-type": type });
      expect(res.status, type).toBe(415);
      expect(res.body.errors?.[0]?.extensions?.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    }
  });

  it("answers malformed JSON with 400 BAD_REQUEST", async () => {
    const res = await post(harness, '{"query": "{ __typename }"');
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_REQUEST");
  });
});

describe("configured limits", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({
      env: {
        GRAPHQL_MAX_OPERATIONS: "3",
        GRAPHQL_MAX_DEPTH: "3",
        GRAPHQL_MAX_BODY_BYTES: "2048",
        GRAPHQL_MAX_COMPLEXITY: "100",
      },
    });
  });
  afterAll(() => harness?.close());

  it("runs batches of up to GRAPHQL_MAX_OPERATIONS operations, each within the limits", async () => {
    const two = await fetch(harness.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ query: "{ __typename }" }, { query: nested(3) }]),
    });
    expect(two.status).toBe(200);
    const answers = (await two.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] }[];
    expect(answers[0]).toEqual({ data: { __typename: "Query" } });
    expect(answers[1]?.errors).toBeUndefined();

    const deep = await post(harness, JSON.stringify([{ query: "{ __typename }" }, { query: nested(4) }]));
    const [, refused] = deep.body as unknown as { errors?: { extensions: { code: string } }[] }[];
    expect(refused?.errors?.[0]?.extensions.code).toBe("QUERY_TOO_DEEP");

    const four = await post(
      harness,
      JSON.stringify(Array.from({ length: 4 }, () => ({ query: "{ __typename }" }))),
    );
    expect(four.status).toBe(400);
    expect(four.body.errors?.[0]?.extensions).toEqual({ code: "TOO_MANY_OPERATIONS", maxOperations: 3 });
  });

  it("applies the configured cost and body limits", async () => {
    const costly = await graphql(harness, "{ projects { nodes { id } } }");
    expect(costly.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", maxComplexity: 100 });
    const big = await post(harness, JSON.stringify({ query: `{ __typename } # ${"x".repeat(3000)}` }));
    expect(big.status).toBe(413);
  });

  it("applies the body limit to the non-file fields of a multipart request", async () => {
    const form = new FormData();
    form.set("operations", JSON.stringify({ query: `{ __typename } # ${"x".repeat(3000)}` }));
    form.set("map", "{}");
    const res = await post(harness, form, { "apollo-require-preflight": "true" });
    expect(res.status).toBe(413);
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: "REQUEST_TOO_LARGE", maxBytes: 2048 });
  });
});
