/** The mutations' `ThumbnailTarget` of an entity the page shows, from its GraphQL type name. */
import type { ThumbnailableType, ThumbnailTarget } from "./generated/graphql";

const TARGET_TYPES = {
  Project: "PROJECT",
  Task: "TASK",
  Shot: "SHOT",
  Sequence: "SEQUENCE",
  Episode: "EPISODE",
  AssetBuild: "ASSET_BUILD",
  Folder: "FOLDER",
  Milestone: "MILESTONE",
  CustomContext: "CUSTOM_CONTEXT",
  AssetVersion: "ASSET_VERSION",
  User: "USER",
} as const satisfies Record<string, ThumbnailableType>;

export type ThumbnailableTypename = keyof typeof TARGET_TYPES;

export function targetOf(entity: { __typename: ThumbnailableTypename; id: string }): ThumbnailTarget {
  return { type: TARGET_TYPES[entity.__typename], id: entity.id };
}
