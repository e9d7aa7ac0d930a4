/** ftrack's official JS EventHub, unchanged, against the emulator's event hub over real sockets. */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Event, EventHub, type EventPayload, Session } from "@ftrack/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/cluster.processes.js";
import { DEMO, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { type Json, postApi } from "./emulator.helpers.js";

const dataDir = mkdtempSync(join(tmpdir(), "emulator-hub-"));
let emulator: RunningEmulator;
let session: Session;
// @ftrack/api keeps one socket per (server, user, key) for the whole process, and a hub created
// again for the same triple after disconnect() crashes on its next connect: one hub per user here.
let hub: EventHub;
const updates: Json[] = [];

async function until<T>(probe: () => T | undefined, what: string, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The next ftrack.update (after those already seen) that mentions entity `id`. */
async function nextUpdateFor(id: string, seen = updates.length, timeoutMs = 8000): Promise<Json> {
  return until(
    () => updates.slice(seen).find((event) => event.data.entities.some((e: Json) => e.entityId === id)),
    `an ftrack.update for ${id}`,
    timeoutMs,
  );
}

/** Renames DEMO.task until an update for it arrives: a (re)connected client subscribes asynchronously. */
async function awaitDelivery(client: Session, label: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const seen = updates.length;
    await client.update("Task", [DEMO.task.id], { name: `${label} ${attempt}` });
    try {
      await nextUpdateFor(DEMO.task.id, seen, 500);
      return;
    } catch {}
  }
  throw new Error("no ftrack.update delivered");
}

beforeAll(async () => {
  // A port that stays free while the emulator is down for the restart test.
  emulator = await startEmulator({ port: await freePort(), dataDir });
  session = new Session(emulator.url, emulator.apiUser, emulator.apiKey, { strictApi: true });
  hub = new EventHub(emulator.url, emulator.apiUser, emulator.apiKey);
  hub.connect();
  hub.subscribe("topic=ftrack.update", (event: EventPayload) => {
    updates.push(event);
  });
  await until(() => hub.isConnected(), "the hub to connect");
  await awaitDelivery(session, "Compositing");
});

afterAll(async () => {
  hub?.disconnect();
  await emulator?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("@ftrack/api EventHub against the emulator", () => {
  it("receives ftrack.update for a create, in ftrack's payload shape", async () => {
    const id = randomUUID();
    const seen = updates.length;
    await session.create("Task", {
      id,
      name: "Roto",
      parent_id: DEMO.shot.id,
      project_id: DEMO.projects.aurora.id,
    });
    const event = await nextUpdateFor(id, seen);

    expect(event).toMatchObject({ topic: "ftrack.update", target: "", inReplyToEvent: null });
    expect(typeof event.id).toBe("string");
    expect(typeof event.sent).toBe("string");
    expect(event.source.user.username).toBe(emulator.apiUser);
    expect(event.data.user).toEqual({ userid: DEMO.apiUser.id, name: emulator.apiUser });
    const [entity] = event.data.entities;
    expect(entity).toMatchObject({
      entityId: id,
      entityType: "task",
      entity_type: "Task",
      action: "add",
      parentId: DEMO.shot.id,
      objectTypeId: DEMO.objectTypes.Task,
    });
    expect(entity.keys).toContain("name");
    expect(entity.changes.name).toEqual({ old: null, new: "Roto" });
    expect(entity.changes.parent_id).toEqual({ old: null, new: DEMO.shot.id });
    // Ancestry: the entity itself first, its project ("show") last.
    expect(entity.parents[0]).toMatchObject({ entityId: id, entityType: "task", parentId: DEMO.shot.id });
    expect(entity.parents[1]).toMatchObject({
      entityId: DEMO.shot.id,
      entityType: "task",
      entity_type: "Shot",
    });
    expect(entity.parents.at(-1)).toMatchObject({
      entityId: DEMO.projects.aurora.id,
      entityType: "show",
      entity_type: "Project",
    });
    expect(event.data.parents).toEqual(expect.arrayContaining([id, DEMO.shot.id, DEMO.projects.aurora.id]));
    // ftrack echoes the client token of the session that made the change.
    expect(event.data.clientToken).toBe(session.clientToken);

    await session.delete("Task", [id]);
  });

  it("receives ftrack.update when session.update sets thumbnail_id on a Task (key 'thumbid')", async () => {
    const { data } = await session.query(`select thumbnail_id from Shot where id is ${DEMO.shot.id}`);
    const componentId = data[0].thumbnail_id as string;
    const before = await session.query(`select thumbnail_id from Task where id is ${DEMO.task.id}`);
    const seen = updates.length;
    await session.update("Task", [DEMO.task.id], { thumbnail_id: componentId });
    const event = await nextUpdateFor(DEMO.task.id, seen);
    const entity = event.data.entities.find((e: Json) => e.entityId === DEMO.task.id);
    expect(entity).toMatchObject({
      action: "update",
      entityType: "task",
      entity_type: "Task",
      keys: ["thumbid"],
    });
    expect(entity.changes).toEqual({ thumbid: { old: before.data[0].thumbnail_id, new: componentId } });
  });

  it("receives ftrack.update for a delete, with the old values", async () => {
    const id = randomUUID();
    const created = updates.length;
    await session.create("Task", {
      id,
      name: "Paint",
      parent_id: DEMO.shot.id,
      project_id: DEMO.projects.aurora.id,
    });
    await nextUpdateFor(id, created);
    const seen = updates.length;
    await session.delete("Task", [id]);
    const event = await nextUpdateFor(id, seen);
    const [entity] = event.data.entities;
    expect(entity).toMatchObject({ entityId: id, action: "remove", entityType: "task" });
    expect(entity.changes.name).toEqual({ old: "Paint", new: null });
    expect(entity.parents.at(-1).entityType).toBe("show");
  });

  it("publishes nothing for a rolled-back batch", async () => {
    const published = emulator.eventHub.updatesPublished;
    const id = randomUUID();
    const failed = await postApi(emulator, [
      { action: "update", entity_type: "Task", entity_key: [DEMO.task.id], entity_data: { name: "Never" } },
      { action: "create", entity_type: "Task", entity_data: { id, name: "x", parent_id: "no-such-parent" } },
    ]);
    expect(failed.json.exception).toBe("ValidationError");
    // A later committed batch is announced: the rolled-back one never was.
    const seen = updates.length;
    await session.update("Task", [DEMO.task.id], { name: `Compositing ${randomUUID().slice(0, 4)}` });
    const event = await nextUpdateFor(DEMO.task.id, seen);
    expect(event.data.entities[0].changes.name.new).not.toBe("Never");
    expect(updates.some((e) => e.data.entities.some((x: Json) => x.changes?.name?.new === "Never"))).toBe(
      false,
    );
    expect(emulator.eventHub.updatesPublished).toBe(published + 1);
  });

  it("relays an event published by one client to another's subscriber, and routes its reply back", async () => {
    const alice = DEMO.users.alice;
    const other = new EventHub(emulator.url, alice.username, alice.apiKey, { applicationId: "test.other" });
    other.connect();
    try {
      const received: Json[] = [];
      // @ftrack/api accepts only "topic=value" subscriptions (and/or are covered in event-hub.protocol.test.ts).
      hub.subscribe("topic=studio.review.*", (event: EventPayload) => {
        received.push(event);
        return { seen: true };
      });
      await until(() => other.isConnected(), "the second hub");
      // Let the subscription reach the server.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await other.publish(new Event("studio.other", { shot: "SH020" }));
      const reply = await other.publishAndWaitForReply(
        new Event("studio.review.requested", { shot: "SH010" }),
        {
          timeout: 5,
        },
      );
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({
        topic: "studio.review.requested",
        data: { shot: "SH010" },
        source: { applicationId: "test.other", user: { username: alice.username } },
      });
      expect((reply as Json).data).toEqual({ seen: true });
    } finally {
      other.disconnect();
    }
  });

  it("drops every client when the hub stops, refuses them while stopped, and takes them back after start", async () => {
    emulator.eventHub.stop();
    expect(emulator.eventHub.connections).toBe(0);
    await until(() => !hub.isConnected() || undefined, "the client to notice");
    const handshake = await fetch(
      `${emulator.url}/socket.io/1/?api_user=${emulator.apiUser}&api_key=${emulator.apiKey}`,
    );
    expect(handshake.status).toBe(503);
    // The HTTP API keeps serving meanwhile.
    expect((await session.query(`select id from Task where id is ${DEMO.task.id}`)).data).toHaveLength(1);

    emulator.eventHub.start();
    await until(() => hub.isConnected(), "the client to reconnect", 15_000);
    // It subscribed again on reconnecting: updates flow.
    await awaitDelivery(session, "After restart");
  });

  it("serves the hub again after a full emulator restart on the same port and data folder", async () => {
    const port = emulator.port;
    await emulator.close();
    await until(() => !hub.isConnected() || undefined, "the client to notice");
    emulator = await startEmulator({ port, dataDir });
    await until(() => hub.isConnected(), "the client to reconnect", 15_000);
    const fresh = new Session(emulator.url, emulator.apiUser, emulator.apiKey, { strictApi: true });
    await awaitDelivery(fresh, "After full restart");
    // The data survived the restart: the first change after it starts from the name set before it.
    const first = updates.find((e) => e.data.entities[0].changes.name?.new?.startsWith("After full restart"));
    expect(first.data.entities[0].changes.name.old).toMatch(/^After restart \d+$/);
  });
});
