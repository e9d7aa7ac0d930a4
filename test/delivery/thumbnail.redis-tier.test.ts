/**
 * The Redis tier against a real Redis: two tiers on their own connections stand for two replicas.
 * Misses coalesce across them, a holder's outcome is its waiters', and Redis stopped or frozen
 * mid-way makes callers fetch for themselves within the command timeout.
 */
import { Writable } from "node:stream";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type RedisProcess, startRedis } from "../../scripts/cluster.processes.js";
import type { CachedThumbnail } from "../../src/delivery/thumbnail.cache.js";
import { RedisThumbnailTier } from "../../src/delivery/thumbnail.redis-tier.js";
import { FtrackUnavailableError } from "../../src/ftrack/ftrack.types.js";
import { createLogger } from "../../src/observability/logger.js";
import { connectRedis, type RedisConnection } from "../../src/redis/redis.connection.js";

let redis: RedisProcess;
const connections: RedisConnection[] = [];
const logs: string[] = [];
/** Short, where a test waits one out; the counting tests use a longer one a loaded machine cannot trip. */
const TIMEOUT_MS = 200;
const CALM_TIMEOUT_MS = 2000;

async function replica(timeoutMs = TIMEOUT_MS): Promise<RedisThumbnailTier> {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const connection = await connectRedis(
    { url: redis.url, timeoutMs, thumbnailTtlSeconds: 60 },
    createLogger("info", sink),
  );
  connections.push(connection);
  return new RedisThumbnailTier({ redis: connection, ttlSeconds: 60, maxWaitMs: 5000 });
}

/** A loader held at a gate, counting its calls. */
function gatedLoader(result: () => Promise<CachedThumbnail | null>) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const loader = {
    calls: 0,
    release,
    load: async () => {
      loader.calls++;
      await gate;
      return result();
    },
  };
  return loader;
}

const entry = (tag: string): CachedThumbnail => ({
  body: Buffer.from(`bytes of ${tag}`),
  contentType: "image/webp",
  etag: `"${tag}"`,
  size: { width: 320, height: 240 },
});
let n = 0;
const freshKey = () => `component-${++n}/300/webp`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  redis = await startRedis();
});
afterEach(async () => {
  redis.resume();
});
afterAll(async () => {
  for (const c of connections) await c.close();
  await redis?.stop();
});

describe("RedisThumbnailTier", () => {
  it("two replicas missing one key at once fetch it once; both get the stored entry", async () => {
    const [a, b] = [await replica(CALM_TIMEOUT_MS), await replica(CALM_TIMEOUT_MS)];
    const key = freshKey();
    const loader = gatedLoader(async () => entry("one"));
    const both = [a.load(key, loader.load), b.load(key, loader.load)];
    await sleep(100);
    loader.release();
    const [fromA, fromB] = await Promise.all(both);
    expect(loader.calls).toBe(1);
    expect(fromA).toEqual(entry("one"));
    expect(fromB).toEqual(entry("one"));
    // A third replica later: a Redis hit.
    expect(await (await replica(CALM_TIMEOUT_MS)).load(key, loader.load)).toEqual(entry("one"));
    expect(loader.calls).toBe(1);
  });

  it("the holder's timeout is its waiter's timeout; its null is the waiter's null", async () => {
    const [a, b] = [await replica(CALM_TIMEOUT_MS), await replica(CALM_TIMEOUT_MS)];
    const slow = freshKey();
    const failing = gatedLoader(async () => {
      throw new FtrackUnavailableError("timeout", "ftrack timed out");
    });
    const outcomes = [a.load(slow, failing.load), b.load(slow, failing.load)].map((p) =>
      p.then(
        () => "ok",
        (error: FtrackUnavailableError) => error.kind,
      ),
    );
    await sleep(100);
    failing.release();
    expect(await Promise.all(outcomes)).toEqual(["timeout", "timeout"]);
    expect(failing.calls).toBe(1);

    const missing = freshKey();
    const none = gatedLoader(async () => null);
    const both = [a.load(missing, none.load), b.load(missing, none.load)];
    await sleep(100);
    none.release();
    expect(await Promise.all(both)).toEqual([null, null]);
    expect(none.calls).toBe(1);
  });

  it("Redis stopped while a replica waits: it stops waiting and fetches for itself", async () => {
    const [a, b] = [await replica(), await replica()];
    const key = freshKey();
    const holder = gatedLoader(async () => entry("held"));
    const held = a.load(key, holder.load);
    await sleep(100);
    const own = gatedLoader(async () => entry("own"));
    own.release();
    const waiting = b.load(key, own.load);
    await sleep(100);
    await redis.stop();
    const started = performance.now();
    expect(await waiting).toEqual(entry("own"));
    expect(performance.now() - started).toBeLessThan(1500);
    holder.release();
    expect(await held).toEqual(entry("held"));
    expect(logs.filter((l) => l.includes("Redis unavailable")).length).toBeGreaterThan(0);
    await redis.start();
    for (const c of connections) await expect.poll(() => c.health.usable, { timeout: 10_000 }).toBe(true);
  });

  it("Redis frozen (slow): a miss costs one command timeout, then Redis is skipped", async () => {
    const tier = await replica();
    redis.pause();
    const loader = gatedLoader(async () => entry("direct"));
    loader.release();
    let started = performance.now();
    expect(await tier.load(freshKey(), loader.load)).toEqual(entry("direct"));
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + 500);
    // Degraded now: no command is even tried.
    started = performance.now();
    expect(await tier.load(freshKey(), loader.load)).toEqual(entry("direct"));
    expect(performance.now() - started).toBeLessThan(50);
    expect(connections.at(-1)!.health.state.status).toBe("degraded");
    redis.resume();
    await expect.poll(() => connections.at(-1)!.health.usable, { timeout: 10_000 }).toBe(true);
  });
});
