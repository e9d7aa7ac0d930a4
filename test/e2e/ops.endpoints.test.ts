/**
 * /healthz, /readyz and /metrics over HTTP: readiness follows ftrack, and the ftrack and thumbnail
 * cache metrics move with real traffic.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/emulator/index.js";
import { ProjectsDocument, TaskThumbnailUrlsDocument } from "../generated/graphql.js";
import { graphql, type Harness, startHarness } from "../support/service.harness.js";

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

/** Sum of a metric's samples (every label set) in Prometheus text format; 0 when absent. */
async function metric(name: string, labels: Record<string, string> = {}): Promise<number> {
  const res = await fetch(`${harness.url}/metrics`);
  expect(res.status).toBe(200);
  let sum = 0;
  for (const line of (await res.text()).split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const set = Object.fromEntries(
      [...(match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => set[k] === v)) sum += Number(match[3]);
  }
  return sum;
}

describe("/healthz and /readyz", () => {
  it("both answer 200 while ftrack is up", async () => {
    const health = await fetch(`${harness.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${harness.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready" });
  });
});

describe("/metrics", () => {
  it("exposes the ftrack and thumbnail cache metrics in Prometheus format", async () => {
    const res = await fetch(`${harness.url}/metrics`);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await res.text();
    for (const name of [
      "ftrack_api_requests_total",
      "ftrack_api_operations_total",
      "ftrack_api_request_duration_seconds",
      "ftrack_api_errors_total",
      "thumbnail_cache_hits_total",
      "thumbnail_cache_misses_total",
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    expect(text).toContain("# TYPE ftrack_api_request_duration_seconds histogram");
  });

  it("ftrack request, operation and latency metrics move with a query", async () => {
    const before = {
      requests: await metric("ftrack_api_requests_total"),
      queries: await metric("ftrack_api_operations_total", { action: "query" }),
      timed: await metric("ftrack_api_request_duration_seconds_count"),
    };
    const emulatorBefore = harness.emulator.counters.requests;
    const { errors } = await graphql(harness, ProjectsDocument, {});
    expect(errors).toBeUndefined();
    const posts = harness.emulator.counters.requests - emulatorBefore;
    expect(posts).toBeGreaterThan(0);
    // The service counts the POSTs the emulator received (the readiness probe and others add none here).
    expect(await metric("ftrack_api_requests_total")).toBe(before.requests + posts);
    expect(await metric("ftrack_api_operations_total", { action: "query" })).toBeGreaterThan(before.queries);
    expect(await metric("ftrack_api_request_duration_seconds_count")).toBe(before.timed + posts);
  });

  it("ftrack_api_errors_total moves when ftrack fails (and the read is retried)", async () => {
    const before = await metric("ftrack_api_errors_total");
    harness.emulator.injectFailure({ route: "api", mode: "5xx" });
    const { data, errors } = await graphql(harness, ProjectsDocument, { nameContains: "bor" });
    expect(errors).toBeUndefined();
    expect(data!.projects.nodes.map((p) => p.id)).toEqual([DEMO.projects.borealis.id]);
    expect(await metric("ftrack_api_errors_total")).toBe(before + 1);
  });

  it("thumbnail cache misses, then hits", async () => {
    const { data } = await graphql(harness, TaskThumbnailUrlsDocument, {
      id: DEMO.task.id,
      size: 200,
      sizes: [],
    });
    const url = data!.task!.thumbnailUrl!;
    const misses = await metric("thumbnail_cache_misses_total");
    const hits = await metric("thumbnail_cache_hits_total");
    expect((await fetch(url)).status).toBe(200);
    expect(await metric("thumbnail_cache_misses_total")).toBe(misses + 1);
    expect(await metric("thumbnail_cache_hits_total")).toBe(hits);
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(url)).status).toBe(200);
    expect(await metric("thumbnail_cache_misses_total")).toBe(misses + 1);
    expect(await metric("thumbnail_cache_hits_total")).toBe(hits + 2);
  });
});

describe("when ftrack is down", () => {
  it("/readyz answers 503 and /healthz still 200", async () => {
    await harness.emulator.close();
    const ready = await fetch(`${harness.url}/readyz`);
    expect(ready.status).toBe(503);
    const body = await ready.text();
    expect(body).not.toContain(harness.emulator.url);
    expect(body).not.toContain(harness.emulator.apiKey);
    expect((await fetch(`${harness.url}/healthz`)).status).toBe(200);
  });
});
