/**
 * An example "reviews" subgraph (the schedule team's second service): `Thumbnailable
 * @interfaceObject` adds `reviewState` to every Thumbnailable (Project, Shot, AssetVersion, User, ...)
 * without listing the implementations, which the thumbnail service owns. The interfaces that
 * implement Thumbnailable (Context, TypedContext) need the field as well, so they get the same.
 *
 * Why not in the schedule subgraph: federation forbids a subgraph that declares an interface as
 * @interfaceObject to define any of its implementations, and the schedule defines Task.
 */
import { buildSubgraphSchema } from "@apollo/subgraph";
import { type GraphQLSchema, parse } from "graphql";
import { CACHE_CONTROL_SDL } from "./cache-control.sdl.js";
import type { ScheduleStore } from "./schedule.store.js";

export const reviewTypeDefs = parse(/* GraphQL */ `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@interfaceObject", "@shareable"])

  ${CACHE_CONTROL_SDL}

  "Any Thumbnailable of the thumbnail service, seen from reviews."
  type Thumbnailable @key(fields: "id") @interfaceObject @cacheControl(maxAge: 30) {
    id: ID!
    "Where the entity's latest look stands in review."
    reviewState: ReviewState! @shareable
  }

  # Context and TypedContext are interfaces that implement Thumbnailable: composition wants the
  # field on them too, so they are extended the same way (they are entity interfaces as well).
  # A Task then gets reviewState through three interfaces of this one subgraph: @shareable says
  # that is the same field.
  "Any Context (a project or an object under one), seen from reviews."
  type Context @key(fields: "id") @interfaceObject @cacheControl(maxAge: 30) {
    id: ID!
    reviewState: ReviewState! @shareable
  }

  "Any TypedContext (an object under a project), seen from reviews."
  type TypedContext @key(fields: "id") @interfaceObject @cacheControl(maxAge: 30) {
    id: ID!
    reviewState: ReviewState! @shareable
  }

  enum ReviewState {
    NOT_REVIEWED
    NEEDS_CHANGES
    APPROVED
  }

  type Query {
    "Ids of entities with a given review state (resolve them through the gateway)."
    reviewed(state: ReviewState!): [Thumbnailable!]!
  }
`);

export function buildReviewSchema(store: ScheduleStore): GraphQLSchema {
  const entity = (id: string) => ({ id, reviewState: store.reviewState(id) });
  return buildSubgraphSchema({
    typeDefs: reviewTypeDefs,
    resolvers: {
      Query: {
        reviewed: (_root: unknown, args: { state: string }) => store.withReviewState(args.state).map(entity),
      },
      Thumbnailable: { __resolveReference: (reference: { id: string }) => entity(reference.id) },
      Context: { __resolveReference: (reference: { id: string }) => entity(reference.id) },
      TypedContext: { __resolveReference: (reference: { id: string }) => entity(reference.id) },
    },
  });
}
