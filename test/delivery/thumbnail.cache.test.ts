import { describe, expect, it } from "vitest";
import { type CachedThumbnail, ThumbnailCache } from "../../src/delivery/thumbnail.cache.js";

function entry(bytes: number, tag = "x"): CachedThumbnail {
  return { body: Buffer.alloc(bytes), contentType: "image/png", etag: `"${tag}"` };
}

describe("ThumbnailCache", () => {
  it("keys by component, size and variant", () => {
    expect(ThumbnailCache.key("c1", 100, "webp")).not.toBe(ThumbnailCache.key("c1", 100, "original"));
    expect(ThumbnailCache.key("c1", 100, "webp")).not.toBe(ThumbnailCache.key("c1", 150, "webp"));
    expect(ThumbnailCache.key("c1", 100, "webp")).not.toBe(ThumbnailCache.key("c2", 100, "webp"));
  });

  it("evicts the least recently used entries to stay within the byte cap", () => {
    const cache = new ThumbnailCache(100);
    cache.set("a", entry(40));
    cache.set("b", entry(40));
    expect(cache.bytes).toBe(80);
    cache.get("a"); // a is now more recent than b
    cache.set("c", entry(40));
    expect(cache.has("a")).toBe(true);
    expect(cache.has("b")).toBe(false);
    expect(cache.has("c")).toBe(true);
    expect(cache.bytes).toBe(80);

    cache.set("d", entry(100)); // exactly the cap: everything else goes
    expect([cache.has("a"), cache.has("c"), cache.has("d")]).toEqual([false, false, true]);
    expect(cache.bytes).toBe(100);
  });

  it("does not store an entry larger than the cap, and keeps what it had", () => {
    const cache = new ThumbnailCache(100);
    cache.set("a", entry(50));
    expect(cache.set("huge", entry(101))).toBe(false);
    expect(cache.has("huge")).toBe(false);
    expect(cache.has("a")).toBe(true);
    expect(cache.bytes).toBe(50);
  });

  it("replacing a key accounts its bytes once", () => {
    const cache = new ThumbnailCache(100);
    cache.set("a", entry(30));
    cache.set("a", entry(60));
    expect(cache.bytes).toBe(60);
    expect(cache.count).toBe(1);
  });

  it("coalesces concurrent loads of one key into one loader call", async () => {
    const cache = new ThumbnailCache(1000);
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const loader = async () => {
      calls++;
      await gate;
      return entry(10, "one");
    };
    const loads = Array.from({ length: 10 }, () => cache.load("k", loader));
    release();
    const results = await Promise.all(loads);
    expect(calls).toBe(1);
    expect(results.map((r) => r.outcome)).toEqual(["miss", ...Array(9).fill("coalesced")]);
    expect(new Set(results.map((r) => r.value))).toHaveProperty("size", 1);
    expect((await cache.load("k", loader)).outcome).toBe("hit");
    expect(calls).toBe(1);
  });

  it("shares a failure with the waiting callers but does not keep it", async () => {
    const cache = new ThumbnailCache(1000);
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new Error("down");
    };
    const results = await Promise.allSettled([cache.load("k", failing), cache.load("k", failing)]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(calls).toBe(1);
    const next = await cache.load("k", async () => entry(5));
    expect(next.outcome).toBe("miss");
    expect(next.value?.body.length).toBe(5);
  });

  it("does not store null (nothing to deliver)", async () => {
    const cache = new ThumbnailCache(1000);
    expect((await cache.load("k", async () => null)).value).toBeNull();
    expect(cache.has("k")).toBe(false);
  });

  it("with a cap of 0 caches nothing but still coalesces", async () => {
    const cache = new ThumbnailCache(0);
    let calls = 0;
    const loader = async () => {
      calls++;
      return entry(1);
    };
    await Promise.all([cache.load("k", loader), cache.load("k", loader)]);
    expect(calls).toBe(1);
    await cache.load("k", loader);
    expect(calls).toBe(2);
    expect(cache.bytes).toBe(0);
  });
});
