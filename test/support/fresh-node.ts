/**
 * Runs an ES module given as source in a fresh Node process: for what V8 decides once per process
 * (object layouts, garbage collection), which a test's own process has long settled.
 */
import { execFileSync } from "node:child_process";

/** The last line `source` printed, run with Node's `flags` and `env` added to this environment. */
export function lastLineFromFreshNode(flags: string[], source: string, env: Record<string, string>): string {
  const out = execFileSync(process.execPath, [...flags, "--input-type=module", "-e", source], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return out.trim().split("\n").at(-1)!;
}
