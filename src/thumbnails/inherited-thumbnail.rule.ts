/**
 * Which thumbnail an entity shows when it may inherit one: a pure rule over ftrack records (the
 * candidates are read by inherited-thumbnail.finder.ts).
 *
 * - An entity with a thumbnail of its own shows it.
 * - A task: its latest version that has a thumbnail (highest version number across its assets, then
 *   the newest by date); else the nearest ancestor's own thumbnail.
 * - Any other TypedContext: the nearest ancestor's own thumbnail.
 * - A version: its asset's parent's own thumbnail, else that parent's nearest ancestor's.
 * - Projects and users inherit nothing, and a project passes nothing on: its ancestors are
 *   TypedContexts only (ftrack's `ancestors`), so a context under it with no thumbnail in between
 *   has none (a project's image is its poster, not a picture of the work below it).
 * Ancestors' own thumbnails only: an ancestor's inherited one is never passed further down.
 */
import type { ContextRecord, DatedVersionRecord, ThumbnailableRecord } from "../ftrack/ftrack.types.js";

/** What the rule reads of the entity asked about. */
export type ThumbnailOwner = Pick<ThumbnailableRecord, "entityType" | "id" | "thumbnailId">;

/** Where an entity without a thumbnail of its own looks for one. */
export type Inheritance = "none" | "task" | "context" | "version";

export interface InheritanceCandidates {
  /** A task's versions that have a thumbnail (in any order). */
  versions: readonly DatedVersionRecord[];
  /** The contexts to look at, nearest first: a context's ancestors; a version's asset's parent, then its ancestors. */
  ancestors: readonly ContextRecord[];
}

export const NO_CANDIDATES: InheritanceCandidates = { versions: [], ancestors: [] };

export function inheritanceOf(entity: ThumbnailOwner): Inheritance {
  if (entity.thumbnailId) return "none";
  switch (entity.entityType) {
    case "Project":
    case "User":
      return "none";
    case "AssetVersion":
      return "version";
    case "Task":
      return "task";
    default:
      return "context";
  }
}

/** Highest version first, then the newest, then by id (so equal ones always rank the same). */
function ranksAbove(a: DatedVersionRecord, b: DatedVersionRecord): boolean {
  if (a.version !== b.version) return a.version > b.version;
  if ((a.date ?? "") !== (b.date ?? "")) return (a.date ?? "") > (b.date ?? "");
  return a.id > b.id;
}

function latestWithThumbnail(versions: readonly DatedVersionRecord[]): DatedVersionRecord | null {
  let best: DatedVersionRecord | null = null;
  for (const version of versions) {
    if (version.thumbnailId && (!best || ranksAbove(version, best))) best = version;
  }
  return best;
}

/** The entity whose thumbnail `entity` shows: itself, a version, a context, or null for none. */
export function thumbnailSourceOf<E extends ThumbnailOwner>(
  entity: E,
  candidates: InheritanceCandidates,
): E | ThumbnailableRecord | null {
  const inheritance = inheritanceOf(entity);
  if (inheritance === "none") return entity.thumbnailId ? entity : null;
  if (inheritance === "task") {
    const version = latestWithThumbnail(candidates.versions);
    if (version) return version;
  }
  return candidates.ancestors.find((context) => context.thumbnailId) ?? null;
}
