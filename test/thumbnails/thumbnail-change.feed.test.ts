/**
 * ThumbnailChangeFeed against the embedded ftrack server over real HTTP (its reads go through real
 * FtrackSessions, counted by the server). The hub side is driven directly, so a burst holds exactly
 * the events a test gives it (the real hub is in test/graphql/subscriptions/).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { DEMO, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import type { EntityChange, EventGap } from "../../src/ftrack/event-hub.types.js";
import { createFtrackClient, type FtrackClient } from "../../src/ftrack/ftrack.client.js";
import type { FtrackIdentity } from "../../src/ftrack/ftrack.types.js";
import {
  type ThumbnailChangeEvent,
  ThumbnailChangeFeed,
} from "../../src/thumbnails/thumbnail-change.feed.js";
import { thumbnailCue } from "../../src/thumbnails/thumbnail-change.rules.js";

let emulator: RunningEmulator;
let ftrack: FtrackClient;
const feeds: ThumbnailChangeFeed[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  ftrack = createFtrackClient({
    ...loadConfig({ FTRACK_RETRY_DEADLINE_MS: "0" }).ftrack,
    server: emulator.url,
    apiUser: emulator.apiUser,
    apiKey: emulator.apiKey,
  });
});
afterEach(() => {
  for (const feed of feeds.splice(0)) feed.close();
  emulator.clearFailures();
});
afterAll(() => emulator?.close());

/** A stand-in for the event hub client: the test says when changes and gaps arrive. */
function hub() {
  const changeListeners = new Set<(changes: EntityChange[]) => void>();
  const gapListeners = new Set<(gap: EventGap) => void>();
  return {
    onChanges: (listener: (changes: EntityChange[]) => void) => {
      changeListeners.add(listener);
      return () => void changeListeners.delete(listener);
    },
    onGap: (listener: (gap: EventGap) => void) => {
      gapListeners.add(listener);
      return () => void gapListeners.delete(listener);
    },
    announce: (...changes: EntityChange[]) => {
      for (const listener of changeListeners) listener(changes);
    },
    gap: (since: Date) => {
      for (const listener of gapListeners) listener({ since });
    },
    get listeners() {
      return changeListeners.size + gapListeners.size;
    },
  };
}

function feedOn(
  source: ReturnType<typeof hub>,
  options: { maxQueued?: number; maxCuesPerBurst?: number } = {},
) {
  const feed = new ThumbnailChangeFeed({
    source,
    sessionFor: (identity) => ftrack.sessionFor(identity),
    burstMs: 30,
    ...options,
  });
  feeds.push(feed);
  return feed;
}

/** A thumbnail_id change as the hub client reports one; everything in it is only a claim. */
function change(entityType: string, entityId: string, overrides: Partial<EntityChange> = {}): EntityChange {
  return {
    entityType,
    entityId,
    action: "update",
    changedKeys: ["thumbnail_id"],
    changes: { thumbnail_id: { old: null, new: "forged-component-id" } },
    parents: [],
    parentId: null,
    objectTypeId: ["Project", "AssetVersion", "User"].includes(entityType) ? null : "some-object-type",
    eventId: "event",
    changedBy: null,
    ...overrides,
  };
}

const service = (): FtrackIdentity => ftrack.serviceIdentity;
const asUser = (user: { username: string; apiKey: string }): FtrackIdentity => ({
  username: user.username,
  apiKey: user.apiKey,
});

/** Reads a subscription in the background; `events` fills as they come. */
function listen(iterator: AsyncIterableIterator<ThumbnailChangeEvent>) {
  const events: ThumbnailChangeEvent[] = [];
  const done = (async () => {
    for await (const event of iterator) events.push(event);
  })();
  return { events, done, stop: () => iterator.return?.() };
}

async function until(probe: () => boolean, what: string, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const ids = (events: ThumbnailChangeEvent[]) =>
  events.map((event) => ("record" in event ? event.record.id : event.kind));

describe("what counts as a thumbnail change", () => {
  it("thumbnail_id added or updated on Project, TypedContext, AssetVersion or User; nothing else", () => {
    expect(thumbnailCue(change("Project", DEMO.projects.aurora.id))).toEqual({
      kind: "Project",
      id: DEMO.projects.aurora.id,
    });
    expect(thumbnailCue(change("Scene", DEMO.scene.id))).toEqual({ kind: "TypedContext", id: DEMO.scene.id });
    expect(thumbnailCue(change("User", DEMO.users.bob.id))?.kind).toBe("User");
    expect(thumbnailCue(change("Task", DEMO.task.id, { action: "add" }))?.kind).toBe("TypedContext");
    expect(thumbnailCue(change("Task", DEMO.task.id, { action: "remove" }))).toBeUndefined();
    expect(thumbnailCue(change("Task", DEMO.task.id, { changedKeys: ["name"] }))).toBeUndefined();
    expect(
      thumbnailCue(change("FileComponent", DEMO.components.spareServer, { objectTypeId: null })),
    ).toBeUndefined();
    expect(thumbnailCue(change("constructor", DEMO.task.id, { objectTypeId: null }))).toBeUndefined();
    expect(thumbnailCue(change("Task", "x' or 1=1"))).toBeUndefined();
  });
});

describe("ThumbnailChangeFeed", () => {
  it("reads a burst's entities once per identity, as that identity, and gives each subscriber what it wants", async () => {
    const source = hub();
    const feed = feedOn(source);
    const all = listen(feed.subscribe(service(), {}));
    const aurora = listen(feed.subscribe(service(), { projectId: DEMO.projects.aurora.id }));
    const onlyTask = listen(feed.subscribe(service(), { entityIds: new Set([DEMO.task.id]) }));
    const carol = listen(feed.subscribe(asUser(DEMO.users.carol), {}));
    await new Promise((resolve) => setTimeout(resolve, 10));
    const before = emulator.counters.requests;

    // Three events in one burst, naming six entities (one twice).
    const version = DEMO.asset.versionIds[0];
    source.announce(change("Task", DEMO.task.id), change("Shot", DEMO.shots.sh100.id));
    source.announce(change("AssetVersion", version), change("User", DEMO.users.bob.id));
    source.announce(change("Project", DEMO.projects.borealis.id), change("Task", DEMO.task.id));

    await until(() => all.events.length === 5 && carol.events.length === 3, "the deliveries");
    expect(emulator.counters.requests - before).toBe(2);
    expect(new Set(ids(all.events))).toEqual(
      new Set([DEMO.task.id, DEMO.shots.sh100.id, version, DEMO.users.bob.id, DEMO.projects.borealis.id]),
    );
    expect(new Set(ids(aurora.events))).toEqual(new Set([DEMO.task.id, version]));
    expect(ids(onlyTask.events)).toEqual([DEMO.task.id]);
    // carol.chen sees Borealis and users, not Aurora.
    expect(new Set(ids(carol.events))).toEqual(
      new Set([DEMO.shots.sh100.id, DEMO.users.bob.id, DEMO.projects.borealis.id]),
    );
    for (const event of [...all.events, ...carol.events]) expect(event.kind).toBe("set");
  });

  it("passes on what ftrack holds, never what an event claims", async () => {
    const source = hub();
    const feed = feedOn(source);
    const listener = listen(feed.subscribe(service(), {}));
    await new Promise((resolve) => setTimeout(resolve, 10));
    source.announce(change("Task", DEMO.taskWithoutThumbnail.id), change("Task", DEMO.task.id));
    await until(() => listener.events.length === 2, "two changes");
    const byId = Object.fromEntries(
      listener.events.map((event) => ["record" in event ? event.record.id : "", event]),
    );
    expect(byId[DEMO.taskWithoutThumbnail.id]).toMatchObject({
      kind: "cleared",
      record: { thumbnailId: null },
    });
    expect(byId[DEMO.task.id]).toMatchObject({ kind: "set" });
    expect((byId[DEMO.task.id] as { record: { thumbnailId: string } }).record.thumbnailId).not.toBe(
      "forged-component-id",
    );
  });

  it("reads nothing for changes that are not thumbnail changes, or when nobody subscribes", async () => {
    const source = hub();
    const feed = feedOn(source);
    const before = emulator.counters.requests;
    source.announce(change("Task", DEMO.task.id));
    const listener = listen(feed.subscribe(service(), {}));
    await new Promise((resolve) => setTimeout(resolve, 10));
    source.announce(
      change("Task", DEMO.task.id, { changedKeys: ["name"] }),
      change("Task", DEMO.task.id, { action: "remove" }),
      change("FileComponent", DEMO.components.spareServer, { objectTypeId: null }),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(emulator.counters.requests).toBe(before);
    expect(listener.events).toEqual([]);
  });

  it("tells every subscriber about a gap, after the changes before it", async () => {
    const source = hub();
    const feed = feedOn(source);
    const first = listen(feed.subscribe(service(), {}));
    const second = listen(feed.subscribe(asUser(DEMO.users.carol), { entityIds: new Set([DEMO.task.id]) }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    source.announce(change("Task", DEMO.task.id));
    await new Promise((resolve) => setTimeout(resolve, 40));
    const since = new Date(Date.now() - 1000);
    source.gap(since);
    await until(() => first.events.length === 2 && second.events.length === 1, "the gap");
    expect(ids(first.events)).toEqual([DEMO.task.id, "missed"]);
    expect(second.events).toEqual([{ kind: "missed", since }]);
  });

  it("ends the streams of an identity ftrack refuses, and tells others of a failed read to refetch", async () => {
    const source = hub();
    const feed = feedOn(source);
    const revoked = listen(feed.subscribe({ username: DEMO.users.bob.username, apiKey: "revoked-key" }, {}));
    const fine = listen(feed.subscribe(service(), {}));
    await new Promise((resolve) => setTimeout(resolve, 10));
    source.announce(change("Task", DEMO.task.id));
    await revoked.done;
    expect(revoked.events).toHaveLength(1);
    expect(revoked.events[0]).toMatchObject({ kind: "refused", error: { isCredentials: true } });
    await until(() => fine.events.length === 1, "the change");

    emulator.injectFailure({ route: "api", mode: "5xx" });
    source.announce(change("Shot", DEMO.shot.id));
    await until(() => fine.events.length === 2, "the missed notice");
    expect(fine.events[1]).toMatchObject({ kind: "missed" });
  });

  it("replaces what a slow subscriber has not read by one 'missed' once its queue is full", async () => {
    const source = hub();
    const feed = feedOn(source, { maxQueued: 2 });
    const iterator = feed.subscribe(service(), {});
    const first = iterator.next();
    await new Promise((resolve) => setTimeout(resolve, 10));
    for (const id of [DEMO.task.id, DEMO.shot.id, DEMO.sequence.id, DEMO.episode.id]) {
      source.announce(change("Task", id));
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The first went to the pending next(); two more filled the queue; the fourth overflowed it.
    expect(((await first).value as { record: { id: string } }).record.id).toBe(DEMO.task.id);
    const next = await iterator.next();
    expect(next.value).toMatchObject({ kind: "missed" });
    feed.close();
    expect((await iterator.next()).done).toBe(true);
  });

  it("announces a burst of more entities than it may read as missed, and reads nothing", async () => {
    const source = hub();
    const feed = feedOn(source, { maxCuesPerBurst: 2 });
    const listener = listen(feed.subscribe(service(), {}));
    await new Promise((resolve) => setTimeout(resolve, 10));
    const before = emulator.counters.requests;
    source.announce(
      change("Task", DEMO.task.id),
      change("Shot", DEMO.shot.id),
      change("Shot", DEMO.shots.sh020.id),
    );
    await until(() => listener.events.length === 1, "the notice");
    expect(listener.events[0]).toMatchObject({ kind: "missed" });
    expect(emulator.counters.requests).toBe(before);
  });

  it("ends a subscription whose credentials expire, saying so", async () => {
    const source = hub();
    const feed = feedOn(source);
    const expiring = listen(feed.subscribe(service(), {}, { until: Date.now() + 100 }));
    const lasting = listen(feed.subscribe(service(), {}));
    await expiring.done;
    expect(expiring.events).toEqual([{ kind: "expired" }]);
    source.announce(change("Task", DEMO.task.id));
    await until(() => lasting.events.length === 1, "the change");
  });

  it("close() ends every stream and stops listening", async () => {
    const source = hub();
    const feed = feedOn(source);
    const listener = listen(feed.subscribe(service(), {}));
    await new Promise((resolve) => setTimeout(resolve, 10));
    feed.close();
    await listener.done;
    expect(source.listeners).toBe(0);
  });
});
