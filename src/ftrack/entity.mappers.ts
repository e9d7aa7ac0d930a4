/**
 * ftrack JSON (denormalised, dates already ISO) -> the records upper layers read, and the
 * projection each record needs. The queries that filter and order those records (ftrack.session.ts,
 * list.loaders.ts, look-ahead.ts) name ftrack's attributes too; nothing outside src/ftrack/ does.
 */
import type {
  AssetRecord,
  AssetVersionRecord,
  ComponentRecord,
  ContextRecord,
  DatedVersionRecord,
  FtrackEntity,
  UserRecord,
} from "./ftrack.types.js";
import type { FieldsRead } from "./read-plan.js";

export const PROJECT_FIELDS = ["id", "name", "full_name", "thumbnail_id"];
export const TYPED_CONTEXT_FIELDS = [
  "id",
  "name",
  "context_type",
  "parent_id",
  "project_id",
  "thumbnail_id",
  "object_type.name",
];
export const ASSET_FIELDS = ["id", "name", "context_id"];
export const ASSET_VERSION_FIELDS = [
  "id",
  "version",
  "comment",
  "asset_id",
  "task_id",
  "user_id",
  "is_latest_version",
  "thumbnail_id",
];
/**
 * Version attributes a list reads only when its selection shows them, by the record property they
 * fill: a grid page's versions show their number and thumbnail, and a hand-written query would read
 * no more (ftrack builds and this layer parses every attribute of every row).
 */
const VERSION_ATTRIBUTES_SHOWN: Record<string, string> = {
  comment: "comment",
  assetId: "asset_id",
  userId: "user_id",
  isLatestVersion: "is_latest_version",
};

/** A read of fewer attributes than RECORD_KINDS': what it reads, and the record properties it leaves empty. */
export interface PartialRead {
  attributes: string[];
  lacks: ReadonlySet<string>;
}

/**
 * What to read of `kind`'s records for a selection that shows `fields`, with the attributes `also`
 * (the ids the layer follows from them); null when that is all of them (only versions are read in part).
 */
export function partialRead(kind: RecordKind, fields: FieldsRead, also: string[]): PartialRead | null {
  if (kind !== "AssetVersion" || fields === "all") return null;
  const lacks = new Set<string>();
  const skipped = new Set<string>();
  for (const [property, attribute] of Object.entries(VERSION_ATTRIBUTES_SHOWN)) {
    if (fields.has(property) || also.includes(attribute)) continue;
    lacks.add(property);
    skipped.add(attribute);
  }
  if (lacks.size === 0) return null;
  return { attributes: ASSET_VERSION_FIELDS.filter((a) => !skipped.has(a)), lacks };
}

// Read only where needed: a list of versions is read far more often than it is ranked or filtered
// by project, and these double what each version row costs ftrack to build and this layer to read.
export const VERSION_DATE_FIELD = "date";
/** A version's project, through its asset's context (a Project itself, or a TypedContext in one). */
export const VERSION_PROJECT_FIELDS = ["asset.context_id", "asset.parent.project_id"];
export const USER_FIELDS = ["id", "username", "first_name", "last_name", "thumbnail_id"];
export const COMPONENT_FIELDS = ["id", "name", "file_type", "size", "component_locations.location_id"];

const str = (value: unknown): string | null => (typeof value === "string" ? value : null);
const num = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

export function isEntity(value: unknown): value is FtrackEntity {
  return (
    value !== null &&
    typeof value === "object" &&
    typeof (value as FtrackEntity).__entity_type__ === "string" &&
    typeof (value as FtrackEntity).id === "string"
  );
}

/** The entities of a query result (`{action: "query", data: [...]}`), ignoring anything else. */
export function queryData(result: unknown): FtrackEntity[] {
  const data = (result as { data?: unknown } | null)?.data;
  return Array.isArray(data) ? data.filter(isEntity) : [];
}

/** A Project (entity type "Project"; "Show" is its old alias) or any TypedContext. */
export function mapContext(e: FtrackEntity): ContextRecord {
  if (e.__entity_type__ === "Project" || e.__entity_type__ === "Show") {
    return {
      entityType: "Project",
      id: e.id,
      name: str(e.name) ?? "",
      fullName: str(e.full_name),
      parentId: null,
      // A project is its own project: callers asking "which project?" need no special case.
      projectId: e.id,
      thumbnailId: str(e.thumbnail_id),
      objectTypeName: null,
    };
  }
  const objectType = e.object_type as { name?: unknown } | null | undefined;
  return {
    entityType: e.__entity_type__,
    id: e.id,
    name: str(e.name) ?? "",
    fullName: null,
    parentId: str(e.parent_id),
    projectId: str(e.project_id),
    thumbnailId: str(e.thumbnail_id),
    objectTypeName: str(objectType?.name),
  };
}

export function mapAsset(e: FtrackEntity): AssetRecord {
  return { entityType: "Asset", id: e.id, name: str(e.name) ?? "", contextId: str(e.context_id) };
}

export function mapAssetVersion(e: FtrackEntity): AssetVersionRecord {
  return {
    entityType: "AssetVersion",
    id: e.id,
    version: num(e.version) ?? 0,
    comment: str(e.comment),
    assetId: str(e.asset_id),
    taskId: str(e.task_id),
    userId: str(e.user_id),
    isLatestVersion: e.is_latest_version === true,
    thumbnailId: str(e.thumbnail_id),
  };
}

export function mapDatedVersion(e: FtrackEntity): DatedVersionRecord {
  return { ...mapAssetVersion(e), date: str(e[VERSION_DATE_FIELD]) };
}

/**
 * A version's project (read with VERSION_PROJECT_FIELDS): its asset's context when that is a
 * Project, else that context's project.
 */
export function versionProjectId(e: FtrackEntity): string | null {
  const asset = e.asset as { context_id?: unknown; parent?: FtrackEntity | null } | null | undefined;
  const parent = asset?.parent;
  if (!parent || typeof parent !== "object") return null;
  return parent.__entity_type__ === "Project" ? str(asset.context_id) : str(parent.project_id);
}

export function mapUser(e: FtrackEntity): UserRecord {
  return {
    entityType: "User",
    id: e.id,
    username: str(e.username) ?? "",
    firstName: str(e.first_name),
    lastName: str(e.last_name),
    thumbnailId: str(e.thumbnail_id),
  };
}

export function mapComponent(e: FtrackEntity): ComponentRecord {
  const locations = Array.isArray(e.component_locations) ? e.component_locations : [];
  const locationIds = locations
    .map((l) => str((l as { location_id?: unknown } | null)?.location_id))
    .filter((id): id is string => id !== null);
  return {
    entityType: e.__entity_type__,
    id: e.id,
    name: str(e.name) ?? "",
    fileType: str(e.file_type),
    size: num(e.size),
    locationIds: [...new Set(locationIds)],
  };
}

/** The kinds of records this layer reads: what a record of each is read from, with which fields. */
export type RecordKind = "Project" | "TypedContext" | "AssetVersion" | "Asset" | "User" | "Component";

interface KindSpec {
  /** The ftrack type queried (a base type: its subtypes answer too). */
  type: string;
  fields: readonly string[];
  map: (e: FtrackEntity) => { id: string };
}

export const RECORD_KINDS: Record<RecordKind, KindSpec> = {
  Project: { type: "Project", fields: PROJECT_FIELDS, map: mapContext },
  TypedContext: { type: "TypedContext", fields: TYPED_CONTEXT_FIELDS, map: mapContext },
  AssetVersion: { type: "AssetVersion", fields: ASSET_VERSION_FIELDS, map: mapAssetVersion },
  Asset: { type: "Asset", fields: ASSET_FIELDS, map: mapAsset },
  User: { type: "User", fields: USER_FIELDS, map: mapUser },
  Component: { type: "Component", fields: COMPONENT_FIELDS, map: mapComponent },
};
