/**
 * The route that serves the thumbnail browser: its files with their caching and page policy, the
 * page's configuration, a clear answer when the page is not built, and WEB_UI=false.
 * (test/web/ drives the real built page in Chromium.)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { notFoundHandler } from "../../src/http/error.handler.js";
import { STRICT_CSP, securityHeaders } from "../../src/http/security.middleware.js";
import { createWebRouter, WEB_CONFIG_PATH, webPageCsp } from "../../src/http/web.route.js";
import { graphql, type Harness, startHarness } from "../support/service.harness.js";

const PUBLIC_URL = "https://thumbnails.studio.example";

async function serve(root: string): Promise<{ url: string; server: Server }> {
  const app = express();
  app.use(securityHeaders({ publicUrl: PUBLIC_URL, playgroundAssetsPath: "/playground" }));
  app.use(createWebRouter({ root, publicUrl: PUBLIC_URL, authMode: "jwt" }));
  app.use(notFoundHandler());
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe("web route", () => {
  let built: { url: string; server: Server };
  let empty: { url: string; server: Server };
  let root: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "web-route-"));
    const dist = join(root, "dist");
    mkdirSync(join(dist, "assets"), { recursive: true });
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>page</title>");
    writeFileSync(join(dist, "assets", "index-Bx12_a-9.js"), "console.log(1)");
    writeFileSync(join(dist, "favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
    writeFileSync(join(dist, ".source-hash"), "abc");
    mkdirSync(join(root, "empty"));
    built = await serve(dist);
    empty = await serve(join(root, "empty"));
  });
  afterAll(() => {
    built?.server.close();
    empty?.server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("serves index.html at / with the page's policy, revalidated on every load", async () => {
    const res = await fetch(`${built.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toContain("<title>page</title>");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.headers.get("content-security-policy")).toBe(webPageCsp(PUBLIC_URL));
    expect(res.headers.get("x-frame-options")).toBe("DENY");

    const etag = res.headers.get("etag");
    expect(etag).toBeTruthy();
    // fetch() adds "cache-control: no-cache" to conditional requests unless told otherwise; a browser's
    // revalidation sends max-age=0.
    const again = await fetch(`${built.url}/`, {
      headers: { "if-none-match": etag!, "cache-control": "max-age=0" },
    });
    expect(again.status).toBe(304);
  });

  it("lets browsers keep the hashed assets for a year, and revalidates the other files", async () => {
    const asset = await fetch(`${built.url}/assets/index-Bx12_a-9.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toMatch(/javascript/);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(asset.headers.get("content-security-policy")).toBe(STRICT_CSP);

    const icon = await fetch(`${built.url}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("cache-control")).toBe("no-cache");

    // The build's source hash and missing files are nobody's business.
    for (const path of ["/.source-hash", "/assets/missing.js", "/nothing"]) {
      const res = await fetch(`${built.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.json()).toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("allows the page its own scripts, styles and requests, and images from PUBLIC_URL too", () => {
    const csp = webPageCsp(PUBLIC_URL);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self';");
    expect(csp).toContain(`img-src 'self' ${PUBLIC_URL};`);
    expect(csp).toContain(`connect-src 'self' ${PUBLIC_URL};`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe|data:|\*/);
  });

  it("tells the page which identity to ask for", async () => {
    const res = await fetch(`${built.url}${WEB_CONFIG_PATH}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(await res.json()).toEqual({ authMode: "jwt" });
  });

  it("says how to build the page when it is not built", async () => {
    const res = await fetch(`${empty.url}/`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      code: "WEB_UI_NOT_BUILT",
      message: expect.stringContaining("npm run build:web"),
    });
  });
});

describe("WEB_UI", () => {
  let off: Harness;
  let on: Harness;
  beforeAll(async () => {
    [off, on] = await Promise.all([
      startHarness({ env: { WEB_UI: "false" } }),
      startHarness({ env: { AUTH_MODE: "ftrack-key" } }),
    ]);
  });
  afterAll(async () => {
    await off?.close();
    await on?.close();
  });

  it("false serves no page and no page configuration; the API is unchanged", async () => {
    for (const path of ["/", "/index.html", WEB_CONFIG_PATH]) {
      const res = await fetch(`${off.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.json()).toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await fetch(`${off.url}/healthz`)).status).toBe(200);
    const res = await graphql(off, "{ __typename }");
    expect(res.data).toEqual({ __typename: "Query" });
  });

  it("on by default, the page learns the service's AUTH_MODE without credentials", async () => {
    const res = await fetch(`${on.url}${WEB_CONFIG_PATH}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ authMode: "ftrack-key" });
  });

  it("accepts true or false only", () => {
    expect(loadConfig({}).webUi).toBe(true);
    expect(loadConfig({ WEB_UI: "false" }).webUi).toBe(false);
    expect(() => loadConfig({ WEB_UI: "maybe" })).toThrow(ConfigError);
  });
});
