/**
 * Everything that bounds what one request to /graphql may ask, assembled from the config for
 * app.ts: Apollo options and plugin, Express middleware around the body parsers, the error handler
 * of the JSON parser. See the README's "Limits" section for the codes.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import type { ErrorRequestHandler, RequestHandler } from "express";
import type { GraphqlLimitsConfig } from "../../config.js";
import { queryLimitsPlugin } from "./limits.plugin.js";
import {
  checkPersistedQueryExtension,
  loadManifest,
  manifestCache,
  type PersistedOperations,
  requirePersistedOperations,
} from "./persisted-operations.js";
import {
  jsonBodyErrorHandler,
  requestShapeLimits,
  requireGraphqlContentType,
} from "./request-body.middleware.js";

export interface GraphqlLimits<T extends object> {
  /** Spread into the ApolloServer options. */
  apollo: {
    parseOptions: { maxTokens: number };
    allowBatchedHttpRequests: boolean;
    persistedQueries?: { cache: KeyValueCache<string>; ttl: number | null };
  };
  plugin: ApolloServerPlugin<T>;
  /** Before the body parsers. */
  beforeBody: RequestHandler[];
  /** After the body parsers, before Apollo. */
  afterBody: RequestHandler[];
  /** Error handler for the JSON body parser's errors, right after Apollo's middleware. */
  bodyErrors: ErrorRequestHandler;
  /** PERSISTED_QUERIES_ONLY: the only operations that may run (the subscription transports check it too). */
  persisted?: PersistedOperations;
}

/** How long a query registered through APQ stays in a shared cache. */
const SHARED_APQ_TTL_SECONDS = 24 * 3600;

/** `sharedApqCache`: APQ's cache shared by the replicas (Redis), unless a manifest is the cache. */
export function graphqlLimits<T extends object>(
  limits: GraphqlLimitsConfig,
  sharedApqCache?: KeyValueCache<string>,
): GraphqlLimits<T> {
  const manifest =
    limits.persistedQueriesOnly && limits.persistedQueriesManifest
      ? loadManifest(limits.persistedQueriesManifest)
      : undefined;
  return {
    apollo: {
      parseOptions: { maxTokens: limits.maxTokens },
      allowBatchedHttpRequests: limits.maxOperations > 1,
      // Default (no manifest, no Redis): Apollo's APQ on its bounded in-memory cache.
      ...(manifest
        ? { persistedQueries: { cache: manifestCache(manifest), ttl: null } }
        : sharedApqCache
          ? { persistedQueries: { cache: sharedApqCache, ttl: SHARED_APQ_TTL_SECONDS } }
          : {}),
    },
    plugin: queryLimitsPlugin<T>(limits),
    beforeBody: [requireGraphqlContentType()],
    afterBody: [
      requestShapeLimits(limits),
      checkPersistedQueryExtension(),
      ...(manifest ? [requirePersistedOperations(manifest)] : []),
    ],
    bodyErrors: jsonBodyErrorHandler(limits),
    persisted: manifest,
  };
}
