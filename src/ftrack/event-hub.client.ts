/**
 * The service's listener on ftrack's event hub: connects as the service user, subscribes to
 * `topic=ftrack.update`, and hands upper layers EntityChange records. It reconnects after a lost
 * connection (exponential backoff with jitter), announces a gap after every reconnect so
 * subscribers can refetch, reports its state for /readyz, and closes without leaving timers.
 *
 * Not @ftrack/api's EventHub (1.11.2), because in a long-running Node service it:
 * - crashes the process: its sockets are cached per (server, user, key) for the process's life, and
 *   a hub created again after disconnect() throws from the old hub's handlers on the next connect
 *   (an uncaught EventServerPublishError); and subscribing while the hub stays unreachable for 30 s
 *   rejects a promise nobody awaits (an unhandled rejection, fatal in Node);
 * - leaves a 30 s timer behind for every event it publishes (every subscription), so it cannot
 *   close cleanly;
 * - has no reconnect signal nor tunable backoff, and sends the API key in URL query strings.
 * The protocol is the same socket.io 0.9 one as ftrack's Python client's (`ftrack_api/event/hub.py`):
 * `GET /socket.io/1/` with the `ftrack-user` / `ftrack-api-key` headers answers a session id; a
 * WebSocket to `/socket.io/1/websocket/<id>`; `5:1+::{"name":"ftrack.event","args":[event]}` with a
 * `ftrack.meta.subscribe` event, acknowledged `6:::1+[{"success":true}]`; `2::` heartbeats answered.
 */
import { randomUUID } from "node:crypto";
import WebSocket from "ws";
import type { Logger } from "../observability/logger.js";
import { type FtrackSchema, mapUpdateEvent, type SchemaNames, schemaNames } from "./entity-change.mapper.js";
import type { EntityChange, EventGap, EventHubState } from "./event-hub.types.js";
import type { FtrackTransport } from "./ftrack.transport.js";
import type { FtrackIdentity } from "./ftrack.types.js";

export interface EventHubClientOptions {
  /** Base URL of the ftrack server (http or https). */
  server: string;
  /** Who the service listens as (FTRACK_API_USER / FTRACK_API_KEY). */
  identity: FtrackIdentity;
  /** Reads the server's schemas once (legacy names -> API names). */
  transport: FtrackTransport;
  /** First reconnect delay (default 500 ms); it doubles per failed attempt up to maxDelayMs. */
  initialDelayMs?: number;
  /** Longest reconnect delay (default 30 s). */
  maxDelayMs?: number;
  /** Timeout of the handshake, the WebSocket opening and the subscription's acknowledgement (default 10 s). */
  connectTimeoutMs?: number;
  logger?: Logger;
}

export interface EventHubClient {
  readonly state: EventHubState;
  /** Called with the changes of each ftrack.update event (one event per ftrack commit). */
  onChanges(listener: (changes: EntityChange[]) => void): () => void;
  /** Called after every reconnect: changes made while disconnected were missed; refetch. */
  onGap(listener: (gap: EventGap) => void): () => void;
  onStateChange(listener: (state: EventHubState) => void): () => void;
  close(): Promise<void>;
}

const SUBSCRIBE_PACKET_ID = "1";
/** Used until the handshake says otherwise; socket.io 0.9's own default. */
const DEFAULT_HEARTBEAT_TIMEOUT_MS = 60_000;

class ConnectionLost extends Error {}

export function connectEventHub(options: EventHubClientOptions): EventHubClient {
  const { identity, transport, logger } = options;
  const server = options.server.replace(/\/+$/, "");
  const initialDelayMs = options.initialDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const subscriberId = randomUUID();

  const changeListeners = new Set<(changes: EntityChange[]) => void>();
  const gapListeners = new Set<(gap: EventGap) => void>();
  const stateListeners = new Set<(state: EventHubState) => void>();

  let state: EventHubState = "connecting";
  let names: SchemaNames | undefined;
  let socket: WebSocket | undefined;
  let handshake: AbortController | undefined;
  let timer: NodeJS.Timeout | undefined;
  let liveness: NodeJS.Timeout | undefined;
  let failures = 0;
  let everConnected = false;
  let downSince: Date | undefined;

  // A function, so TypeScript does not narrow `state` across the awaits that may change it.
  const closed = () => state === "closed";

  const notify = <T>(listeners: Set<(value: T) => void>, value: T, what: string) => {
    for (const listener of listeners) {
      try {
        listener(value);
      } catch (error) {
        logger?.error({ err: error }, `ftrack event hub: a ${what} listener failed`);
      }
    }
  };

  function setState(next: EventHubState) {
    if (state === next) return;
    state = next;
    notify(stateListeners, next, "state");
  }

  function clearTimers() {
    clearTimeout(timer);
    clearTimeout(liveness);
    timer = liveness = undefined;
  }

  /** Drops the current attempt or connection and schedules the next one. */
  function lost(reason: string) {
    if (state === "closed") return;
    clearTimers();
    handshake?.abort();
    socket?.removeAllListeners();
    socket?.on("error", () => {});
    socket?.terminate();
    socket = undefined;
    if (state === "connected") {
      downSince = new Date();
      logger?.warn({ reason }, "ftrack event hub: connection lost, reconnecting");
    } else {
      logger?.debug({ reason, failures }, "ftrack event hub: connection attempt failed");
    }
    setState(everConnected ? "reconnecting" : "connecting");
    // Exponential backoff with equal jitter: half the delay fixed, half random.
    const ceiling = Math.min(maxDelayMs, initialDelayMs * 2 ** Math.min(failures, 30));
    failures++;
    timer = setTimeout(attempt, ceiling / 2 + Math.random() * (ceiling / 2));
  }

  /** No frame for longer than the heartbeat timeout: the connection is dead even if TCP says not. */
  function expectHeartbeat(timeoutMs: number) {
    clearTimeout(liveness);
    liveness = setTimeout(() => lost("no heartbeat"), timeoutMs);
  }

  async function attempt() {
    timer = undefined;
    if (state === "closed") return;
    try {
      names ??= schemaNames(
        (await transport.post([{ action: "query_schemas" }], identity))[0] as FtrackSchema[],
      );
      if (closed()) return;
      handshake = new AbortController();
      const abort = setTimeout(() => handshake?.abort(), connectTimeoutMs);
      let body: string;
      try {
        const response = await fetch(`${server}/socket.io/1/`, {
          headers: { "ftrack-user": identity.username, "ftrack-api-key": identity.apiKey },
          signal: handshake.signal,
        });
        body = await response.text();
        if (!response.ok) throw new ConnectionLost(`handshake answered HTTP ${response.status}`);
      } finally {
        clearTimeout(abort);
      }
      if (closed()) return;
      const [sid, heartbeatSeconds, , transports = ""] = body.split(":");
      if (!sid || !transports.split(",").includes("websocket"))
        throw new ConnectionLost("unexpected handshake");
      const heartbeatMs =
        Number(heartbeatSeconds) > 0 ? Number(heartbeatSeconds) * 1000 : DEFAULT_HEARTBEAT_TIMEOUT_MS;
      open(`${server.replace(/^http/, "ws")}/socket.io/1/websocket/${sid}`, heartbeatMs);
    } catch (error) {
      // Messages only: a transport error's cause may carry a URL, and nothing here logs the key.
      lost(error instanceof Error ? error.message : String(error));
    }
  }

  function open(url: string, heartbeatMs: number) {
    const ws = new WebSocket(url, { handshakeTimeout: connectTimeoutMs });
    socket = ws;
    // Until subscribed, the connect timeout applies; then the hub's heartbeats keep it alive.
    expectHeartbeat(connectTimeoutMs);
    ws.on("open", () => {
      const subscribe = {
        topic: "ftrack.meta.subscribe",
        id: randomUUID(),
        data: { subscriber: { id: subscriberId }, subscription: "topic=ftrack.update" },
        source: {
          id: subscriberId,
          applicationId: "ftrack-thumbnail-graph",
          user: { username: identity.username },
        },
        target: "",
        inReplyToEvent: null,
      };
      ws.send(`5:${SUBSCRIBE_PACKET_ID}+::${JSON.stringify({ name: "ftrack.event", args: [subscribe] })}`);
    });
    ws.on("message", (data, isBinary) => {
      if (isBinary || socket !== ws) return;
      const frame = data.toString();
      const type = frame[0];
      if (state === "connected") expectHeartbeat(heartbeatMs);
      if (type === "2") ws.send("2::");
      else if (type === "5") onEvent(frame.replace(/^5:[0-9]*\+?:[^:]*:/, ""));
      else if (type === "6") onAck(frame.replace(/^6:[0-9]*\+?:[^:]*:/, ""), heartbeatMs);
      else if (type === "0" || type === "7")
        lost(type === "0" ? "the hub disconnected" : "the hub sent an error");
    });
    ws.on("close", () => socket === ws && lost("socket closed"));
    ws.on("error", (error) => socket === ws && lost(error.message));
  }

  function onAck(data: string, heartbeatMs: number) {
    const match = /^(\d+)\+([\s\S]*)$/.exec(data);
    if (match?.[1] !== SUBSCRIBE_PACKET_ID || state === "connected") return;
    let result: { success?: boolean; message?: string } | undefined;
    try {
      [result] = JSON.parse(match[2] || "[]");
    } catch {}
    if (result?.success === false) {
      lost(`subscription refused: ${result.message ?? "no reason given"}`);
      return;
    }
    failures = 0;
    expectHeartbeat(heartbeatMs);
    const reconnected = everConnected;
    everConnected = true;
    setState("connected");
    logger?.info(reconnected ? "ftrack event hub: reconnected" : "ftrack event hub: connected");
    if (reconnected) notify(gapListeners, { since: downSince ?? new Date() }, "gap");
  }

  function onEvent(data: string) {
    let packet: { name?: unknown; args?: unknown[] };
    try {
      packet = JSON.parse(data);
    } catch {
      return;
    }
    const event = packet.args?.[0] as { topic?: unknown } | undefined;
    if (packet.name !== "ftrack.event" || event?.topic !== "ftrack.update" || !names) return;
    const changes = mapUpdateEvent(event, names);
    if (changes.length > 0) notify(changeListeners, changes, "changes");
  }

  const subscribe =
    <T>(listeners: Set<T>) =>
    (listener: T) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    };

  void attempt();

  return {
    get state() {
      return state;
    },
    onChanges: subscribe(changeListeners),
    onGap: subscribe(gapListeners),
    onStateChange: subscribe(stateListeners),
    async close() {
      if (state === "closed") return;
      setState("closed");
      clearTimers();
      handshake?.abort();
      const ws = socket;
      socket = undefined;
      if (!ws || ws.readyState === WebSocket.CLOSED) return;
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => ws.terminate(), 1000);
        ws.once("close", () => {
          clearTimeout(force);
          resolve();
        });
        ws.on("error", () => {});
        if (ws.readyState === WebSocket.OPEN) ws.send("0::");
        ws.close();
      });
    },
  };
}
