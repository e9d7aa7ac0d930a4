/**
 * The service as a child process, as it is deployed: `node --import tsx src/main.ts` (npm start) or
 * `node dist/main.js` (npm run start:prod). It listens on a free port (PORT=0) and on 127.0.0.1; the
 * port is read from its log line. Every process is stopped after each test.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach } from "vitest";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface ServiceProcess {
  child: ChildProcess;
  port: number;
  stdout(): string;
  stderr(): string;
  /** The exit code (null when a signal ended it). */
  exited: Promise<number | null>;
}

const running: ChildProcess[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map(kill));
});

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

/**
 * Starts `command args` in the repository with a minimal environment (no OTEL_* from the caller's)
 * plus `env`, and resolves once the service logs its URL.
 */
export async function launchService(
  command: string,
  args: string[],
  env: Record<string, string>,
  startTimeoutMs = 60_000,
): Promise<ServiceProcess> {
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      THUMBNAIL_URL_SECRETS: "service-process-test-key-0123456789abcdef",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  const { stdout, stderr, exited } = captured(child);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`the service did not start within ${startTimeoutMs} ms; stderr:\n${stderr()}`));
    }, startTimeoutMs);
    const look = () => {
      const match = /GraphQL API on http:\/\/localhost:(\d+)\/graphql/.exec(stdout());
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off("data", look);
      resolve(Number(match[1]));
    };
    child.stdout?.on("data", look);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the service exited (${code}) before it started; stderr:\n${stderr()}`));
    });
  });
  return { child, port, stdout, stderr, exited };
}

/** What a child process has written so far, and its exit code (null when a signal ended it). */
export function captured(child: ChildProcess) {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { stdout: () => stdout, stderr: () => stderr, exited };
}

/** The JSON log lines the process wrote so far. */
export function logLinesOf(service: ServiceProcess): Record<string, unknown>[] {
  return service
    .stdout()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line));
}
