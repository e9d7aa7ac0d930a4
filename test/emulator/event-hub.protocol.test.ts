/**
 * The emulator's event hub at the wire: the socket.io 0.9 handshake and packets as ftrack's Python
 * client sends them (credentials in headers, numbered packets with acknowledgements, `2:::`
 * heartbeats), subscription expressions, targets, heartbeat timeouts and refusals.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { parseExpression } from "../../src/emulator/event-hub.expression.js";
import { DEMO, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { type Json, postApi } from "./emulator.helpers.js";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    eventHub: { heartbeatIntervalMs: 100, heartbeatTimeoutMs: 1000 },
  });
});
afterAll(() => emulator?.close());

/** A bare socket.io 0.9 client, as the Python client speaks it. */
class RawClient {
  readonly frames: string[] = [];
  private constructor(readonly socket: WebSocket) {
    socket.on("message", (data) => this.frames.push(data.toString()));
  }

  static async connect(headers: Record<string, string> = ftrackHeaders(), answerHeartbeats = true) {
    const handshake = await fetch(`${emulator.url}/socket.io/1/`, { headers });
    expect(handshake.status).toBe(200);
    const [sid, heartbeat, close, transports] = (await handshake.text()).split(":");
    expect(Number(heartbeat)).toBeGreaterThan(0);
    expect(Number(close)).toBeGreaterThan(0);
    expect(transports.split(",")).toContain("websocket");
    const socket = new WebSocket(`${emulator.url.replace(/^http/, "ws")}/socket.io/1/websocket/${sid}`);
    const client = new RawClient(socket);
    await new Promise((resolve, reject) => {
      socket.once("open", resolve);
      socket.once("error", reject);
    });
    if (answerHeartbeats) socket.on("message", (data) => data.toString() === "2::" && socket.send("2:::"));
    await client.next((frame) => frame === "1::");
    return client;
  }

  async next(predicate: (frame: string) => boolean, timeoutMs = 3000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.frames.findIndex(predicate);
      if (index >= 0) return this.frames.splice(index, 1)[0];
      if (Date.now() > deadline) throw new Error(`no matching frame in ${JSON.stringify(this.frames)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Emits an event numbered `n` and returns the acknowledgement's payload. */
  async emit(n: number, event: Json): Promise<Json> {
    this.socket.send(`5:${n}+::${JSON.stringify({ name: "ftrack.event", args: [event] })}`);
    const ack = await this.next((frame) => frame.startsWith(`6:::${n}+`));
    return JSON.parse(ack.slice(`6:::${n}+`.length))[0];
  }

  subscribe(n: number, subscription: string, subscriber: Json = { id: randomUUID() }) {
    return this.emit(n, {
      topic: "ftrack.meta.subscribe",
      id: randomUUID(),
      data: { subscriber, subscription },
    });
  }

  events(): Json[] {
    return this.frames
      .filter((frame) => frame.startsWith("5:::"))
      .map((frame) => JSON.parse(frame.slice(4)))
      .map((packet) => {
        expect(packet.name).toBe("ftrack.event");
        return packet.args[0];
      });
  }

  close() {
    this.socket.terminate();
  }
}

const ftrackHeaders = (user = emulator.apiUser, key = emulator.apiKey) => ({
  "ftrack-user": user,
  "ftrack-api-key": key,
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe("event hub protocol", () => {
  it("refuses a handshake with bad credentials, and a WebSocket without a valid session id", async () => {
    const bad = await fetch(`${emulator.url}/socket.io/1/`, { headers: ftrackHeaders("pipeline", "wrong") });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as Json).exception).toBe("InvalidCredentialsError");
    const noKey = await fetch(`${emulator.url}/socket.io/1/?api_user=pipeline`);
    expect(noKey.status).toBe(401);

    const socket = new WebSocket(
      `${emulator.url.replace(/^http/, "ws")}/socket.io/1/websocket/not-a-session`,
    );
    const status = await new Promise<number | undefined>((resolve) => {
      socket.on("unexpected-response", (_req, res) => resolve(res.statusCode));
      socket.on("open", () => resolve(undefined));
      socket.on("error", () => {});
    });
    expect(status).toBe(403);
    socket.terminate();
  });

  it("accepts a user's own API key and uses each session id once", async () => {
    const alice = DEMO.users.alice;
    const handshake = await fetch(`${emulator.url}/socket.io/1/`, {
      headers: ftrackHeaders(alice.username, alice.apiKey),
    });
    const sid = (await handshake.text()).split(":")[0];
    const url = `${emulator.url.replace(/^http/, "ws")}/socket.io/1/websocket/${sid}`;
    const first = new WebSocket(url);
    await new Promise((resolve) => first.once("open", resolve));
    const second = new WebSocket(url);
    const status = await new Promise<number | undefined>((resolve) => {
      second.on("unexpected-response", (_req, res) => resolve(res.statusCode));
      second.on("open", () => resolve(undefined));
      second.on("error", () => {});
    });
    expect(status).toBe(403);
    first.terminate();
    second.terminate();
  });

  it("acknowledges numbered packets with {success}, and refuses a malformed subscription", async () => {
    const client = await RawClient.connect();
    try {
      expect(await client.subscribe(1, "topic=ftrack.update")).toEqual({ success: true });
      const bad = await client.subscribe(2, "topic=");
      expect(bad.success).toBe(false);
      expect(typeof bad.message).toBe("string");
      expect(await client.emit(3, { no: "topic" })).toMatchObject({ success: false });
      const subscriber = { id: randomUUID() };
      await client.subscribe(4, "topic=x", subscriber);
      expect(await client.emit(5, { topic: "ftrack.meta.unsubscribe", data: { subscriber } })).toEqual({
        success: true,
      });
    } finally {
      client.close();
    }
  });

  it("filters by subscription: topic=X, topic=X*, and/or/not and data fields", async () => {
    const listener = await RawClient.connect();
    const publisher = await RawClient.connect();
    try {
      await listener.subscribe(1, "topic=studio.review.* and (data.shot=SH010 or data.shot=SH020)");
      await listener.subscribe(2, "topic=studio.exact and not data.skip=yes");
      const publish = (n: number, topic: string, data: Json) =>
        publisher.emit(n, { topic, id: `e${n}`, data, source: { id: "p" }, target: "" });
      await publish(1, "studio.review.requested", { shot: "SH010" }); // delivered
      await publish(2, "studio.review.requested", { shot: "SH030" }); // shot does not match
      await publish(3, "studio.reviewed", { shot: "SH020" }); // topic does not match
      await publish(4, "studio.exact", { skip: "no" }); // delivered
      await publish(5, "studio.exact", { skip: "yes" }); // negated
      await publish(6, "studio.exactly", {}); // no wildcard: no prefix match
      await settle();
      expect(listener.events().map((e) => e.id)).toEqual(["e1", "e4"]);
      // Delivered once per connection, however many of its subscribers match.
      expect(publisher.events()).toEqual([]);
    } finally {
      listener.close();
      publisher.close();
    }
  });

  it("delivers a targeted event only to the subscribers its target names", async () => {
    const a = await RawClient.connect();
    const b = await RawClient.connect();
    try {
      await a.subscribe(1, "topic=ftrack.meta.reply", { id: "hub-a" });
      await b.subscribe(1, "topic=ftrack.meta.reply", { id: "hub-b" });
      await a.emit(2, { topic: "ftrack.meta.reply", id: "r1", data: {}, target: "id=hub-b", source: {} });
      await settle();
      expect(a.events()).toEqual([]);
      expect(b.events().map((e) => e.id)).toEqual(["r1"]);
    } finally {
      a.close();
      b.close();
    }
  });

  it("sends ftrack.update in ftrack's shape to a raw subscriber", async () => {
    const client = await RawClient.connect();
    try {
      await client.subscribe(1, "topic=ftrack.update");
      await postApi(emulator, [
        {
          action: "update",
          entity_type: "Shot",
          entity_key: [DEMO.shot.id],
          entity_data: { name: "SH010b" },
        },
      ]);
      await settle();
      const [event] = client.events();
      expect(Object.keys(event).sort()).toEqual([
        "data",
        "id",
        "inReplyToEvent",
        "sent",
        "source",
        "target",
        "topic",
      ]);
      expect(event.data.entities[0]).toMatchObject({
        entityId: DEMO.shot.id,
        entityType: "task",
        entity_type: "Shot",
        objectTypeId: DEMO.objectTypes.Shot,
        keys: ["name"],
        changes: { name: { old: DEMO.shot.name, new: "SH010b" } },
      });
      await postApi(emulator, [
        {
          action: "update",
          entity_type: "Shot",
          entity_key: [DEMO.shot.id],
          entity_data: { name: DEMO.shot.name },
        },
      ]);
    } finally {
      client.close();
    }
  });

  it("heartbeats, and drops a client that stops answering them", async () => {
    const silent = await RawClient.connect(ftrackHeaders(), false);
    await silent.next((frame) => frame === "2::");
    const closed = new Promise((resolve) => silent.socket.once("close", resolve));
    await closed;
    const alive = await RawClient.connect();
    try {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(alive.socket.readyState).toBe(WebSocket.OPEN);
    } finally {
      alive.close();
    }
  });

  it("answers 503 while stopped, and serves again after start", async () => {
    const client = await RawClient.connect();
    const closed = new Promise((resolve) => client.socket.once("close", resolve));
    emulator.eventHub.stop();
    await closed;
    expect(emulator.eventHub.running).toBe(false);
    expect((await fetch(`${emulator.url}/socket.io/1/`, { headers: ftrackHeaders() })).status).toBe(503);
    emulator.eventHub.start();
    const again = await RawClient.connect();
    again.close();
  });
});

describe("event expressions", () => {
  const event = { topic: "ftrack.update", data: { n: 3, name: "Shot 1", nested: { v: "a-b" } } };
  it.each([
    ["topic=ftrack.update", true],
    ["topic=ftrack.*", true],
    ["topic=update*", true], // Python's semantics: "contains", not "starts with"
    ["topic=ftrack.updates", false],
    ["topic = ftrack.update", true],
    ['topic="ftrack.update"', true],
    ["topic='ftrack.other'", false],
    ["topic!=ftrack.update", false],
    ["topic=ftrack.update and data.n=3", true],
    ["topic=ftrack.update AND data.n>5", false],
    ["topic=x or data.n>=3", true],
    ["not topic=x", true],
    ["(topic=x or topic=y) and data.n=3", false],
    ["topic=x or topic=y and data.n=3", false],
    ["topic=ftrack.update or topic=y and data.n=9", true], // and binds tighter than or
    ['data.name="Shot 1"', true],
    ["data.nested.v=a-b", true],
    ["data.missing=x", false],
    ["data.n<10", true],
  ])("%s -> %s", (expression, expected) => {
    expect(parseExpression(expression).match(event)).toBe(expected);
  });

  it.each(["", "topic", "topic=", "topic=x and", "(topic=x", "topic=x)"])("refuses %j", (expression) => {
    expect(() => parseExpression(expression)).toThrow(/Failed to parse/);
  });
});
