/**
 * nginx serving one file, as the yardstick for the thumbnail route's cached hits: Debian's
 * `nginx-light` started on a free port with its own config, pid file and temp paths in a temp
 * folder, one worker process (so one nginx worker faces one Node process). It answers twice: at
 * `/thumbnail` with the bytes, their type and a Cache-Control only; under `/thumbnails/` (the
 * service's own signed URLs, query ignored) with the headers the service's answer carried too.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../scripts/cluster.processes.js";

const CANDIDATES = [process.env.NGINX ?? "", "/usr/sbin/nginx", "/usr/local/sbin/nginx"];

export interface Nginx {
  /** URL of the file, answered with its type and a Cache-Control only. */
  url: string;
  /** The file at the service's path (with its query), answered with the service's headers. */
  sameExchange(path: string): string;
  version: string;
  /** CPU time (user + system) of its processes so far, in ms (Linux /proc; NaN elsewhere). */
  cpuMs(): number;
  close(): void;
}

/** Clock ticks per second of /proc's CPU times. */
const TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" })) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of a process and of its children (nginx's workers), in ms. */
export function processTreeCpuMs(pid: number): number {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    const own = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (in parentheses): utime and stime are the 12th and 13th.
    const [utime, stime] = own
      .slice(own.lastIndexOf(")") + 2)
      .split(" ")
      .slice(11, 13)
      .map(Number);
    return (
      ((utime! + stime!) / TICKS) * 1000 +
      children.reduce((sum, child) => sum + processTreeCpuMs(Number(child)), 0)
    );
  } catch {
    return Number.NaN;
  }
}

function findNginx(): string | null {
  for (const path of CANDIDATES) if (path && existsSync(path)) return path;
  try {
    return execFileSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

async function waitUntilServing(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("nginx did not answer within 5 s");
}

/** Headers nginx writes itself, or that describe the connection: not copied from the service's answer. */
const OWN_HEADERS = new Set(["connection", "content-length", "content-type", "date", "keep-alive"]);

/** A header value as an nginx string (which has no escape for `$`: it would read as a variable). */
function quoted(value: string): string {
  if (value.includes("$")) throw new Error(`a header nginx cannot repeat: ${value}`);
  return `"${value.replace(/[\\"]/g, "\\$&")}"`;
}

/** `add_header` lines for the service's headers (a fresh request id per answer, as the service's). */
function sameHeaders(headers: Headers): string {
  return [...headers]
    .filter(([name]) => !OWN_HEADERS.has(name))
    .map(([name, value]) => `add_header ${name} ${name === "x-request-id" ? "$request_id" : quoted(value)};`)
    .join("\n      ");
}

/**
 * Starts nginx serving `body`, as the service answered it with `headers`; a string saying why not
 * when nginx is missing or fails.
 */
export async function startNginx(body: Buffer, headers: Headers): Promise<Nginx | string> {
  const contentType = headers.get("content-type") ?? "application/octet-stream";
  const binary = findNginx();
  if (!binary)
    return "nginx is not installed (Debian: apt-get install nginx-light): nginx comparison skipped";
  const dir = mkdtempSync(join(tmpdir(), "bench-nginx-"));
  // nginx started as root serves from unprivileged workers: they must be able to read the file.
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, "www"), { mode: 0o755 });
  writeFileSync(join(dir, "www", "thumbnail"), body, { mode: 0o644 });
  const port = await freePort();
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((name) => `  ${name}_temp_path ${join(dir, name)};`)
    .join("\n");
  writeFileSync(
    join(dir, "nginx.conf"),
    `worker_processes 1;
daemon off;
pid ${join(dir, "nginx.pid")};
error_log ${join(dir, "error.log")} warn;
events { worker_connections 1024; }
http {
  access_log off;
${temp}
  server {
    listen 127.0.0.1:${port};
    location = /thumbnail {
      root ${join(dir, "www")};
      default_type ${contentType};
      add_header Cache-Control "private, max-age=3600, immutable";
    }
    location /thumbnails/ {
      root ${join(dir, "www")};
      try_files /thumbnail =404;
      default_type ${contentType};
      # The service's ETag instead of nginx's own.
      etag off;
      ${sameHeaders(headers)}
    }
  }
}
`,
  );
  // nginx prints its version on stderr.
  const version = spawnSync(binary, ["-v"], { encoding: "utf8" }).stderr.trim();
  const child = spawn(binary, ["-p", dir, "-c", join(dir, "nginx.conf"), "-e", join(dir, "error.log")], {
    stdio: "ignore",
  });
  const close = () => {
    child.kill("SIGTERM");
    child.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  };
  const url = `http://127.0.0.1:${port}/thumbnail`;
  try {
    await waitUntilServing(url, child);
  } catch (error) {
    close();
    return `nginx could not start (${(error as Error).message}): nginx comparison skipped`;
  }
  return {
    url,
    sameExchange: (path) => `http://127.0.0.1:${port}${path}`,
    version: version || "nginx",
    cpuMs: () => processTreeCpuMs(child.pid!),
    close,
  };
}
