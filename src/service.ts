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
import { refuseUpgrade } from "./http/error.response.js";
import { keepHttpObjectShapes } from "./http/http-objects.shape.js";
import { drainHttpServer } from "./http/http-server.drain.js";
import { READINESS_PATH } from "./http/ops.route.js";
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
  /**
   * Graceful stop: new requests refused at once, subscriptions ended (their WebSocket and event-stream
   * connections closed), the hub listener closed, requests in flight finished (SHUTDOWN_TIMEOUT_MS at most).
   */
  close(): Promise<void>;
}

type UpgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * A 503 `{ code, message }` written without the app (not there yet, or no longer taking requests),
 * to a request and to a WebSocket upgrade; the upgrade's socket closes after it.
 */
function unavailable(code: ErrorCode, message: string, headers: Record<string, string>) {
  const body = JSON.stringify({ code, message });
  const answer: RequestListener = (req, res) => {
    req.resume();
    res.writeHead(503, {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Length": Buffer.byteLength(body),
      "Cache-Control": "no-store",
      ...headers,
    });
    res.end(body);
  };
  // The upgrade's socket closes after the answer whatever `headers` say.
  const upgradeHeaders = Object.fromEntries(
    Object.entries(headers).filter(([name]) => name.toLowerCase() !== "connection"),
  );
  const answerUpgrade: UpgradeListener = (_req, socket) =>
    refuseUpgrade(socket, 503, code, message, upgradeHeaders);
  return { answer, answerUpgrade };
}

/** What a request gets before the app is ready: an answer, never silence. */
const starting = unavailable(ErrorCode.STARTING, "The service is starting. Retry shortly.", {
  "Retry-After": "1",
});

/** What a new request on an open connection gets once the service is stopping; the connection closes. */
const stopping = unavailable(
  ErrorCode.SHUTTING_DOWN,
  "The service is shutting down. Send the request again: another instance will answer it.",
  { Connection: "close" },
);

export async function startService(config: Config, ftrackConnection: FtrackConnection, logger: Logger) {
  keepHttpObjectShapes();
  const ftrack = createFtrackClient({ ...config.ftrack, ...ftrackConnection }, { logger });
  // Listen first: with PORT=0 the port, and so the default public URL, is only known once bound.
  // Until the app is built every request is answered 503 with Retry-After, so none waits forever.
  let handle: RequestListener = starting.answer;
  let upgrade: UpgradeListener = starting.answerUpgrade;
  let isStopping = false;
  // Building the app is mostly synchronous, so a request that came in meanwhile is read only once
  // the app is ready: the first request of a connection made before then is answered 503 all the same.
  const connectedWhileStarting = new WeakSet<Socket>();
  const httpServer = createServer((req, res) => {
    if (connectedWhileStarting.delete(req.socket)) return starting.answer(req, res);
    handle(req, res);
  });
  httpServer.on("connection", (socket: Socket) => {
    if (handle === starting.answer) connectedWhileStarting.add(socket);
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
    eventHub,
    redis,
    stopping: () => isStopping,
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
      // Not ready at once, and every new request refused (but /readyz, which says so) ...
      isStopping = true;
      handle = (req, res) =>
        req.url?.split("?")[0] === READINESS_PATH ? started.app(req, res) : stopping.answer(req, res);
      upgrade = stopping.answerUpgrade;
      // ... streams first, so open event streams end and WebSockets close instead of holding the drain;
      await started.closeSubscriptions();
      await eventHub.close();
      // then the port and the idle connections close, requests in flight finish (SHUTDOWN_TIMEOUT_MS
      // at most) and their connections close after them; Apollo stops once none is left.
      await drainHttpServer(httpServer, config.shutdownTimeoutMs);
      await started.stop();
      await redis?.close();
    },
  } satisfies RunningService;
}
