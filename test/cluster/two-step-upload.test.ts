/**
 * The two-step upload across replicas sharing Redis: created through one replica, its PUT and its
 * completion reach the other (as a load balancer may send them), and each once-only step holds
 * across replicas. The pending upload lives in Redis until its expiry, then nowhere. With Redis
 * stopped, a new upload is kept and completed by the replica that took it.
 */
import { Redis } from "ioredis";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cluster, startCluster } from "../../scripts/cluster.stack.js";
import { DEMO } from "../../src/emulator/index.js";
import { REDIS_PREFIX } from "../../src/redis/redis.connection.js";
import { completeUpload, putFile, reserve } from "../support/two-step.client.js";
import { readyz } from "./cluster.support.js";

let cluster: Cluster;
let redis: Redis;

beforeAll(async () => {
  cluster = await startCluster({ env: { FTRACK_TIMEOUT_MS: "20000", REDIS_TIMEOUT_MS: "3000" } });
  redis = new Redis(cluster.redis.url, { lazyConnect: true });
  // Redis is stopped on purpose below; this client reconnects by itself.
  redis.on("error", () => {});
}, 120_000);
afterAll(async () => {
  redis?.disconnect();
  await cluster?.close();
});

const at = (i: number) => ({ graphqlUrl: `${cluster.replicas[i]!.url}/graphql` });
/** The same path and signature, sent to one replica directly. */
const onReplica = (i: number, url: string) => {
  const { pathname, search } = new URL(url);
  return `${cluster.replicas[i]!.url}${pathname}${search}`;
};

describe("two-step uploads across replicas", () => {
  it("created on one replica, PUT to and completed on the other; a second PUT is refused on either", async () => {
    const png = await sharp({ create: { width: 80, height: 60, channels: 3, background: "#00a0a0" } })
      .png()
      .toBuffer();
    const target = { type: "TASK", id: DEMO.taskWithoutThumbnail.id };
    const ticket = await reserve(at(0), target, png);
    expect(new URL(ticket.url).origin).toBe(cluster.url);

    const key = `${REDIS_PREFIX}upload:${ticket.id}`;
    const expiresIn = await redis.pttl(key);
    expect(expiresIn).toBeGreaterThan(0);
    expect(expiresIn).toBeLessThanOrEqual(Date.parse(ticket.expiresAt) - Date.now() + 1000);

    expect((await putFile({ ...ticket, url: onReplica(1, ticket.url) }, png)).status).toBe(204);
    for (const i of [0, 1]) {
      const again = await putFile({ ...ticket, url: onReplica(i, ticket.url) }, png);
      expect(again).toMatchObject({ status: 409, body: { code: "THUMBNAIL_UPLOAD_USED" } });
    }

    const done = await completeUpload(at(1), ticket.id);
    expect(done.errors).toBeUndefined();
    const componentId = done.data!.completeThumbnailUpload.thumbnail!.id;
    const stored = cluster.emulator().store.get(["Task"], target.id)!;
    expect(stored.attrs.thumbnail_id).toBe(componentId);
    expect(await sharp(cluster.emulator().store.getBlob(componentId)!).metadata()).toMatchObject({
      width: 80,
      height: 60,
    });
    // Completed once, on either replica: the upload is gone from Redis.
    expect(await redis.exists(key)).toBe(0);
    expect((await completeUpload(at(0), ticket.id)).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("with Redis stopped, an upload is kept in the replica's memory and completes there", async () => {
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#c04000" } })
      .png()
      .toBuffer();
    const target = { type: "TASK", id: DEMO.task.id };
    await cluster.redis.stop();
    try {
      const ticket = await reserve(at(0), target, png);
      expect((await putFile({ ...ticket, url: onReplica(0, ticket.url) }, png)).status).toBe(204);
      const done = await completeUpload(at(0), ticket.id);
      expect(done.errors).toBeUndefined();
      expect(cluster.emulator().store.get(["Task"], target.id)!.attrs.thumbnail_id).toBe(
        done.data!.completeThumbnailUpload.thumbnail!.id,
      );
    } finally {
      await cluster.redis.start();
    }
    for (const i of [0, 1]) {
      await expect
        .poll(async () => (await readyz(cluster.replicas[i]!.url)).body, { timeout: 10_000 })
        .toMatchObject({ redis: "ok" });
    }
  });
});
