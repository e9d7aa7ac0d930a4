/**
 * nginx's cache in front of a replica, as the cluster's generated config sets it up: with
 * THUMBNAIL_CACHE_SCOPE=public a signed URL is fetched from the replica once and then answered by
 * nginx, with the replica's headers, a copy per Accept, its own 304s and a request id of each
 * request's own; a refusal is never stored. (Replicas with the default scope get no cache in front:
 * the shared-state test checks their 304s through nginx.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cluster, startCluster } from "../../scripts/cluster.stack.js";
import { withFlippedSignature } from "../support/signature.tamper.js";
import { clusterSigner, demoThumbnails, metricAt } from "./cluster.support.js";

let cluster: Cluster;
let sign: (componentId: string, size: number) => string;
let componentIds: string[];

beforeAll(async () => {
  cluster = await startCluster({
    replicas: 1,
    env: { THUMBNAIL_CACHE_SCOPE: "public", FTRACK_TIMEOUT_MS: "20000" },
  });
  sign = clusterSigner(cluster);
  componentIds = (await demoThumbnails(cluster.url)).map((t) => t.componentId);
}, 120_000);
afterAll(async () => {
  await cluster?.close();
});

const WEBP = "image/avif;q=0,image/webp,*/*;q=0.8";
const ORIGINAL = "image/png,image/jpeg;q=0.9";

/** Answers the replica gave on the thumbnail route, whatever their status. */
const deliveries = () => metricAt(cluster.replicas[0]!.url, "thumbnail_deliveries_total");

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${cluster.url}${path}`, { headers });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** The headers an answer carries apart from those that differ per answer or per hop. */
function stable(headers: Headers): Record<string, string> {
  const perAnswer = new Set(["date", "x-request-id", "x-cache-status", "connection", "keep-alive"]);
  return Object.fromEntries([...headers].filter(([name]) => !perAnswer.has(name)));
}

describe("nginx's thumbnail cache with THUMBNAIL_CACHE_SCOPE=public", () => {
  it("fetches a signed URL from the replica once, then answers it itself with the replica's headers", async () => {
    const path = sign(componentIds[0]!, 150);
    const before = await deliveries();
    const first = await get(path, { accept: WEBP });
    const second = await get(path, { accept: WEBP, "x-request-id": "proxy-cache-second" });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect([first.headers.get("x-cache-status"), second.headers.get("x-cache-status")]).toEqual([
      "MISS",
      "HIT",
    ]);
    expect(await deliveries()).toBe(before + 1);
    expect(first.headers.get("content-type")).toBe("image/webp");
    expect(first.headers.get("cache-control")).toMatch(/^public, max-age=\d+, immutable$/);
    expect(second.bytes.equals(first.bytes)).toBe(true);
    expect(stable(second.headers)).toEqual(stable(first.headers));
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    // Each answer names its own request: the stored copy does not repeat the first one's id.
    expect(first.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
    expect(second.headers.get("x-request-id")).toBe("proxy-cache-second");
  });

  it("keeps a copy per Accept (the replica's Vary), each in the format the replica chose for it", async () => {
    const path = sign(componentIds[1]!, 150);
    const before = await deliveries();
    const webp = await get(path, { accept: WEBP });
    const original = await get(path, { accept: ORIGINAL });
    const webpAgain = await get(path, { accept: WEBP });
    const originalAgain = await get(path, { accept: ORIGINAL });
    expect(await deliveries()).toBe(before + 2);
    expect(webp.headers.get("content-type")).toBe("image/webp");
    expect(original.headers.get("content-type")).not.toBe("image/webp");
    expect([webpAgain, originalAgain].map((a) => a.headers.get("x-cache-status"))).toEqual(["HIT", "HIT"]);
    expect(webpAgain.headers.get("content-type")).toBe("image/webp");
    expect(webpAgain.bytes.equals(webp.bytes)).toBe(true);
    expect(originalAgain.headers.get("content-type")).toBe(original.headers.get("content-type"));
    expect(originalAgain.bytes.equals(original.bytes)).toBe(true);
  });

  it("answers If-None-Match with 304 from the stored copy", async () => {
    const path = sign(componentIds[2]!, 150);
    const first = await get(path, { accept: WEBP });
    const before = await deliveries();
    const revalidated = await get(path, { accept: WEBP, "if-none-match": first.headers.get("etag")! });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("x-cache-status")).toBe("HIT");
    expect(revalidated.bytes.length).toBe(0);
    expect(await deliveries()).toBe(before);
  });

  it("never stores a refusal: a tampered URL reaches the replica every time", async () => {
    const { pathname, search } = new URL(
      withFlippedSignature(`${cluster.url}${sign(componentIds[3]!, 150)}`),
    );
    const tampered = `${pathname}${search}`;
    const before = await deliveries();
    const answers = [await get(tampered), await get(tampered)];
    expect(answers.map((a) => a.status)).toEqual([403, 403]);
    expect(answers.map((a) => a.headers.get("x-cache-status"))).toEqual(["MISS", "MISS"]);
    expect(await deliveries()).toBe(before + 2);
  });
});
