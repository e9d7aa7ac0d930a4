/**
 * The shared thumbnail tier in Redis (REDIS_URL): what one replica fetched from ftrack (bytes,
 * content type, ETag, size) is served by every replica for THUMBNAIL_REDIS_TTL_SECONDS.
 *
 * Misses coalesce across replicas. A replica that misses takes a short lock on the key
 * (SET NX PX, with a token of its own) and renews it while it fetches; it stores the entry,
 * releases the lock (only while it is still its own) and publishes the outcome. The others wait
 * for that message, and no longer than the lock lives: a holder that died stops renewing it, so
 * after at most one lock lifetime a waiter takes the lock and fetches. A holder's failure is its
 * waiters' failure too (timeout: 504, else 502; nothing there: 404), as within one replica.
 *
 * Redis failing or slow at any step makes the caller fetch from ftrack itself (the memory tier's
 * single-flight still coalesces within the replica), and waiters stop waiting when Redis degrades.
 */
import { randomUUID } from "node:crypto";
import { FtrackUnavailableError } from "../ftrack/ftrack.types.js";
import { thumbnailCacheHits, thumbnailCacheMisses } from "../observability/metrics.js";
import { REDIS_PREFIX, type RedisConnection } from "../redis/redis.connection.js";
import type { CachedThumbnail, SharedThumbnailTier } from "./thumbnail.cache.js";

const ENTRY = `${REDIS_PREFIX}thumbnail:`;
const LOCK = `${REDIS_PREFIX}thumbnail-lock:`;
const CHANNEL = `${REDIS_PREFIX}thumbnail-filled`;

/**
 * A lock's lifetime; its holder renews it three times as often, so only a holder stalled this long
 * loses it. A dead holder is noticed this fast.
 */
export const THUMBNAIL_LOCK_MS = 3000;

// Both act only while the lock holds our token: it may have expired and been taken by another.
const RELEASE_LOCK = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) end return 0`;
const RENEW_LOCK = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) end return 0`;

/**
 * What a holder publishes: stored, nothing to deliver, its fetch timed out or failed otherwise, or
 * fetched but not stored (Redis failed meanwhile: waiters fetch for themselves).
 */
const HOLDER_OUTCOMES = ["filled", "none", "timeout", "failed", "unstored"] as const;
type HolderOutcome = (typeof HOLDER_OUTCOMES)[number];
/** What else ends a wait: the lock expired (its holder is gone), or Redis degraded. */
type WaitOutcome = HolderOutcome | "expired" | "redis-down";

const UNAVAILABLE = Symbol("redis unavailable");

type Loader = () => Promise<CachedThumbnail | null>;

export interface RedisThumbnailTierOptions {
  redis: RedisConnection;
  ttlSeconds: number;
  /** Bounds a caller's whole wait for other replicas, after which it fetches without the lock. */
  maxWaitMs: number;
}

export class RedisThumbnailTier implements SharedThumbnailTier {
  readonly #redis: RedisConnection;
  readonly #ttlSeconds: number;
  readonly #maxWaitMs: number;
  readonly #waiters = new Map<string, Set<(outcome: WaitOutcome) => void>>();

  constructor({ redis, ttlSeconds, maxWaitMs }: RedisThumbnailTierOptions) {
    this.#redis = redis;
    this.#ttlSeconds = ttlSeconds;
    this.#maxWaitMs = maxWaitMs;
    redis.subscribe(CHANNEL, (message) => {
      const space = message.indexOf(" ");
      const outcome = message.slice(0, space);
      if ((HOLDER_OUTCOMES as readonly string[]).includes(outcome))
        this.#settle(message.slice(space + 1), outcome as HolderOutcome);
    });
    redis.health.onDegraded(() => {
      for (const key of [...this.#waiters.keys()]) this.#settle(key, "redis-down");
    });
  }

  static entryKey(key: string): string {
    return ENTRY + key;
  }

  static lockKey(key: string): string {
    return LOCK + key;
  }

  async load(key: string, loader: Loader): Promise<CachedThumbnail | null> {
    const found = await this.#read(key);
    if (found === UNAVAILABLE) return loader();
    if (found) {
      thumbnailCacheHits.inc({ tier: "redis" });
      return found;
    }
    const filled = await this.#fill(key, loader);
    (filled.fromRedis ? thumbnailCacheHits : thumbnailCacheMisses).inc({ tier: "redis" });
    return filled.value;
  }

  /** Fetches under the lock, or waits for the holder's outcome. */
  async #fill(key: string, loader: Loader): Promise<{ value: CachedThumbnail | null; fromRedis: boolean }> {
    const { client, health } = this.#redis;
    const fetched = async (fetch: Promise<CachedThumbnail | null>) => ({
      value: await fetch,
      fromRedis: false,
    });
    const deadline = Date.now() + this.#maxWaitMs;
    while (Date.now() < deadline) {
      // Waiting starts before the lock is tried, so an outcome published meanwhile is not missed.
      const wait = this.#waitFor(key);
      const token = randomUUID();
      const locked = await health.attempt(
        "thumbnail_lock",
        () => client.set(LOCK + key, token, "PX", THUMBNAIL_LOCK_MS, "NX"),
        UNAVAILABLE,
      );
      if (locked === UNAVAILABLE) {
        wait.cancel();
        return fetched(loader());
      }
      if (locked === "OK") {
        wait.cancel();
        // The previous holder may have stored it and let go between our first look and the lock.
        const stored = await this.#read(key);
        if (stored && stored !== UNAVAILABLE) {
          void this.#release(key, token);
          return { value: stored, fromRedis: true };
        }
        return fetched(this.#fetchHolding(key, token, loader));
      }
      // Another replica holds the lock; it may have stored the entry since our first look.
      const found = await this.#read(key);
      if (found === UNAVAILABLE) {
        wait.cancel();
        return fetched(loader());
      }
      if (found) {
        wait.cancel();
        return { value: found, fromRedis: true };
      }
      const outcome = await wait.until(Math.min(THUMBNAIL_LOCK_MS, deadline - Date.now()));
      switch (outcome) {
        case "filled": {
          const stored = await this.#read(key);
          if (stored === UNAVAILABLE || !stored) return fetched(this.#fetchFree(key, loader));
          return { value: stored, fromRedis: true };
        }
        case "none":
          return { value: null, fromRedis: true };
        case "timeout":
          throw new FtrackUnavailableError("timeout", "another replica's fetch of this thumbnail timed out");
        case "failed":
          throw new FtrackUnavailableError("http", "another replica's fetch of this thumbnail failed");
        case "unstored":
        case "redis-down":
          return fetched(this.#fetchFree(key, loader));
        case "expired":
        // Waited a lock lifetime without news: if the holder stopped renewing, the lock is free now.
      }
    }
    return fetched(this.#fetchFree(key, loader));
  }

  /** The lock holder's fetch: renews the lock meanwhile, stores the entry, tells the waiters. */
  async #fetchHolding(key: string, token: string, loader: Loader): Promise<CachedThumbnail | null> {
    const { client, health } = this.#redis;
    const renew = setInterval(() => {
      void health.attempt(
        "thumbnail_lock",
        () => client.eval(RENEW_LOCK, 1, LOCK + key, token, THUMBNAIL_LOCK_MS),
        0,
      );
    }, THUMBNAIL_LOCK_MS / 3);
    let outcome: HolderOutcome = "failed";
    try {
      const value = await loader();
      outcome = !value ? "none" : (await this.#write(key, value)) ? "filled" : "unstored";
      return value;
    } catch (error) {
      if (error instanceof FtrackUnavailableError && error.kind === "timeout") outcome = "timeout";
      throw error;
    } finally {
      clearInterval(renew);
      // Neither is waited for: the caller has its answer.
      void this.#release(key, token);
      void health.attempt("thumbnail_publish", () => client.publish(CHANNEL, `${outcome} ${key}`), 0);
    }
  }

  #release(key: string, token: string): Promise<unknown> {
    const { client, health } = this.#redis;
    return health.attempt("thumbnail_unlock", () => client.eval(RELEASE_LOCK, 1, LOCK + key, token), 0);
  }

  /** A fetch without the lock (Redis failed meanwhile, or waiting took too long); stored when it works. */
  async #fetchFree(key: string, loader: Loader) {
    const value = await loader();
    if (value) await this.#write(key, value);
    return value;
  }

  async #read(key: string): Promise<CachedThumbnail | null | typeof UNAVAILABLE> {
    return this.#redis.health.attempt(
      "thumbnail_get",
      async () => decode(await this.#redis.client.hgetallBuffer(ENTRY + key)),
      UNAVAILABLE,
    );
  }

  async #write(key: string, entry: CachedThumbnail): Promise<boolean> {
    const fields: Record<string, string | Buffer> = {
      body: entry.body,
      contentType: entry.contentType,
      etag: entry.etag,
    };
    if (entry.size) {
      fields.width = String(entry.size.width);
      fields.height = String(entry.size.height);
    }
    return this.#redis.health.attempt(
      "thumbnail_set",
      async () => {
        const results = await this.#redis.client
          .multi()
          .hset(ENTRY + key, fields)
          .expire(ENTRY + key, this.#ttlSeconds)
          .exec();
        const failure = results?.find(([error]) => error)?.[0];
        if (failure) throw failure;
        return true;
      },
      false,
    );
  }

  #waitFor(key: string) {
    let settle!: (outcome: WaitOutcome) => void;
    const outcome = new Promise<WaitOutcome>((resolve) => {
      settle = resolve;
    });
    const waiters = this.#waiters.get(key) ?? new Set();
    waiters.add(settle);
    this.#waiters.set(key, waiters);
    let timer: NodeJS.Timeout | undefined;
    const cancel = () => {
      clearTimeout(timer);
      waiters.delete(settle);
      if (waiters.size === 0 && this.#waiters.get(key) === waiters) this.#waiters.delete(key);
    };
    return {
      cancel,
      until: (ms: number) => {
        timer = setTimeout(() => settle("expired"), Math.max(0, ms));
        return outcome.finally(cancel);
      },
    };
  }

  #settle(key: string, outcome: WaitOutcome): void {
    for (const settle of this.#waiters.get(key) ?? []) settle(outcome);
  }
}

function decode(fields: Record<string, Buffer>): CachedThumbnail | null {
  const { body, contentType, etag, width, height } = fields;
  if (!body || !contentType || !etag) return null;
  const size = width && height ? { width: Number(width), height: Number(height) } : undefined;
  return { body, contentType: contentType.toString(), etag: etag.toString(), ...(size && { size }) };
}
