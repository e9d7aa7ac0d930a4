/**
 * Load generators with one result shape: autocannon for HTTP routes of the service, wrk where the
 * load generator's own cost would skew a ratio (the cached thumbnail route against nginx), and a
 * bounded concurrent loop for in-process clients (the @ftrack/api session), timed with performance.now().
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import autocannon from "autocannon";

const execFileAsync = promisify(execFile);

export interface LoadResult {
  /** Completed requests (or calls) in the measured window. */
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Failed requests (connection errors, timeouts, non-2xx answers): any is a failed run. */
  errors: number;
  /** The failures by kind, when there were any. */
  errorKinds?: Record<string, number>;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  /** Runs between the warm-up and the measured window (e.g. to reset the emulator's counters). */
  afterWarmup?: () => Promise<unknown>;
}

export interface HttpTarget {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** Path of each request, when it changes per request (e.g. rotating through many URLs). */
  nextPath?: () => string;
}

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/**
 * Sends as many requests as fit in about `seconds`, at a rate estimated by warm-up runs (one
 * request per connection, then about a second's worth, which also lets the JIT settle). A count rather than a
 * duration: autocannon drops requests still in flight when a duration ends, which would report
 * 0 rps for cells slower than the duration.
 */
export async function cannon(
  target: HttpTarget,
  { connections, seconds, afterWarmup }: LoadOptions,
): Promise<LoadResult> {
  const { url, method = "GET", headers, body, nextPath } = target;
  const base: autocannon.Options = {
    url,
    connections,
    // autocannon checks for the end of an `amount` run once per sample: sample often, so the
    // measured duration is not rounded up to the next whole second.
    sampleInt: 50,
    // Seconds before a request counts as failed (default 10): naive reads of 200 tasks under load come close.
    timeout: 30,
    method,
    headers,
    body,
    requests: nextPath ? [{ setupRequest: (req) => ({ ...req, path: nextPath() }) }] : undefined,
  };
  const worth = (r: autocannon.Result, s: number) =>
    Math.max(connections, Math.ceil((r.requests.total / Math.max(r.duration, 0.001)) * s));
  const cold = await run({ ...base, amount: connections });
  let warm = await run({ ...base, amount: worth(cold, 1) });
  // autocannon sees an `amount` run end at its 50 ms checks, so a run of one or two checks under-reads
  // the rate (fast cells' "3 s" rounds took 1.3 s): warm up again until a run lasts half a second.
  for (let i = 0; i < 4 && warm.duration < 0.5; i++) warm = await run({ ...base, amount: worth(warm, 1) });
  await afterWarmup?.();
  const amount = worth(warm, seconds);
  const r = await run({ ...base, amount });
  const errors = r.errors + r.non2xx;
  return {
    requests: r.requests.total - r.non2xx,
    rps: (r.requests.total - r.non2xx) / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors,
    ...(errors > 0 && {
      errorKinds: { connection: r.errors - r.timeouts, timeout: r.timeouts, non2xx: r.non2xx },
    }),
  };
}

/** Runs `task` from `connections` concurrent workers for `seconds` (after a short warm-up). */
export async function loop(
  task: () => Promise<unknown>,
  { connections, seconds, afterWarmup }: LoadOptions,
): Promise<LoadResult> {
  const workers = (until: number, latencies: number[], failures: { n: number }) =>
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const start = performance.now();
        try {
          await task();
          latencies.push(performance.now() - start);
        } catch {
          failures.n++;
        }
      }
    });
  await Promise.all(workers(performance.now() + 300, [], { n: 0 }));
  await afterWarmup?.();

  const latencies: number[] = [];
  const failures = { n: 0 };
  const start = performance.now();
  await Promise.all(workers(start + seconds * 1000, latencies, failures));
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    errors: failures.n,
    ...(failures.n > 0 && { errorKinds: { thrown: failures.n } }),
  };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** wrk's binary when installed (a C load generator: its own cost barely shows next to a fast server). */
export function wrkBinary(): string | null {
  for (const path of ["/usr/bin/wrk", "/usr/local/bin/wrk"]) if (existsSync(path)) return path;
  return null;
}

/** wrk's durations ("812.00us", "1.20ms", "2.01s") in milliseconds. */
function wrkMs(text: string): number {
  const match = /^([\d.]+)(us|ms|s)$/.exec(text);
  if (!match) return Number.NaN;
  const value = Number(match[1]);
  return match[2] === "us" ? value / 1000 : match[2] === "s" ? value * 1000 : value;
}

/** GETs `url` with wrk (one thread, `connections` connections) for `seconds`, after a 1 s warm-up. */
export async function wrk(
  binary: string,
  target: Pick<HttpTarget, "url" | "headers">,
  { connections, seconds, afterWarmup }: LoadOptions,
): Promise<LoadResult> {
  const args = (s: number) => [
    "-t1",
    `-c${connections}`,
    `-d${s}s`,
    "--latency",
    ...Object.entries(target.headers ?? {}).flatMap(([name, value]) => ["-H", `${name}: ${value}`]),
    target.url,
  ];
  await execFileAsync(binary, args(1));
  await afterWarmup?.();
  const { stdout } = await execFileAsync(binary, args(seconds));
  const number = (pattern: RegExp) => Number(pattern.exec(stdout)?.[1] ?? 0);
  const requests = number(/(\d+) requests in/);
  const failed = number(/Non-2xx or 3xx responses: (\d+)/);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  const errors = failed + socketErrors;
  return {
    requests: requests - failed,
    rps: number(/Requests\/sec:\s+([\d.]+)/) * ((requests - failed) / Math.max(1, requests)),
    p50: wrkMs(/^\s+50%\s+(\S+)/m.exec(stdout)?.[1] ?? ""),
    p99: wrkMs(/^\s+99%\s+(\S+)/m.exec(stdout)?.[1] ?? ""),
    errors,
    ...(errors > 0 && { errorKinds: { non2xx: failed, socket: socketErrors } }),
  };
}
