/**
 * Faults under load: a cluster (two replicas behind nginx, one Redis, the embedded ftrack server)
 * under steady mixed load (GraphQL reads by persisted-query hash, thumbnail GETs) through phases of
 * trouble, each measured on its own: requests, failures by kind, p99 and the slowest request, how
 * long failures went on after the fault ended, and each replica's resident memory before and after.
 * Then uploads with an ftrack failure injected at a random step of each.
 *
 * A failure is clean when it is an answer with a public error code (or the load balancer's 502 for
 * a request that was inside a killed replica); anything else (no answer within the bound, a broken
 * connection, an answer without a code, INTERNAL_SERVER_ERROR) is unclean. `BENCH_FAULTS=1 npm run
 * bench` runs it long and prints it; test/cluster/faults.test.ts runs it short and checks it.
 */
import { createHash } from "node:crypto";
import sharp from "sharp";
import type { Cluster } from "../scripts/cluster.stack.js";
import { loadConfig } from "../src/config.js";
import { DEMO, demoId } from "../src/emulator/index.js";
import { concreteTypes } from "../src/emulator/schemas.js";
import { isErrorCode } from "../src/error-codes.js";
import { ThumbnailUrlSigner } from "../src/thumbnails/url-signer.js";
import { percentile } from "./load.js";
import { table } from "./report.js";

/**
 * Environment of the replicas under test: short ftrack bounds (not shorter: the ftrack server shares
 * a loaded machine, and a slow answer in a phase without faults must not time out), small caches
 * that keep missing.
 */
export const FAULT_CLUSTER_ENV = {
  FTRACK_TIMEOUT_MS: "4000",
  FTRACK_RETRY_DEADLINE_MS: "4000",
  THUMBNAIL_CACHE_BYTES: String(2 * 1024 * 1024),
  THUMBNAIL_REDIS_TTL_SECONDS: "4",
};
/** No request may take longer: one ftrack timeout after the retry deadline, and some slack. */
export const REQUEST_BOUND_MS =
  Number(FAULT_CLUSTER_ENV.FTRACK_RETRY_DEADLINE_MS) + Number(FAULT_CLUSTER_ENV.FTRACK_TIMEOUT_MS) + 2000;
/** Bulk tasks the cluster's ftrack server is seeded with: one upload target each. */
export const FAULT_BULK_TASKS = 200;

export interface PhaseResult {
  phase: string;
  requests: number;
  /** Failed requests by kind: `<status> <code>`, `graphql <code>`, `502 load balancer`, or an unclean kind. */
  failures: Record<string, number>;
  unclean: number;
  p99Ms: number;
  maxMs: number;
  /** From the start of the fault to the end of the last failed request: how long clients saw it. */
  failingMs: number;
  /** From the end of the fault (the heal) to the end of the last failed request sent after it; 0 when none. */
  recoverMs: number;
  /** Resident memory of each replica, bytes. */
  rssBefore: Record<string, number | undefined>;
  rssAfter: Record<string, number | undefined>;
}

interface Phase {
  name: string;
  fault(cluster: Cluster): Promise<unknown>;
  heal(cluster: Cluster): Promise<unknown>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const PHASES: Phase[] = [
  { name: "steady (no fault)", fault: async () => {}, heal: async () => {} },
  {
    name: "SIGKILL a replica, restart it",
    fault: (c) => c.replicas[0]!.kill(),
    heal: (c) => c.replicas[0]!.start(),
  },
  { name: "Redis stopped, started again", fault: (c) => c.redis.stop(), heal: (c) => c.redis.start() },
  {
    name: "ftrack fails 5%, hangs 1%",
    async fault(c) {
      Object.assign(c.emulator().knobs, { failureRate: 0.05, failureMode: "5xx", hangRate: 0.01 });
    },
    async heal(c) {
      Object.assign(c.emulator().knobs, { failureRate: 0, hangRate: 0 });
    },
  },
  {
    name: "ftrack restarted",
    // A restart takes a moment: ftrack is away for one second.
    async fault(c) {
      await c.stopEmulator();
      await sleep(1000);
      await c.startEmulator();
    },
    heal: async () => {},
  },
];

/** One request's outcome: null when it succeeded, else its failure kind. */
type Outcome = { kind: string | null; clean: boolean; startMs: number; endMs: number };

const READ = `query Contexts($project: ID!) { project(id: $project) { name
  contexts(first: 20) { nodes { name thumbnailUrl(size: 100) } } } }`;
const READ_HASH = createHash("sha256").update(READ).digest("hex");
const IMAGE_ACCEPT = "image/avif,image/webp,image/*,*/*;q=0.8";

async function classify(res: Response): Promise<{ kind: string | null; clean: boolean }> {
  const text = await res.text();
  if (res.ok && !res.headers.get("content-type")?.includes("json")) return { kind: null, clean: true };
  let body: { code?: unknown; errors?: { extensions?: { code?: unknown } }[] } | undefined;
  try {
    body = JSON.parse(text);
  } catch {
    // Only the load balancer answers without JSON: a request inside a replica that died.
    return res.status === 502
      ? { kind: "502 load balancer", clean: true }
      : { kind: `${res.status} unexpected`, clean: false };
  }
  const code = body?.errors?.[0]?.extensions?.code ?? body?.code;
  if (res.ok && !body?.errors) return { kind: null, clean: true };
  const kind = body?.errors ? `graphql ${String(code)}` : `${res.status} ${String(code)}`;
  return { kind, clean: isErrorCode(code) && code !== "INTERNAL_SERVER_ERROR" };
}

/** Signed thumbnail paths over the demo studio's and the bulk project's thumbnails, several sizes each. */
async function thumbnailPaths(cluster: Cluster): Promise<string[]> {
  const res = await fetch(`${cluster.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `{ projects(first: 10) { nodes { thumbnail { id } contexts(first: 100) { nodes { thumbnail { id } } } } }
        users(first: 20) { nodes { thumbnail { id } } } }`,
    }),
  });
  const ids = [...new Set(((await res.text()).match(/"id":"[^"]+"/g) ?? []).map((m) => m.slice(6, -1)))];
  const config = loadConfig({ THUMBNAIL_URL_SECRETS: cluster.urlSecrets });
  const signer = new ThumbnailUrlSigner(config.thumbnails, cluster.url);
  return ids.flatMap((id) =>
    [64, 100, 200, 300, 500].map((size) => {
      const url = new URL(signer.issue(id, size));
      return `${url.pathname}${url.search}`;
    }),
  );
}

/** Steady load from `workers` loops until `until`; every outcome recorded. */
function steadyLoad(cluster: Cluster, paths: string[], workers: number, until: () => boolean) {
  const outcomes: Outcome[] = [];
  const started = performance.now();
  const graphql = async (body: unknown) =>
    fetch(`${cluster.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_BOUND_MS),
    });
  const one = async (i: number): Promise<{ kind: string | null; clean: boolean }> => {
    if (i % 2 === 0) {
      const variables = { project: i % 4 === 0 ? DEMO.projects.aurora.id : DEMO.bulk.project.id };
      const extensions = { persistedQuery: { version: 1, sha256Hash: READ_HASH } };
      // An APQ client: the hash alone, then the query with it when the hash is unknown.
      const byHash = await classify(await graphql({ variables, extensions }));
      if (byHash.kind !== "graphql PERSISTED_QUERY_NOT_FOUND") return byHash;
      return classify(await graphql({ query: READ, variables, extensions }));
    }
    const path = paths[Math.floor(Math.random() * paths.length)]!;
    const res = await fetch(`${cluster.url}${path}`, {
      headers: i % 3 === 0 ? {} : { accept: IMAGE_ACCEPT },
      signal: AbortSignal.timeout(REQUEST_BOUND_MS),
    });
    return classify(res);
  };
  const loops = Array.from({ length: workers }, async (_, w) => {
    for (let i = w; !until(); i += workers) {
      const startMs = performance.now() - started;
      let result: { kind: string | null; clean: boolean };
      try {
        result = await one(i);
      } catch (error) {
        const timedOut = error instanceof Error && error.name === "TimeoutError";
        result = {
          kind: timedOut ? `no answer within ${REQUEST_BOUND_MS} ms` : "connection failed",
          clean: false,
        };
      }
      outcomes.push({ ...result, startMs, endMs: performance.now() - started });
    }
  });
  return { outcomes, started, done: Promise.all(loops) };
}

function rssOf(cluster: Cluster): Record<string, number | undefined> {
  return Object.fromEntries(cluster.replicas.map((r) => [r.name, r.rss()]));
}

/**
 * Runs every phase for `seconds`: the fault a quarter in, the heal half-way (a killed replica's
 * restart takes its own time), measured until the end.
 */
export async function runFaultPhases(
  cluster: Cluster,
  {
    seconds,
    workers = 8,
    log = () => {},
  }: { seconds: number; workers?: number; log?: (line: string) => void },
): Promise<PhaseResult[]> {
  const paths = await thumbnailPaths(cluster);
  const results: PhaseResult[] = [];
  for (const phase of PHASES) {
    const rssBefore = rssOf(cluster);
    let ended = false;
    const load = steadyLoad(cluster, paths, workers, () => ended);
    const at = (ms: number) => sleep(Math.max(0, load.started + ms - performance.now()));
    await at((seconds * 1000) / 4);
    const faultMs = performance.now() - load.started;
    await phase.fault(cluster);
    await at((seconds * 1000) / 2);
    await phase.heal(cluster);
    const healedMs = performance.now() - load.started;
    await at(seconds * 1000);
    ended = true;
    await load.done;

    const failed = load.outcomes.filter((o) => o.kind !== null);
    const failures: Record<string, number> = {};
    for (const o of failed) failures[o.kind!] = (failures[o.kind!] ?? 0) + 1;
    const latencies = load.outcomes.map((o) => o.endMs - o.startMs).sort((a, b) => a - b);
    // Requests sent once the fault had ended: how long did they still fail?
    const lastFailure = Math.max(0, ...failed.filter((o) => o.startMs >= healedMs).map((o) => o.endMs));
    const result: PhaseResult = {
      phase: phase.name,
      requests: load.outcomes.length,
      failures,
      unclean: failed.filter((o) => !o.clean).length,
      p99Ms: percentile(latencies, 0.99),
      maxMs: latencies.at(-1) ?? 0,
      failingMs: Math.max(0, Math.round(Math.max(0, ...failed.map((o) => o.endMs)) - faultMs)),
      recoverMs: Math.max(0, Math.round(lastFailure - healedMs)),
      rssBefore,
      rssAfter: rssOf(cluster),
    };
    log(formatPhases([result]).split("\n").at(-1)!);
    results.push(result);
  }
  return results;
}

const mb = (bytes: number | undefined) => (bytes === undefined ? "-" : `${Math.round(bytes / 2 ** 20)}`);

export function formatPhases(results: PhaseResult[]): string {
  return table(
    [
      "phase",
      "requests",
      "failed",
      "unclean",
      "p99 ms",
      "max ms",
      "failing ms",
      "recover ms",
      "rss MB before -> after",
      "failures",
    ],
    results.map((r) => [
      r.phase,
      String(r.requests),
      String(Object.values(r.failures).reduce((a, b) => a + b, 0)),
      String(r.unclean),
      r.p99Ms.toFixed(0),
      r.maxMs.toFixed(0),
      String(r.failingMs),
      String(r.recoverMs),
      Object.keys(r.rssBefore)
        .map((name) => `${mb(r.rssBefore[name])}->${mb(r.rssAfter[name])}`)
        .join(" "),
      Object.entries(r.failures)
        .map(([kind, n]) => `${kind} ${n}`)
        .join(", ") || "-",
    ]),
  );
}

/** The steps of an upload an injected failure can hit (as test/graphql/thumbnail.atomic.test.ts lists them). */
const UPLOAD_FAULTS = [
  { route: "api", action: "get_upload_metadata", mode: "5xx" },
  { route: "api", action: "get_upload_metadata", mode: "reset" },
  { route: "upload", mode: "5xx" },
  { route: "upload", mode: "reset" },
  { route: "upload", mode: "hang" },
  { route: "api", action: "create", entityType: "ComponentLocation", mode: "5xx" },
  { route: "api", action: "update", mode: "5xx" },
  { route: "api", action: "update", mode: "hang" },
] as const;

export interface UploadRunResult {
  uploads: number;
  succeeded: number;
  /** Failed uploads by error code. */
  failed: Record<string, number>;
  /** Components that exist now, did not before, and are nobody's thumbnail: must be none. */
  orphans: string[];
  /** Tasks whose thumbnail is neither the one before nor the one their upload answered: must be none. */
  wrongThumbnails: string[];
}

const UPLOAD = `mutation($t: ThumbnailTarget!, $f: Upload!) { uploadThumbnail(target: $t, file: $f) { thumbnail { id } } }`;

/**
 * `count` uploads through the load balancer, each onto its own bulk task, `concurrency` at a time,
 * with one ftrack failure injected at a random step for two uploads in three.
 */
export async function runFaultyUploads(
  cluster: Cluster,
  count: number,
  concurrency = 4,
): Promise<UploadRunResult> {
  const emulator = cluster.emulator();
  const componentIds = () => new Set([...emulator.store.scan(concreteTypes("Component"))].map((e) => e.id));
  const thumbnailOf = (taskId: string) => emulator.store.get(["Task"], taskId)?.attrs.thumbnail_id ?? null;
  const tasks = Array.from({ length: count }, (_, i) => demoId(`bulk:task:${i % FAULT_BULK_TASKS}`));
  const before = componentIds();
  const oldThumbnails = new Map(tasks.map((id) => [id, thumbnailOf(id)]));
  const newThumbnails = new Map<string, string>();
  const failed: Record<string, number> = {};

  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      if (i % 3 !== 0)
        emulator.injectFailure({ ...UPLOAD_FAULTS[Math.floor(Math.random() * UPLOAD_FAULTS.length)]! });
      const image = await sharp({
        create: { width: 64, height: 48, channels: 3, background: { r: i % 256, g: 90, b: 200 } },
      })
        .png()
        .toBuffer();
      const form = new FormData();
      form.set(
        "operations",
        JSON.stringify({ query: UPLOAD, variables: { t: { type: "TASK", id: tasks[i] }, f: null } }),
      );
      form.set("map", JSON.stringify({ 0: ["variables.f"] }));
      form.set("0", new Blob([new Uint8Array(image)], { type: "image/png" }), "thumb.png");
      const res = await fetch(`${cluster.url}/graphql`, {
        method: "POST",
        body: form,
        headers: { "apollo-require-preflight": "true" },
      });
      const body = (await res.json().catch(() => ({}))) as {
        data?: { uploadThumbnail?: { thumbnail: { id: string } | null } };
        errors?: { extensions?: { code?: string } }[];
      };
      const id = body.data?.uploadThumbnail?.thumbnail?.id;
      if (id) newThumbnails.set(tasks[i]!, id);
      else {
        const code = body.errors?.[0]?.extensions?.code ?? `HTTP ${res.status}`;
        failed[code] = (failed[code] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  emulator.clearFailures();

  const holders = [...concreteTypes("Context"), "AssetVersion", "User"];
  const thumbnails = new Set([...emulator.store.scan(holders)].map((e) => e.attrs.thumbnail_id));
  const orphans = [...componentIds()].filter((id) => !before.has(id) && !thumbnails.has(id));
  const wrongThumbnails = tasks.filter((id) => {
    const now = thumbnailOf(id);
    return now !== oldThumbnails.get(id) && now !== newThumbnails.get(id);
  });
  return { uploads: count, succeeded: newThumbnails.size, failed, orphans, wrongThumbnails };
}
