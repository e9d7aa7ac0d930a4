/** Builds the executable GraphQL schema from the type-graphql classes. */
import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { AssetResolver } from "./resolvers/asset.resolver.js";
import { AssetVersionResolver } from "./resolvers/asset-version.resolver.js";
import { ContextResolver, TypedContextResolver } from "./resolvers/context.resolver.js";
import { ProjectResolver } from "./resolvers/project.resolver.js";
import { QueryResolver } from "./resolvers/query.resolver.js";
import { TaskResolver } from "./resolvers/task.resolver.js";
import { ThumbnailResolver } from "./resolvers/thumbnail.resolver.js";
import { ThumbnailableResolver } from "./resolvers/thumbnailable.resolver.js";
import { CustomContext } from "./types/typed-context.types.js";

export const resolvers = [
  QueryResolver,
  ThumbnailableResolver,
  ThumbnailResolver,
  ContextResolver,
  TypedContextResolver,
  ProjectResolver,
  TaskResolver,
  AssetVersionResolver,
  AssetResolver,
] as const;

export function buildGraphSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers, orphanedTypes: [CustomContext], validate: false });
}
