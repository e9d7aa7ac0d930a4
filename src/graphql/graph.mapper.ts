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
import type { Context, TypedContext } from "./types/context.type.js";
import { Project } from "./types/project.type.js";
import type { Thumbnailable } from "./types/thumbnailable.type.js";
import { ThumbnailableType } from "./types/thumbnailable-type.enum.js";
import {
  AssetBuild,
  CustomContext,
  Episode,
  Folder,
  Milestone,
  Sequence,
  Shot,
  Task,
} from "./types/typed-context.types.js";
import { User } from "./types/user.type.js";

const TYPED_CONTEXTS: Record<string, new () => TypedContext> = {
  Task,
  Shot,
  Sequence,
  Episode,
  AssetBuild,
  Folder,
  Milestone,
};

export function toContext(record: ContextRecord): Context {
  if (record.entityType === "Project") return Object.assign(new Project(), record);
  const Class = TYPED_CONTEXTS[record.entityType] ?? CustomContext;
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

/** The enum value naming an entity's GraphQL type. */
export function thumbnailableTypeOf(entity: Thumbnailable): ThumbnailableType {
  if (entity instanceof CustomContext) return ThumbnailableType.CUSTOM_CONTEXT;
  return entity.constructor.name as ThumbnailableType;
}

/** Whether an ftrack record is of the GraphQL type the caller asked for. */
export function isOfType(entity: Thumbnailable, type: ThumbnailableType): boolean {
  return thumbnailableTypeOf(entity) === type;
}
