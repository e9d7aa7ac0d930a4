/**
 * Subscriptions under AUTH_MODE=jwt: the bearer token travels in the WebSocket's connection
 * parameters (or the SSE request's header), the subscriber acts as the user it names, and a
 * connection or stream outliving its token ends when the token expires.
 */
import { describe, expect, it } from "vitest";
import { DEMO } from "../../../src/emulator/index.js";
import { bearer, SECRET, token } from "../../auth/auth.support.js";
import { ThumbnailChangedDocument, type ThumbnailChangedSubscription } from "../../generated/graphql.js";
import { until } from "../../support/service.harness.js";
import { subscribeOverSse, subscribeOverWebSocket } from "../../support/subscription.clients.js";
import { activeSubscriptions, subscriptionSuite, swapThumbnail } from "./subscription.helpers.js";

const { carol } = DEMO.users;
const operation = { document: ThumbnailChangedDocument, variables: {} };
const changeOf = (id: string) => (result: { data?: ThumbnailChangedSubscription | null }) =>
  result.data?.thumbnailChanged.entity?.id === id;

const suite = subscriptionSuite({ AUTH_MODE: "jwt", AUTH_JWT_SECRET: SECRET });

describe("subscriptions under AUTH_MODE=jwt", { timeout: 30_000 }, () => {
  it("act as the user the token names: carol.chen gets Borealis changes only", async () => {
    const connectionParams = bearer(await token(carol.username));
    const asCarol = suite.track(subscribeOverWebSocket(suite.harness.url, operation, { connectionParams }));
    await until(async () => (await activeSubscriptions(suite.harness)) === 1, 5000, "the subscription");
    await swapThumbnail(suite.ftrack, "Shot", DEMO.shots.sh010.id);
    await swapThumbnail(suite.ftrack, "Shot", DEMO.shots.sh100.id);
    await asCarol.next(changeOf(DEMO.shots.sh100.id));
    expect(asCarol.received.results).toHaveLength(1);
  });

  it("refuse a connection with no token, a bad one, or ftrack credentials instead (4401)", async () => {
    for (const connectionParams of [
      undefined,
      bearer("not-a-token"),
      bearer(await token(carol.username, { expiresIn: -60 })),
      { "ftrack-user": carol.username, "ftrack-api-key": carol.apiKey },
    ]) {
      const refused = suite.track(subscribeOverWebSocket(suite.harness.url, operation, { connectionParams }));
      expect((await refused.ended()).error).toMatchObject({
        code: 4401,
        reason: expect.stringMatching(/^UNAUTHENTICATED: /),
      });
    }
  });

  it("end when the token expires: the WebSocket closes (4401), the event stream says UNAUTHENTICATED", async () => {
    const shortLived = await token(carol.username, { expiresIn: 4 });
    const ws = suite.track(
      subscribeOverWebSocket(suite.harness.url, operation, { connectionParams: bearer(shortLived) }),
    );
    const sse = suite.track(subscribeOverSse(suite.harness.url, operation, bearer(shortLived)));
    await until(async () => (await activeSubscriptions(suite.harness)) === 2, 5000, "two subscriptions");

    const ended = await ws.ended(10_000);
    expect(ended.error, JSON.stringify(ended)).toMatchObject({
      code: 4401,
      reason: "UNAUTHENTICATED: The token expired: connect with a new one.",
    });
    const { result } = await sse.next((r) => (r.errors?.length ?? 0) > 0, 10_000);
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await sse.ended()).completed).toBe(true);
  });
});
