/** ftrack-layer records -> GraphQL class instances (type-graphql resolves interfaces by class). */
import type {
  AssetRecord,
  AssetVersionRecord,
  ContextRecord,
  ThumbnailableRecord,
  UserRecord,
} from "../ftrack/ftrack.types.js";
import { Asset } from "./types/asset.type.js";
import { AssetVersion } from "./types/asset-version.type.js";
import type { Context } from "./types/context.type.js";
import { Project } from "./types/project.type.js";
import type { Thumbnailable } from "./types/thumbnailable.type.js";
import { ThumbnailableType } from "./types/thumbnailable-type.enum.js";
import { CustomContext, TYPED_CONTEXT_CLASSES } from "./types/typed-context.types.js";
import { User } from "./types/user.type.js";

export function toContext(record: ContextRecord): Context {
  if (record.entityType === "Project") return Object.assign(new Project(), record);
  const Class = TYPED_CONTEXT_CLASSES[record.entityType] ?? CustomContext;
  return Object.assign(new Class(), record, { objectType: record.objectTypeName ?? record.entityType });
}

export function toAssetVersion(record: AssetVersionRecord): AssetVersion {
  return Object.assign(new AssetVersion(), record);
}

export function toUser(record: UserRecord): User {
  return Object.assign(new User(), record);
}

export function toAsset(record: AssetRecord): Asset {
  return Object.assign(new Asset(), record);
}

export function toThumbnailable(record: ThumbnailableRecord): Thumbnailable {
  if (record.entityType === "AssetVersion") return toAssetVersion(record as AssetVersionRecord);
  if (record.entityType === "User") return toUser(record as UserRecord);
  return toContext(record as ContextRecord);
}

/** Whether an entity is of the GraphQL type the caller asked for (class names are the type names). */
export function isOfType(entity: Thumbnailable, type: ThumbnailableType): boolean {
  return entity.constructor.name === type;
}
