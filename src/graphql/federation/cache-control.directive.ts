/**
 * Apollo's `@cacheControl` directive, declared in the schema so Apollo Server's cache-control plugin
 * (and a subgraph's `_entities`) read the hints, and gateways get a `Cache-Control` header to combine.
 *
 * Policy: entity data may be shared (PUBLIC) for a minute; thumbnail URLs are bearer links, so any
 * response carrying one is PRIVATE, and it must be dropped well before the URL expires
 * (THUMBNAIL_URL_TTL_SECONDS, default 3600; keep it above URL_MAX_AGE_SECONDS).
 */
import { DirectiveLocation, GraphQLBoolean, GraphQLDirective, GraphQLEnumType, GraphQLInt } from "graphql";

export const ENTITY_MAX_AGE_SECONDS = 60;
export const URL_MAX_AGE_SECONDS = 300;

/** On entity types and interfaces: cacheable for a minute. */
export const ENTITY_CACHE_HINT = `@cacheControl(maxAge: ${ENTITY_MAX_AGE_SECONDS})`;
/** On fields returning signed thumbnail URLs. */
export const PRIVATE_URL_CACHE_HINT = `@cacheControl(maxAge: ${URL_MAX_AGE_SECONDS}, scope: PRIVATE)`;
/** On helper types (PageInfo): as cacheable as the field that returns them. */
export const INHERIT_CACHE_HINT = "@cacheControl(inheritMaxAge: true)";

export const CacheControlScope = new GraphQLEnumType({
  name: "CacheControlScope",
  values: { PUBLIC: {}, PRIVATE: {} },
});

export const cacheControlDirective = new GraphQLDirective({
  name: "cacheControl",
  locations: [
    DirectiveLocation.FIELD_DEFINITION,
    DirectiveLocation.OBJECT,
    DirectiveLocation.INTERFACE,
    DirectiveLocation.UNION,
  ],
  args: {
    maxAge: { type: GraphQLInt },
    scope: { type: CacheControlScope },
    inheritMaxAge: { type: GraphQLBoolean },
  },
});
