/**
 * Federated inline traces (`extensions.ftv1`, resolver timings) go only to a gateway allowed to ask:
 * off by default even for a caller sending `apollo-federation-include-trace: ftv1`; with
 * INLINE_TRACE_SECRET set, only to requests carrying the secret in INLINE_TRACE_HEADER.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { graphql, type Harness, startHarness } from "../support/service.harness.js";

const SECRET = "inline-trace-secret-0123456789abcdefghij";
const ASK = { "apollo-federation-include-trace": "ftv1" };
const QUERY = "{ projects(first: 2) { nodes { id name } } }";

async function ftv1Of(harness: Harness, headers: Record<string, string>) {
  const res = await fetch(harness.graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query: QUERY }),
  });
  const body = (await res.json()) as { data?: unknown; extensions?: { ftv1?: unknown } };
  expect(body.data).toBeTruthy();
  return body.extensions?.ftv1;
}

describe("inline traces off by default", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness?.close());

  it("a caller asking for ftv1 gets no trace", async () => {
    expect(await ftv1Of(harness, ASK)).toBeUndefined();
    expect(await ftv1Of(harness, { ...ASK, "x-inline-trace-secret": SECRET })).toBeUndefined();
    expect((await graphql(harness, QUERY)).errors).toBeUndefined();
  });
});

describe("inline traces for a gateway holding INLINE_TRACE_SECRET", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({
      env: { INLINE_TRACE_SECRET: SECRET, INLINE_TRACE_HEADER: "X-Gateway-Trace-Key" },
    });
  });
  afterAll(() => harness?.close());

  it("traces a request with the secret in the configured header", async () => {
    const trace = await ftv1Of(harness, { ...ASK, "x-gateway-trace-key": SECRET });
    expect(typeof trace).toBe("string");
    expect(Buffer.from(trace as string, "base64").length).toBeGreaterThan(10);
  });

  it("does not trace without the secret, with a wrong one, or without asking", async () => {
    expect(await ftv1Of(harness, ASK)).toBeUndefined();
    expect(await ftv1Of(harness, { ...ASK, "x-gateway-trace-key": `${SECRET}x` })).toBeUndefined();
    expect(await ftv1Of(harness, { ...ASK, "x-gateway-trace-key": SECRET.slice(1) })).toBeUndefined();
    expect(await ftv1Of(harness, { ...ASK, "x-inline-trace-secret": SECRET })).toBeUndefined();
    expect(await ftv1Of(harness, { "x-gateway-trace-key": SECRET })).toBeUndefined();
  });

  it("refuses a short secret or a bad header name at start", () => {
    expect(() => loadConfig({ INLINE_TRACE_SECRET: "short" })).toThrow(ConfigError);
    expect(() => loadConfig({ INLINE_TRACE_SECRET: "short" })).toThrow(/INLINE_TRACE_SECRET.*openssl/);
    expect(() => loadConfig({ INLINE_TRACE_HEADER: "bad header" })).toThrow(/INLINE_TRACE_HEADER/);
  });
});
