/**
 * `thumbnailChanged` over graphql-ws on a real WebSocket, against the service on the embedded ftrack
 * server (AUTH_MODE=ftrack-key, so each subscriber acts as its own ftrack user): a change made
 * through this service and one made straight in ftrack (@ftrack/api) reach subscribers within a
 * second; only subscribers who may read the entity get it; one ftrack request per identity per
 * burst; a hub restart is survived and announced; refused connections and operations say why.
 */
import { Event, EventHub } from "@ftrack/api";
import { createClient } from "graphql-ws";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { DEMO } from "../../../src/emulator/index.js";
import { ftrackKey } from "../../auth/auth.support.js";
import {
  ClearThumbnailDocument,
  SetThumbnailDocument,
  ThumbnailChangedDocument,
  ThumbnailChangedIdsDocument,
  type ThumbnailChangedIdsSubscription,
  type ThumbnailChangedSubscription,
} from "../../generated/graphql.js";
import { graphql, until } from "../../support/service.harness.js";
import { type Subscription, subscribeOverWebSocket } from "../../support/subscription.clients.js";
import {
  activeSubscriptions,
  clearThumbnails,
  subscriptionSuite,
  swapThumbnail,
} from "./subscription.helpers.js";

const AURORA = DEMO.projects.aurora;
const { alice, carol, dave } = DEMO.users;

const suite = subscriptionSuite({ AUTH_MODE: "ftrack-key" });

type Variables = { targets?: { type: "TASK" | "SHOT"; id: string }[]; projectId?: string };

/** Subscribes as `user` and waits until the service has registered it. */
async function subscribe(
  variables: Variables,
  user: { username: string; apiKey: string } = alice,
): Promise<Subscription<ThumbnailChangedSubscription>> {
  const before = await activeSubscriptions(suite.harness);
  const subscription = subscribeOverWebSocket(
    suite.harness.url,
    { document: ThumbnailChangedDocument, variables },
    { connectionParams: ftrackKey(user) },
  );
  suite.track(subscription);
  await until(async () => (await activeSubscriptions(suite.harness)) > before, 5000, "the subscription");
  return subscription;
}

const changeOf =
  (id: string, kind?: "SET" | "CLEARED") => (result: { data?: ThumbnailChangedSubscription | null }) =>
    result.data?.thumbnailChanged.entity?.id === id &&
    (kind === undefined || result.data.thumbnailChanged.kind === kind);

describe("thumbnailChanged over WebSocket", { timeout: 30_000 }, () => {
  it("delivers a thumbnail set and cleared through this service's mutations within a second", async () => {
    const subscription = await subscribe({ projectId: AURORA.id });
    const target = { type: "TASK" as const, id: DEMO.task.id };
    const component = DEMO.components.spareServer;

    const set = await graphql(
      suite.harness,
      SetThumbnailDocument,
      { target, componentId: component },
      ftrackKey(alice),
    );
    const setDone = Date.now();
    expect(set.errors).toBeUndefined();
    const { result, at } = await subscription.next(changeOf(DEMO.task.id, "SET"));
    expect(at - setDone).toBeLessThan(1000);
    expect(result.errors).toBeUndefined();
    expect(result.data?.thumbnailChanged).toMatchObject({
      kind: "SET",
      missedSince: null,
      entity: { __typename: "Task", id: DEMO.task.id, thumbnail: { id: component } },
    });
    expect(result.data?.thumbnailChanged.entity?.thumbnailUrl).toContain(`/thumbnails/${component}/100?`);

    const since = subscription.received.results.length;
    const cleared = await graphql(suite.harness, ClearThumbnailDocument, { target }, ftrackKey(alice));
    const clearDone = Date.now();
    expect(cleared.errors).toBeUndefined();
    const clear = await subscription.next(changeOf(DEMO.task.id, "CLEARED"), 5000, since);
    expect(clear.at - clearDone).toBeLessThan(1000);
    expect(clear.result.data?.thumbnailChanged.entity).toMatchObject({ thumbnail: null, thumbnailUrl: null });
  });

  it("delivers a thumbnail changed straight in ftrack (@ftrack/api) within a second", async () => {
    const subscription = await subscribe({ projectId: AURORA.id });
    const component = await swapThumbnail(suite.ftrack, "Shot", DEMO.shots.sh020.id);
    const done = Date.now();
    const { result, at } = await subscription.next(changeOf(DEMO.shots.sh020.id, "SET"));
    expect(at - done).toBeLessThan(1000);
    expect(result.data?.thumbnailChanged.entity).toMatchObject({
      __typename: "Shot",
      thumbnail: { id: component },
    });
  });

  it("gives a subscriber only changes to entities its identity may read", async () => {
    // carol.chen sees only project Borealis.
    const asCarol = await subscribe({}, carol);
    const asAlice = await subscribe({});
    await swapThumbnail(suite.ftrack, "Task", DEMO.task.id);
    await asAlice.next(changeOf(DEMO.task.id));
    await swapThumbnail(suite.ftrack, "Shot", DEMO.shots.sh100.id);
    await asAlice.next(changeOf(DEMO.shots.sh100.id));
    await asCarol.next(changeOf(DEMO.shots.sh100.id));
    // The Aurora change came first, in an earlier burst: carol would have had it by now.
    const carolSaw = asCarol.received.results.map(({ result }) => result.data?.thumbnailChanged.entity?.id);
    expect(carolSaw).toEqual([DEMO.shots.sh100.id]);
  });

  it("reads each burst's changes once per identity, however many subscribers and entities", async () => {
    const ids = (user: typeof alice) => {
      const subscription = subscribeOverWebSocket(
        suite.harness.url,
        { document: ThumbnailChangedIdsDocument, variables: {} },
        { connectionParams: ftrackKey(user) },
      );
      suite.track(subscription);
      return subscription as Subscription<ThumbnailChangedIdsSubscription>;
    };
    const subscriptions = [ids(alice), ids(alice), ids(carol)];
    await until(async () => (await activeSubscriptions(suite.harness)) === 3, 5000, "three subscriptions");
    const changed = [DEMO.shots.sh010.id, DEMO.shots.sh020.id, DEMO.shots.sh100.id, DEMO.sequence.id];
    const requestsBefore = suite.harness.emulator.counters.requests;
    // One ftrack commit: one ftrack.update event naming four entities, one burst.
    await clearThumbnails(suite.harness.emulator, changed);
    const seen = (subscription: Subscription<ThumbnailChangedIdsSubscription>) =>
      new Set(subscription.received.results.map(({ result }) => result.data?.thumbnailChanged.entity?.id));
    await until(
      () => seen(subscriptions[0]).size === 4 && seen(subscriptions[1]).size === 4,
      5000,
      "alice's",
    );
    await until(() => seen(subscriptions[2]).size === 1, 5000, "carol's");
    expect(seen(subscriptions[2])).toEqual(new Set([DEMO.shots.sh100.id]));
    // The commit itself, then one read as alice and one as carol.
    expect(suite.harness.emulator.counters.requests - requestsBefore).toBe(1 + 2);
  });

  it("takes a forged ftrack.update (any ftrack user may publish one) only as a cue to read ftrack", async () => {
    const subscription = await subscribe({ targets: [{ type: "TASK", id: DEMO.task.id }] });
    const { data } = await suite.ftrack.query(`select thumbnail_id from Task where id is "${DEMO.task.id}"`);
    const forger = new EventHub(suite.harness.emulator.url, dave.username, dave.apiKey);
    forger.connect();
    try {
      await until(() => forger.isConnected(), 5000, "the forger's hub");
      await forger.publish(
        new Event("ftrack.update", {
          entities: [
            {
              entityId: DEMO.task.id,
              entityType: "task",
              entity_type: "Task",
              action: "update",
              keys: ["thumbid"],
              changes: { thumbid: { old: null, new: DEMO.components.container } },
              objectTypeId: DEMO.objectTypes.Task,
              parents: [],
            },
          ],
        }),
      );
      const { result } = await subscription.next(changeOf(DEMO.task.id));
      // What ftrack holds, not what the event claimed.
      expect(result.data?.thumbnailChanged.entity?.thumbnail?.id).toBe(data[0].thumbnail_id ?? undefined);
      expect(result.data?.thumbnailChanged.entity?.thumbnail?.id).not.toBe(DEMO.components.container);
    } finally {
      forger.disconnect();
    }
  });

  it("filters by targets, which must exist and be readable", async () => {
    const subscription = await subscribe({ targets: [{ type: "TASK", id: DEMO.task.id }] });
    await swapThumbnail(suite.ftrack, "Shot", DEMO.shot.id);
    await swapThumbnail(suite.ftrack, "Task", DEMO.task.id);
    await subscription.next(changeOf(DEMO.task.id));
    expect(subscription.received.results).toHaveLength(1);

    for (const [variables, user, code] of [
      [{ targets: [{ type: "TASK", id: DEMO.shot.id }] }, alice, "NOT_FOUND"],
      [{ targets: [{ type: "TASK", id: DEMO.task.id }] }, carol, "NOT_FOUND"],
      [{ targets: [{ type: "TASK", id: "not an id" }] }, alice, "BAD_USER_INPUT"],
      [{ targets: [] }, alice, "BAD_USER_INPUT"],
      [{ projectId: "1; drop" }, alice, "BAD_USER_INPUT"],
    ] as const) {
      const refused = subscribeOverWebSocket(
        suite.harness.url,
        { document: ThumbnailChangedDocument, variables: variables as Variables },
        { connectionParams: ftrackKey(user) },
      );
      suite.track(refused);
      const { result } = await refused.next(() => true);
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe(code);
      expect((await refused.ended()).completed).toBe(true);
    }
  });

  it("survives a hub restart, says so on /readyz meanwhile, and announces that changes may have been missed", async () => {
    const subscription = await subscribe({ projectId: AURORA.id });
    const stoppedAt = Date.now();
    suite.harness.emulator.eventHub.stop();
    await until(() => suite.harness.service.eventHubState === "reconnecting", 5000, "reconnecting");
    const ready = await fetch(`${suite.harness.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", eventHub: "reconnecting" });

    // Made while the hub is down: never announced, so never delivered.
    await swapThumbnail(suite.ftrack, "Shot", DEMO.shots.sh030.id);
    suite.harness.emulator.eventHub.start();
    const missed = await subscription.next(
      (r) => r.data?.thumbnailChanged.kind === "MAY_HAVE_MISSED_CHANGES",
      15_000,
    );
    expect(missed.result.data?.thumbnailChanged).toMatchObject({ entity: null });
    const since = Date.parse(missed.result.data?.thumbnailChanged.missedSince ?? "");
    expect(since).toBeGreaterThanOrEqual(stoppedAt - 5);
    expect(since).toBeLessThanOrEqual(Date.now());
    expect(subscription.received.results.some(({ result }) => changeOf(DEMO.shots.sh030.id)(result))).toBe(
      false,
    );
    expect(await (await fetch(`${suite.harness.url}/readyz`)).json()).toEqual({
      status: "ready",
      eventHub: "connected",
    });

    // And live again.
    await swapThumbnail(suite.ftrack, "Shot", DEMO.shots.sh020.id);
    await subscription.next(changeOf(DEMO.shots.sh020.id));
  });

  it("refuses a connection without valid credentials: close code 4401, reason UNAUTHENTICATED", async () => {
    for (const connectionParams of [
      undefined,
      { "ftrack-user": alice.username, "ftrack-api-key": "wrong-key" },
      { "ftrack-user": alice.username, "ftrack-api-key": 42 },
    ]) {
      const refused = subscribeOverWebSocket(
        suite.harness.url,
        { document: ThumbnailChangedDocument, variables: {} },
        { connectionParams },
      );
      suite.track(refused);
      const { error } = await refused.ended();
      expect(error).toMatchObject({ code: 4401, reason: expect.stringMatching(/^UNAUTHENTICATED: /) });
    }
  });

  it("refuses a browser on a foreign origin before the upgrade (403), and accepts its own origin", async () => {
    const url = `${suite.harness.url.replace(/^http/, "ws")}/graphql`;
    const answer = (origin: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const socket = new WebSocket(url, "graphql-transport-ws", { origin });
        socket.on("open", () => {
          socket.close();
          resolve({ status: 101, body: "" });
        });
        socket.on("unexpected-response", (_req, res) => {
          let body = "";
          res.on("data", (chunk) => {
            body += chunk;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        });
        socket.on("error", reject);
      });
    const foreign = await answer("http://elsewhere.example");
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body)).toMatchObject({ code: "CORS_ORIGIN_NOT_ALLOWED" });
    expect((await answer(suite.harness.url)).status).toBe(101);
  });

  it("applies the query limits and runs subscriptions only", async () => {
    // The text as a client sends it: the limits and checks read that.
    const refusal = async (query: string) => {
      const client = createClient({
        url: `${suite.harness.url.replace(/^http/, "ws")}/graphql`,
        connectionParams: ftrackKey(alice),
        retryAttempts: 0,
        webSocketImpl: WebSocket,
      });
      try {
        return await new Promise<unknown>((resolve) => {
          client.subscribe({ query }, { next: resolve, error: resolve, complete: () => resolve("complete") });
        });
      } finally {
        await client.dispose();
      }
    };
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: id`).join(" ");
    expect(await refusal(`subscription { thumbnailChanged { entity { ${aliases} } } }`)).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: "TOO_MANY_ALIASES" }) }),
    ]);
    expect(await refusal("{ projects { nodes { id } } }")).toEqual([
      expect.objectContaining({ extensions: { code: "OPERATION_TYPE_NOT_SUPPORTED" } }),
    ]);
    expect(await refusal("subscription { nope }")).toEqual([
      expect.objectContaining({ extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }),
    ]);
    expect(await refusal("subscription {")).toEqual([
      expect.objectContaining({ extensions: { code: "GRAPHQL_PARSE_FAILED" } }),
    ]);

    const overHttp = await graphql(
      suite.harness,
      "subscription { thumbnailChanged { kind } }",
      {},
      ftrackKey(alice),
    );
    expect(overHttp.status).toBe(400);
    expect(overHttp.errors?.[0]?.extensions?.code).toBe("OPERATION_TYPE_NOT_SUPPORTED");
  });
});
