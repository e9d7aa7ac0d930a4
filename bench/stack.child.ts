/**
 * One process of the benchmarked stack, forked by stack.ts: `emulator` (the ftrack-compatible
 * server, seeded) or `service` (the GraphQL layer over it). Each answers the parent over IPC, so the
 * load generator, the layer and "ftrack" never share an event loop.
 */
import "reflect-metadata";
import { loadConfig } from "../src/config.js";
import { startEmulator } from "../src/emulator/index.js";
import { createLogger } from "../src/observability/logger.js";
import { startService } from "../src/service.js";

export type ChildRequest =
  | { id: number; cmd: "latency"; ms: number }
  | { id: number; cmd: "counters" }
  | { id: number; cmd: "reset" };

const [role, arg] = process.argv.slice(2);
const send = (message: unknown) => process.send?.(message);
// The parent going away (or killing us) ends this process.
process.on("disconnect", () => process.exit(0));

if (role === "emulator") {
  const emulator = await startEmulator({ port: 0, dataDir: ":memory:", seed: { bulkTasks: Number(arg) } });
  process.on("message", (req: ChildRequest) => {
    if (req.cmd === "latency") emulator.knobs.latencyMs = req.ms;
    if (req.cmd === "reset") emulator.counters.reset();
    const { requests, operations, thumbnailRequests } = emulator.counters;
    send({ id: req.id, result: { requests, operations, thumbnailRequests } });
  });
  send({ ready: { url: emulator.url, apiUser: emulator.apiUser, apiKey: emulator.apiKey } });
} else if (role === "service") {
  const { env, ftrack } = JSON.parse(arg) as {
    env: Record<string, string>;
    ftrack: { server: string; apiUser: string; apiKey: string };
  };
  const config = loadConfig(env);
  const service = await startService(config, ftrack, createLogger(config.logLevel));
  send({ ready: { url: `http://127.0.0.1:${service.port}` } });
} else {
  throw new Error(`unknown role "${role}"`);
}
