/**
 * `BENCH_FAULTS=1 npm run bench`: the fault phases of bench/faults.ts, long (BENCH_FAULT_SECONDS per
 * phase, default 40; BENCH_CONNECTIONS concurrent clients, default 8), then 200 uploads with faults.
 * Prints the table and writes bench/results/faults.json; exits non-zero when a failure was unclean
 * or an upload left an orphan or a wrong thumbnail.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { startCluster } from "../scripts/cluster.stack.js";
import {
  FAULT_BULK_TASKS,
  FAULT_CLUSTER_ENV,
  formatPhases,
  REQUEST_BOUND_MS,
  runFaultPhases,
  runFaultyUploads,
} from "./faults.js";

export async function faultBench(): Promise<void> {
  const seconds = Number(process.env.BENCH_FAULT_SECONDS || "40");
  const workers = Number(process.env.BENCH_CONNECTIONS || "8");
  console.log(
    `fault bench: ${seconds}s per phase, ${workers} clients, 2 replicas behind nginx, ${cpus().length} cpus, ` +
      `node ${process.version}, load average ${loadavg()[0].toFixed(1)}\n` +
      `replicas: ${Object.entries(FAULT_CLUSTER_ENV)
        .map(([k, v]) => `${k}=${v}`)
        .join(" ")}; request bound ${REQUEST_BOUND_MS} ms`,
  );
  const cluster = await startCluster({ env: FAULT_CLUSTER_ENV, bulkTasks: FAULT_BULK_TASKS });
  try {
    const phases = await runFaultPhases(cluster, { seconds, workers, log: (line) => console.log(line) });
    console.log(`\n${formatPhases(phases)}\n`);
    const uploads = await runFaultyUploads(cluster, 200, 4);
    console.log(
      `200 uploads, an ftrack failure injected at a random step of two in three: ${uploads.succeeded} succeeded, ` +
        `failed ${JSON.stringify(uploads.failed)}, orphan components ${uploads.orphans.length}, ` +
        `tasks with a wrong thumbnail ${uploads.wrongThumbnails.length}`,
    );
    const out = new URL("./results/faults.json", import.meta.url);
    mkdirSync(new URL("./", out), { recursive: true });
    const meta = {
      date: new Date().toISOString(),
      node: process.version,
      seconds,
      workers,
      env: FAULT_CLUSTER_ENV,
    };
    writeFileSync(out, `${JSON.stringify({ meta, phases, uploads }, null, 2)}\n`);
    const unclean = phases.reduce((sum, p) => sum + p.unclean, 0);
    if (unclean > 0 || uploads.orphans.length > 0 || uploads.wrongThumbnails.length > 0) process.exitCode = 1;
  } finally {
    await cluster.close();
  }
}
