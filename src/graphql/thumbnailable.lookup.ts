/**
 * Thumbnailables by GraphQL type and id. Queries get the entity or null (missing, or of another
 * type); mutations get the targets' records for the domain, refused before anything is written:
 * unknown ids are NOT_FOUND, malformed ones BAD_USER_INPUT.
 */
import { ErrorCode } from "../error-codes.js";
import { isFtrackId } from "../ftrack/expression.js";
import type { FtrackSession } from "../ftrack/ftrack.session.js";
import type { ThumbnailableRecord } from "../ftrack/ftrack.types.js";
import type { ReadPlan } from "../ftrack/read-plan.js";
import { ThumbnailError } from "../thumbnails/thumbnail.errors.js";
import type { TargetEntity } from "../thumbnails/thumbnail.service.js";
import { graphTypeOf, kindOf, type ThumbnailableOf, toThumbnailable } from "./graph.mapper.js";
import type { ThumbnailTarget } from "./types/thumbnail-target.input.js";
import type { Thumbnailable } from "./types/thumbnailable.type.js";
import type { ThumbnailableType } from "./types/thumbnailable-type.enum.js";

async function loadRecord(
  ftrack: FtrackSession,
  type: ThumbnailableType,
  id: string,
  plan?: ReadPlan,
): Promise<ThumbnailableRecord | null> {
  const record = await ftrack.thumbnailable(kindOf(type), id, plan);
  return record && graphTypeOf(record) === type ? record : null;
}

/**
 * The entity of that type and id; null when there is none (or the id names another type). `plan`:
 * what the query reads of it next (see look-ahead.ts).
 */
export async function loadThumbnailable<T extends ThumbnailableType>(
  ftrack: FtrackSession,
  type: T,
  id: string,
  plan?: ReadPlan,
): Promise<ThumbnailableOf<T> | null> {
  const record = await loadRecord(ftrack, type, id, plan);
  return record && (toThumbnailable(record) as ThumbnailableOf<T>);
}

/** Loads every target (one batched round trip); throws on the first malformed or missing one. */
export async function resolveTargets(
  ftrack: FtrackSession,
  inputs: ThumbnailTarget[],
): Promise<TargetEntity[]> {
  for (const { type, id } of inputs) {
    if (!isFtrackId(id)) {
      throw new ThumbnailError(
        ErrorCode.BAD_USER_INPUT,
        `"${id}" is not an ftrack id. Pass the entity's id.`,
        {
          target: { type, id },
        },
      );
    }
  }
  const records = await Promise.all(inputs.map(({ type, id }) => loadRecord(ftrack, type, id)));
  return records.map((record, i) => {
    if (record) return record;
    const { type, id } = inputs[i];
    throw new ThumbnailError(
      ErrorCode.NOT_FOUND,
      `No ${type} with id "${id}" exists. Check the target's type and id.`,
      {
        target: { type, id },
      },
    );
  });
}

/** The targets as ftrack has them after a mutation (its writes made the session forget them). */
export async function reloadTargets(
  ftrack: FtrackSession,
  inputs: ThumbnailTarget[],
): Promise<Thumbnailable[]> {
  const entities = await Promise.all(inputs.map(({ type, id }) => loadThumbnailable(ftrack, type, id)));
  return entities.map((entity, i) => {
    if (!entity) {
      throw new ThumbnailError(
        ErrorCode.NOT_FOUND,
        `The ${inputs[i].type} "${inputs[i].id}" no longer exists.`,
      );
    }
    return entity;
  });
}
