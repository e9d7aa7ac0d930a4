/** Shared helpers for the emulator's HTTP tests. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Session } from "@ftrack/api";
import sharp from "sharp";
import { expect } from "vitest";
import { EmulatorError } from "../../src/emulator/emulator.errors.js";
import { type RunningEmulator, startEmulator } from "../../src/emulator/index.js";

import { REFERENCE_DIR } from "../support/ftrack-reference.js";

export { REFERENCE_DIR, referencePresent } from "../support/ftrack-reference.js";

export function readReference<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(join(REFERENCE_DIR, name), "utf8")) as T;
}

/** Answers are inspected ad hoc in tests. */
// biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked by assertions, not types.
export type Json = any;

/** POST /api with the emulator's API credentials unless headers override them. */
export async function postApi(
  emulator: RunningEmulator,
  body: unknown,
  headers: Record<string, string | undefined> = {},
): Promise<{ status: number; json: Json }> {
  const merged: Record<string, string> = {
    "Content-Type": "application/json",
    "ftrack-user": emulator.apiUser,
    "ftrack-api-key": emulator.apiKey,
  };
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) delete merged[name];
    else merged[name] = value;
  }
  const response = await fetch(`${emulator.url}/api`, {
    method: "POST",
    headers: merged,
    body: typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

/** The 768x576 reference image, or a generated one of the same size. */
export async function image768x576(): Promise<Buffer> {
  const reference = join(REFERENCE_DIR, "thumbnail-768x576.png");
  if (existsSync(reference)) return readFileSync(reference);
  return sharp({ create: { width: 768, height: 576, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .png()
    .toBuffer();
}

/** The EmulatorError fn throws; fails the test when it throws anything else or nothing. */
export function errorOf(fn: () => unknown): EmulatorError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(EmulatorError);
    return e as EmulatorError;
  }
  throw new Error("expected an error");
}

/** A deterministic random() for fuzz tests, so a failure replays. */
export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

/** A seeded emulator on a free port and an initialised @ftrack/api session on it (strict API). */
export async function startWithSession(): Promise<{ emulator: RunningEmulator; session: Session }> {
  const emulator = await startEmulator({ port: 0 });
  const session = new Session(emulator.url, emulator.apiUser, emulator.apiKey, { strictApi: true });
  await session.initializing;
  return { emulator, session };
}
