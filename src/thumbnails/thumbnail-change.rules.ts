/**
 * What counts as a thumbnail change, and which subscriber wants it. An ftrack.update event is only a
 * cue (any authenticated ftrack client may publish one, and the hub shows every event to everyone):
 * it names an entity to read again, as each subscriber, and nothing the event says is passed on.
 */
import type { EntityChange } from "../ftrack/event-hub.types.js";
import { isFtrackId } from "../ftrack/expression.js";
import type { ThumbnailableKind, ThumbnailableRecord } from "../ftrack/ftrack.types.js";

/** An entity whose thumbnail may have changed: what to read again. */
export interface ThumbnailCue {
  kind: ThumbnailableKind;
  id: string;
}

/** What a subscriber asked for; every given condition must hold. */
export interface ThumbnailChangeFilter {
  /** Only these entities. */
  entityIds?: ReadonlySet<string>;
  /** Only entities in this project: the project itself, its contexts and its versions (never users). */
  projectId?: string;
}

const KIND_BY_TYPE: ReadonlyMap<string, ThumbnailableKind> = new Map([
  ["Project", "Project"],
  ["AssetVersion", "AssetVersion"],
  ["User", "User"],
]);

/**
 * The entity to read again when a change set or cleared `thumbnail_id` of a type that carries
 * thumbnails (a TypedContext is any type with an object type); undefined for every other change.
 */
export function thumbnailCue(change: EntityChange): ThumbnailCue | undefined {
  if (change.action !== "add" && change.action !== "update") return undefined;
  if (!change.changedKeys.includes("thumbnail_id") || !isFtrackId(change.entityId)) return undefined;
  const kind =
    KIND_BY_TYPE.get(change.entityType) ?? (change.objectTypeId !== null ? "TypedContext" : undefined);
  return kind && { kind, id: change.entityId };
}

/**
 * Whether a subscriber with this filter wants the change of this entity, as ftrack has it now.
 * `versionProjectId`: a version's project, read apart from its record (see readsVersionProject).
 */
export function wants(
  filter: ThumbnailChangeFilter,
  record: ThumbnailableRecord,
  versionProjectId?: string | null,
): boolean {
  if (filter.entityIds && !filter.entityIds.has(record.id)) return false;
  if (filter.projectId === undefined) return true;
  return ("projectId" in record ? record.projectId : versionProjectId) === filter.projectId;
}

/** Whether `wants` needs the project of a version this cue names, for any of these filters. */
export function readsVersionProject(filters: ThumbnailChangeFilter[], cue: ThumbnailCue): boolean {
  return cue.kind === "AssetVersion" && filters.some((filter) => filter.projectId !== undefined);
}

/** Whether a subscriber with this filter may want a change of this entity (before reading it). */
export function mayWant(filter: ThumbnailChangeFilter, cue: ThumbnailCue): boolean {
  if (filter.entityIds && !filter.entityIds.has(cue.id)) return false;
  return filter.projectId === undefined || cue.kind !== "User";
}
