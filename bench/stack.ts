/**
 * Starts the benchmarked stack as child processes on 127.0.0.1: one emulator and one service per
 * configuration, and lets the parent turn the emulator's latency knob and read its counters.
 */
import { type ChildProcess, fork } from "node:child_process";
import type { ChildRequest } from "./stack.child.js";

const CHILD = new URL("./stack.child.ts", import.meta.url).pathname;
/** One signing secret for every service, so a URL issued by one verifies on all. */
const SECRET = "bench-secret-not-for-production-use";

export interface Counters {
  requests: number;
  operations: number;
  thumbnailRequests: number;
}

export interface EmulatorProcess {
  url: string;
  apiUser: string;
  apiKey: string;
  setLatency(ms: number): Promise<Counters>;
  reset(): Promise<Counters>;
  counters(): Promise<Counters>;
}

export interface Stack {
  emulator: EmulatorProcess;
  /** Base URLs (http://127.0.0.1:port) of the services, by name. */
  services: Record<string, string>;
  close(): void;
}

/** Forks a child (it inherits tsx's loader through execArgv) and waits for its `ready` message. */
function spawn<T>(args: string[]): Promise<{ child: ChildProcess; ready: T }> {
  const child = fork(CHILD, args, { stdio: "inherit" });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`bench child ${args[0]} exited with ${code}`)));
    child.on("message", (m: { ready?: T }) => m.ready && resolve({ child, ready: m.ready }));
  });
}

/** A request to the emulator child, without its correlation id. */
type ChildCommand<R = ChildRequest> = R extends unknown ? Omit<R, "id"> : never;

function rpc(child: ChildProcess) {
  let next = 0;
  const pending = new Map<number, (c: Counters) => void>();
  child.on("message", (m: { id?: number; result?: Counters }) => {
    if (m.id !== undefined && m.result) pending.get(m.id)?.(m.result);
    if (m.id !== undefined) pending.delete(m.id);
  });
  return (req: ChildCommand) =>
    new Promise<Counters>((resolve) => {
      const id = next++;
      pending.set(id, resolve);
      child.send({ ...req, id });
    });
}

/** `serviceEnv`: extra environment of each service, by name (e.g. { naive: { FTRACK_BATCHING: "false" } }). */
export async function startStack(
  bulkTasks: number,
  serviceEnv: Record<string, Record<string, string>>,
): Promise<Stack> {
  const children: ChildProcess[] = [];
  const close = () => {
    for (const child of children) child.kill();
  };
  try {
    const emu = await spawn<{ url: string; apiUser: string; apiKey: string }>([
      "emulator",
      String(bulkTasks),
    ]);
    children.push(emu.child);
    const call = rpc(emu.child);
    const emulator: EmulatorProcess = {
      ...emu.ready,
      setLatency: (ms) => call({ cmd: "latency", ms }),
      reset: () => call({ cmd: "reset" }),
      counters: () => call({ cmd: "counters" }),
    };
    const services: Record<string, string> = {};
    for (const [name, extra] of Object.entries(serviceEnv)) {
      const env = {
        PORT: "0",
        HOST: "127.0.0.1",
        LOG_LEVEL: "warn",
        THUMBNAIL_URL_SECRETS: SECRET,
        ...extra,
      };
      const ftrack = { server: emu.ready.url, apiUser: emu.ready.apiUser, apiKey: emu.ready.apiKey };
      const svc = await spawn<{ url: string }>(["service", JSON.stringify({ env, ftrack })]);
      children.push(svc.child);
      services[name] = svc.ready.url;
    }
    for (const child of children) child.removeAllListeners("exit");
    return { emulator, services, close };
  } catch (error) {
    close();
    throw error;
  }
}
