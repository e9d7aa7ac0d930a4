/**
 * The service's Redis connection (REDIS_URL), shared by every user of Redis in the process: one
 * connection for commands, one for pub/sub (a subscribed connection takes no other commands), and
 * their health. Commands never queue while Redis is away and are bounded by REDIS_TIMEOUT_MS, so a
 * caller learns within that bound that it must go on without Redis; the connection reconnects by
 * itself, backing off.
 */
import { Redis, type RedisOptions } from "ioredis";
import type { RedisConfig } from "../config.js";
import type { Logger } from "../observability/logger.js";
import { RedisHealth } from "./redis.health.js";

/** Every key and channel of this service starts with this, so it can share a Redis with others. */
export const REDIS_PREFIX = "thumbnail-graph:";

export interface RedisConnection {
  client: Redis;
  health: RedisHealth;
  config: RedisConfig;
  /**
   * Calls `onMessage` with each message published on `channel`, from when the subscription is
   * made (it waits for Redis when Redis is away) and again after every reconnect.
   */
  subscribe(channel: string, onMessage: (message: string) => void): void;
  close(): Promise<void>;
}

/** Host and port of a Redis URL for the log: never its password. */
export function redisTarget(url: string): string {
  const { protocol, hostname, port } = new URL(url);
  return `${protocol}//${hostname}:${port || 6379}`;
}

/**
 * Connects, waiting for the first answer at most REDIS_TIMEOUT_MS (one second at least): Redis
 * being down at start does not stop the service (it goes without Redis until Redis answers).
 */
export async function connectRedis(config: RedisConfig, logger: Logger): Promise<RedisConnection> {
  const connectWaitMs = Math.max(config.timeoutMs, 1000);
  const options: RedisOptions = {
    lazyConnect: true,
    // A command while disconnected fails at once instead of waiting in a queue that grows.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: config.timeoutMs,
    connectTimeout: connectWaitMs,
    // Reconnect forever, backing off to one attempt every 2 s.
    retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
  };
  const client = new Redis(config.url, options);
  const health = new RedisHealth(logger.child({ redis: redisTarget(config.url) }), () => client.ping());
  client.on("error", (error) => health.failed("connection", error));
  client.on("close", () => {
    if (health.usable) health.failed("connection", new Error("connection closed"));
  });
  client.on("ready", () => void health.check());

  // Subscribing is the only command this connection sends, so it may wait for a reconnect.
  let subscriber: Redis | undefined;
  const handlers = new Map<string, (message: string) => void>();

  // A Redis that accepts but never answers would hold ioredis's connect() for several timeouts.
  let waited: NodeJS.Timeout | undefined;
  await Promise.race([
    client.connect().then(
      () => health.check(),
      () => {},
    ),
    new Promise((resolve) => (waited = setTimeout(resolve, connectWaitMs))),
  ]);
  clearTimeout(waited);
  return {
    client,
    health,
    config,
    subscribe(channel, onMessage) {
      if (!subscriber) {
        subscriber = client.duplicate({ enableOfflineQueue: true, commandTimeout: undefined });
        // The command connection reports the outage; this one only reconnects and resubscribes.
        subscriber.on("error", () => {});
        subscriber.on("message", (from: string, message: string) => handlers.get(from)?.(message));
      }
      handlers.set(channel, onMessage);
      subscriber.subscribe(channel).catch((error) => health.failed("subscribe", error));
    },
    async close() {
      health.stop();
      for (const connection of [client, subscriber]) {
        connection?.disconnect(false);
      }
    },
  };
}
