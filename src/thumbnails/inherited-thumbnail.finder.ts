/**
 * Reads what inherited-thumbnail.rule.ts chooses from, through the caller's session's loaders: a
 * task's versions with a thumbnail and its lineage, asked for in the same tick; a context's
 * lineage; a version's asset, then its asset's parent's lineage. Every entity of a grid asks in the
 * same tick, so each step is one ftrack round trip for all of them.
 *
 * Answers synchronously when nothing needs reading (the entity has a thumbnail of its own, or
 * cannot inherit one), so callers stay synchronous on that path.
 */
import type { FtrackSession } from "../ftrack/ftrack.session.js";
import type { ThumbnailableRecord } from "../ftrack/ftrack.types.js";
import {
  type InheritanceCandidates,
  inheritanceOf,
  NO_CANDIDATES,
  type ThumbnailOwner,
  thumbnailSourceOf,
} from "./inherited-thumbnail.rule.js";

export type ThumbnailSource<E> = E | ThumbnailableRecord | null;

async function candidatesOf(
  ftrack: FtrackSession,
  entity: ThumbnailOwner,
  inheritance: "task" | "context" | "version",
): Promise<InheritanceCandidates> {
  switch (inheritance) {
    case "task": {
      const [versions, lineage] = await Promise.all([
        ftrack.versionsWithThumbnail(entity.id),
        ftrack.lineage(entity.id),
      ]);
      return { versions, ancestors: lineage?.slice(1) ?? [] };
    }
    case "context": {
      const lineage = await ftrack.lineage(entity.id);
      return { versions: [], ancestors: lineage?.slice(1) ?? [] };
    }
    case "version": {
      // The version's own record is loaded already (it is what the caller resolves): no round trip.
      const version = await ftrack.assetVersion(entity.id);
      const asset = version?.assetId ? await ftrack.asset(version.assetId) : null;
      const lineage = asset?.contextId ? await ftrack.lineage(asset.contextId) : null;
      return { versions: [], ancestors: lineage ?? [] };
    }
  }
}

/** The entity whose thumbnail `entity` shows when inheriting: itself, another entity, or null. */
export function findThumbnailSource<E extends ThumbnailOwner>(
  ftrack: FtrackSession,
  entity: E,
): ThumbnailSource<E> | Promise<ThumbnailSource<E>> {
  const inheritance = inheritanceOf(entity);
  if (inheritance === "none") return thumbnailSourceOf(entity, NO_CANDIDATES);
  return candidatesOf(ftrack, entity, inheritance).then((candidates) =>
    thumbnailSourceOf(entity, candidates),
  );
}
