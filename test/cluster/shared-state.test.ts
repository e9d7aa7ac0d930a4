/**
 * Two replicas (real processes) sharing one real Redis behind nginx: a thumbnail is fetched from
 * ftrack once for the whole cluster, a persisted query registered through one replica runs by hash
 * on the other, a dead lock holder delays a miss by one lock lifetime only, and Redis going away
 * and coming back changes nothing a caller sees but /readyz's report.
 */
import { createHash, randomUUID } from "node:crypto";
import { Session } from "@ftrack/api";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cluster, startCluster } from "../../scripts/cluster.stack.js";
import { ThumbnailCache } from "../../src/delivery/thumbnail.cache.js";
import { RedisThumbnailTier, THUMBNAIL_LOCK_MS } from "../../src/delivery/thumbnail.redis-tier.js";
import { DEMO } from "../../src/emulator/index.js";
import { ThumbnailChangedDocument } from "../generated/graphql.js";
import { swapThumbnail } from "../graphql/subscriptions/subscription.helpers.js";
import { until } from "../support/service.harness.js";
import { subscribeOverWebSocket } from "../support/subscription.clients.js";
import {
  clusterMetric,
  clusterSigner,
  type DemoThumbnail,
  demoThumbnails,
  graphqlAt,
  metricAt,
  readyz,
} from "./cluster.support.js";

let cluster: Cluster;
let sign: (componentId: string, size: number) => string;
let componentIds: string[];
let thumbnails: DemoThumbnail[];
let redis: Redis;
const SIZES = [32, 64, 100, 150, 200, 300, 500, 800];

beforeAll(async () => {
  // A generous Redis timeout: the whole suite shares two cores, and a command timed out only
  // because this machine stalled would send a replica to ftrack, which these tests count.
  cluster = await startCluster({ env: { FTRACK_TIMEOUT_MS: "20000", REDIS_TIMEOUT_MS: "3000" } });
  sign = clusterSigner(cluster);
  thumbnails = await demoThumbnails(cluster.url);
  componentIds = thumbnails.map((t) => t.componentId);
  redis = new Redis(cluster.redis.url, { lazyConnect: true });
  // Redis is stopped on purpose below; this client reconnects by itself.
  redis.on("error", () => {});
}, 120_000);
afterAll(async () => {
  redis?.disconnect();
  await cluster?.close();
});

const [one, two] = [0, 1];
const replica = (i: number) => cluster.replicas[i]!.url;

async function get(base: string, path: string) {
  const res = await fetch(`${base}${path}`);
  return { status: res.status, etag: res.headers.get("etag"), bytes: (await res.arrayBuffer()).byteLength };
}

describe("thumbnails", () => {
  it("50 distinct thumbnails, each asked 20 times over both replicas at once, cost 50 ftrack fetches", async () => {
    const pairs = componentIds.flatMap((id) => SIZES.map((size) => sign(id, size))).slice(0, 50);
    expect(pairs).toHaveLength(50);
    cluster.emulator().counters.reset();
    // Which replica wins each key's lock is up to scheduling; the cluster's total is not.
    const redisHits = () => clusterMetric(cluster, "thumbnail_cache_hits_total", { tier: "redis" });
    const redisHitsBefore = await redisHits();
    const requests = pairs.flatMap((path) => Array.from({ length: 20 }, (_, i) => ({ path, at: i % 2 })));
    // Interleaved, so both replicas miss the same keys at the same moment.
    const answers = await Promise.all(
      requests.map(({ path, at }) => get(replica(at), path).then((a) => ({ path, ...a }))),
    );
    expect(answers.filter((a) => a.status !== 200).map((a) => a.status)).toEqual([]);
    expect(cluster.emulator().counters.thumbnailRequests).toBe(50);
    // Both replicas sent the very same bytes for each thumbnail.
    for (const path of pairs) {
      expect(new Set(answers.filter((a) => a.path === path).map((a) => a.etag)).size).toBe(1);
    }
    // Each replica asked Redis once per thumbnail (its memory coalesces the rest): one of the two
    // fetched it, the other read what that one stored.
    expect((await redisHits()) - redisHitsBefore).toBe(50);
  });

  it("a srcset on one replica uses the size the other replica learned: no probe, no fetch", async () => {
    // A user's thumbnail: not among the 50 above, so neither replica has it in memory.
    const user = thumbnails.findLast((t) => t.type === "USER")!;
    expect(componentIds.indexOf(user.componentId)).toBeGreaterThan(Math.ceil(50 / SIZES.length));
    expect((await get(replica(one), sign(user.componentId, 800))).status).toBe(200);
    const lookups = async () =>
      (await metricAt(replica(two), "thumbnail_cache_hits_total")) +
      (await metricAt(replica(two), "thumbnail_cache_misses_total"));
    const before = await lookups();
    const fetches = cluster.emulator().counters.thumbnailRequests;
    const { data, errors } = await graphqlAt<{ thumbnailable: { thumbnail: { srcset: string } } }>(
      replica(two),
      {
        query: `{ thumbnailable(type: USER, id: "${user.entityId}") { thumbnail { srcset(sizes: [100, 300, 800]) } } }`,
      },
    );
    expect(errors).toBeUndefined();
    expect(data!.thumbnailable.thumbnail.srcset).toMatch(/ \d+w$/);
    expect(await lookups()).toBe(before);
    expect(cluster.emulator().counters.thumbnailRequests).toBe(fetches);
  });

  it("a lock whose holder died delays a miss by the rest of its lifetime, then the waiter fetches", async () => {
    const componentId = componentIds[1]!;
    const key = ThumbnailCache.key(componentId, 4096, "original");
    // A holder that took the lock and died: nobody renews it, nobody publishes.
    await redis.set(RedisThumbnailTier.lockKey(key), "dead-holder", "PX", THUMBNAIL_LOCK_MS);
    const fetchesBefore = cluster.emulator().counters.thumbnailRequests;
    const started = performance.now();
    const answer = await get(replica(two), sign(componentId, 4096));
    const elapsed = performance.now() - started;
    expect(answer.status).toBe(200);
    expect(elapsed).toBeGreaterThan(THUMBNAIL_LOCK_MS - 300);
    expect(elapsed).toBeLessThan(THUMBNAIL_LOCK_MS * 2 + 1000);
    expect(cluster.emulator().counters.thumbnailRequests).toBe(fetchesBefore + 1);
    expect(await redis.exists(RedisThumbnailTier.entryKey(key))).toBe(1);
  });

  it("with the default private scope, nginx keeps no thumbnail and passes If-None-Match on: 304 from a replica", async () => {
    const path = sign(componentIds[2]!, 300);
    const deliveries = () => clusterMetric(cluster, "thumbnail_deliveries_total");
    const before = await deliveries();
    const first = await fetch(`${cluster.url}${path}`);
    await first.arrayBuffer();
    const again = await fetch(`${cluster.url}${path}`, {
      headers: { "if-none-match": first.headers.get("etag")! },
    });
    expect([first.status, again.status]).toEqual([200, 304]);
    expect(first.headers.get("cache-control")).toMatch(/^private, /);
    expect(again.headers.get("x-cache-status")).toBeNull();
    expect(await deliveries()).toBe(before + 2);
  });
});

describe("persisted queries", () => {
  it("a query registered through one replica runs by its hash on the other", async () => {
    const query = `{ projects(first: 1) { nodes { name } } alias_${randomUUID().replaceAll("-", "")}: __typename }`;
    const hash = createHash("sha256").update(query).digest("hex");
    const byHash = { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } };

    const unknown = await graphqlAt(replica(two), byHash);
    expect(unknown.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    const registered = await graphqlAt(replica(one), { query, ...byHash });
    expect(registered.errors).toBeUndefined();
    // Apollo stores a registration after answering it: the other replica may need a moment.
    await expect
      .poll(async () => (await graphqlAt<{ projects: { nodes: unknown[] } }>(replica(two), byHash)).data, {
        timeout: 2000,
        interval: 50,
      })
      .toMatchObject({ projects: { nodes: [{ name: expect.any(String) }] } });
  });
});

describe("Redis stopped and started again", () => {
  it("thumbnails keep coming, /readyz reports Redis degraded then ok, each change logged once", async () => {
    const paths = componentIds.slice(0, 6).map((id) => sign(id, 2048));
    expect((await readyz(replica(one))).body).toMatchObject({ status: "ready", redis: "ok" });
    // What each replica logs from the moment Redis stops.
    const logStart = cluster.replicas.map((r) => r.logs.length);
    const logged = (i: number, text: string) =>
      cluster.replicas[i]!.logs.slice(logStart[i]).filter((l) => l.includes(text)).length;

    await cluster.redis.stop();
    for (const [i, path] of paths.slice(0, 3).entries()) {
      const started = performance.now();
      expect((await get(replica(i % 2), path)).status).toBe(200);
      expect(performance.now() - started).toBeLessThan(3000);
    }
    for (const i of [one, two]) {
      await expect
        .poll(async () => (await readyz(replica(i))).body)
        .toMatchObject({ status: "ready", redis: "degraded" });
    }
    // Through the load balancer too, a burst while Redis is away: every request answered.
    const burst = await Promise.all(paths.map((path) => get(cluster.url, path)));
    expect(burst.map((a) => a.status)).toEqual(paths.map(() => 200));
    expect(await metricAt(replica(one), "redis_errors_total")).toBeGreaterThan(0);

    await cluster.redis.start();
    for (const i of [one, two]) {
      await expect
        .poll(async () => (await readyz(replica(i))).body, { timeout: 10_000 })
        .toMatchObject({ status: "ready", redis: "ok" });
      expect(logged(i, "Redis unavailable")).toBe(1);
      expect(logged(i, "Redis available again")).toBe(1);
    }
    // Shared again: what one replica fetches now, the other gets from Redis.
    const fresh = sign(componentIds[2]!, 1200);
    const fetches = cluster.emulator().counters.thumbnailRequests;
    expect((await get(replica(one), fresh)).status).toBe(200);
    expect((await get(replica(two), fresh)).status).toBe(200);
    expect(cluster.emulator().counters.thumbnailRequests).toBe(fetches + 1);
  });
});

describe("subscriptions", () => {
  it("a WebSocket subscription through nginx hears a change made straight in ftrack", async () => {
    const { url, apiUser, apiKey } = cluster.emulator();
    const ftrack = new Session(url, apiUser, apiKey, { strictApi: true });
    await ftrack.initializing;
    const operation = { document: ThumbnailChangedDocument, variables: {} };
    const subscription = subscribeOverWebSocket(cluster.url, operation);
    try {
      // Registered on whichever replica nginx chose: wait until one of them counts it.
      const open = () => clusterMetric(cluster, "thumbnail_subscriptions_active");
      await until(async () => (await open()) === 1, 10_000, "the subscription");
      const shot = DEMO.shots.sh020.id;
      await swapThumbnail(ftrack, "Shot", shot);
      await subscription.next((result) => result.data?.thumbnailChanged.entity?.id === shot, 5_000);
    } finally {
      await subscription.dispose();
    }
  });
});
