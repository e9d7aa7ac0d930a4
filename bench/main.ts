/**
 * `npm run bench`: ftrack round trips, p50/p99 latency and requests per second of
 *   1. this layer (batched reads, the default),
 *   2. the same layer with naive per-entity reads (FTRACK_BATCHING=false),
 *   3. a hand-written @ftrack/api client fetching the same data in the fewest calls,
 * for a few representative reads, with the emulator adding 0 ms and 20 ms to every ftrack request;
 * then the thumbnail delivery route, cached and uncached. Prints tables, writes bench/results/latest.json.
 *
 * The emulator and each service run in their own child process on 127.0.0.1; the load generators
 * (autocannon, and the @ftrack/api session) run here, so none shares an event loop with what it measures.
 *
 * Env: BENCH_SECONDS (per cell, default 3), BENCH_CONNECTIONS (default 8),
 *      BENCH_LATENCIES (ms, default "0,20"), BENCH_TASKS (bulk project size, default 200).
 * BENCH_FAULTS=1 runs the fault bench instead (bench/faults.main.ts).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { Session } from "@ftrack/api";
import { DEMO } from "../src/emulator/seed.js";
import { faultBench } from "./faults.main.js";
import { cannon, type LoadOptions, type LoadResult, loop } from "./load.js";
import {
  type ContenderResult,
  type DeliveryResult,
  failures,
  formatDelivery,
  formatScenario,
  type ScenarioResult,
} from "./report.js";
import { graphqlShape, type Scenario, type Shape, scenarios } from "./scenarios.js";
import { type EmulatorProcess, startStack } from "./stack.js";

/** The 1-minute load average: other work on the machine skews every number. */
const load = () => loadavg()[0].toFixed(1);
const env = (name: string, fallback: string) => process.env[name] || fallback;
const SECONDS = Number(env("BENCH_SECONDS", "3"));
const CONNECTIONS = Number(env("BENCH_CONNECTIONS", "8"));
const LATENCIES = env("BENCH_LATENCIES", "0,20").split(",").map(Number);
const TASKS = Number(env("BENCH_TASKS", "200"));
/** What a browser sends for an <img>: the route may transcode to WebP. */
const IMAGE_ACCEPT = "image/avif,image/webp,image/*,*/*;q=0.8";

interface Contender {
  name: string;
  once(): Promise<Shape>;
  load(opts: LoadOptions): Promise<LoadResult>;
}

function graphqlContender(name: string, service: string, scenario: Scenario): Contender {
  const target = {
    url: `${service}/graphql`,
    method: "POST" as const,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(scenario.graphql),
  };
  return {
    name,
    async once() {
      const res = await fetch(target.url, target);
      const body = (await res.json()) as { data?: unknown; errors?: unknown };
      if (!res.ok || body.errors) throw new Error(`(${scenario.id}) ${name}: ${JSON.stringify(body.errors)}`);
      return graphqlShape(body.data);
    },
    load: (opts) => cannon(target, opts),
  };
}

function clientContender(session: Session, scenario: Scenario): Contender {
  const run = () => scenario.client.run(session);
  return { name: "@ftrack/api by hand", once: run, load: (opts) => loop(run, opts) };
}

/** Round trips of one request alone, then load at each latency. */
async function measure(
  emulator: EmulatorProcess,
  scenario: Scenario,
  contenders: Contender[],
): Promise<ScenarioResult> {
  const results: ContenderResult[] = [];
  for (const c of contenders) {
    await emulator.reset();
    const shape = await c.once();
    const { requests, operations } = await emulator.counters();
    results.push({ name: c.name, roundTrips: requests, operations, shape, load: {} });
  }
  return {
    id: scenario.id,
    title: scenario.title,
    clientPlan: scenario.client.describe,
    contenders: results,
  };
}

async function loadAll(
  emulator: EmulatorProcess,
  result: ScenarioResult,
  contenders: Contender[],
  latencyMs: number,
) {
  for (const [i, c] of contenders.entries()) {
    const load = await c.load({
      connections: CONNECTIONS,
      seconds: SECONDS,
      afterWarmup: () => emulator.reset(),
    });
    const { requests } = await emulator.counters();
    result.contenders[i].load[latencyMs] = {
      ...load,
      ftrackRequestsPerOp: requests / Math.max(1, load.requests),
    };
    process.stdout.write(".");
  }
}

/** Signed URLs issued by `service`, one per component/size pair, as paths (its PUBLIC_URL is a placeholder). */
async function deliveryPaths(service: string): Promise<string[]> {
  // Plain URLs, not srcset: answering srcset fetches (and caches) an image to learn its width.
  const thumb = "nodes { thumbnail { a: url(size: 100) b: url(size: 300) c: url(size: 500) } }";
  const contexts = (project: string, first: number) =>
    `contexts(projectId: "${project}", first: ${first}) { ${thumb} }`;
  const query = `{ projects(first: 10) { ${thumb} } users(first: 10) { ${thumb} }
    a: ${contexts(DEMO.projects.aurora.id, 100)} b: ${contexts(DEMO.projects.borealis.id, 100)}
    c: ${contexts(DEMO.bulk.project.id, 8)} }`;
  const res = await fetch(`${service}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  const body = await res.json();
  const urls: string[] = JSON.stringify(body).match(/\/thumbnails\/[^\s",]+/g) ?? [];
  if (urls.length === 0)
    throw new Error(`no thumbnail URLs from ${service}: ${JSON.stringify(body).slice(0, 300)}`);
  const byPair = new Map(urls.map((u) => [u.split("?")[0], u]));
  return [...byPair.values()];
}

async function deliveryRun(
  emulator: EmulatorProcess,
  service: string,
  mode: DeliveryResult["mode"],
  latencyMs: number,
): Promise<DeliveryResult> {
  const paths = await deliveryPaths(service);
  let next = 0;
  const target =
    mode === "cached"
      ? { url: `${service}${paths[0]}` }
      : // A shared counter: concurrent requests ask for different pairs, so none is coalesced.
        { url: service, nextPath: () => paths[next++ % paths.length] };
  const result = await cannon(
    { ...target, headers: { accept: IMAGE_ACCEPT } },
    { connections: CONNECTIONS, seconds: SECONDS, afterWarmup: () => emulator.reset() },
  );
  const { thumbnailRequests } = await emulator.counters();
  return {
    mode,
    latencyMs,
    distinctUrls: mode === "cached" ? 1 : paths.length,
    ftrackFetchesPerRequest: thumbnailRequests / Math.max(1, result.requests),
    result,
  };
}

async function main() {
  const started = performance.now();
  const loadAtStart = load();
  console.log(
    `bench: ${SECONDS}s per cell, ${CONNECTIONS} connections, emulator latency ${LATENCIES.join("/")} ms, ` +
      `${TASKS} bulk tasks, ${cpus().length} cpus, node ${process.version}, load average ${load()}`,
  );
  const stack = await startStack(TASKS, {
    batched: {},
    naive: { FTRACK_BATCHING: "false" },
    // No cache: every delivery fetches from ftrack and resizes/transcodes.
    uncached: { THUMBNAIL_CACHE_BYTES: "0" },
  });
  const { emulator, services } = stack;
  const session = new Session(emulator.url, emulator.apiUser, emulator.apiKey, {
    autoConnectEventHub: false,
  });
  try {
    await session.initializing;
    const plans = scenarios(TASKS).map((scenario) => ({
      scenario,
      contenders: [
        graphqlContender("layer, batched", services.batched, scenario),
        graphqlContender("layer, naive", services.naive, scenario),
        clientContender(session, scenario),
      ],
    }));
    const results: ScenarioResult[] = [];
    for (const { scenario, contenders } of plans) results.push(await measure(emulator, scenario, contenders));

    const delivery: DeliveryResult[] = [];
    for (const ms of LATENCIES) {
      await emulator.setLatency(ms);
      process.stdout.write(`load @${ms}ms `);
      for (const [i, { contenders }] of plans.entries()) await loadAll(emulator, results[i], contenders, ms);
      delivery.push(await deliveryRun(emulator, services.batched, "cached", ms));
      delivery.push(await deliveryRun(emulator, services.uncached, "uncached", ms));
      process.stdout.write("\n");
    }

    console.log("\nGraphQL reads (round trips = ftrack POST /api per request; rps/p50/p99 under load)\n");
    for (const r of results) console.log(`${formatScenario(r, LATENCIES)}\n`);
    console.log("Thumbnail delivery (signed URLs issued by the service; browser Accept header, WebP)\n");
    console.log(formatDelivery(delivery));

    const failed = failures(results, delivery);
    if (failed.length > 0) {
      console.error(`\nFAILED REQUESTS:\n  ${failed.join("\n  ")}`);
      process.exitCode = 1;
    }
    const out = new URL("./results/latest.json", import.meta.url);
    mkdirSync(new URL("./", out), { recursive: true });
    const meta = {
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      secondsPerCell: SECONDS,
      connections: CONNECTIONS,
      latenciesMs: LATENCIES,
      bulkTasks: TASKS,
      loadAverageAtStart: Number(loadAtStart),
      loadAverageAtEnd: Number(load()),
      totalSeconds: Math.round((performance.now() - started) / 1000),
    };
    writeFileSync(out, `${JSON.stringify({ meta, scenarios: results, delivery }, null, 2)}\n`);
    console.log(
      `\nwrote ${out.pathname.replace(`${process.cwd()}/`, "")} in ${meta.totalSeconds}s total; load average now ${meta.loadAverageAtEnd}`,
    );
  } finally {
    stack.close();
  }
}

await (process.env.BENCH_FAULTS === "1" ? faultBench() : main());
