/** The service's event hub client against the emulator's hub, over real sockets. */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/cluster.processes.js";
import { DEMO, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { connectEventHub, type EventHubClient } from "../../src/ftrack/event-hub.client.js";
import type { EntityChange, EventGap, EventHubState } from "../../src/ftrack/event-hub.types.js";
import { FtrackTransport } from "../../src/ftrack/ftrack.transport.js";
import { createLogger } from "../../src/observability/logger.js";

// Heartbeats every 200 ms; a client silent for 2 s is dropped, and the hub advertises 2 s to clients.
const HUB_TIMING = { heartbeatIntervalMs: 200, heartbeatTimeoutMs: 2000 };
const dataDir = mkdtempSync(join(tmpdir(), "event-hub-client-"));
let emulator: RunningEmulator;
const clients: EventHubClient[] = [];

beforeAll(async () => {
  // A port that stays free while the emulator is down for the restart test.
  emulator = await startEmulator({ port: await freePort(), dataDir, eventHub: HUB_TIMING });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});
afterAll(async () => {
  await emulator?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function until<T>(probe: () => T | undefined | false, what: string, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function listen(identity = { username: emulator.apiUser, apiKey: emulator.apiKey }, logs?: string[]) {
  const logger = logs
    ? createLogger(
        "debug",
        new Writable({
          write(chunk, _encoding, done) {
            logs.push(chunk.toString());
            done();
          },
        }),
      )
    : undefined;
  const client = connectEventHub({
    server: emulator.url,
    identity,
    transport: new FtrackTransport({ server: emulator.url, timeoutMs: 5000 }),
    initialDelayMs: 50,
    maxDelayMs: 400,
    logger,
  });
  clients.push(client);
  const changes: EntityChange[] = [];
  const gaps: EventGap[] = [];
  const states: EventHubState[] = [];
  client.onChanges((batch) => changes.push(...batch));
  client.onGap((gap) => gaps.push(gap));
  client.onStateChange((state) => states.push(state));
  return { client, changes, gaps, states };
}

async function post(operations: unknown[]) {
  const response = await fetch(`${emulator.url}/api`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "ftrack-user": emulator.apiUser,
      "ftrack-api-key": emulator.apiKey,
    },
    body: JSON.stringify(operations),
  });
  expect(response.status).toBe(200);
  return response.json();
}

const rename = (name: string) =>
  post([{ action: "update", entity_type: "Task", entity_key: [DEMO.task.id], entity_data: { name } }]);

/** Renames DEMO.task and waits for the client to report it. */
async function roundTrip(changes: EntityChange[]) {
  const name = `Compositing ${randomUUID().slice(0, 8)}`;
  await rename(name);
  return until(
    () => changes.find((c) => c.entityId === DEMO.task.id && c.changes.name?.new === name),
    "the rename to arrive",
  );
}

describe("event hub client", () => {
  it("connects, and hands over ftrack.update as records in API names", async () => {
    const { client, changes, gaps } = listen();
    await until(() => client.state === "connected", "connected");
    const shot = (await post([
      { action: "query", expression: `select thumbnail_id from Shot where id is ${DEMO.shot.id}` },
    ])) as {
      data: { thumbnail_id: string }[];
    }[];
    const componentId = shot[0].data[0].thumbnail_id;
    await post([
      {
        action: "update",
        entity_type: "Task",
        entity_key: [DEMO.task.id],
        entity_data: { thumbnail_id: componentId },
      },
    ]);
    const change = await until(
      () => changes.find((c) => c.changedKeys.includes("thumbnail_id")),
      "the update",
    );
    expect(change).toMatchObject({
      entityType: "Task",
      entityId: DEMO.task.id,
      action: "update",
      changedKeys: ["thumbnail_id"],
      parentId: DEMO.shot.id,
      objectTypeId: DEMO.objectTypes.Task,
      changedBy: emulator.apiUser,
    });
    expect(change.changes.thumbnail_id.new).toBe(componentId);
    expect(change.parents.map((p) => p.entityType)).toEqual([
      "Task",
      "Shot",
      "Sequence",
      "Episode",
      "Project",
    ]);
    expect(change.parents.at(-1)).toEqual({
      entityType: "Project",
      entityId: DEMO.projects.aurora.id,
      parentId: null,
    });
    expect(typeof change.eventId).toBe("string");

    const id = randomUUID();
    await post([
      {
        action: "create",
        entity_type: "Shot",
        entity_data: { id, name: "SH999", parent_id: DEMO.sequence.id, project_id: DEMO.projects.aurora.id },
      },
    ]);
    await post([{ action: "delete", entity_type: "Shot", entity_key: [id] }]);
    const actions = await until(() => {
      const seen = changes.filter((c) => c.entityId === id);
      return seen.length === 2 && seen;
    }, "add and remove");
    expect(actions.map((c) => [c.entityType, c.action])).toEqual([
      ["Shot", "add"],
      ["Shot", "remove"],
    ]);
    expect(actions[1].changes.name).toEqual({ old: "SH999", new: null });
    expect(gaps).toEqual([]);
  });

  it("reconnects after a hub restart and announces the gap", async () => {
    const { client, changes, gaps, states } = listen();
    await until(() => client.state === "connected", "connected");
    const stoppedAt = Date.now();
    emulator.eventHub.stop();
    await until(() => client.state === "reconnecting", "reconnecting");
    // Changes while the hub is down are lost; the gap tells subscribers to refetch.
    await rename("While down");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(client.state).toBe("reconnecting");
    emulator.eventHub.start();
    await until(() => gaps.length === 1, "the gap");
    expect(client.state).toBe("connected");
    expect(gaps[0].since.getTime()).toBeGreaterThanOrEqual(stoppedAt - 5);
    expect(states).toEqual(["connected", "reconnecting", "connected"]);
    expect(changes.some((c) => c.changes.name?.new === "While down")).toBe(false);
    await roundTrip(changes);
  });

  it("survives a full emulator restart on the same port and data folder", async () => {
    const { client, changes, gaps } = listen();
    await until(() => client.state === "connected", "connected");
    const port = emulator.port;
    await emulator.close();
    await until(() => client.state === "reconnecting", "reconnecting");
    // Down long enough for several attempts to fail (connection refused) with backoff.
    await new Promise((resolve) => setTimeout(resolve, 600));
    emulator = await startEmulator({ port, dataDir, eventHub: HUB_TIMING });
    await until(() => gaps.length === 1 && client.state === "connected", "reconnected with a gap", 10_000);
    await roundTrip(changes);
  });

  it("treats a hub that goes silent as lost (heartbeat timeout)", async () => {
    const { client, gaps } = listen();
    await until(() => client.state === "connected", "connected");
    // The hub advertised a 2 s heartbeat timeout; paused, it keeps the socket open but says nothing.
    emulator.eventHub.pause();
    try {
      await until(() => client.state === "reconnecting", "the silence to be noticed", 6000);
    } finally {
      emulator.eventHub.resume();
    }
    await until(() => gaps.length === 1 && client.state === "connected", "reconnected with a gap");
  });

  it("never logs the API key, and keeps retrying refused credentials", async () => {
    const logs: string[] = [];
    const secret = `wrong-key-${randomUUID()}`;
    const { client } = listen({ username: emulator.apiUser, apiKey: secret }, logs);
    await until(() => logs.filter((line) => line.includes("attempt failed")).length >= 3, "several attempts");
    expect(client.state).toBe("connecting");
    const good = listen(undefined, logs);
    await until(() => good.client.state === "connected", "connected");
    emulator.eventHub.stop();
    emulator.eventHub.start();
    await until(() => good.gaps.length === 1, "reconnected");
    expect(logs.join("\n")).not.toContain(secret);
    expect(logs.join("\n")).not.toContain(emulator.apiKey);
  });

  it("closes cleanly: no timers or sockets left, connected or not", async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const before = timers();
    const connected = listen().client;
    await until(() => connected.state === "connected", "connected");
    await connected.close();
    expect(connected.state).toBe("closed");
    expect(emulator.eventHub.connections).toBe(0);

    emulator.eventHub.stop();
    const retrying = listen().client;
    await new Promise((resolve) => setTimeout(resolve, 200));
    await retrying.close();
    emulator.eventHub.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(timers()).toBeLessThanOrEqual(before);
  });
});
