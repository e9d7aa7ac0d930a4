/**
 * A whole local cluster: one Redis, the embedded ftrack server (in this process, with its data in a
 * folder so a restart keeps it), replicas of the service in their own processes sharing Redis and
 * one signing key, and nginx in front. `npm run cluster`, the cluster tests and the fault bench
 * start it; everything is on free loopback ports.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningEmulator, startEmulator } from "../src/emulator/index.js";
import {
  freePort,
  type NginxProcess,
  type RedisProcess,
  type ReplicaProcess,
  startNginx,
  startRedis,
  startReplica,
} from "./cluster.processes.js";

export interface ClusterOptions {
  replicas?: number;
  /** Extra environment of every replica (e.g. FTRACK_TIMEOUT_MS). */
  env?: Record<string, string>;
  /** Where the embedded ftrack server keeps its data; a new temporary folder (removed on close) by default. */
  dataDir?: string;
  /** Port of the load balancer; a free one by default. */
  port?: number;
  bulkTasks?: number;
  /** Takes the replicas' log lines (kept in each replica's `logs` otherwise). */
  onLog?: (replica: string, line: string) => void;
}

export interface Cluster {
  /** The load balancer: what a browser or client uses. */
  url: string;
  redis: RedisProcess;
  replicas: ReplicaProcess[];
  nginx: NginxProcess;
  /** The embedded ftrack server now running (a restart makes a new one). */
  emulator(): RunningEmulator;
  /** Stops the embedded ftrack server; startEmulator() starts it again on its port with its data. */
  stopEmulator(): Promise<void>;
  startEmulator(): Promise<void>;
  /** The signing keys the replicas share, for tests that sign URLs. */
  urlSecrets: string;
  close(): Promise<void>;
}

/** Waits until a replica's /readyz reports Redis ok (it connects at start, but may be slow to). */
async function seesRedis(base: string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    const body = await fetch(`${base}/readyz`).then(
      (res) => res.json() as Promise<{ redis?: string }>,
      () => ({}) as { redis?: string },
    );
    if (body.redis === "ok") return;
    if (Date.now() - started > timeoutMs) throw new Error(`${base} did not reach Redis in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "thumbnail-graph-cluster-"));
  const closers: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const closer of closers.reverse()) await closer().catch(() => {});
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const redis = await startRedis();
    closers.push(() => redis.stop());

    const emulatorOptions = {
      port: await freePort(),
      dataDir,
      seed: options.bulkTasks ? { bulkTasks: options.bulkTasks } : true,
    };
    let emulator = await startEmulator(emulatorOptions);
    closers.push(() => emulator.close());

    const port = options.port ?? (await freePort());
    const url = `http://127.0.0.1:${port}`;
    const urlSecrets = `cluster:${randomBytes(32).toString("base64url")}`;
    const env = {
      FTRACK_SERVER: emulator.url,
      FTRACK_API_USER: emulator.apiUser,
      FTRACK_API_KEY: emulator.apiKey,
      AUTH_MODE: "none",
      REDIS_URL: redis.url,
      PUBLIC_URL: url,
      THUMBNAIL_URL_SECRETS: urlSecrets,
      ...options.env,
    };
    const replicas = await Promise.all(
      Array.from({ length: options.replicas ?? 2 }, (_, i) => {
        const name = `replica-${i + 1}`;
        const onLog = options.onLog;
        return startReplica(name, env, onLog && ((line) => onLog(name, line)));
      }),
    );
    for (const replica of replicas) closers.push(() => replica.stop());

    for (const replica of replicas) await seesRedis(replica.url);
    const nginx = await startNginx(
      port,
      replicas.map((r) => `127.0.0.1:${r.port}`),
      // Replicas that let a proxy keep their thumbnails get nginx's cache in front of them.
      { cacheThumbnails: options.env?.THUMBNAIL_CACHE_SCOPE === "public" },
    );
    closers.push(() => nginx.stop());

    return {
      url,
      redis,
      replicas,
      nginx,
      urlSecrets,
      emulator: () => emulator,
      stopEmulator: () => emulator.close(),
      async startEmulator() {
        emulator = await startEmulator(emulatorOptions);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
