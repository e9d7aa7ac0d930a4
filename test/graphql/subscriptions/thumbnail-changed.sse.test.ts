/**
 * `thumbnailChanged` over server-sent events (graphql-sse's client, POST /graphql/stream), for
 * networks whose proxies do not pass WebSockets: an upload through this service and a change straight
 * in ftrack reach the subscriber within a second, an identity that may not read the entity gets
 * nothing, a hub restart is announced, and refused requests answer an HTTP status with a code.
 * Then shutdown: service.close() ends event streams, WebSockets and the hub listener.
 */
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { DEMO } from "../../../src/emulator/index.js";
import { ftrackKey } from "../../auth/auth.support.js";
import { ThumbnailChangedDocument, type ThumbnailChangedSubscription } from "../../generated/graphql.js";
import { startHarness, until } from "../../support/service.harness.js";
import { subscribeOverSse, subscribeOverWebSocket } from "../../support/subscription.clients.js";
import { uploadThumbnail } from "../thumbnail.helpers.js";
import { activeSubscriptions, subscriptionSuite, swapThumbnail } from "./subscription.helpers.js";

const AURORA = DEMO.projects.aurora;
const { alice, carol } = DEMO.users;

type Variables = { projectId?: string };
const changeOf = (id: string) => (result: { data?: ThumbnailChangedSubscription | null }) =>
  result.data?.thumbnailChanged.entity?.id === id;

describe("thumbnailChanged over server-sent events", { timeout: 30_000 }, () => {
  const suite = subscriptionSuite({ AUTH_MODE: "ftrack-key" });

  async function subscribe(variables: Variables, user = alice) {
    const before = await activeSubscriptions(suite.harness);
    const subscription = subscribeOverSse(
      suite.harness.url,
      { document: ThumbnailChangedDocument, variables },
      ftrackKey(user),
    );
    suite.track(subscription);
    await until(async () => (await activeSubscriptions(suite.harness)) > before, 5000, "the subscription");
    return subscription;
  }

  it("delivers an upload through this service within a second", async () => {
    const subscription = await subscribe({ projectId: AURORA.id });
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#c03060" } })
      .png()
      .toBuffer();
    const upload = await uploadThumbnail(suite.harness, { type: "SHOT", id: DEMO.shots.sh030.id }, png, {
      headers: ftrackKey(alice),
    });
    const done = Date.now();
    expect(upload.errors).toBeUndefined();
    const { result, at } = await subscription.next(changeOf(DEMO.shots.sh030.id));
    expect(at - done).toBeLessThan(1000);
    expect(result.data?.thumbnailChanged).toMatchObject({
      kind: "SET",
      entity: { __typename: "Shot", thumbnail: { id: upload.data?.uploadThumbnail.thumbnail?.id } },
    });
  });

  it("delivers a change made straight in ftrack within a second, and nothing to who may not read it", async () => {
    const asAlice = await subscribe({});
    const asCarol = await subscribe({}, carol);
    await swapThumbnail(suite.ftrack, "Shot", DEMO.shots.sh020.id);
    const done = Date.now();
    const { at } = await asAlice.next(changeOf(DEMO.shots.sh020.id));
    expect(at - done).toBeLessThan(1000);
    // carol.chen sees only Borealis: a Borealis change reaches her, the Aurora one never did.
    await swapThumbnail(suite.ftrack, "Shot", DEMO.shots.sh100.id);
    await asCarol.next(changeOf(DEMO.shots.sh100.id));
    expect(asCarol.received.results).toHaveLength(1);
  });

  it("announces a hub restart", async () => {
    const subscription = await subscribe({ projectId: AURORA.id });
    suite.harness.emulator.eventHub.stop();
    await until(() => suite.harness.service.eventHubState === "reconnecting", 5000, "reconnecting");
    suite.harness.emulator.eventHub.start();
    const { result } = await subscription.next(
      (r) => r.data?.thumbnailChanged.kind === "MAY_HAVE_MISSED_CHANGES",
      15_000,
    );
    expect(result.data?.thumbnailChanged.missedSince).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("answers refused requests with an HTTP status and a code", async () => {
    const post = (body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${suite.harness.url}/graphql/stream`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "text/event-stream",
          ...ftrackKey(alice),
          ...headers,
        },
        body: JSON.stringify(body),
      });
    const refused = async (response: Response) => ({
      status: response.status,
      code: ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions
        .code,
    });
    const subscription = { query: "subscription { thumbnailChanged { kind } }" };

    expect(await refused(await post(subscription, { "ftrack-api-key": "wrong" }))).toEqual({
      status: 401,
      code: "UNAUTHENTICATED",
    });
    expect(await refused(await post({ query: "{ projects { nodes { id } } }" }))).toEqual({
      status: 400,
      code: "OPERATION_TYPE_NOT_SUPPORTED",
    });
    expect(await refused(await post({ query: "subscription { nope }" }))).toEqual({
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
    });
    expect(await refused(await post(subscription, { accept: "application/json" }))).toEqual({
      status: 400,
      code: "BAD_REQUEST",
    });
    expect(await refused(await post(subscription, { "content-type": "text/plain" }))).toEqual({
      status: 415,
      code: "UNSUPPORTED_MEDIA_TYPE",
    });
    expect(await refused(await post({ ...subscription, variables: { big: "x".repeat(70_000) } }))).toEqual({
      status: 413,
      code: "VARIABLES_TOO_LARGE",
    });
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: kind`).join(" ");
    expect(await refused(await post({ query: `subscription { thumbnailChanged { ${aliases} } }` }))).toEqual({
      status: 400,
      code: "TOO_MANY_ALIASES",
    });
    // A browser on a foreign origin is stopped at the preflight, as for /graphql.
    const preflight = await fetch(`${suite.harness.url}/graphql/stream`, {
      method: "OPTIONS",
      headers: { origin: "http://elsewhere.example", "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(403);
  });
});

describe("shutdown", { timeout: 30_000 }, () => {
  it("service.close() ends event streams, closes WebSockets and the event hub listener", async () => {
    const harness = await startHarness();
    try {
      const operation = { document: ThumbnailChangedDocument, variables: {} };
      const sse = subscribeOverSse(harness.url, operation);
      const ws = subscribeOverWebSocket(harness.url, operation);
      await until(async () => (await activeSubscriptions(harness)) === 2, 5000, "two subscriptions");
      expect(harness.emulator.eventHub.connections).toBe(1);

      const started = Date.now();
      await harness.service.close();
      expect(Date.now() - started).toBeLessThan(3000);
      expect((await sse.ended()).completed).toBe(true);
      expect((await ws.ended()).error).toMatchObject({ code: 1001 });
      await until(() => harness.emulator.eventHub.connections === 0, 5000, "the hub listener to close");
      await Promise.all([sse.dispose(), ws.dispose()]);
    } finally {
      await harness.emulator.close();
    }
  });
});
