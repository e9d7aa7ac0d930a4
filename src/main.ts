/**
 * Entry point (`npm start`): with FTRACK_SERVER set, serve GraphQL over that ftrack server; without
 * it, start the embedded ftrack-compatible server first and use it through the same code path.
 */
import "reflect-metadata";
import { loadConfig } from "./config.js";
import { startEmulator } from "./emulator/index.js";
import { createLogger } from "./observability/logger.js";
import { type FtrackConnection, startService } from "./service.js";
import { exitOnStartupError, namingPort } from "./startup.errors.js";

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, undefined, config.logFormat);
  const closers: (() => Promise<void>)[] = [];

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
    logger.info({ signal }, "stopping");
    for (const close of closers) await close().catch((error) => logger.error({ err: error }, "close failed"));
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

main().catch(exitOnStartupError);
