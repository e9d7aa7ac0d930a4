/**
 * The real entry points as child processes (`npm start`, `npm run emulator`, `npm run gateway`):
 * a request that arrives while a server starts gets an answer (503 with Retry-After, or a refused
 * connection before the port opens), never silence; a port in use is one line naming the variable.
 *
 * The servers listen on fixed ports here (their defaults would clash), each found free just before.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { request } from "node:http";
import { createServer, type Server } from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/cluster.processes.js";
import { captured } from "../support/service.process.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SECRET = "startup-test-key-0123456789abcdef0123456789";
/** Longer than any answer takes on a loaded machine; a request still open after it hangs. */
const HANG_MS = 15_000;

const children: ChildProcess[] = [];
const blockers: Server[] = [];

afterEach(async () => {
  await Promise.all(children.splice(0).map(stop));
  await Promise.all(blockers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

function listenOn(port: number): Promise<Server> {
  const server = createServer();
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

/** Occupies a port the way another program would. */
async function occupy(): Promise<number> {
  const server = await listenOn(0);
  blockers.push(server);
  return (server.address() as { port: number }).port;
}

interface Launched {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function launch(script: string, env: Record<string, string>): Launched {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      EMULATOR_DATA_DIR: ":memory:",
      THUMBNAIL_URL_SECRETS: SECRET,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return { child, ...captured(child) };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const forced = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(forced);
}

type Outcome =
  | { kind: "answer"; status: number; retryAfter?: string }
  | { kind: "refused" }
  | { kind: "hang" }
  | { kind: "error"; code: string };

/** One request on a fresh connection; what came back, or "hang" after HANG_MS without an answer. */
function probe(port: number, path: string, headers: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, path, agent: false, headers }, (res) => {
      res.resume();
      res.once("end", () =>
        resolve({
          kind: "answer",
          status: res.statusCode ?? 0,
          retryAfter: res.headers["retry-after"] as string | undefined,
        }),
      );
    });
    req.setTimeout(HANG_MS, () => {
      resolve({ kind: "hang" });
      req.destroy();
    });
    req.once("error", (error: NodeJS.ErrnoException) =>
      resolve(
        error.code === "ECONNREFUSED" ? { kind: "refused" } : { kind: "error", code: String(error.code) },
      ),
    );
    req.end();
  });
}

interface Target {
  port: number;
  path: string;
  headers?: Record<string, string>;
}

/**
 * Fires one request at every target each 50 ms from now until each has answered 200 five times (or
 * the deadline passes), then waits for every request to settle.
 */
async function fireDuringStart(launched: Launched, targets: Target[], deadlineMs = 90_000) {
  const outcomes: Outcome[] = [];
  const pending: Promise<void>[] = [];
  const ready = new Map<Target, number>();
  const started = Date.now();
  while (targets.some((t) => (ready.get(t) ?? 0) < 5) && Date.now() - started < deadlineMs) {
    if (launched.child.exitCode !== null) break;
    for (const target of targets) {
      pending.push(
        probe(target.port, target.path, target.headers).then((outcome) => {
          outcomes.push(outcome);
          if (outcome.kind === "answer" && outcome.status === 200)
            ready.set(target, (ready.get(target) ?? 0) + 1);
        }),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await Promise.all(pending);
  return { outcomes, ready: targets.every((t) => (ready.get(t) ?? 0) >= 5) };
}

/** Tries to connect again as soon as a connection is refused: the first answer once the port opens. */
async function firstAnswer(launched: Launched, port: number): Promise<Outcome> {
  for (;;) {
    const outcome = await probe(port, "/healthz");
    if (outcome.kind !== "refused" || launched.child.exitCode !== null) return outcome;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

function expectNoneHung(
  result: Awaited<ReturnType<typeof fireDuringStart>>,
  launched: Launched,
  answered: (outcome: Extract<Outcome, { kind: "answer" }>) => boolean,
) {
  const { outcomes } = result;
  expect(result.ready, `never ready; stderr:\n${launched.stderr()}`).toBe(true);
  expect(outcomes.filter((o) => o.kind === "hang")).toEqual([]);
  expect(outcomes.filter((o) => o.kind === "error")).toEqual([]);
  const answers = outcomes.filter((o): o is Extract<Outcome, { kind: "answer" }> => o.kind === "answer");
  expect(answers.filter((o) => !answered(o))).toEqual([]);
  expect(outcomes.length).toBeGreaterThan(10);
}

describe("requests during start get an answer", { timeout: 150_000 }, () => {
  it("npm start: refused before the port opens, then 503 STARTING with Retry-After, then 200", async () => {
    const port = await freePort();
    // A Redis that accepts and never answers holds the start, port open, for REDIS_TIMEOUT_MS: the
    // window in which requests get 503 is then long enough to hit on a loaded machine. (It reads,
    // so that it sees the service hang up.)
    const silentRedis = createServer((socket) => socket.resume());
    blockers.push(silentRedis);
    await new Promise<void>((resolve) => silentRedis.listen(0, "127.0.0.1", resolve));
    const launched = launch("src/main.ts", {
      PORT: String(port),
      EMULATOR_PORT: "0",
      REDIS_URL: `redis://127.0.0.1:${(silentRedis.address() as { port: number }).port}`,
      REDIS_TIMEOUT_MS: "2000",
    });
    const [result, first] = await Promise.all([
      fireDuringStart(launched, [{ port, path: "/healthz" }]),
      firstAnswer(launched, port),
    ]);
    expectNoneHung(result, launched, (o) => o.status === 200 || (o.status === 503 && o.retryAfter === "1"));
    // The port opens before the start is done: the first request it takes is answered 503.
    expect(first).toEqual({ kind: "answer", status: 503, retryAfter: "1" });
    // Nor does that Redis hold the stop: a graceful exit, not "stopping took too long".
    launched.child.kill("SIGTERM");
    expect(await launched.exited, launched.stderr()).toBe(0);
  });

  it("npm run emulator", async () => {
    const port = await freePort();
    const launched = launch("src/emulator/main.ts", { EMULATOR_PORT: String(port) });
    const result = await fireDuringStart(launched, [{ port, path: "/health" }]);
    expectNoneHung(result, launched, (o) => o.status === 200);
  });

  it("npm run gateway: the service, the example subgraphs and the gateway", async () => {
    const [service, schedule, gateway] = [await freePort(), await freePort(2), await freePort()];
    const launched = launch("scripts/gateway.ts", {
      PORT: String(service),
      SCHEDULE_PORT: String(schedule),
      GATEWAY_PORT: String(gateway),
    });
    const typename = {
      path: "/graphql?query=%7B__typename%7D",
      headers: { "apollo-require-preflight": "1" },
    };
    const result = await fireDuringStart(launched, [
      { port: service, path: "/healthz" },
      { port: schedule, ...typename },
      { port: schedule + 1, ...typename },
      { port: gateway, ...typename },
    ]);
    expectNoneHung(result, launched, (o) => o.status === 200 || (o.status === 503 && o.retryAfter === "1"));
  });
});

describe("a port in use is one line naming the variable to change", { timeout: 60_000 }, () => {
  /** Runs an entry point to its exit; returns its code and stderr. */
  async function runToExit(script: string, env: Record<string, string>) {
    const launched = launch(script, env);
    const code = await launched.exited;
    return { code, stderr: launched.stderr().trim() };
  }

  function expectOneLine(stderr: string, port: number, variable: string) {
    expect(stderr).toBe(
      `Port ${port} is already in use: stop what uses it, or set ${variable} to a free port.`,
    );
  }

  it("PORT (npm start)", async () => {
    const port = await occupy();
    const { code, stderr } = await runToExit("src/main.ts", { PORT: String(port), EMULATOR_PORT: "0" });
    expect(code).toBe(1);
    expectOneLine(stderr, port, "PORT");
  });

  it("EMULATOR_PORT (npm start and npm run emulator)", async () => {
    const port = await occupy();
    for (const script of ["src/main.ts", "src/emulator/main.ts"]) {
      const { code, stderr } = await runToExit(script, { PORT: "0", EMULATOR_PORT: String(port) });
      expect(code).toBe(1);
      expectOneLine(stderr, port, "EMULATOR_PORT");
    }
  });

  it("GATEWAY_PORT and SCHEDULE_PORT (npm run gateway)", async () => {
    const taken = await occupy();
    const gateway = await runToExit("scripts/gateway.ts", {
      PORT: "0",
      SCHEDULE_PORT: "0",
      GATEWAY_PORT: String(taken),
    });
    expect(gateway.code).toBe(1);
    expectOneLine(gateway.stderr, taken, "GATEWAY_PORT");

    const schedule = await runToExit("scripts/gateway.ts", {
      PORT: "0",
      SCHEDULE_PORT: String(taken),
      GATEWAY_PORT: "0",
    });
    expect(schedule.code).toBe(1);
    expect(schedule.stderr).toBe(
      `Port ${taken} is already in use: stop what uses it, or set SCHEDULE_PORT to a free port (schedule listens on it, reviews on the next port).`,
    );
  });
});
