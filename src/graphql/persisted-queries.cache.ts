/**
 * Apollo's automatic persisted queries shared by the replicas (REDIS_URL): a query registered
 * through one replica runs by its hash on every other. This replica's memory first (Apollo's own
 * bounded LRU), then Redis through Apollo's Keyv adapter and Keyv's Redis store, which has its own
 * connection that never queues commands while Redis is away. Redis being down or slow is a miss
 * (the client sends the query again, as APQ clients do), never an error, and while the service's
 * Redis health says degraded, Redis is not asked at all.
 */
import { KeyvAdapter } from "@apollo/utils.keyvadapter";
import { ErrorsAreMissesCache, InMemoryLRUCache, type KeyValueCache } from "@apollo/utils.keyvaluecache";
import type KeyvRedis from "@keyv/redis";
import { createKeyvNonBlocking } from "@keyv/redis";
import { REDIS_PREFIX, type RedisConnection } from "../redis/redis.connection.js";

type KeyvOfAdapter = ConstructorParameters<typeof KeyvAdapter<string>>[0];

export interface SharedPersistedQueryCache extends KeyValueCache<string> {
  close(): Promise<void>;
}

export function sharedPersistedQueryCache(redis: RedisConnection): SharedPersistedQueryCache {
  const { url, timeoutMs } = redis.config;
  const keyv = createKeyvNonBlocking(
    {
      url,
      commandOptions: { timeout: timeoutMs },
      socket: { connectTimeout: Math.max(timeoutMs, 1000) },
    },
    { namespace: REDIS_PREFIX.slice(0, -1), keyPrefixSeparator: ":", connectionTimeout: timeoutMs },
  );
  keyv.on("error", (error: unknown) => redis.health.failed("persisted_query", error));
  // Connect now rather than on the first query, which would otherwise wait for it.
  void (keyv.store as KeyvRedis<string>).getClient();
  // One keyv package, typed twice: for the adapter's require() and for @keyv/redis's import.
  const shared = new ErrorsAreMissesCache(new KeyvAdapter<string>(keyv as unknown as KeyvOfAdapter));
  const memory = new InMemoryLRUCache<string>();
  return {
    async get(key) {
      const local = await memory.get(key);
      if (local !== undefined || !redis.health.usable) return local;
      const stored = await shared.get(key);
      if (stored !== undefined) await memory.set(key, stored);
      return stored;
    },
    async set(key, value, options) {
      await memory.set(key, value, options);
      if (redis.health.usable) await shared.set(key, value, options);
    },
    async delete(key) {
      await memory.delete(key);
      if (redis.health.usable) await shared.delete(key);
    },
    // Destroyed, not quit: a graceful quit waits for a Redis that may never answer, holding the
    // shutdown; what is lost is at most a cache write.
    close: () => (keyv.store as KeyvRedis<string>).disconnect(true),
  };
}
