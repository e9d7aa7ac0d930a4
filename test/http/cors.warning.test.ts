/**
 * A front end on its own dev server (another origin) that is not in CORS_ORIGINS gets one warning
 * in the log naming CORS_ORIGINS and the origin, once per origin; the service's own origin none.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../support/service.harness.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ env: { CORS_ORIGINS: "http://localhost:5173" } });
});
afterAll(() => harness?.close());

function warningsFor(origin: string) {
  return harness.logs
    .map((line) => JSON.parse(line) as { level: number; msg: string; origin?: string })
    .filter((line) => line.level === 40 && line.origin === origin);
}

async function fromOrigin(origin: string) {
  const preflight = await fetch(harness.graphqlUrl, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "content-type",
    },
  });
  const post = await fetch(harness.graphqlUrl, {
    method: "POST",
    headers: { origin, "content-type": "application/json" },
    body: JSON.stringify({ query: "{ __typename }" }),
  });
  await post.arrayBuffer();
  return { preflight: preflight.status, allowOrigin: post.headers.get("access-control-allow-origin") };
}

describe("refused origins are logged once, naming CORS_ORIGINS", () => {
  it("warns once for an origin that is not listed, however often it calls", async () => {
    const refused = "http://localhost:3000";
    for (let i = 0; i < 3; i++) {
      expect(await fromOrigin(refused)).toEqual({ preflight: 403, allowOrigin: null });
    }
    const warnings = warningsFor(refused);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toMatch(/not in CORS_ORIGINS.*Add the origin to CORS_ORIGINS/);

    await fromOrigin("http://127.0.0.1:8080");
    expect(warningsFor("http://127.0.0.1:8080")).toHaveLength(1);
  });

  it("does not warn for a listed origin or for the service's own origin", async () => {
    expect(await fromOrigin("http://localhost:5173")).toEqual({
      preflight: 204,
      allowOrigin: "http://localhost:5173",
    });
    expect(warningsFor("http://localhost:5173")).toEqual([]);
    const own = new URL(harness.url).origin;
    await fromOrigin(own);
    expect(warningsFor(own)).toEqual([]);
  });
});
