/**
 * Cached thumbnails answered before Express (src/http/request.listener.ts): the same status, headers
 * and body as the Express route gives a miss, HEAD and 304 included, with CORS, the request id and
 * THUMBNAIL_CACHE_SCOPE; and Express is not reached for a hit, only for everything else.
 */
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { ThumbnailCache } from "../../src/delivery/thumbnail.cache.js";
import { ThumbnailDelivery } from "../../src/delivery/thumbnail.route.js";
import { DEMO } from "../../src/emulator/index.js";
import { corsPolicy } from "../../src/http/cors.middleware.js";
import { createRequestListener } from "../../src/http/request.listener.js";
import { securityHeaderLists } from "../../src/http/security.middleware.js";
import { createLogger } from "../../src/observability/logger.js";
import { ThumbnailUrlSigner } from "../../src/thumbnails/url-signer.js";
import { graphql, type Harness, startHarness } from "../support/service.harness.js";
import { withFlippedSignature } from "../support/signature.tamper.js";

const FRONT_END = "https://frontend.example";
/** Headers that differ between any two answers. */
const VOLATILE = new Set(["date", "x-request-id", "keep-alive", "connection"]);

/** The headers that must be equal; max-age counts down to the URL's expiry, so a second may pass between two answers. */
const headersOf = (res: Response) =>
  Object.fromEntries(
    [...res.headers]
      .filter(([name]) => !VOLATILE.has(name))
      .map(([name, value]) => [
        name,
        name === "cache-control" ? value.replace(/max-age=\d+/, "max-age=N") : value,
      ]),
  );

describe("a cached thumbnail answered before Express", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ env: { CORS_ORIGINS: FRONT_END, THUMBNAIL_CACHE_SCOPE: "public" } });
  });
  afterAll(() => harness?.close());

  async function issue(id: string, size: number): Promise<string> {
    const { data } = await graphql<{ context: { thumbnailUrl: string } }>(
      harness,
      `{ context(id: "${id}") { thumbnailUrl(size: ${size}) } }`,
    );
    const url = new URL(data!.context.thumbnailUrl);
    return `${harness.url}${url.pathname}${url.search}`;
  }

  it("has the status, headers and bytes of the Express route's answer to the miss before it", async () => {
    const url = await issue(DEMO.shot.id, 150);
    const init = { headers: { accept: "image/webp,*/*", origin: FRONT_END } };
    const before = harness.emulator.counters.thumbnailRequests;
    const miss = await fetch(url, init);
    const missBody = Buffer.from(await miss.arrayBuffer());
    const hit = await fetch(url, init);
    const hitBody = Buffer.from(await hit.arrayBuffer());
    expect(harness.emulator.counters.thumbnailRequests).toBe(before + 1);
    expect(hit.status).toBe(200);
    expect(headersOf(hit)).toEqual(headersOf(miss));
    expect(hitBody.equals(missBody)).toBe(true);
    expect(hit.headers.get("x-request-id")).toMatch(/^[\w-]+$/);
    expect(hit.headers.get("cache-control")).toMatch(/^public, max-age=\d+, immutable$/);
    expect(hit.headers.get("access-control-allow-origin")).toBe(FRONT_END);
    // Both the origin and the negotiated format change the answer: a shared cache must key on both.
    expect(hit.headers.get("vary")).toBe("Origin, Accept");
    expect(hit.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
  });

  it("answers HEAD and If-None-Match as the Express route does", async () => {
    const url = await issue(DEMO.sequence.id, 100);
    const init = (headers: Record<string, string>, method = "GET") => ({
      method,
      headers: { accept: "image/png", ...headers },
    });
    const missNotModified = await fetch(url, init({ "if-none-match": "*" }));
    const hitNotModified = await fetch(url, init({ "if-none-match": "*" }));
    expect([missNotModified.status, hitNotModified.status]).toEqual([304, 304]);
    expect(headersOf(hitNotModified)).toEqual(headersOf(missNotModified));
    expect((await hitNotModified.arrayBuffer()).byteLength).toBe(0);

    const get = await fetch(url, init({}));
    const body = Buffer.from(await get.arrayBuffer());
    const head = await fetch(url, init({}, "HEAD"));
    expect(head.status).toBe(200);
    expect(headersOf(head)).toEqual(headersOf(get));
    expect(head.headers.get("content-length")).toBe(String(body.length));
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it("logs the request with its id, as every answer is", async () => {
    const url = await issue(DEMO.folder.id, 64);
    await (await fetch(url)).arrayBuffer();
    harness.logs.length = 0;
    const hit = await fetch(url, { headers: { "x-request-id": "fast-path-1" } });
    await hit.arrayBuffer();
    expect(hit.headers.get("x-request-id")).toBe("fast-path-1");
    await expect
      .poll(() => harness.logs.map((line) => JSON.parse(line)).find((l) => l.msg === "request"))
      .toMatchObject({
        requestId: "fast-path-1",
        method: "GET",
        status: 200,
        url: expect.stringContaining("sig=[redacted]"),
      });
  });
});

describe("the request listener", () => {
  const SECRET = "fast-path-test-secret-0123456789-abcdef";
  const config = loadConfig({ THUMBNAIL_URL_SECRETS: SECRET }).thumbnails;
  let server: Server;
  let base: string;
  let expressCalls = 0;
  let signer: ThumbnailUrlSigner;
  const cache = new ThumbnailCache(1024 * 1024);

  beforeAll(async () => {
    const app = express();
    app.use((_req, res) => {
      expressCalls++;
      res.status(299).end();
    });
    const logger = createLogger("silent");
    const delivery = new ThumbnailDelivery({
      signer: new ThumbnailUrlSigner(config, "http://127.0.0.1"),
      config,
      cache,
      source: async () => null,
    });
    const listener: RequestListener = createRequestListener({
      app,
      thumbnails: delivery,
      security: securityHeaderLists({ publicUrl: "http://127.0.0.1", playgroundAssetsPath: "/playground" }),
      cors: corsPolicy([], logger),
      logger,
    });
    server = createServer(listener);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    signer = new ThumbnailUrlSigner(config, base);
    cache.set(ThumbnailCache.key("c-held", 100, "original"), {
      body: Buffer.from("held bytes"),
      contentType: "image/png",
      etag: '"held"',
    });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("answers a hit itself: Express is not called", async () => {
    expressCalls = 0;
    const res = await fetch(signer.issue("c-held", 100), { headers: { accept: "image/png" } });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("held bytes");
    expect(res.headers.get("etag")).toBe('"held"');
    expect(res.headers.get("cache-control")).toMatch(/^private, max-age=\d+, immutable$/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(expressCalls).toBe(0);
  });

  it("hands everything else to Express: a miss, a refused or unusual URL, another method, another route", async () => {
    const hit = new URL(signer.issue("c-held", 100));
    const requests: [string, RequestInit?][] = [
      [signer.issue("c-missing", 100)],
      [withFlippedSignature(hit.toString())],
      [`${hit.toString()}&exp=1`],
      [hit.toString().replace("c-held", "c%2Dheld")],
      [hit.toString(), { method: "POST" }],
      [`${base}/graphql`],
    ];
    for (const [url, init] of requests) {
      expressCalls = 0;
      const res = await fetch(url, init);
      await res.arrayBuffer();
      expect(res.status, url).toBe(299);
      expect(expressCalls, url).toBe(1);
    }
  });
});

describe("THUMBNAIL_CACHE_SCOPE", () => {
  it("is private by default, public when asked, and nothing else", () => {
    expect(loadConfig({}).thumbnails.cacheScope).toBe("private");
    expect(loadConfig({ THUMBNAIL_CACHE_SCOPE: "public" }).thumbnails.cacheScope).toBe("public");
    expect(() => loadConfig({ THUMBNAIL_CACHE_SCOPE: "shared" })).toThrow(ConfigError);
    expect(() => loadConfig({ THUMBNAIL_CACHE_SCOPE: "shared" })).toThrow(/THUMBNAIL_CACHE_SCOPE/);
  });
});
