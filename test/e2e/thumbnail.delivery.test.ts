/**
 * The signed thumbnail route end to end: URLs issued by GraphQL, bytes fetched through the real
 * ftrack path from the embedded server. Signature, expiry, caching headers, 304, the in-memory
 * cache and its coalescing, format negotiation, and ftrack failures (502/504) without leaks.
 */
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { DEMO } from "../../src/emulator/index.js";
import { ThumbnailUrlSigner } from "../../src/thumbnails/url-signer.js";
import type { ThumbnailableType } from "../generated/graphql.js";
import { graphql, type Harness, startHarness } from "../support/service.harness.js";
import { flipSignature } from "../support/signature.tamper.js";

/** The harness's default secrets (see service.harness.ts): a test signer must use the same. */
const SECRETS = "test-secret-one-for-signing-urls-0001,test-secret-two-for-signing-urls-0002";
// Long enough for a loaded machine, short enough for the hang test to finish soon.
const TIMEOUT_MS = 1500;

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({
    env: {
      THUMBNAIL_URL_SECRETS: SECRETS,
      THUMBNAIL_FORMATS: "webp,avif",
      FTRACK_TIMEOUT_MS: String(TIMEOUT_MS),
    },
  });
});
afterAll(() => harness?.close());

async function issue(type: ThumbnailableType, id: string, size: number): Promise<string> {
  const doc = `query ($type: ThumbnailableType!, $id: ID!) { thumbnailable(type: $type, id: $id) { thumbnailUrl(size: ${size}) } }`;
  const { data, errors } = await graphql<{ thumbnailable: { thumbnailUrl: string } }>(harness, doc, {
    type,
    id,
  });
  expect(errors).toBeUndefined();
  return data!.thumbnailable.thumbnailUrl;
}

const PNG = { accept: "image/png,image/*;q=0.8" };

describe("a valid URL", () => {
  it("answers 200 with the image scaled to fit inside size x size, and caching headers", async () => {
    const url = await issue("TASK", DEMO.task.id, 100);
    const res = await fetch(url, { headers: PNG });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    const body = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get("content-length"))).toBe(body.length);
    const meta = await sharp(body).metadata();
    expect(meta.format).toBe("png");
    expect(meta.width).toBeLessThanOrEqual(100);
    expect(meta.height).toBeLessThanOrEqual(100);
    expect(Math.max(meta.width!, meta.height!)).toBe(100);

    expect(res.headers.get("etag")).toMatch(/^"[\w-]+"$/);
    const cacheControl = res.headers.get("cache-control")!;
    const match = /^private, max-age=(\d+), immutable$/.exec(cacheControl);
    expect(match, cacheControl).not.toBeNull();
    const exp = Number(new URL(url).searchParams.get("exp"));
    const maxAge = Number(match![1]);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(exp - Math.floor(Date.now() / 1000) + 1);
  });

  it("serves each entity kind's thumbnail (version, user, project, studio-defined context)", async () => {
    const cases: [ThumbnailableType, string][] = [
      ["ASSET_VERSION", DEMO.asset.versionIds[0]!],
      ["USER", DEMO.users.carol.id],
      ["PROJECT", DEMO.projects.borealis.id],
      ["CUSTOM_CONTEXT", DEMO.scene.id],
    ];
    for (const [type, id] of cases) {
      const res = await fetch(await issue(type, id, 64), { headers: PNG });
      expect(res.status, type).toBe(200);
      const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
      expect(Math.max(meta.width!, meta.height!), type).toBeLessThanOrEqual(64);
    }
  });

  it("answers 304 to a matching If-None-Match, with no body", async () => {
    const url = await issue("SHOT", DEMO.shot.id, 150);
    const first = await fetch(url, { headers: PNG });
    const etag = first.headers.get("etag")!;
    await first.arrayBuffer();
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const again = await fetch(url, { headers: { ...PNG, "if-none-match": ifNoneMatch } });
      expect(again.status, ifNoneMatch).toBe(304);
      expect(again.headers.get("etag")).toBe(etag);
      expect((await again.arrayBuffer()).byteLength).toBe(0);
    }
    const changed = await fetch(url, { headers: { ...PNG, "if-none-match": '"something-else"' } });
    expect(changed.status).toBe(200);
  });
});

describe("refused URLs", () => {
  it("a tampered URL answers 403, whichever part was changed", async () => {
    const url = new URL(await issue("TASK", DEMO.task.id, 200));
    const other = DEMO.thumbnails[DEMO.shot.id]!;
    const tamper: ((u: URL) => void)[] = [
      (u) => u.searchParams.set("sig", flipSignature(u.searchParams.get("sig")!)),
      (u) => u.searchParams.set("exp", String(Number(u.searchParams.get("exp")) + 600)),
      (u) => u.searchParams.set("kid", "AAAAAAAA"),
      (u) => u.searchParams.delete("sig"),
      (u) => {
        u.pathname = u.pathname.replace(/\/200$/, "/300");
      },
      (u) => {
        u.pathname = u.pathname.replace(/thumbnails\/[^/]+/, `thumbnails/${other}`);
      },
    ];
    for (const change of tamper) {
      const copy = new URL(url);
      change(copy);
      const res = await fetch(copy);
      expect(res.status, copy.toString()).toBe(403);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(await res.json()).toEqual({
        code: expect.stringMatching(/^THUMBNAIL_URL_/),
        message: expect.any(String),
      });
    }
  });

  it("an expired URL with a valid signature answers 410", async () => {
    const config = loadConfig({
      THUMBNAIL_URL_SECRETS: SECRETS,
      THUMBNAIL_URL_TTL_SECONDS: "300",
    }).thumbnails;
    const twoHoursAgo = () => Date.now() - 2 * 3600 * 1000;
    const signer = new ThumbnailUrlSigner({ ...config, windowSeconds: 1 }, harness.url, twoHoursAgo);
    const expired = signer.issue(DEMO.thumbnails[DEMO.task.id]!, 100);
    expect(Number(new URL(expired).searchParams.get("exp")) * 1000).toBeLessThan(Date.now());
    const res = await fetch(expired);
    expect(res.status).toBe(410);
    expect(await res.json()).toEqual({ code: "THUMBNAIL_URL_EXPIRED", message: expect.any(String) });
  });

  it("a signed URL of a component that does not exist answers 404", async () => {
    const config = loadConfig({ THUMBNAIL_URL_SECRETS: SECRETS }).thumbnails;
    const signer = new ThumbnailUrlSigner(config, harness.url);
    const res = await fetch(signer.issue("00000000-0000-5000-8000-000000000000", 100));
    expect(res.status).toBe(404);
  });
});

describe("cache", () => {
  it("a second request is answered without asking ftrack", async () => {
    const url = await issue("SEQUENCE", DEMO.sequence.id, 300);
    const before = harness.emulator.counters.thumbnailRequests;
    const first = await fetch(url, { headers: PNG });
    const firstBody = Buffer.from(await first.arrayBuffer());
    expect(harness.emulator.counters.thumbnailRequests).toBe(before + 1);
    const second = await fetch(url, { headers: PNG });
    expect(Buffer.from(await second.arrayBuffer()).equals(firstBody)).toBe(true);
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(harness.emulator.counters.thumbnailRequests).toBe(before + 1);
  });

  it("10 concurrent first requests cost ftrack one fetch", async () => {
    const url = await issue("EPISODE", DEMO.episode.id, 500);
    const before = harness.emulator.counters.thumbnailRequests;
    // ftrack is slow: every request arrives while the first fetch is still under way.
    harness.emulator.knobs.latencyMs = 150;
    try {
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          fetch(url, { headers: PNG }).then(async (r) => [r.status, await r.arrayBuffer()] as const),
        ),
      );
      expect(answers.map(([status]) => status)).toEqual(Array(10).fill(200));
      const bodies = new Set(answers.map(([, body]) => Buffer.from(body).toString("base64")));
      expect(bodies.size).toBe(1);
    } finally {
      harness.emulator.knobs.latencyMs = 0;
    }
    expect(harness.emulator.counters.thumbnailRequests).toBe(before + 1);
  });
});

describe("format negotiation", () => {
  it("serves WebP when Accept allows it, AVIF when preferred, the original otherwise", async () => {
    const url = await issue("FOLDER", DEMO.folder.id, 150);
    const cases: [string, string, string][] = [
      ["image/webp,image/*,*/*;q=0.8", "image/webp", "webp"],
      ["image/avif,image/webp;q=0.9", "image/avif", "heif"],
      ["image/png", "image/png", "png"],
      ["*/*", "image/png", "png"],
      ["image/webp;q=0", "image/png", "png"],
    ];
    const etags = new Set<string>();
    for (const [accept, type, format] of cases) {
      const res = await fetch(url, { headers: { accept } });
      expect(res.status, accept).toBe(200);
      expect(res.headers.get("content-type"), accept).toBe(type);
      expect(res.headers.get("vary")).toMatch(/accept/i);
      const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
      expect(meta.format, accept).toBe(format);
      expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(150);
      etags.add(`${type} ${res.headers.get("etag")}`);
    }
    // One ETag per representation: a cached WebP never answers a PNG's If-None-Match.
    expect(new Set([...etags].map((e) => e.split(" ")[1])).size).toBe(3);
  });
});

describe("ftrack failing", () => {
  const leaks = () => [
    harness.emulator.apiKey,
    harness.emulator.url,
    String(harness.emulator.port),
    "apiKey",
  ];

  it("answers 502 when ftrack fails, with no detail", async () => {
    for (const mode of ["5xx", "reset"] as const) {
      const url = await issue("MILESTONE", DEMO.milestone.id, mode === "5xx" ? 32 : 64);
      harness.emulator.injectFailure({ route: "thumbnail", mode });
      const res = await fetch(url, { headers: PNG });
      expect(res.status, mode).toBe(502);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ code: "THUMBNAIL_UPSTREAM_ERROR", message: expect.any(String) });
      for (const leak of leaks()) expect(text).not.toContain(leak);
      expect(res.headers.get("cache-control")).toBe("no-store");
      // A failure is not cached: the next request fetches again and succeeds.
      const retry = await fetch(url, { headers: PNG });
      expect(retry.status).toBe(200);
    }
  });

  it("answers 504 when ftrack hangs past FTRACK_TIMEOUT_MS, with no detail", async () => {
    const url = await issue("ASSET_BUILD", DEMO.assetBuild.id, 800);
    harness.emulator.injectFailure({ route: "thumbnail", mode: "hang" });
    const res = await fetch(url, { headers: PNG });
    expect(res.status).toBe(504);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ code: "THUMBNAIL_UPSTREAM_TIMEOUT", message: expect.any(String) });
    for (const leak of leaks()) expect(text).not.toContain(leak);
  });
});
