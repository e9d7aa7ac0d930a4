/**
 * The emulator's event hub, speaking what ftrack's clients speak (@ftrack/api's EventHub and the
 * Python client's `ftrack_api/event/hub.py`), a socket.io 0.9 protocol:
 *   1. `GET /socket.io/1/` with credentials (query `api_user` / `api_key`, or the headers
 *      `ftrack-user` / `ftrack-api-key`) answers `<session id>:<heartbeat s>:<close s>:websocket`;
 *   2. a WebSocket to `/socket.io/1/websocket/<session id>` (the id is single-use and expires);
 *   3. the hub sends `1::` (connected), then `2::` heartbeats that clients answer; a client silent
 *      for longer than the heartbeat timeout is dropped;
 *   4. clients emit `5:::{"name":"ftrack.event","args":[event]}` (`5:<n>+::...` asks for an
 *      acknowledgement, answered `6:::<n>+[{"success":true}]`). Topic `ftrack.meta.subscribe`
 *      registers `data.subscriber` (metadata with an `id`) for `data.subscription` (an expression),
 *      `ftrack.meta.unsubscribe` removes it, and every other event is relayed, once per connection,
 *      to connections with a subscriber whose subscription matches the event and, when the event
 *      has a `target`, whose metadata matches that target.
 * The server publishes `ftrack.update` itself after every committed batch (event-hub.updates.ts).
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";
import { authenticate } from "./emulator.auth.js";
import { EmulatorError } from "./emulator.errors.js";
import { type Expression, parseExpression } from "./event-hub.expression.js";
import {
  CONNECT_PACKET,
  encodeAck,
  encodeEvent,
  eventOf,
  HEARTBEAT_PACKET,
  PACKET,
  type Packet,
  parsePacket,
} from "./event-hub.framing.js";
import { buildUpdateEvent, type FtrackEvent, type UpdateOrigin } from "./event-hub.updates.js";
import { header, sendError } from "./http.util.js";
import type { EmulatorStore } from "./store.js";
import type { StoredWrite } from "./store.recorder.js";
import type { StoredEntity } from "./store.types.js";

/** socket.io 0.9 clients emit every event under this name. */
const EVENT_NAME = "ftrack.event";
const HANDSHAKE_TTL_MS = 30_000;
const MAX_PACKET_BYTES = 1024 * 1024;

export interface EventHubOptions {
  store: EmulatorStore;
  /** The server API key (authenticates as any user, as on the HTTP API). */
  apiKey: string;
  /** How often the hub sends a heartbeat (default 10 s; @ftrack/api gives up after 15 s of silence). */
  heartbeatIntervalMs?: number;
  /** How long a client may stay silent before it is dropped (default 2.5 heartbeats). */
  heartbeatTimeoutMs?: number;
  log?: (line: string) => void;
}

/** What tests see of the hub. */
export interface EventHubKnobs {
  /** Drops every connection and refuses new ones (503) until start(); the HTTP API keeps serving. */
  stop(): void;
  start(): void;
  /** Keeps connections open but goes silent (no heartbeats, acknowledgements or events) and deaf,
   * as a half-open network does, until resume(). */
  pause(): void;
  resume(): void;
  readonly running: boolean;
  /** Open WebSocket connections. */
  readonly connections: number;
  /** ftrack.update events published so far. */
  readonly updatesPublished: number;
}

export interface EmulatorEventHub extends EventHubKnobs {
  /** `GET /socket.io/1/`. */
  handshake(req: IncomingMessage, res: ServerResponse): void;
  /** The HTTP server's `upgrade` listener. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Announces a committed batch's writes as one ftrack.update event. */
  publishWrites(writes: readonly StoredWrite[], origin: UpdateOrigin): void;
  close(): void;
}

interface Subscriber {
  metadata: Record<string, unknown>;
  subscription: Expression;
}

interface Connection {
  socket: WebSocket;
  user: StoredEntity;
  subscribers: Map<string, Subscriber>;
  lastSeen: number;
}

const WEBSOCKET_PATH = /^\/socket\.io\/1\/websocket\/([A-Za-z0-9_-]{1,128})\/?$/;

export function createEventHub(options: EventHubOptions): EmulatorEventHub {
  const { store, log } = options;
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 10_000;
  const heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? Math.round(heartbeatIntervalMs * 2.5);
  // The source id of the events the server itself publishes.
  const serverId = randomUUID();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PACKET_BYTES });
  const sessions = new Map<string, { user: StoredEntity; expires: number }>();
  const connections = new Set<Connection>();
  let running = true;
  let paused = false;
  let updatesPublished = 0;
  let heartbeat: NodeJS.Timeout | undefined;

  function startHeartbeat() {
    heartbeat = setInterval(() => {
      if (paused) return;
      const now = Date.now();
      for (const connection of connections) {
        if (now - connection.lastSeen > heartbeatTimeoutMs) connection.socket.terminate();
        else send(connection, HEARTBEAT_PACKET);
      }
    }, heartbeatIntervalMs);
    heartbeat.unref();
  }

  function send(connection: Connection, packet: string) {
    if (paused) return;
    if (connection.socket.readyState === connection.socket.OPEN) connection.socket.send(packet);
  }

  function dropAll() {
    for (const connection of connections) connection.socket.terminate();
    connections.clear();
    sessions.clear();
  }

  function route(event: FtrackEvent): void {
    let target: Expression | undefined;
    if (event.target) target = parseExpression(event.target);
    const packet = encodeEvent(EVENT_NAME, event);
    for (const connection of connections) {
      for (const subscriber of connection.subscribers.values()) {
        if (!subscriber.subscription.match(event)) continue;
        if (target && !target.match(subscriber.metadata)) continue;
        send(connection, packet);
        break;
      }
    }
  }

  /** Handles one client event; the result is what an acknowledgement carries. */
  function handleEvent(connection: Connection, raw: unknown): { success: boolean; message?: string } {
    if (!raw || typeof raw !== "object" || typeof (raw as FtrackEvent).topic !== "string") {
      return { success: false, message: "An event must be an object with a topic." };
    }
    const event = raw as FtrackEvent;
    const data = (event.data ?? {}) as { subscriber?: { id?: unknown }; subscription?: unknown };
    try {
      switch (event.topic) {
        case "ftrack.meta.subscribe": {
          const id = data.subscriber?.id;
          if (typeof id !== "string" || typeof data.subscription !== "string") {
            return { success: false, message: "A subscription needs subscriber.id and subscription." };
          }
          // Idempotent: @ftrack/api announces a subscriber again on every (re)connect, sometimes twice.
          connection.subscribers.set(id, {
            metadata: data.subscriber as Record<string, unknown>,
            subscription: parseExpression(data.subscription),
          });
          return { success: true };
        }
        case "ftrack.meta.unsubscribe": {
          const id = data.subscriber?.id;
          const removed = typeof id === "string" && connection.subscribers.delete(id);
          return removed ? { success: true } : { success: false, message: "No such subscriber." };
        }
        default:
          route(event);
          return { success: true };
      }
    } catch (error) {
      return { success: false, message: (error as Error).message };
    }
  }

  function onPacket(connection: Connection, packet: Packet) {
    if (paused) return;
    connection.lastSeen = Date.now();
    if (packet.type === PACKET.disconnect) {
      connection.socket.close();
      return;
    }
    const event = eventOf(packet);
    if (!event || event.name !== EVENT_NAME) return;
    const result = handleEvent(connection, event.args[0]);
    if (packet.wantsAck && packet.id) send(connection, encodeAck(packet.id, [result]));
  }

  function accept(socket: WebSocket, user: StoredEntity) {
    const connection: Connection = { socket, user, subscribers: new Map(), lastSeen: Date.now() };
    connections.add(connection);
    socket.on("message", (data, isBinary) => {
      if (isBinary) return;
      const packet = parsePacket(data.toString());
      if (packet) onPacket(connection, packet);
    });
    socket.on("close", () => connections.delete(connection));
    socket.on("error", () => socket.terminate());
    send(connection, CONNECT_PACKET);
  }

  startHeartbeat();

  return {
    handshake(req, res) {
      if (!running) {
        sendError(res, new EmulatorError("ServerError", "The event hub is not running."), 503);
        return;
      }
      const query = new URL(req.url ?? "/", "http://emulator.invalid").searchParams;
      let user: StoredEntity;
      try {
        user = authenticate(store, options.apiKey, {
          username: query.get("api_user") ?? header(req, "ftrack-user"),
          apiKey: query.get("api_key") ?? header(req, "ftrack-api-key"),
        });
      } catch (error) {
        if (!(error instanceof EmulatorError)) throw error;
        sendError(res, error, 401);
        return;
      }
      const now = Date.now();
      for (const [sid, session] of sessions) if (session.expires < now) sessions.delete(sid);
      const sid = randomBytes(16).toString("hex");
      sessions.set(sid, { user, expires: now + HANDSHAKE_TTL_MS });
      const body = `${sid}:${Math.ceil(heartbeatTimeoutMs / 1000)}:${Math.ceil(HANDSHAKE_TTL_MS / 1000)}:websocket`;
      res.writeHead(200, { "Content-Type": "text/plain", "Cache-Control": "no-store" });
      res.end(body);
    },

    upgrade(req, socket, head) {
      const path = new URL(req.url ?? "/", "http://emulator.invalid").pathname;
      const sid = WEBSOCKET_PATH.exec(path)?.[1];
      const session = sid ? sessions.get(sid) : undefined;
      if (sid) sessions.delete(sid);
      const refuse = (status: string): void =>
        void socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
      if (!running) return refuse("503 Service Unavailable");
      if (!sid) return refuse("404 Not Found");
      if (!session || session.expires < Date.now()) return refuse("403 Forbidden");
      wss.handleUpgrade(req, socket, head, (ws) => accept(ws, session.user));
    },

    publishWrites(writes, origin) {
      // Nobody listening (or the hub down): the event would reach no one, as on a real server.
      if (!running || connections.size === 0) return;
      try {
        const event = buildUpdateEvent(writes, store, origin, serverId);
        if (!event) return;
        updatesPublished++;
        route(event);
      } catch (error) {
        // The batch is committed either way; a failure to announce it must not fail the request.
        log?.(`emulator: could not publish ftrack.update: ${(error as Error)?.stack ?? error}`);
      }
    },

    stop() {
      if (!running) return;
      running = false;
      clearInterval(heartbeat);
      dropAll();
    },

    start() {
      if (running) return;
      running = true;
      startHeartbeat();
    },

    pause() {
      paused = true;
    },

    resume() {
      paused = false;
      // Silence was the hub's doing: nobody is dropped for it.
      for (const connection of connections) connection.lastSeen = Date.now();
    },

    get running() {
      return running;
    },
    get connections() {
      return connections.size;
    },
    get updatesPublished() {
      return updatesPublished;
    },

    close() {
      running = false;
      clearInterval(heartbeat);
      dropAll();
      wss.close();
    },
  };
}
