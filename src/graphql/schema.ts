/** Builds the executable GraphQL schema from the type-graphql classes. */
import type { GraphQLSchema } from "graphql";
import { type BuildSchemaOptions, buildSchema, type PubSub } from "type-graphql";
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
import { ThumbnailSubscriptionResolver } from "./resolvers/thumbnail.subscription.resolver.js";
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
  ThumbnailSubscriptionResolver,
] as const;

/**
 * type-graphql builds no @Subscription without a PubSub, even when each subscription brings its own
 * stream (`subscribe`), as thumbnailChanged does (its stream is the domain's ThumbnailChangeFeed).
 * So it gets one that is never used.
 */
const noPubSub: PubSub = {
  publish() {
    throw new Error("No PubSub: subscriptions stream from their own `subscribe`.");
  },
  subscribe() {
    throw new Error("No PubSub: subscriptions stream from their own `subscribe`.");
  },
};

/**
 * type-graphql's options. No global middleware and no auth checker: direct-resolvers.ts calls some
 * resolvers without type-graphql's pipeline, which would skip them.
 */
export const schemaOptions = {
  resolvers,
  orphanedTypes: [CustomContext],
  validate: false,
  directives: [cacheControlDirective],
  pubSub: noPubSub,
  // Federation directives (@key) are declared by the subgraph build, not here.
  skipCheck: true,
} satisfies BuildSchemaOptions;

/** The served schema: an Apollo Federation 2 subgraph (see federation/subgraph.schema.ts). */
export async function buildGraphSchema(): Promise<GraphQLSchema> {
  return resolveUrlFieldsDirectly(toSubgraphSchema(await buildSchema(schemaOptions)));
}
