/**
 * One process of the benchmarked stack, forked by stack.ts: `emulator` (the ftrack-compatible
 * server, seeded), `service` (the GraphQL layer over it) or `bare` (Apollo Server 5 on express 5
 * with a one-field schema and nothing else: what a request costs with no layer at all). Each answers
 * the parent over IPC, so the load generator, the layer and "ftrack" never share an event loop.
 *
 * Plain JavaScript on the production build (`npm run build`, which `npm run bench` runs first), as
 * `npm run start:prod` runs the service: under tsx every require() at run time goes through its
 * loader hooks (Apollo requires `crypto` for every query hash), a cost no deployment pays.
 */
import "reflect-metadata";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { loadConfig } from "../dist/config.js";
import { startEmulator } from "../dist/emulator/index.js";
import { keepHttpObjectShapes } from "../dist/http/http-objects.shape.js";
import { createLogger } from "../dist/observability/logger.js";
import { startService } from "../dist/service.js";

/** @typedef {import("./stack.js").ChildRequest} ChildRequest */

const [role, arg] = process.argv.slice(2);
// Every process of the stack, not only the service's: so that none of them, the bare Apollo included,
// draws V8's slow layout for its HTTP objects by chance (see src/http/http-objects.shape.ts).
keepHttpObjectShapes();
const send = (/** @type {unknown} */ message) => process.send?.(message);
// The parent going away (or stopping us) ends this process normally, so --cpu-prof writes its profile.
process.on("disconnect", () => process.exit(0));
process.on("SIGTERM", () => process.exit(0));

/** Services answer with their CPU time, so the parent can tell the CPU cost of a request. */
function answerCpu() {
  process.on("message", (/** @type {ChildRequest} */ req) => {
    if (req.cmd === "cpu") send({ id: req.id, result: process.cpuUsage() });
  });
}

if (role === "emulator") {
  const emulator = await startEmulator({ port: 0, dataDir: ":memory:", seed: { bulkTasks: Number(arg) } });
  process.on("message", (/** @type {ChildRequest} */ req) => {
    if (req.cmd === "latency") emulator.knobs.latencyMs = req.ms;
    if (req.cmd === "reset") emulator.counters.reset();
    const { requests, operations, thumbnailRequests } = emulator.counters;
    send({ id: req.id, result: { requests, operations, thumbnailRequests } });
  });
  send({ ready: { url: emulator.url, apiUser: emulator.apiUser, apiKey: emulator.apiKey } });
} else if (role === "service") {
  /** @type {{ env: Record<string, string>, ftrack: { server: string, apiUser: string, apiKey: string } }} */
  const { env, ftrack } = JSON.parse(arg);
  const config = loadConfig(env);
  const service = await startService(config, ftrack, createLogger(config.logLevel));
  answerCpu();
  send({ ready: { url: `http://127.0.0.1:${service.port}` } });
} else if (role === "bare") {
  const apollo = new ApolloServer({ typeDefs: "type Query { hello: String }" });
  await apollo.start();
  const app = express();
  app.use("/graphql", express.json(), expressMiddleware(apollo));
  const server = app.listen(0, "127.0.0.1", () => {
    const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
    answerCpu();
    send({ ready: { url: `http://127.0.0.1:${port}` } });
  });
} else {
  throw new Error(`unknown role "${role}"`);
}
