/** Shared by the subscription tests: the service's subscription gauge, and thumbnail changes made in ftrack. */
import type { Session } from "@ftrack/api";
import { expect } from "vitest";
import { DEMO, type RunningEmulator } from "../../../src/emulator/index.js";
import { ftrackCall, update } from "../../support/emulator.api.js";
import type { Harness } from "../../support/service.harness.js";

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
