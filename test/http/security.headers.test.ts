/**
 * Security headers on every route, Strict-Transport-Security with an https public URL, the CORS
 * allow-list, and the playground switch, over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/emulator/index.js";
import { PLAYGROUND_ASSET_CSP, STRICT_CSP } from "../../src/http/security.middleware.js";
import { graphql, type Harness, startHarness } from "../support/service.harness.js";
import { withFlippedSignature } from "../support/signature.tamper.js";

async function thumbnailUrl(harness: Harness): Promise<string> {
  const res = await graphql<{ project: { thumbnailUrl: string } }>(
    harness,
    `{ project(id: "${DEMO.projects.aurora.id}") { thumbnailUrl(size: 100) } }`,
  );
  const url = new URL(res.data!.project.thumbnailUrl);
  return `${harness.url}${url.pathname}${url.search}`;
}

function expectBaseHeaders(headers: Headers, where: string) {
  expect(headers.get("x-content-type-options"), where).toBe("nosniff");
  expect(headers.get("referrer-policy"), where).toBe("no-referrer");
  expect(headers.get("x-powered-by"), where).toBeNull();
}

describe("security headers", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness?.close());

  it("puts strict headers on every non-HTML answer, errors and unknown routes included", async () => {
    const thumbnail = await thumbnailUrl(harness);
    const requests: [string, RequestInit?][] = [
      ["/healthz"],
      ["/readyz"],
      ["/metrics"],
      ["/no-such-route"],
      [
        "/graphql",
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: '{"query":"{ __typename }"}',
        },
      ],
      ["/graphql", { method: "POST", headers: { "content-type": "text/plain" }, body: "x" }],
      ["/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: "{" }],
      [withFlippedSignature(thumbnail).slice(harness.url.length)],
    ];
    for (const [path, init] of requests) {
      const res = await fetch(`${harness.url}${path}`, init);
      await res.arrayBuffer();
      expectBaseHeaders(res.headers, path);
      expect(res.headers.get("content-security-policy"), path).toBe(STRICT_CSP);
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
      expect(res.headers.get("cross-origin-resource-policy"), path).toBe(
        path.startsWith("/thumbnails/") ? "cross-origin" : "same-origin",
      );
      expect(res.headers.get("strict-transport-security"), path).toBeNull();
      expect(res.headers.get("content-type"), path).toMatch(/json|text\/plain|openmetrics/);
    }
  });

  it("lets images load cross-origin: thumbnails are Cross-Origin-Resource-Policy: cross-origin", async () => {
    const res = await fetch(await thumbnailUrl(harness), { headers: { origin: "https://frontend.example" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^image\//);
    expect(res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(res.headers.get("content-security-policy")).toBe(STRICT_CSP);
    expectBaseHeaders(res.headers, "thumbnail");
    // No CORS list configured: no CORS headers (an <img> needs none).
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("serves the playground page with its own CSP and its assets with a same-origin policy", async () => {
    const page = await fetch(harness.graphqlUrl, { headers: { accept: "text/html" } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toMatch(/altair/i);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(csp).not.toMatch(/unsafe-eval|\*/);
    expectBaseHeaders(page.headers, "playground");

    const asset = await fetch(`${harness.url}/playground/main.js`);
    await asset.arrayBuffer();
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-security-policy")).toBe(PLAYGROUND_ASSET_CSP);
    expect(asset.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expectBaseHeaders(asset.headers, "playground asset");
  });

  it("answers a CORS preflight from any origin with 403 when no CORS_ORIGINS is set", async () => {
    const res = await fetch(harness.graphqlUrl, {
      method: "OPTIONS",
      headers: { origin: "https://frontend.example", "access-control-request-method": "POST" },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("PUBLIC_URL https, CORS_ORIGINS, PLAYGROUND=false", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({
      env: {
        PUBLIC_URL: "https://thumbs.studio.example",
        CORS_ORIGINS: "https://frontend.example, https://review.example:8443",
        PLAYGROUND: "false",
      },
    });
  });
  afterAll(() => harness?.close());

  it("sends Strict-Transport-Security", async () => {
    const res = await fetch(`${harness.url}/healthz`);
    expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000");
  });

  it("allows listed origins, and only them", async () => {
    const body = '{"query":"{ __typename }"}';
    const allowed = await fetch(harness.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://review.example:8443" },
      body,
    });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://review.example:8443");
    expect(allowed.headers.get("vary")).toMatch(/origin/i);
    expect(allowed.headers.get("access-control-allow-credentials")).toBeNull();

    const other = await fetch(harness.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      body,
    });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();

    const preflight = await fetch(harness.graphqlUrl, {
      method: "OPTIONS",
      headers: {
        origin: "https://frontend.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, authorization",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://frontend.example");
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/authorization/);
    expect(preflight.headers.get("access-control-allow-methods")).toMatch(/POST/);

    const deniedPreflight = await fetch(harness.graphqlUrl, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(deniedPreflight.status).toBe(403);
  });

  it("does not serve the playground", async () => {
    const page = await fetch(harness.graphqlUrl, { headers: { accept: "text/html" } });
    const text = await page.text();
    expect(text).not.toMatch(/altair/i);
    expect(page.headers.get("content-type") ?? "").not.toMatch(/html/);
    const asset = await fetch(`${harness.url}/playground/main.js`);
    await asset.arrayBuffer();
    expect(asset.status).toBe(404);
  });
});
