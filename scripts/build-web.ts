/**
 * Builds the thumbnail browser (web/ -> web/dist/, which the service serves at /) with Vite:
 * `npm run build:web`. With `--if-stale` (npm start's prestart, the browser tests) it builds only
 * when the page's sources or the locked dependencies changed since the last build, so a fresh
 * build costs `npm start` a hash of a few files. One build runs at a time (test files run in
 * parallel, and `npm run build` may run beside them): the others wait, then find it fresh.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));
const webRoot = join(repoRoot, "web");
const outDir = join(webRoot, "dist");
/** The hash of the sources the build in outDir was made from (a dot file: never served). */
const stampFile = join(outDir, ".source-hash");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === outDir || entry.name === "node_modules" ? [] : sourceFiles(path);
    return [path];
  });
}

function sourceHash(): string {
  const hash = createHash("sha256");
  const files = [...sourceFiles(webRoot), join(repoRoot, "package-lock.json")].sort();
  for (const file of files) hash.update(`${relative(repoRoot, file)}\0`).update(readFileSync(file));
  return hash.digest("hex");
}

/** Held while checking and building: creating a folder is atomic, so one process at a time gets it. */
const lockDir = join(repoRoot, "node_modules", ".cache", "build-web.lock");
/** A lock older than this was left by a build that died. */
const STALE_LOCK_MS = 5 * 60_000;

function lockAge(): number {
  try {
    return Date.now() - statSync(lockDir).mtimeMs;
  } catch {
    return 0; // released meanwhile: try again
  }
}

async function withLock(fn: () => Promise<void>): Promise<void> {
  mkdirSync(dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (lockAge() > STALE_LOCK_MS) rmSync(lockDir, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    await fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

const onlyIfStale = process.argv.includes("--if-stale");
await withLock(async () => {
  const hash = sourceHash();
  if (onlyIfStale && existsSync(stampFile) && readFileSync(stampFile, "utf8") === hash) {
    console.log("web/dist is up to date");
    return;
  }
  // Imported only when building: loading Vite is most of a fresh check's time.
  const { build } = await import("vite");
  await build({ root: webRoot, configFile: join(webRoot, "vite.config.ts"), logLevel: "warn" });
  writeFileSync(stampFile, hash);
  console.log("web/dist built");
});
