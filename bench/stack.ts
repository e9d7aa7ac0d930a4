/**
 * Starts the benchmarked stack as child processes on 127.0.0.1: one emulator, one service per
 * configuration and the bare Apollo Server baseline, and lets the parent turn the emulator's latency
 * knob, read its counters and read each service's CPU time.
 *
 * BENCH_CPU_PROF=<folder> runs every service under `node --cpu-prof`, writing its profile there
 * when the bench ends (read it in Chrome's DevTools, Performance tab, or with any .cpuprofile viewer).
 */
import { type ChildProcess, fork } from "node:child_process";

const CHILD = new URL("./stack.child.mjs", import.meta.url).pathname;

/** What the parent asks a child over IPC (stack.child.mjs answers). */
export type ChildRequest =
  | { id: number; cmd: "latency"; ms: number }
  | { id: number; cmd: "counters" }
  | { id: number; cmd: "reset" }
  | { id: number; cmd: "cpu" };

/** One signing secret for every service, so a URL issued by one verifies on all. */
const SECRET = "bench-secret-not-for-production-use";

export interface Counters {
  requests: number;
  operations: number;
  thumbnailRequests: number;
}

/** process.cpuUsage() of a child, in microseconds. */
export interface CpuUsage {
  user: number;
  system: number;
}

export interface EmulatorProcess {
  url: string;
  apiUser: string;
  apiKey: string;
  setLatency(ms: number): Promise<Counters>;
  reset(): Promise<Counters>;
  counters(): Promise<Counters>;
}

export interface ServiceProcess {
  /** Base URL, http://127.0.0.1:port. */
  url: string;
  cpu(): Promise<CpuUsage>;
}

export interface Stack {
  emulator: EmulatorProcess;
  /** The services, by name, and the bare Apollo Server baseline as `bare`. */
  services: Record<string, ServiceProcess>;
  bare: ServiceProcess;
  close(): void;
}

/** Forks a child on plain Node (not tsx's loader: see stack.child.mjs) and waits for its `ready` message. */
function spawn<T>(args: string[], execArgv: string[] = []): Promise<{ child: ChildProcess; ready: T }> {
  // NODE_ENV=production, as a deployment runs: graphql-js, Express and Apollo skip their development checks.
  const child = fork(CHILD, args, {
    stdio: "inherit",
    execArgv,
    env: { ...process.env, NODE_ENV: "production" },
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`bench child ${args[0]} exited with ${code}`)));
    child.on("message", (m: { ready?: T }) => m.ready && resolve({ child, ready: m.ready }));
  });
}

/** A request to a child, without its correlation id. */
type ChildCommand<R = ChildRequest> = R extends unknown ? Omit<R, "id"> : never;

function rpc(child: ChildProcess) {
  let next = 0;
  const pending = new Map<number, (result: unknown) => void>();
  child.on("message", (m: { id?: number; result?: unknown }) => {
    if (m.id !== undefined && m.result) pending.get(m.id)?.(m.result);
    if (m.id !== undefined) pending.delete(m.id);
  });
  return <T>(req: ChildCommand) =>
    new Promise<T>((resolve) => {
      const id = next++;
      pending.set(id, resolve as (result: unknown) => void);
      child.send({ ...req, id });
    });
}

async function startService(role: "service" | "bare", config: unknown, execArgv: string[]) {
  const { child, ready } = await spawn<{ url: string }>([role, JSON.stringify(config)], execArgv);
  const call = rpc(child);
  const service: ServiceProcess = { url: ready.url, cpu: () => call<CpuUsage>({ cmd: "cpu" }) };
  return { child, service };
}

/** `serviceEnv`: extra environment of each service, by name (e.g. { naive: { FTRACK_BATCHING: "false" } }). */
export async function startStack(
  bulkTasks: number,
  serviceEnv: Record<string, Record<string, string>>,
): Promise<Stack> {
  const children: ChildProcess[] = [];
  // SIGTERM lets a child exit normally, so `--cpu-prof` writes its profile.
  const close = () => {
    for (const child of children) child.kill("SIGTERM");
  };
  const profile = process.env.BENCH_CPU_PROF
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  try {
    const emu = await spawn<{ url: string; apiUser: string; apiKey: string }>([
      "emulator",
      String(bulkTasks),
    ]);
    children.push(emu.child);
    const call = rpc(emu.child);
    const emulator: EmulatorProcess = {
      ...emu.ready,
      setLatency: (ms) => call<Counters>({ cmd: "latency", ms }),
      reset: () => call<Counters>({ cmd: "reset" }),
      counters: () => call<Counters>({ cmd: "counters" }),
    };
    const services: Record<string, ServiceProcess> = {};
    for (const [name, extra] of Object.entries(serviceEnv)) {
      const env = {
        PORT: "0",
        HOST: "127.0.0.1",
        LOG_LEVEL: "warn",
        THUMBNAIL_URL_SECRETS: SECRET,
        ...extra,
      };
      const ftrack = { server: emu.ready.url, apiUser: emu.ready.apiUser, apiKey: emu.ready.apiKey };
      const { child, service } = await startService("service", { env, ftrack }, profile);
      children.push(child);
      services[name] = service;
    }
    const bare = await startService("bare", {}, profile);
    children.push(bare.child);
    for (const child of children) child.removeAllListeners("exit");
    return { emulator, services, bare: bare.service, close };
  } catch (error) {
    close();
    throw error;
  }
}
