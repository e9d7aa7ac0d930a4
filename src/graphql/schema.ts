/** Builds the executable GraphQL schema from the type-graphql classes. */
import type { GraphQLSchema } from "graphql";
import { type BuildSchemaOptions, buildSchema } from "type-graphql";
import { resolveUrlFieldsDirectly } from "./direct-resolvers.js";
import { cacheControlDirective } from "./federation/cache-control.directive.js";
import { toSubgraphSchema } from "./federation/subgraph.schema.js";
import { AssetResolver } from "./resolvers/asset.resolver.js";
import { AssetVersionResolver } from "./resolvers/asset-version.resolver.js";
import { ContextResolver, TypedContextResolver } from "./resolvers/context.resolver.js";
import { ProjectResolver } from "./resolvers/project.resolver.js";
import { QueryResolver } from "./resolvers/query.resolver.js";
import { TaskResolver } from "./resolvers/task.resolver.js";
import { ThumbnailMutationResolver } from "./resolvers/thumbnail.mutation.resolver.js";
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
  ThumbnailMutationResolver,
] as const;

/**
 * type-graphql's options. No global middleware and no auth checker: direct-resolvers.ts calls some
 * resolvers without type-graphql's pipeline, which would skip them.
 */
export const schemaOptions = {
  resolvers,
  orphanedTypes: [CustomContext],
  validate: false,
  directives: [cacheControlDirective],
  // Federation directives (@key) are declared by the subgraph build, not here.
  skipCheck: true,
} satisfies BuildSchemaOptions;

/** The served schema: an Apollo Federation 2 subgraph (see federation/subgraph.schema.ts). */
export async function buildGraphSchema(): Promise<GraphQLSchema> {
  return resolveUrlFieldsDirectly(toSubgraphSchema(await buildSchema(schemaOptions)));
}
