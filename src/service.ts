/** Starts the GraphQL service on an HTTP server, against the ftrack server it is given. */
import { createServer, type IncomingMessage, type RequestListener } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { Duplex } from "node:stream";
import { createApp } from "./app.js";
import type { Config } from "./config.js";
import { ErrorCode } from "./error-codes.js";
import type { FtrackConnectionStatus } from "./ftrack/connection.check.js";
import { connectEventHub } from "./ftrack/event-hub.client.js";
import type { EventHubState } from "./ftrack/event-hub.types.js";
import { createFtrackClient } from "./ftrack/ftrack.client.js";
import type { Logger } from "./observability/logger.js";
import { connectRedis } from "./redis/redis.connection.js";
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
  /** The state of this replica's listener on ftrack's event hub (it feeds subscriptions). */
  readonly eventHubState: EventHubState;
  /** Ends subscriptions, closes WebSocket and event-stream connections and the hub listener, then the server. */
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

/** A WebSocket upgrade before the app is ready: the same 503 answer, then the socket closes. */
function answerUpgradeStarting(_req: IncomingMessage, socket: Duplex, _head: Buffer): void {
  socket.on("error", () => {});
  socket.end(
    "HTTP/1.1 503 Service Unavailable\r\n" +
      "Content-Type: application/json; charset=utf-8\r\n" +
      `Content-Length: ${Buffer.byteLength(STARTING_BODY)}\r\n` +
      "Retry-After: 1\r\nConnection: close\r\n\r\n" +
      STARTING_BODY,
  );
}

export async function startService(config: Config, ftrackConnection: FtrackConnection, logger: Logger) {
  const ftrack = createFtrackClient({ ...config.ftrack, ...ftrackConnection }, { logger });
  // Listen first: with PORT=0 the port, and so the default public URL, is only known once bound.
  // Until the app is built every request is answered 503 with Retry-After, so none waits forever.
  let handle: RequestListener = answerStarting;
  let upgrade = answerUpgradeStarting;
  // Building the app is mostly synchronous, so a request that came in meanwhile is read only once
  // the app is ready: the first request of a connection made before then is answered 503 all the same.
  const connectedWhileStarting = new WeakSet<Socket>();
  const httpServer = createServer((req, res) => {
    if (connectedWhileStarting.delete(req.socket)) return answerStarting(req, res);
    handle(req, res);
  });
  httpServer.on("connection", (socket: Socket) => {
    if (handle === answerStarting) connectedWhileStarting.add(socket);
  });
  httpServer.on("upgrade", (req, socket, head) => upgrade(req, socket, head));
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => {
      httpServer.off("error", reject);
      resolve();
    });
  }).catch(namingPort("PORT"));
  const port = (httpServer.address() as AddressInfo).port;
  const publicUrl = new URL(config.publicUrl).port === "0" ? `http://localhost:${port}` : config.publicUrl;
  // One listener per replica, as the service user: every replica hears every change itself.
  const eventHub = connectEventHub({
    server: ftrackConnection.server,
    identity: ftrack.serviceIdentity,
    transport: ftrack.transport,
    logger,
  });
  // Redis being down does not stop the start: the service serves from memory until it answers.
  const redis = config.redis && (await connectRedis(config.redis, logger));
  const started = await createApp({
    config: { ...config, publicUrl },
    ftrack,
    logger,
    httpServer,
    eventHub,
    redis,
  }).catch(async (error: unknown) => {
    await eventHub.close();
    httpServer.close();
    await redis?.close();
    throw error;
  });
  // Let the event loop poll for I/O once first (two check phases apart): it accepts, and marks,
  // the connections made meanwhile.
  await new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
  handle = started.requestListener;
  upgrade = started.upgrade;
  return {
    url: `http://localhost:${port}`,
    port,
    ftrackChecked: started.checkFtrack(),
    get eventHubState() {
      return eventHub.state;
    },
    async close() {
      // Streams first, so open event streams end and WebSockets close instead of holding the drain.
      await started.closeSubscriptions();
      await eventHub.close();
      // Apollo's drain plugin closes the HTTP server after in-flight requests finish.
      await started.stop();
      await redis?.close();
    },
  } satisfies RunningService;
}
