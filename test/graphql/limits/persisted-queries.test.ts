/**
 * Automatic persisted queries (always on), PERSISTED_QUERIES_ONLY with a manifest, and
 * INTROSPECTION=false, over HTTP.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../../src/config.js";
import { sha256Hex } from "../../../src/graphql/limits/persisted-operations.js";
import { graphql, type Harness, startHarness } from "../../support/service.harness.js";

const LISTED = "query Listed { projects(first: 5) { nodes { id name } } }";
const UNLISTED = "query Unlisted { users(first: 5) { nodes { id } } }";

interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function send(harness: Harness, body: Record<string, unknown>): Promise<Answer> {
  const res = await fetch(harness.graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, ...((await res.json()) as object) };
}

async function sendGet(harness: Harness, params: Record<string, string>): Promise<Answer> {
  const url = `${harness.graphqlUrl}?${new URLSearchParams(params)}`;
  const res = await fetch(url, { headers: { "apollo-require-preflight": "true" } });
  return { status: res.status, ...((await res.json()) as object) };
}

const persisted = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256Hex(query) } });

describe("automatic persisted queries", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness?.close());

  it("asks for the query once, then runs it by hash (POST and GET)", async () => {
    const first = await send(harness, { extensions: persisted(UNLISTED) });
    expect(first.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");

    const register = await send(harness, { query: UNLISTED, extensions: persisted(UNLISTED) });
    expect(register.errors).toBeUndefined();

    const byHash = await send(harness, { extensions: persisted(UNLISTED) });
    expect(byHash.errors).toBeUndefined();
    expect(byHash.data).toEqual(register.data);

    const viaGet = await sendGet(harness, { extensions: JSON.stringify(persisted(UNLISTED)) });
    expect(viaGet.data).toEqual(register.data);
  });

  it("refuses a hash that does not match the query", async () => {
    const res = await send(harness, { query: UNLISTED, extensions: persisted(LISTED) });
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_REQUEST");
    expect(res.errors?.[0]?.message).toMatch(/not the SHA-256 of the query/);
    const badVersion = await send(harness, {
      extensions: { persistedQuery: { version: 2, sha256Hash: sha256Hex(LISTED) } },
    });
    expect(badVersion.status).toBe(400);
    expect(badVersion.errors?.[0]?.extensions?.code).toBe("BAD_REQUEST");
  });
});

describe("PERSISTED_QUERIES_ONLY=true with a manifest", () => {
  let harness: Harness;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "manifest-"));
    const manifest = join(dir, "manifest.json");
    writeFileSync(
      manifest,
      JSON.stringify({
        format: "apollo-persisted-query-manifest",
        version: 1,
        operations: [{ id: sha256Hex(LISTED), name: "Listed", type: "query", body: LISTED }],
      }),
    );
    harness = await startHarness({
      env: { PERSISTED_QUERIES_ONLY: "true", PERSISTED_QUERIES_MANIFEST: manifest },
    });
  });
  afterAll(async () => {
    await harness?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs a listed operation by hash alone, by its text, and over GET", async () => {
    const byHash = await send(harness, { extensions: persisted(LISTED) });
    expect(byHash.errors).toBeUndefined();
    const projects = byHash.data?.projects as { nodes: unknown[] } | undefined;
    expect(projects?.nodes.length).toBeGreaterThan(0);

    const byText = await send(harness, { query: LISTED });
    expect(byText.data).toEqual(byHash.data);

    const viaGet = await sendGet(harness, { extensions: JSON.stringify(persisted(LISTED)) });
    expect(viaGet.data).toEqual(byHash.data);
  });

  it("refuses anything else with PERSISTED_QUERY_REQUIRED, before ftrack is asked, and registers nothing", async () => {
    harness.emulator.counters.reset();
    for (const body of [
      { query: UNLISTED },
      { extensions: persisted(UNLISTED) },
      { query: UNLISTED, extensions: persisted(UNLISTED) },
      { query: `${LISTED} ` },
    ]) {
      const res = await send(harness, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_REQUIRED");
    }
    const get = await sendGet(harness, { query: UNLISTED });
    expect(get.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_REQUIRED");
    // The APQ registration attempt above did not stick.
    const again = await send(harness, { extensions: persisted(UNLISTED) });
    expect(again.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_REQUIRED");
    expect(harness.emulator.counters.requests).toBe(0);
  });

  it("needs a manifest to start", () => {
    expect(() => loadConfig({ PERSISTED_QUERIES_ONLY: "true" })).toThrow(ConfigError);
  });
});

describe("INTROSPECTION", () => {
  const query = "{ __schema { queryType { name } } }";

  it("answers introspection by default", async () => {
    const harness = await startHarness();
    try {
      const res = await graphql(harness, query);
      expect(res.data).toEqual({ __schema: { queryType: { name: "Query" } } });
    } finally {
      await harness.close();
    }
  });

  it("refuses introspection with INTROSPECTION=false; ordinary queries still run", async () => {
    const harness = await startHarness({ env: { INTROSPECTION: "false" } });
    try {
      for (const q of [query, '{ __type(name: "Project") { name } }']) {
        const res = await graphql(harness, q);
        expect(res.status).toBe(400);
        expect(res.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
        expect(res.errors?.[0]?.extensions?.validationErrorCode).toBe("INTROSPECTION_DISABLED");
      }
      const ok = await graphql(harness, "{ projects(first: 1) { nodes { __typename id } } }");
      expect(ok.errors).toBeUndefined();
    } finally {
      await harness.close();
    }
  });
});
