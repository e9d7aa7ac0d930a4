/**
 * The processes of a local cluster, each on a free loopback port: a Redis server, replicas of the
 * service (real processes, so one can be killed), and nginx balancing over them with a generated
 * config in a folder of its own. Used by `npm run cluster`, the cluster tests and the fault bench.
 * Redis and nginx are Debian's `redis-server` and `nginx` (`nginx-light`).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { REQUEST_ID } from "../src/http/request-scope.middleware.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Every process started here that still runs: none outlives this process, however it ends. */
const running = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

function track(child: ChildProcess): ChildProcess {
  running.add(child);
  child.once("exit", () => running.delete(child));
  return child;
}

/**
 * A port nothing is bound to right now (with `consecutive`, the ports after it too), drawn below
 * Linux's ephemeral range (32768 and up). Every `listen(0)` and every outgoing connection draws
 * from that range, so a port drawn here stays free until its user binds it, and while it is closed
 * for a restart; a port `listen(0)` handed out and freed can go to the very next `listen(0)`.
 */
export async function freePort(consecutive = 1): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const first = 20_000 + Math.floor(Math.random() * 12_000);
    const ports = Array.from({ length: consecutive }, (_, i) => first + i);
    if ((await Promise.all(ports.map(bindable))).every(Boolean)) return first;
  }
  throw new Error("no free port between 20000 and 32000");
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** Resolves when `child` prints a line matching `ready`; rejects if it exits first. */
function waitForLine(child: ChildProcess, ready: RegExp, what: string, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(
      () => done(new Error(`${what} did not start in ${timeoutMs} ms:\n${seen}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (ready.test(seen)) done();
    };
    const onExit = (code: number | null) =>
      done(new Error(`${what} exited (${code}) before starting:\n${seen}`));
    const onError = (error: Error) => done(spawnError(what, error));
    const done = (error?: Error) => {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.stderr?.off("data", onData);
      child.off("exit", onExit);
      child.off("error", onError);
      if (error) reject(error);
      else resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", onExit);
    child.once("error", onError);
  });
}

/** A program that is not installed says which Debian package brings it. */
function spawnError(what: string, error: Error & { code?: string }): Error {
  if (error.code !== "ENOENT") return error;
  const pkg = what.startsWith("nginx") ? "nginx-light" : "redis-server";
  return new Error(`${what} is not installed: apt-get install ${pkg} (Debian's package)`);
}

/** Resolves when `url` answers 200; rejects if `child` exits (or cannot start) first. */
async function answering(url: string, child: ChildProcess, what: string, timeoutMs: number): Promise<void> {
  let failed: Error | undefined;
  child.once("error", (error) => {
    failed = spawnError(what, error);
  });
  const started = Date.now();
  for (;;) {
    if (failed) throw failed;
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode}) before answering`);
    const status = await fetch(url).then(
      (res) => res.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() - started > timeoutMs) throw new Error(`${what} did not answer in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A start that failed stops what it started, then fails. */
function stoppingOnFailure(child: ChildProcess) {
  return async (error: unknown): Promise<never> => {
    await stopChild(child, "SIGKILL");
    throw error;
  };
}

/** Stops a child with `signal` and waits for it to exit. */
function stopChild(child: ChildProcess | undefined, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

export interface RedisProcess {
  url: string;
  port: number;
  /** Stops the server (its data goes: it keeps nothing on disk). */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
  /** Freezes it (SIGSTOP): connections stay open, nothing answers, as with an overloaded Redis. */
  pause(): void;
  resume(): void;
}

export async function startRedis(): Promise<RedisProcess> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = track(
      spawn(
        "redis-server",
        ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        { stdio: ["ignore", "pipe", "pipe"] },
      ),
    );
    await waitForLine(child, /Ready to accept connections/, "redis-server").catch(stoppingOnFailure(child));
    child.stdout?.resume();
    child.stderr?.resume();
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    // A frozen process does not exit on SIGTERM: thaw it first.
    stop: () => {
      child?.kill("SIGCONT");
      return stopChild(child);
    },
    pause: () => child?.kill("SIGSTOP"),
    resume: () => child?.kill("SIGCONT"),
  };
}

export interface ReplicaProcess {
  name: string;
  url: string;
  port: number;
  /** Everything it logged (JSON lines), across restarts; empty when `onLog` takes them instead. */
  logs: string[];
  /** Resident memory in bytes (from /proc), or undefined when it is not running. */
  rss(): number | undefined;
  pid(): number | undefined;
  /** SIGKILL: no goodbye, no cleanup. */
  kill(): Promise<void>;
  stop(): Promise<void>;
  /** Starts it again on the same port, with the same environment. */
  start(): Promise<void>;
}

/** A replica of the service: `npm start`'s entry point in its own process, ready when it answers. */
export async function startReplica(
  name: string,
  env: Record<string, string>,
  onLog?: (line: string) => void,
): Promise<ReplicaProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logs: string[] = [];
  const log = onLog ?? ((line: string) => logs.push(line));
  let child: ChildProcess | undefined;
  const start = async () => {
    child = track(
      spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", WEB_UI: "false", ...env, PORT: String(port) },
        stdio: ["ignore", "pipe", "pipe"],
      }),
    );
    for (const stream of [child.stdout, child.stderr]) {
      stream?.on("data", (chunk: Buffer) => {
        for (const line of chunk.toString().split("\n")) if (line) log(line);
      });
    }
    await answering(`${url}/healthz`, child, `replica ${name}`, 60_000).catch(stoppingOnFailure(child));
  };
  await start();
  return {
    name,
    url,
    port,
    logs,
    pid: () => (child?.exitCode === null && child.signalCode === null ? child.pid : undefined),
    rss() {
      const pid = child?.exitCode === null && child.signalCode === null ? child.pid : undefined;
      if (!pid) return undefined;
      try {
        const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
        return kb ? Number(kb) * 1024 : undefined;
      } catch {
        // Not Linux, or the process just exited.
        return undefined;
      }
    },
    kill: () => stopChild(child, "SIGKILL"),
    stop: () => stopChild(child),
    start,
  };
}

export interface NginxProcess {
  url: string;
  port: number;
  /** nginx's master process (its worker is its child), or undefined once it exited. */
  pid(): number | undefined;
  stop(): Promise<void>;
}

/**
 * nginx's thumbnail cache: lines of `http { }` and of `server { }`. Only for public replicas: with a
 * cache on, nginx no longer passes If-None-Match on, so an answer it may not keep (`private`) would
 * go back whole where the replica answers 304.
 */
function thumbnailCache(dir: string) {
  return {
    http: `  # Keyed on the whole URL, query (expiry, key id, signature) included: nginx's default key.
  proxy_cache_path ${dir}/thumbnails levels=1:2 keys_zone=thumbnails:10m max_size=1g inactive=1h use_temp_path=off;
`,
    server: `    location /thumbnails/ {
      proxy_pass http://replicas;
      # Stored as the replica's Cache-Control allows, a copy per Accept (its Vary); concurrent misses
      # of one URL wait for the first; ETag and 304 are answered from the copy.
      proxy_cache thumbnails;
      proxy_cache_lock on;
      # A stored answer keeps the request id of the request that filled it: send this request's.
      proxy_hide_header X-Request-Id;
      add_header X-Request-Id $request_id_sent always;
      add_header X-Cache-Status $upstream_cache_status always;
    }
`,
  };
}

/**
 * nginx on `port`, balancing over `upstreams` (host:port) with its own config, pid and temp paths
 * in a new temporary folder. A replica that refuses connections is skipped for a moment (its
 * requests go to the other); a request already inside a replica that dies answers 502.
 * With `cacheThumbnails` (for replicas with `THUMBNAIL_CACHE_SCOPE=public`), delivered thumbnails
 * go through nginx's own cache, which keeps each signed URL's bytes until the URL expires.
 */
export async function startNginx(
  port: number,
  upstreams: string[],
  { cacheThumbnails = false } = {},
): Promise<NginxProcess> {
  const dir = mkdtempSync(join(tmpdir(), "thumbnail-graph-nginx-"));
  // nginx started as root caches from unprivileged workers: they must reach the cache folder.
  chmodSync(dir, 0o755);
  const conf = join(dir, "nginx.conf");
  const cache = cacheThumbnails ? thumbnailCache(dir) : { http: "", server: "" };
  writeFileSync(
    conf,
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${cache.http}  # WebSocket upgrades (subscriptions) pass through; other requests keep upstream connections alive.
  map $http_upgrade $connection_upgrade { default upgrade; "" ""; }
  # One request id from nginx to the replica's log: the caller's when the replicas would accept it.
  map $http_x_request_id $request_id_sent { "~${REQUEST_ID.source}" $http_x_request_id; default $request_id; }
  upstream replicas {
${upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=2s;`).join("\n")}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 20m;
    proxy_http_version 1.1;
    proxy_set_header Upgrade $http_upgrade;
    proxy_set_header Connection $connection_upgrade;
    proxy_set_header Host $http_host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Request-Id $request_id_sent;
    proxy_connect_timeout 1s;
    proxy_read_timeout 60s;
    # A GET refused (or answered 503 STARTING) by one replica goes to the other; a POST only when
    # the replica refused the connection, since a POST it received may have run.
    proxy_next_upstream error timeout http_503;
    location / {
      proxy_pass http://replicas;
    }
${cache.server}  }
}
`,
  );
  const child = track(
    spawn("nginx", ["-p", dir, "-c", conf, "-e", `${dir}/error.log`, "-g", "daemon off;"], {
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  // nginx prints nothing when it starts: wait until its port answers.
  await answering(`${url}/healthz`, child, "nginx", 10_000).catch(stoppingOnFailure(child));
  return {
    url,
    port,
    pid: () => (child.exitCode === null && child.signalCode === null ? child.pid : undefined),
    async stop() {
      await stopChild(child, "SIGQUIT");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
