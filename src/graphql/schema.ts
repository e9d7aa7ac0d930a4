/** Builds the executable GraphQL schema from the type-graphql classes. */
import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
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

/** The served schema: an Apollo Federation 2 subgraph (see federation/subgraph.schema.ts). */
export async function buildGraphSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    orphanedTypes: [CustomContext],
    validate: false,
    directives: [cacheControlDirective],
    // Federation directives (@key) are declared by the subgraph build, not here.
    skipCheck: true,
  });
  return resolveUrlFieldsDirectly(toSubgraphSchema(schema));
}
