/** Shared by the subscription tests: a service with its subscriptions tracked, the subscription gauge, and thumbnail changes made in ftrack. */
import { Session } from "@ftrack/api";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { DEMO, type RunningEmulator } from "../../../src/emulator/index.js";
import { ftrackCall, update } from "../../support/emulator.api.js";
import { type Harness, startHarness, until } from "../../support/service.harness.js";
import type { Subscription } from "../../support/subscription.clients.js";

/**
 * The service (with `env`) for the tests of the current file or describe block, ftrack's own client
 * on its embedded server, and `track` for the subscriptions a test opens: all are disposed after
 * each test, and the next waits until the service has seen them end.
 */
export function subscriptionSuite(env: Record<string, string>) {
  const opened: Subscription<unknown>[] = [];
  const suite = {
    harness: undefined as unknown as Harness,
    ftrack: undefined as unknown as Session,
    track<T>(subscription: Subscription<T>): Subscription<T> {
      opened.push(subscription);
      return subscription;
    },
  };
  beforeAll(async () => {
    suite.harness = await startHarness({ env });
    const { url, apiUser, apiKey } = suite.harness.emulator;
    suite.ftrack = new Session(url, apiUser, apiKey, { strictApi: true });
    await suite.ftrack.initializing;
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((subscription) => subscription.dispose()));
    await until(async () => (await activeSubscriptions(suite.harness)) === 0, 5000, "subscriptions to end");
  });
  afterAll(() => suite.harness?.close());
  return suite;
}

/** The service's open subscriptions, as /metrics reports them. */
export async function activeSubscriptions(harness: Pick<Harness, "url">): Promise<number> {
  const text = await (await fetch(`${harness.url}/metrics`)).text();
  const line = text.split("\n").find((l) => l.startsWith("thumbnail_subscriptions_active "));
  return Number(line?.split(" ")[1] ?? Number.NaN);
}

/** Two images in ftrack.server: a seeded thumbnail, and one that is nobody's at the start. */
const IMAGES = () => [DEMO.thumbnails[DEMO.shots.sh010.id], DEMO.components.spareServer];

/**
 * Gives an entity another thumbnail, straight in ftrack with ftrack's own client (so ftrack
 * announces a thumbnail_id change whatever earlier tests left), and returns the component.
 */
export async function swapThumbnail(session: Session, type: string, id: string): Promise<string> {
  const { data } = await session.query(`select thumbnail_id from ${type} where id is "${id}"`);
  const next = IMAGES().find((image) => image !== data[0]?.thumbnail_id);
  expect(next).toBeDefined();
  await session.update(type, [id], { thumbnail_id: next });
  return next as string;
}

/** Clears the thumbnail of every TypedContext in `ids` (none may lack one), in ONE ftrack commit (one event). */
export async function clearThumbnails(emulator: RunningEmulator, ids: string[]) {
  await ftrackCall(
    emulator,
    ids.map((id) => update("TypedContext", id, { thumbnail_id: null })),
  );
}
