/**
 * Builds the thumbnail browser (web/ -> web/dist/, which the service serves at /) with Vite:
 * `npm run build:web`. With `--if-stale` (npm start's prestart, the browser tests) it builds only
 * when the page's sources or the locked dependencies changed since the last build, so a fresh
 * build costs `npm start` a hash of a few files.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
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

const onlyIfStale = process.argv.includes("--if-stale");
const hash = sourceHash();
if (onlyIfStale && existsSync(stampFile) && readFileSync(stampFile, "utf8") === hash) {
  console.log("web/dist is up to date");
} else {
  // Imported only when building: loading Vite is most of a fresh check's time.
  const { build } = await import("vite");
  await build({ root: webRoot, configFile: join(webRoot, "vite.config.ts"), logLevel: "warn" });
  writeFileSync(stampFile, hash);
  console.log("web/dist built");
}
