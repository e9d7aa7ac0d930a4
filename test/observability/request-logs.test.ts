/**
 * The service's logs, as the harness captures them: every line written while serving a request
 * carries that request's id, and no line holds a secret, an API key, a token or a URL signature.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/emulator/index.js";
import { graphql, type Harness, startHarness } from "../support/service.harness.js";

const TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2VjcmV0LXNpZ25hdHVyZS12YWx1ZQ";
const CALLER_KEY = "caller-api-key-7f3a9c";

describe("request logs", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness?.close());

  it("tags every line with the request id and leaks no secret", async () => {
    harness.logs.length = 0;
    const secretsHeaders = {
      authorization: `Bearer ${TOKEN}`,
      "ftrack-api-key": CALLER_KEY,
      cookie: "session=abc123def",
    };

    const issued = await graphql<{ project: { thumbnailUrl: string } }>(
      harness,
      `{ project(id: "${DEMO.projects.aurora.id}") { thumbnailUrl(size: 100) } }`,
      undefined,
      { ...secretsHeaders, "x-request-id": "given-id-1" },
    );
    const url = issued.data!.project.thumbnailUrl;
    const sig = new URL(url).searchParams.get("sig")!;
    const local = `${harness.url}${new URL(url).pathname}${new URL(url).search}`;
    await (await fetch(local, { headers: secretsHeaders })).arrayBuffer();
    await (await fetch(local.replace(/sig=.{4}/, "sig=AAAA"), { headers: secretsHeaders })).arrayBuffer();
    await graphql(harness, '{ project(id: "not an id") { id } }', undefined, secretsHeaders);
    await graphql(harness, "{ nope }", undefined, secretsHeaders);
    await (
      await fetch(`${harness.graphqlUrl}?query=${encodeURIComponent("{ __typename }")}&token=${TOKEN}`, {
        headers: { "apollo-require-preflight": "true", ...secretsHeaders },
      })
    ).arrayBuffer();
    await (await fetch(`${harness.url}/no-such-route?apiKey=${CALLER_KEY}`)).arrayBuffer();

    const lines = harness.logs
      .flatMap((chunk) => chunk.split("\n").filter(Boolean))
      .map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThanOrEqual(7);
    for (const line of lines) expect(line.requestId, JSON.stringify(line)).toMatch(/^[A-Za-z0-9._-]{1,64}$/);
    // Tracing is off unless configured: no trace ids then.
    expect(lines.filter((line) => "traceId" in line)).toEqual([]);
    expect(lines.some((l) => l.requestId === "given-id-1")).toBe(true);
    // More than the one "request" line per request: the thumbnail route's own lines are tagged too.
    expect(lines.some((l) => l.msg !== "request")).toBe(true);

    const text = harness.logs.join("");
    for (const secret of [
      TOKEN,
      CALLER_KEY,
      "abc123def",
      sig,
      harness.emulator.apiKey,
      "test-secret-one-for-signing-urls-0001",
      "test-secret-two-for-signing-urls-0002",
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
