/** Starts the GraphQL service on an HTTP server, against the ftrack server it is given. */
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp } from "./app.js";
import type { Config } from "./config.js";
import { ErrorCode } from "./error-codes.js";
import type { FtrackConnectionStatus } from "./ftrack/connection.check.js";
import { createFtrackClient } from "./ftrack/ftrack.client.js";
import type { Logger } from "./observability/logger.js";
import { namingPort } from "./startup.errors.js";

export interface FtrackConnection {
  server: string;
  apiUser: string;
  apiKey: string;
}

export interface RunningService {
  url: string;
  port: number;
  /** The connection check run at start (logged; ftrack being down does not stop the service). */
  ftrackChecked: Promise<FtrackConnectionStatus>;
  close(): Promise<void>;
}

const STARTING_BODY = JSON.stringify({
  code: ErrorCode.STARTING,
  message: "The service is starting. Retry shortly.",
});

/** What a request gets before the app is ready: an answer, never silence. */
const answerStarting: RequestListener = (req, res) => {
  req.resume();
  res.writeHead(503, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(STARTING_BODY),
    "Retry-After": "1",
    "Cache-Control": "no-store",
  });
  res.end(STARTING_BODY);
};

export async function startService(config: Config, ftrackConnection: FtrackConnection, logger: Logger) {
  const ftrack = createFtrackClient({ ...config.ftrack, ...ftrackConnection }, { logger });
  // Listen first: with PORT=0 the port, and so the default public URL, is only known once bound.
  // Until the app is built every request is answered 503 with Retry-After, so none waits forever.
  let handle: RequestListener = answerStarting;
  const httpServer = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => {
      httpServer.off("error", reject);
      resolve();
    });
  }).catch(namingPort("PORT"));
  const port = (httpServer.address() as AddressInfo).port;
  const publicUrl = new URL(config.publicUrl).port === "0" ? `http://localhost:${port}` : config.publicUrl;
  const { app, apollo, checkFtrack } = await createApp({
    config: { ...config, publicUrl },
    ftrack,
    logger,
    httpServer,
  }).catch((error: unknown) => {
    httpServer.close();
    throw error;
  });
  handle = app;
  return {
    url: `http://localhost:${port}`,
    port,
    ftrackChecked: checkFtrack(),
    // Apollo's drain plugin closes the HTTP server after in-flight requests finish.
    close: () => apollo.stop(),
  } satisfies RunningService;
}
