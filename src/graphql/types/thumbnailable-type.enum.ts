import { registerEnumType } from "type-graphql";

/** The GraphQL types that implement Thumbnailable, as mutation targets and lookup keys. */
export enum ThumbnailableType {
  PROJECT = "Project",
  TASK = "Task",
  SHOT = "Shot",
  SEQUENCE = "Sequence",
  EPISODE = "Episode",
  ASSET_BUILD = "AssetBuild",
  FOLDER = "Folder",
  MILESTONE = "Milestone",
  CUSTOM_CONTEXT = "CustomContext",
  ASSET_VERSION = "AssetVersion",
  USER = "User",
}

registerEnumType(ThumbnailableType, {
  name: "ThumbnailableType",
  description: "A type that implements Thumbnailable.",
});
