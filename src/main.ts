/**
 * Entry point (`npm start`, and `npm run start:prod` as dist/main.js): with FTRACK_SERVER set, serve
 * GraphQL over that ftrack server; without it, start the embedded ftrack-compatible server first and
 * use it through the same code path. SIGTERM or SIGINT stops it gracefully, then it exits 0.
 */
import "reflect-metadata";
import { loadConfig } from "./config.js";
import { startEmulator } from "./emulator/index.js";
import { createLogger } from "./observability/logger.js";
import { startTracing } from "./observability/tracing.sdk.js";
import { type FtrackConnection, startService } from "./service.js";
import { exitOnStartupError, namingPort } from "./startup.errors.js";

/** What closing may take beyond SHUTDOWN_TIMEOUT_MS (the embedded server, the last spans' export). */
const FORCED_EXIT_GRACE_MS = 5_000;

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, undefined, config.logFormat);
  const closers: (() => Promise<void>)[] = [];

  const tracing = await startTracing(config.tracing);
  if (tracing) logger.info("OpenTelemetry tracing on (OTEL_* variables)");

  let connection: FtrackConnection;
  if (config.ftrack.server && config.ftrack.apiUser && config.ftrack.apiKey) {
    connection = {
      server: config.ftrack.server,
      apiUser: config.ftrack.apiUser,
      apiKey: config.ftrack.apiKey,
    };
    logger.info({ ftrack: config.ftrack.server }, "using the configured ftrack server");
  } else {
    const emulator = await startEmulator(config.emulator).catch(namingPort("EMULATOR_PORT"));
    closers.push(() => emulator.close());
    connection = { server: emulator.url, apiUser: emulator.apiUser, apiKey: emulator.apiKey };
    logger.info(
      { ftrack: emulator.url, apiUser: emulator.apiUser },
      "no FTRACK_SERVER set: started the embedded ftrack-compatible server (see README for its API key)",
    );
  }

  const service = await startService(config, connection, logger);
  closers.unshift(() => service.close());
  logger.info(`GraphQL API on ${service.url}/graphql`);
  if (config.webUi) logger.info(`Thumbnail browser on ${service.url}/`);

  const stop = async (signal: string) => {
    const started = performance.now();
    logger.info(
      { signal, shutdownTimeoutMs: config.shutdownTimeoutMs },
      "stopping: new requests refused, requests in flight finishing",
    );
    // Closing waits SHUTDOWN_TIMEOUT_MS at most for requests; this bounds the rest (span export, ftrack).
    setTimeout(() => {
      logger.error("stopping took too long: exiting now");
      process.exit(1);
    }, config.shutdownTimeoutMs + FORCED_EXIT_GRACE_MS).unref();
    // Spans are exported last: those of the requests that finished while stopping too.
    if (tracing) closers.push(() => tracing.shutdown());
    for (const close of closers) await close().catch((error) => logger.error({ err: error }, "close failed"));
    logger.info({ ms: Math.round(performance.now() - started) }, "stopped");
    process.exit(0);
  };
  // A second signal while stopping (an impatient Ctrl-C) exits at once.
  let stopped: Promise<void> | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (!stopped) stopped = stop(signal);
    else {
      logger.warn({ signal }, "second signal while stopping: exiting now");
      process.exit(1);
    }
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}

main().catch(exitOnStartupError);
