/**
 * ETags of GraphQL answers over HTTP: a GET's answer has one (a client may revalidate it), a POST's
 * has none (a POST is never revalidated, so its body is not hashed for one).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/emulator/index.js";
import { type Harness, startHarness } from "../support/service.harness.js";

const QUERY = `{ project(id: "${DEMO.projects.aurora.id}") { name } }`;

describe("ETags of GraphQL answers", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness?.close());

  it("a POST's answer has none", async () => {
    const res = await fetch(`${harness.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { project: { name: DEMO.projects.aurora.name } } });
    expect(res.headers.get("etag")).toBeNull();
    expect(res.headers.get("x-powered-by")).toBeNull();
  });

  it("a GET's answer has one, and answers 304 to it", async () => {
    const url = `${harness.url}/graphql?query=${encodeURIComponent(QUERY)}`;
    const headers = { "apollo-require-preflight": "1" };
    const first = await fetch(url, { headers });
    expect(first.status).toBe(200);
    await first.arrayBuffer();
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^W\/"/);
    // fetch sends `cache-control: no-cache` with a conditional request unless told otherwise.
    const again = await fetch(url, {
      headers: { ...headers, "if-none-match": etag!, "cache-control": "max-age=0" },
    });
    expect(again.status).toBe(304);
  });
});
