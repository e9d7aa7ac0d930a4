/** Starts the GraphQL service on an HTTP server, against the ftrack server it is given. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp } from "./app.js";
import type { Config } from "./config.js";
import { createFtrackClient } from "./ftrack/ftrack.client.js";
import type { Logger } from "./observability/logger.js";

export interface FtrackConnection {
  server: string;
  apiUser: string;
  apiKey: string;
}

export interface RunningService {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startService(config: Config, ftrackConnection: FtrackConnection, logger: Logger) {
  const ftrack = createFtrackClient({ ...config.ftrack, ...ftrackConnection });
  const httpServer = createServer();
  // Listen first: with PORT=0 the port, and so the default public URL, is only known once bound.
  // Nobody can reach the server before this function returns its URL, so no request is missed.
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, resolve);
  });
  const port = (httpServer.address() as AddressInfo).port;
  const publicUrl = new URL(config.publicUrl).port === "0" ? `http://localhost:${port}` : config.publicUrl;
  const { app, apollo } = await createApp({
    config: { ...config, publicUrl },
    ftrack,
    logger,
    httpServer,
  }).catch((error: unknown) => {
    httpServer.close();
    throw error;
  });
  httpServer.on("request", app);
  return {
    url: `http://localhost:${port}`,
    port,
    // Apollo's drain plugin closes the HTTP server after in-flight requests finish.
    close: () => apollo.stop(),
  } satisfies RunningService;
}
