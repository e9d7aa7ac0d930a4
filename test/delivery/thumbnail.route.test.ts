/**
 * The signed thumbnail route over real HTTP, with a source that renders real images with sharp
 * (standing in for the ftrack-backed source, which the end-to-end tests cover).
 */

import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, type ThumbnailConfig } from "../../src/config.js";
import { ThumbnailCache } from "../../src/delivery/thumbnail.cache.js";
import { createThumbnailRouter, type ThumbnailSource } from "../../src/delivery/thumbnail.route.js";
import { FtrackUnavailableError } from "../../src/ftrack/ftrack.types.js";
import { createLogger } from "../../src/observability/logger.js";
import { ThumbnailUrlSigner } from "../../src/thumbnails/url-signer.js";

const SECRET = "route-test-secret-0123456789-abcdefghij";
const LEAK = "http://ftrack.internal/component/thumbnail?apiKey=do-not-leak-me";

function config(overrides: Partial<ThumbnailConfig> = {}): ThumbnailConfig {
  return {
    secrets: [SECRET],
    secretIsRandom: false,
    ttlSeconds: 3600,
    windowSeconds: 600,
    sizeLadder: [32, 64, 100, 150, 200, 300, 500, 800, 1200, 2048, 4096],
    cacheBytes: 8 * 1024 * 1024,
    deliveryFormats: ["webp"],
    ...overrides,
  };
}

/** A PNG fitting inside size x size (4:3), like ftrack's /component/thumbnail; its colour comes from the id. */
async function renderPng(componentId: string, size: number): Promise<Buffer> {
  const width = size;
  const height = Math.max(1, Math.round((size * 3) / 4));
  if (componentId.startsWith("big")) {
    // Noise does not compress: a large body.
    return sharp({
      create: {
        width,
        height,
        channels: 3,
        background: "#000",
        noise: { type: "gaussian", mean: 128, sigma: 60 },
      },
    })
      .png()
      .toBuffer();
  }
  const shade = [...componentId].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % 256;
  return sharp({ create: { width, height, channels: 3, background: { r: shade, g: 80, b: 255 - shade } } })
    .png()
    .toBuffer();
}

/** A source that counts its calls per component and can be held at a gate. */
function testSource() {
  const calls = new Map<string, number>();
  let gate: Promise<void> | null = null;
  const source: ThumbnailSource = async (componentId, size) => {
    calls.set(componentId, (calls.get(componentId) ?? 0) + 1);
    if (gate) await gate;
    if (componentId === "missing") return null;
    if (componentId === "down") throw new FtrackUnavailableError("network", `connect refused ${LEAK}`);
    if (componentId === "http-error") throw new FtrackUnavailableError("http", `status 503 ${LEAK}`, 503);
    if (componentId === "slow") throw new FtrackUnavailableError("timeout", `timed out ${LEAK}`);
    if (componentId === "broken") throw new Error(`unexpected ${LEAK}`);
    if (componentId === "svg") return { body: Buffer.from("<svg/>"), contentType: "image/svg+xml" };
    if (componentId === "garbage") return { body: Buffer.from("not a png"), contentType: "image/png" };
    return { body: await renderPng(componentId, size), contentType: "image/png" };
  };
  return {
    source,
    calls: (id: string) => calls.get(id) ?? 0,
    hold() {
      let release!: () => void;
      gate = new Promise((resolve) => {
        release = resolve;
      });
      return () => {
        gate = null;
        release();
      };
    },
  };
}

/** Counts the route's cache lookups, so a test can wait until every request has reached the cache. */
class CountingCache extends ThumbnailCache {
  loads = 0;
  override load(...args: Parameters<ThumbnailCache["load"]>) {
    this.loads++;
    return super.load(...args);
  }
}

interface Harness {
  base: string;
  signer: ThumbnailUrlSigner;
  cache: CountingCache;
  src: ReturnType<typeof testSource>;
  logs: string[];
  close: () => Promise<void>;
}

async function start(cfg: ThumbnailConfig): Promise<Harness> {
  const src = testSource();
  const cache = new CountingCache(cfg.cacheBytes);
  const logs: string[] = [];
  const logger = createLogger("debug", { write: (line: string) => logs.push(line) });
  const app = express();
  // The signer's public URL is set once the port is known; tests use only the path and query.
  const placeholder = new ThumbnailUrlSigner(cfg, "http://127.0.0.1");
  app.use(createThumbnailRouter({ signer: placeholder, source: src.source, cache, config: cfg, logger }));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    signer: new ThumbnailUrlSigner(cfg, base),
    cache,
    src,
    logs,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

async function bodyOf(res: Response): Promise<Buffer> {
  return Buffer.from(await res.arrayBuffer());
}

async function codeOf(res: Response): Promise<string> {
  return ((await res.json()) as { code: string }).code;
}

function isWebp(bytes: Buffer): boolean {
  return (
    bytes.subarray(0, 4).toString("latin1") === "RIFF" && bytes.subarray(8, 12).toString("latin1") === "WEBP"
  );
}

function isAvif(bytes: Buffer): boolean {
  return bytes.subarray(4, 12).toString("latin1") === "ftypavif";
}

function isPng(bytes: Buffer): boolean {
  return bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
}

describe("thumbnail route", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start(config());
  });
  afterAll(async () => {
    await h.close();
  });

  it("delivers the image with caching and safety headers", async () => {
    const url = h.signer.issue("c-200", 90);
    const res = await fetch(url, { headers: { accept: "image/png" } });
    expect(res.status).toBe(200);
    const body = await bodyOf(res);
    expect(isPng(body)).toBe(true);
    const meta = await sharp(body).metadata();
    expect([meta.width, meta.height]).toEqual([100, 75]); // 90 rounded up to the ladder's 100

    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("content-length")).toBe(String(body.length));
    expect(res.headers.get("vary")).toBe("Accept");
    expect(res.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    const cacheControl = res.headers.get("cache-control") ?? "";
    const match = /^private, max-age=(\d+), immutable$/.exec(cacheControl);
    expect(match, cacheControl).not.toBeNull();
    const exp = Number(new URL(url).searchParams.get("exp"));
    const maxAge = Number(match![1]);
    expect(maxAge).toBeGreaterThan(3500);
    expect(maxAge).toBeLessThanOrEqual(exp - Math.floor(Date.now() / 1000) + 1);
  });

  it("answers HEAD with the headers and no body", async () => {
    const url = h.signer.issue("c-head", 64);
    const get = await fetch(url, { headers: { accept: "image/png" } });
    const getBody = await bodyOf(get);
    const head = await fetch(url, { method: "HEAD", headers: { accept: "image/png" } });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(getBody.length));
    expect(head.headers.get("etag")).toBe(get.headers.get("etag"));
    expect((await bodyOf(head)).length).toBe(0);
  });

  it("answers 304 to a matching If-None-Match, with the validators and no body", async () => {
    const url = h.signer.issue("c-304", 150);
    const first = await fetch(url);
    await bodyOf(first);
    const etag = first.headers.get("etag")!;
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const again = await fetch(url, { headers: { "if-none-match": header } });
      expect(again.status, header).toBe(304);
      expect(again.headers.get("etag")).toBe(etag);
      expect(again.headers.get("cache-control")).toMatch(/^private, max-age=\d+, immutable$/);
      expect((await bodyOf(again)).length).toBe(0);
    }
    const changed = await fetch(url, { headers: { "if-none-match": '"something-else"' } });
    expect(changed.status).toBe(200);
    await bodyOf(changed);
  });

  it("answers the second request from the cache", async () => {
    const url = h.signer.issue("c-cached", 200);
    const a = await fetch(url);
    const bodyA = await bodyOf(a);
    const b = await fetch(url);
    const bodyB = await bodyOf(b);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(bodyB.equals(bodyA)).toBe(true);
    expect(b.headers.get("etag")).toBe(a.headers.get("etag"));
    expect(h.src.calls("c-cached")).toBe(1);
  });

  it("coalesces concurrent misses: 10 requests, 1 source call", async () => {
    const url = h.signer.issue("c-burst", 300);
    const before = h.cache.loads;
    const release = h.src.hold();
    const responses = Array.from({ length: 10 }, () => fetch(url, { headers: { accept: "image/webp" } }));
    await waitFor(() => h.cache.loads - before >= 10);
    release();
    const done = await Promise.all(responses);
    const bodies = await Promise.all(done.map(bodyOf));
    expect(done.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(bodies.map((b) => b.toString("base64"))).size).toBe(1);
    expect(h.src.calls("c-burst")).toBe(1);
  });

  it("transcodes to WebP when Accept allows it, and says it varies on Accept", async () => {
    const url = h.signer.issue("c-webp", 100);
    const res = await fetch(url, { headers: { accept: "image/avif,image/webp,image/apng,*/*;q=0.8" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/webp");
    expect(res.headers.get("vary")).toBe("Accept");
    const body = await bodyOf(res);
    expect(isWebp(body)).toBe(true);
    const meta = await sharp(body).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 100, 75]);

    // A client that does not name WebP (or refuses it) gets the original.
    for (const accept of ["*/*", "image/png,image/*", "image/webp;q=0"]) {
      const plain = await fetch(url, { headers: { accept } });
      expect(plain.headers.get("content-type"), accept).toBe("image/png");
      expect(isPng(await bodyOf(plain))).toBe(true);
    }
  });

  it("refuses a tampered URL with 403 and a stable code", async () => {
    const url = new URL(h.signer.issue("c-tamper", 100));
    url.pathname = "/thumbnails/c-other/100";
    const res = await fetch(url);
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({
      code: "THUMBNAIL_URL_INVALID_SIGNATURE",
      message: "Invalid thumbnail link.",
    });
    expect(h.src.calls("c-other")).toBe(0);
  });

  it("refuses malformed URLs with 403", async () => {
    const good = new URL(h.signer.issue("c-malformed", 100));
    const noSig = new URL(good);
    noSig.searchParams.delete("sig");
    const twoExp = new URL(good);
    twoExp.searchParams.append("exp", "1");
    for (const url of [
      noSig.toString(),
      twoExp.toString(),
      `${h.base}/thumbnails/c-malformed`,
      `${h.base}/thumbnails/c-malformed/100/extra${good.search}`,
      `${h.base}/thumbnails/c-malformed/abc${good.search}`,
    ]) {
      const res = await fetch(url);
      expect(res.status, url).toBe(403);
      expect(await codeOf(res)).toBe("THUMBNAIL_URL_MALFORMED");
    }
    expect(h.src.calls("c-malformed")).toBe(0);
  });

  it("answers 410 to an expired URL", async () => {
    const cfg = config();
    const past = new ThumbnailUrlSigner(cfg, h.base, () => Date.now() - 3 * 3600_000);
    const res = await fetch(past.issue("c-old", 100));
    expect(res.status).toBe(410);
    expect(await res.json()).toEqual({
      code: "THUMBNAIL_URL_EXPIRED",
      message: "This thumbnail link has expired.",
    });
    expect(h.src.calls("c-old")).toBe(0);
  });

  it("answers 404 when ftrack has no such component", async () => {
    const res = await fetch(h.signer.issue("missing", 100));
    expect(res.status).toBe(404);
    expect(await codeOf(res)).toBe("THUMBNAIL_NOT_FOUND");
  });

  it("maps ftrack failures to 502/504 without leaking detail", async () => {
    const cases: [string, number, string][] = [
      ["down", 502, "THUMBNAIL_UPSTREAM_ERROR"],
      ["http-error", 502, "THUMBNAIL_UPSTREAM_ERROR"],
      ["slow", 504, "THUMBNAIL_UPSTREAM_TIMEOUT"],
      ["svg", 502, "THUMBNAIL_UPSTREAM_ERROR"],
      ["garbage", 502, "THUMBNAIL_UPSTREAM_ERROR"],
      ["broken", 500, "INTERNAL_SERVER_ERROR"],
    ];
    for (const [id, status, code] of cases) {
      // webp so that "garbage" goes through the decoder
      const res = await fetch(h.signer.issue(id, 100), { headers: { accept: "image/webp" } });
      const text = await res.text();
      expect(res.status, id).toBe(status);
      expect(JSON.parse(text).code, id).toBe(code);
      expect(text).not.toMatch(/ftrack\.internal|apiKey|do-not-leak|at .*\.ts|Error/);
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
    // A failure is not cached: the next request asks the source again.
    await (await fetch(h.signer.issue("down", 100))).text();
    expect(h.src.calls("down")).toBe(2);
  });

  it("never logs a signature or a credential", async () => {
    const url = new URL(h.signer.issue("c-logs", 100));
    await (await fetch(url)).arrayBuffer();
    await (await fetch(h.signer.issue("down", 150))).text();
    const all = h.logs.join("\n");
    expect(all).toContain("thumbnail");
    expect(all).not.toContain(url.searchParams.get("sig")!);
    expect(all).not.toContain("do-not-leak-me");
    expect(all).not.toContain(SECRET);
  });
});

describe("thumbnail route: byte cap", () => {
  it("evicts the least recently used entry and does not cache one larger than the cap", async () => {
    const [a, b, big] = await Promise.all([
      renderPng("c-a", 100),
      renderPng("c-b", 100),
      renderPng("big-1", 500),
    ]);
    const cap = Math.max(a.length, b.length) + Math.min(a.length, b.length) - 1; // one fits, not two
    expect(big.length).toBeGreaterThan(cap);
    const h = await start(config({ cacheBytes: cap, deliveryFormats: [] }));
    try {
      const get = async (id: string, size: number) => {
        const res = await fetch(h.signer.issue(id, size), { headers: { accept: "image/webp" } });
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toBe("image/png"); // no formats configured
        expect(res.headers.get("vary")).toBeNull();
        return bodyOf(res);
      };
      await get("c-a", 100);
      await get("c-a", 100);
      expect(h.src.calls("c-a")).toBe(1);
      await get("c-b", 100); // pushes c-a out
      expect(h.cache.bytes).toBeLessThanOrEqual(cap);
      await get("c-a", 100);
      expect(h.src.calls("c-a")).toBe(2);
      expect(h.src.calls("c-b")).toBe(1);

      const first = await get("big-1", 500);
      const second = await get("big-1", 500);
      expect(first.length).toBeGreaterThan(cap);
      expect(second.length).toBeGreaterThan(cap);
      expect(h.src.calls("big-1")).toBe(2);
      expect(h.cache.bytes).toBeLessThanOrEqual(cap);
    } finally {
      await h.close();
    }
  });
});

describe("thumbnail route: AVIF", () => {
  it("prefers the first configured format the client names, and caches each variant apart", async () => {
    const h = await start(config({ deliveryFormats: ["avif", "webp"] }));
    try {
      const url = h.signer.issue("c-avif", 64);
      const avif = await fetch(url, { headers: { accept: "image/avif,image/webp,*/*" } });
      expect(avif.headers.get("content-type")).toBe("image/avif");
      const avifBody = await bodyOf(avif);
      expect(isAvif(avifBody)).toBe(true);
      expect((await sharp(avifBody).metadata()).width).toBe(64);

      const webp = await fetch(url, { headers: { accept: "image/webp,*/*" } });
      expect(webp.headers.get("content-type")).toBe("image/webp");
      expect(isWebp(await bodyOf(webp))).toBe(true);

      // A higher q for WebP wins over the configured order.
      const qWebp = await fetch(url, { headers: { accept: "image/avif;q=0.5,image/webp" } });
      expect(qWebp.headers.get("content-type")).toBe("image/webp");
      await bodyOf(qWebp);

      expect(webp.headers.get("etag")).not.toBe(avif.headers.get("etag"));
      expect(h.src.calls("c-avif")).toBe(2); // one fetch per variant; the WebP repeat was a hit
    } finally {
      await h.close();
    }
  });
});

describe("thumbnail route: THUMBNAIL_FORMATS empty", () => {
  it("serves the original even to a client that accepts WebP, and does not vary on Accept", async () => {
    const h = await start(loadConfig({ THUMBNAIL_FORMATS: "", THUMBNAIL_URL_SECRETS: SECRET }).thumbnails);
    try {
      const res = await fetch(h.signer.issue("c-original", 64), { headers: { accept: "image/webp,*/*" } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/png");
      expect(res.headers.get("vary")).toBeNull();
      expect(isPng(await bodyOf(res))).toBe(true);
    } finally {
      await h.close();
    }
  });
});
