/**
 * ThumbnailTarget inputs -> loaded entities and domain targets, and the fresh entities a mutation
 * returns. Unknown ids are NOT_FOUND, malformed ones BAD_USER_INPUT, both before anything is written.
 */
import { isFtrackId } from "../ftrack/expression.js";
import type { FtrackSession } from "../ftrack/ftrack.session.js";
import { ThumbnailError } from "../thumbnails/thumbnail.errors.js";
import { type TargetEntity, targetOf } from "../thumbnails/thumbnail.service.js";
import { loadThumbnailable } from "./thumbnailable.lookup.js";
import type { ThumbnailTarget } from "./types/thumbnail-target.input.js";
import type { Thumbnailable } from "./types/thumbnailable.type.js";

/** Loads every target (one batched round trip); throws on the first missing one. */
export async function resolveTargets(
  ftrack: FtrackSession,
  inputs: ThumbnailTarget[],
): Promise<TargetEntity[]> {
  for (const input of inputs) {
    if (!isFtrackId(input.id)) {
      throw new ThumbnailError("BAD_USER_INPUT", `"${input.id}" is not an ftrack id. Pass the entity's id.`, {
        target: { type: input.type, id: input.id },
      });
    }
  }
  const entities = await Promise.all(inputs.map((input) => loadThumbnailable(ftrack, input.type, input.id)));
  return entities.map((entity, i) => {
    if (!entity) {
      const { type, id } = inputs[i];
      throw new ThumbnailError(
        "NOT_FOUND",
        `No ${type} with id "${id}" exists. Check the target's type and id.`,
        {
          target: { type, id },
        },
      );
    }
    return targetOf(entity);
  });
}

/** The targets as ftrack has them now (the session forgets them first, so nothing stale returns). */
export async function reloadTargets(
  ftrack: FtrackSession,
  inputs: ThumbnailTarget[],
): Promise<Thumbnailable[]> {
  ftrack.invalidate(...inputs.map((input) => input.id));
  const entities = await Promise.all(inputs.map((input) => loadThumbnailable(ftrack, input.type, input.id)));
  return entities.map((entity, i) => {
    if (!entity) {
      throw new ThumbnailError("NOT_FOUND", `The ${inputs[i].type} "${inputs[i].id}" no longer exists.`);
    }
    return entity;
  });
}
