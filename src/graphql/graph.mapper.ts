/**
 * ftrack-layer records -> GraphQL class instances (type-graphql resolves interfaces by class), and
 * the one table that decides, for every Thumbnailable GraphQL type, its class and the ftrack kind
 * its records are read from.
 */
import type {
  AssetRecord,
  AssetVersionRecord,
  ComponentRecord,
  ContextRecord,
  ThumbnailableKind,
  ThumbnailableRecord,
  UserRecord,
} from "../ftrack/ftrack.types.js";
import { Asset } from "./types/asset.type.js";
import { AssetVersion } from "./types/asset-version.type.js";
import { type Context, TypedContext } from "./types/context.type.js";
import { Project } from "./types/project.type.js";
import { Thumbnail } from "./types/thumbnail.type.js";
import type { Thumbnailable } from "./types/thumbnailable.type.js";
import { ThumbnailableType } from "./types/thumbnailable-type.enum.js";
import * as typed from "./types/typed-context.types.js";
import { User } from "./types/user.type.js";

/**
 * By GraphQL type: the class, and the ftrack kind holding its records (every context type but
 * Project is a TypedContext). A built-in type is named as ftrack names its entity type, so a
 * record's `entityType` is its GraphQL type; any other context is a studio-defined CustomContext.
 */
const THUMBNAILABLE_TYPES = {
  [ThumbnailableType.PROJECT]: { Class: Project, kind: "Project" },
  [ThumbnailableType.TASK]: { Class: typed.Task, kind: "TypedContext" },
  [ThumbnailableType.SHOT]: { Class: typed.Shot, kind: "TypedContext" },
  [ThumbnailableType.SEQUENCE]: { Class: typed.Sequence, kind: "TypedContext" },
  [ThumbnailableType.EPISODE]: { Class: typed.Episode, kind: "TypedContext" },
  [ThumbnailableType.ASSET_BUILD]: { Class: typed.AssetBuild, kind: "TypedContext" },
  [ThumbnailableType.FOLDER]: { Class: typed.Folder, kind: "TypedContext" },
  [ThumbnailableType.MILESTONE]: { Class: typed.Milestone, kind: "TypedContext" },
  [ThumbnailableType.CUSTOM_CONTEXT]: { Class: typed.CustomContext, kind: "TypedContext" },
  [ThumbnailableType.ASSET_VERSION]: { Class: AssetVersion, kind: "AssetVersion" },
  [ThumbnailableType.USER]: { Class: User, kind: "User" },
} as const satisfies Record<ThumbnailableType, { Class: new () => Thumbnailable; kind: ThumbnailableKind }>;

/** The class instance a Thumbnailable GraphQL type resolves to. */
export type ThumbnailableOf<T extends ThumbnailableType> = InstanceType<
  (typeof THUMBNAILABLE_TYPES)[T]["Class"]
>;

/** The ftrack kind holding a GraphQL type's records. */
export function kindOf(type: ThumbnailableType): ThumbnailableKind {
  return THUMBNAILABLE_TYPES[type].kind;
}

/** The GraphQL type of a record. */
export function graphTypeOf(record: ThumbnailableRecord): ThumbnailableType {
  return Object.hasOwn(THUMBNAILABLE_TYPES, record.entityType)
    ? (record.entityType as ThumbnailableType)
    : ThumbnailableType.CUSTOM_CONTEXT;
}

export function toThumbnailable(record: ThumbnailableRecord): Thumbnailable {
  const entity = Object.assign(new THUMBNAILABLE_TYPES[graphTypeOf(record)].Class(), record);
  if (entity instanceof TypedContext) {
    entity.objectType = (record as ContextRecord).objectTypeName ?? record.entityType;
  }
  return entity;
}

export function toContext(record: ContextRecord): Context {
  return toThumbnailable(record) as Context;
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

/** A thumbnail component as `source` shows it: `inherited` when the source is not the entity asked about. */
export function toThumbnail(
  component: ComponentRecord,
  source: Thumbnailable,
  inherited: boolean,
): Thumbnail {
  return Object.assign(new Thumbnail(), {
    id: component.id,
    name: component.name,
    fileType: component.fileType,
    byteSize: component.size,
    source,
    inherited,
  });
}
