/**
 * Apollo's `@cacheControl` directive, declared in the schema so Apollo Server's cache-control plugin
 * (and a subgraph's `_entities`) read the hints, and gateways get a `Cache-Control` header to combine.
 *
 * Policy: everything is PRIVATE, because what a response holds depends on who asks (each request
 * acts as its caller's ftrack user, and ftrack's permissions filter what they see); shared caches
 * must not serve one caller's answer to another. Entity data is good for a minute. Thumbnail URLs are
 * bearer links that expire: a response carrying one must be dropped well before its URLs do
 * (THUMBNAIL_URL_TTL_SECONDS, default 3600, is at least URL_MAX_AGE_SECONDS: see config.ts).
 * Mutations are never cached. cache-policy.plugin.ts turns the hints into the header.
 */
import { DirectiveLocation, GraphQLBoolean, GraphQLDirective, GraphQLEnumType, GraphQLInt } from "graphql";

const ENTITY_MAX_AGE_SECONDS = 60;
const URL_MAX_AGE_SECONDS = 300;

/** On entity types and interfaces: cacheable by the caller for a minute. */
export const ENTITY_CACHE_HINT = `@cacheControl(maxAge: ${ENTITY_MAX_AGE_SECONDS}, scope: PRIVATE)`;
/** On fields returning signed thumbnail URLs. */
export const PRIVATE_URL_CACHE_HINT = `@cacheControl(maxAge: ${URL_MAX_AGE_SECONDS}, scope: PRIVATE)`;
/** On helper types (PageInfo): as cacheable as the field that returns them. */
export const INHERIT_CACHE_HINT = "@cacheControl(inheritMaxAge: true)";

const CacheControlScope = new GraphQLEnumType({
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
