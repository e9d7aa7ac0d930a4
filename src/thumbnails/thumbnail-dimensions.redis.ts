/**
 * The srcset dimension samples in Redis, shared by the replicas: one hash per component, a field per
 * box ("320x240"), kept as long as the thumbnails themselves. Component ids are immutable, so a
 * sample never goes stale.
 */
import { REDIS_PREFIX, type RedisConnection } from "../redis/redis.connection.js";
import type { SharedDimensions } from "./thumbnail-dimensions.memo.js";

const KEY = `${REDIS_PREFIX}dimensions:`;

export function redisDimensions(redis: RedisConnection, ttlSeconds: number): SharedDimensions {
  const { client, health } = redis;
  return {
    read: (componentId) =>
      health.attempt(
        "dimensions_get",
        async () =>
          Object.entries(await client.hgetall(KEY + componentId)).map(([box, size]) => {
            const [width = 0, height = 0] = size.split("x").map(Number);
            return { box: Number(box), width, height };
          }),
        [],
      ),
    write(componentId, { box, width, height }) {
      void health.attempt(
        "dimensions_set",
        () =>
          client
            .multi()
            .hset(KEY + componentId, String(box), `${width}x${height}`)
            .expire(KEY + componentId, ttlSeconds)
            .exec(),
        null,
      );
    },
  };
}
