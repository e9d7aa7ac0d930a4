/**
 * Writes test data into the embedded ftrack server through its HTTP API, as a pipeline tool would
 * (the service's own reads then see it like anything else ftrack holds).
 */
import type { RunningEmulator } from "../../src/emulator/index.js";

export type FtrackOp =
  | { action: "create"; entity_type: string; entity_data: Record<string, unknown> }
  | { action: "update"; entity_type: string; entity_key: string[]; entity_data: Record<string, unknown> };

/** ftrack's wire form of a datetime. */
export const datetime = (iso: string) => ({ __type__: "datetime", value: iso });

/** Sends the operations in one POST (one transaction); throws with ftrack's message when refused. */
export async function ftrackCall(emulator: RunningEmulator, ops: FtrackOp[]): Promise<unknown[]> {
  const res = await fetch(`${emulator.url}/api`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "ftrack-user": emulator.apiUser,
      "ftrack-api-key": emulator.apiKey,
    },
    body: JSON.stringify(ops),
  });
  const body = (await res.json()) as unknown;
  if (!Array.isArray(body)) throw new Error(`ftrack refused the call: ${JSON.stringify(body)}`);
  return body;
}

export const create = (entity_type: string, entity_data: Record<string, unknown>): FtrackOp => ({
  action: "create",
  entity_type,
  entity_data,
});

export const update = (entity_type: string, id: string, entity_data: Record<string, unknown>): FtrackOp => ({
  action: "update",
  entity_type,
  entity_key: [id],
  entity_data,
});
