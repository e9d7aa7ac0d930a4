/**
 * `npm run bench`: ftrack round trips, p50/p99 latency, requests per second and CPU time per request of
 *   1. this layer (batched reads, the default),
 *   2. the same layer with naive per-entity reads (FTRACK_BATCHING=false),
 *   3. a hand-written @ftrack/api client fetching the same data in the fewest calls,
 * for a few representative reads, with the emulator adding 0 ms and 20 ms to every ftrack request;
 * `{ __typename }` on this layer against bare Apollo Server 5 on express 5 (no plugins, no layer);
 * then the thumbnail delivery route, cached and uncached, and its cached hits against nginx serving
 * the same bytes (one worker; as a plain file server, and answering the same request with the same
 * headers). Prints tables and the issue's targets, writes bench/results/latest.json.
 *
 * The emulator, each service and nginx run in their own process on 127.0.0.1 (the Node ones on the
 * production build with NODE_ENV=production, as deployed); the load generators (autocannon, wrk,
 * and the @ftrack/api session) run here, so none shares an event loop with what it measures.
 *
 * Env: BENCH_SECONDS (per cell, default 3), BENCH_ROUNDS (of every cell, default 3: each figure
 *      of a cell is the median of its rounds), BENCH_CONNECTIONS (default 8),
 *      BENCH_LATENCIES (ms, default "0,20"), BENCH_TASKS (bulk project size, default 200),
 *      BENCH_CPU_PROF (a folder: profile every service with node --cpu-prof, see stack.ts).
 * BENCH_FAULTS=1 runs the fault bench instead (bench/faults.main.ts).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { Session } from "@ftrack/api";
import { freePort, startNginx as startBalancer } from "../scripts/cluster.processes.js";
import { DEMO } from "../src/emulator/seed.js";
import { faultBench } from "./faults.main.js";
import { cannon, type LoadOptions, type LoadResult, loop, wrk, wrkBinary } from "./load.js";
import { processTreeCpuMs, startNginx } from "./nginx.js";
import {
  type ContenderResult,
  type DeliveryResult,
  failures,
  formatDelivery,
  formatNginx,
  formatScenario,
  formatTargets,
  type LoadCell,
  type NginxComparison,
  type ScenarioResult,
} from "./report.js";
import {
  type GraphqlRead,
  graphqlShape,
  overhead,
  type Scenario,
  type Shape,
  scenarios,
} from "./scenarios.js";
import { type CpuUsage, type EmulatorProcess, type ServiceProcess, startStack } from "./stack.js";

/** The 1-minute load average: other work on the machine skews every number. */
const load = () => loadavg()[0].toFixed(1);
const env = (name: string, fallback: string) => process.env[name] || fallback;
const SECONDS = Number(env("BENCH_SECONDS", "3"));
/** Rounds of every load cell, one after another for all contenders, so a passing disturbance hits one round. */
const ROUNDS = Number(env("BENCH_ROUNDS", "3"));
const CONNECTIONS = Number(env("BENCH_CONNECTIONS", "8"));
const LATENCIES = env("BENCH_LATENCIES", "0,20").split(",").map(Number);
const TASKS = Number(env("BENCH_TASKS", "200"));
/** What a browser sends for an <img>: the route may transcode to WebP. */
const IMAGE_ACCEPT = "image/avif,image/webp,image/*,*/*;q=0.8";
/** Rounds of "service, then nginx both ways", so the ratios are read more than once. */
const NGINX_ROUNDS = 3;

interface Contender {
  name: string;
  once(): Promise<Shape>;
  load(opts: LoadOptions): Promise<LoadResult>;
  /** CPU time of whatever serves this contender's requests. */
  cpu(): Promise<CpuUsage>;
}

function graphqlContender(name: string, service: ServiceProcess, read: GraphqlRead): Contender {
  const target = {
    url: `${service.url}/graphql`,
    method: "POST" as const,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(read.graphql),
  };
  return {
    name,
    async once() {
      const res = await fetch(target.url, target);
      const body = (await res.json()) as { data?: unknown; errors?: unknown };
      if (!res.ok || body.errors) throw new Error(`(${read.id}) ${name}: ${JSON.stringify(body.errors)}`);
      return graphqlShape(body.data);
    },
    load: (opts) => cannon(target, opts),
    cpu: () => service.cpu(),
  };
}

function clientContender(session: Session, scenario: Scenario): Contender {
  const run = () => scenario.client.run(session);
  // The client runs in this process: its CPU time is this process's (the loop's own cost is small).
  return {
    name: "@ftrack/api by hand",
    once: run,
    load: (opts) => loop(run, opts),
    cpu: async () => process.cpuUsage(),
  };
}

const cpuMs = (before: CpuUsage, after: CpuUsage) =>
  (after.user - before.user + after.system - before.system) / 1000;

/** Round trips of one request alone. */
async function measure(
  emulator: EmulatorProcess,
  read: GraphqlRead,
  clientPlan: string,
  contenders: Contender[],
): Promise<ScenarioResult> {
  const results: ContenderResult[] = [];
  for (const c of contenders) {
    await emulator.reset();
    const shape = await c.once();
    const { requests, operations } = await emulator.counters();
    results.push({ name: c.name, roundTrips: requests, operations, shape, load: {} });
  }
  return { id: read.id, title: read.title, clientPlan, contenders: results };
}

/** Load on each contender at one latency, with the CPU time its server spent in the measured window. */
async function loadAll(
  emulator: EmulatorProcess,
  result: ScenarioResult,
  contenders: Contender[],
  latencyMs: number,
) {
  for (const [i, c] of contenders.entries()) {
    let before: CpuUsage = { user: 0, system: 0 };
    const load = await c.load({
      connections: CONNECTIONS,
      seconds: SECONDS,
      afterWarmup: async () => {
        await emulator.reset();
        before = await c.cpu();
      },
    });
    const after = await c.cpu();
    const { requests } = await emulator.counters();
    keepMedian(result.contenders[i], latencyMs, {
      ...load,
      ftrackRequestsPerOp: requests / Math.max(1, load.requests),
      cpuMsPerRequest: cpuMs(before, after) / Math.max(1, load.requests),
    });
    process.stdout.write(".");
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Failed requests by kind over all rounds (undefined when none failed). */
function sumKinds(rounds: LoadCell[]): Record<string, number> | undefined {
  const counts = rounds.flatMap((c) => Object.entries(c.errorKinds ?? {}));
  if (counts.length === 0) return undefined;
  const sum: Record<string, number> = {};
  for (const [kind, count] of counts) sum[kind] = (sum[kind] ?? 0) + count;
  return sum;
}

/** Records a round's cell; the contender's cell holds the median of each figure over its rounds. */
function keepMedian(contender: ContenderResult, latencyMs: number, cell: LoadCell): void {
  const rounds = [...(contender.load[latencyMs]?.rounds ?? []), cell];
  const of = (figure: (c: LoadCell) => number) => median(rounds.map(figure));
  contender.load[latencyMs] = {
    // Any failed request of any round shows.
    requests: rounds.reduce((sum, c) => sum + c.requests, 0),
    errors: rounds.reduce((sum, c) => sum + c.errors, 0),
    errorKinds: sumKinds(rounds),
    rps: of((c) => c.rps),
    p50: of((c) => c.p50),
    p99: of((c) => c.p99),
    ftrackRequestsPerOp: of((c) => c.ftrackRequestsPerOp),
    cpuMsPerRequest: of((c) => c.cpuMsPerRequest ?? Number.NaN),
    rounds,
  };
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

/**
 * The cached thumbnail route against nginx serving the same bytes, with the same load generator
 * (wrk when installed: autocannon's own cost would cap both near its own limit): nginx as a plain
 * file server, and nginx answering the service's very request with the service's headers. Beside
 * them, not a target: the cluster's nginx (its thumbnail cache) in front of the service.
 */
async function nginxComparison(service: ServiceProcess): Promise<NginxComparison> {
  const path = (await deliveryPaths(service.url))[0]!;
  const url = `${service.url}${path}`;
  const headers = { accept: IMAGE_ACCEPT };
  const res = await fetch(url, { headers });
  const body = Buffer.from(await res.arrayBuffer());
  const nginx = await startNginx(body, res.headers);
  if (typeof nginx === "string") return { note: nginx, loadGenerator: "-", rounds: [] };
  const proxy = await startBalancer(await freePort(), [new URL(service.url).host], {
    cacheThumbnails: true,
  }).catch((error: unknown) => {
    nginx.close();
    throw error;
  });
  const binary = wrkBinary();
  const opts = { connections: CONNECTIONS, seconds: SECONDS };
  /** Load on `target`, with the CPU time (ms, read by `readCpuMs`) spent per request after the warm-up. */
  const run = async (target: string, readCpuMs: () => Promise<number> | number) => {
    let before = 0;
    const afterWarmup = async () => {
      before = await readCpuMs();
    };
    const result = binary
      ? await wrk(binary, { url: target, headers }, { ...opts, afterWarmup })
      : await cannon({ url: target, headers }, { ...opts, afterWarmup });
    return { ...result, cpuMsPerRequest: ((await readCpuMs()) - before) / Math.max(1, result.requests) };
  };
  const serviceCpuMs = async () => cpuMs({ user: 0, system: 0 }, await service.cpu());
  const cachedByProxy = `${proxy.url}${path}`;
  try {
    const rounds: NginxComparison["rounds"] = [];
    for (let i = 0; i < NGINX_ROUNDS; i++) {
      rounds.push({
        service: await run(url, serviceCpuMs),
        nginx: await run(nginx.url, nginx.cpuMs),
        nginxSameExchange: await run(nginx.sameExchange(path), nginx.cpuMs),
        proxyCache: await run(cachedByProxy, () => processTreeCpuMs(proxy.pid() ?? 0)),
      });
      process.stdout.write(".");
    }
    // Every answer of that row must have come from nginx's cache: one more asks which it was.
    const proxyCacheStatus = (await fetch(cachedByProxy, { headers })).headers.get("x-cache-status");
    return {
      note: `${nginx.version}, worker_processes 1 (one nginx worker against one Node process), ${body.length} bytes of ${res.headers.get("content-type")}`,
      loadGenerator: binary ? `wrk -t1 -c${CONNECTIONS}` : "autocannon (wrk is not installed)",
      proxyCacheStatus: proxyCacheStatus ?? "none",
      rounds,
    };
  } finally {
    nginx.close();
    await proxy.stop();
  }
}

async function main() {
  const started = performance.now();
  const loadAtStart = load();
  console.log(
    `bench: ${SECONDS}s per cell (median of ${ROUNDS} rounds), ${CONNECTIONS} connections, emulator latency ${LATENCIES.join("/")} ms, ` +
      `${TASKS} bulk tasks, ${cpus().length} cpus, node ${process.version}, load average ${load()}`,
  );
  const stack = await startStack(TASKS, {
    // Public: the cluster's nginx in front of it may keep its thumbnails (the proxy-cache row).
    batched: { THUMBNAIL_CACHE_SCOPE: "public" },
    naive: { FTRACK_BATCHING: "false" },
    // No cache: every delivery fetches from ftrack and resizes/transcodes.
    uncached: { THUMBNAIL_CACHE_BYTES: "0" },
  });
  const { emulator, services, bare } = stack;
  const session = new Session(emulator.url, emulator.apiUser, emulator.apiKey, {
    autoConnectEventHub: false,
  });
  try {
    await session.initializing;
    const plans: { read: GraphqlRead; clientPlan: string; contenders: Contender[] }[] = scenarios(TASKS).map(
      (scenario) => ({
        read: scenario,
        clientPlan: scenario.client.describe,
        contenders: [
          graphqlContender("layer, batched", services.batched, scenario),
          graphqlContender("layer, naive", services.naive, scenario),
          clientContender(session, scenario),
        ],
      }),
    );
    plans.push({
      read: overhead,
      clientPlan: "none: no ftrack data",
      contenders: [
        graphqlContender("layer, batched", services.batched, overhead),
        graphqlContender("bare Apollo Server 5 + express 5", bare, overhead),
      ],
    });
    const results: ScenarioResult[] = [];
    for (const { read, clientPlan, contenders } of plans)
      results.push(await measure(emulator, read, clientPlan, contenders));

    const delivery: DeliveryResult[] = [];
    for (const ms of LATENCIES) {
      await emulator.setLatency(ms);
      process.stdout.write(`load @${ms}ms (load average ${load()}) `);
      for (let round = 0; round < ROUNDS; round++) {
        for (const [i, { contenders }] of plans.entries())
          await loadAll(emulator, results[i], contenders, ms);
      }
      delivery.push(await deliveryRun(emulator, services.batched.url, "cached", ms));
      delivery.push(await deliveryRun(emulator, services.uncached.url, "uncached", ms));
      process.stdout.write("\n");
    }
    process.stdout.write(`cached hits against nginx (load average ${load()}) `);
    const nginx = await nginxComparison(services.batched);
    process.stdout.write("\n");

    console.log(
      "\nGraphQL reads (round trips = ftrack POST /api per request; rps/p50/p99 under load; cpu = the serving process's CPU time per request)\n",
    );
    for (const r of results) console.log(`${formatScenario(r, LATENCIES)}\n`);
    console.log("Thumbnail delivery (signed URLs issued by the service; browser Accept header, WebP)\n");
    console.log(formatDelivery(delivery));
    console.log("\nCached hits against nginx serving the same bytes\n");
    console.log(formatNginx(nginx));
    console.log("\nIssue targets (figures of this run)\n");
    console.log(formatTargets(results, nginx, LATENCIES));

    const failed = failures(results, delivery, nginx);
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
      roundsPerCell: ROUNDS,
      connections: CONNECTIONS,
      latenciesMs: LATENCIES,
      bulkTasks: TASKS,
      loadAverageAtStart: Number(loadAtStart),
      loadAverageAtEnd: Number(load()),
      totalSeconds: Math.round((performance.now() - started) / 1000),
    };
    writeFileSync(out, `${JSON.stringify({ meta, scenarios: results, delivery, nginx }, null, 2)}\n`);
    console.log(
      `\nwrote ${out.pathname.replace(`${process.cwd()}/`, "")} in ${meta.totalSeconds}s total; load average now ${meta.loadAverageAtEnd}`,
    );
  } finally {
    stack.close();
  }
}

await (process.env.BENCH_FAULTS === "1" ? faultBench() : main());
