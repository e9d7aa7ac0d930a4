/**
 * The HTTP app: /graphql (Apollo, multipart uploads, playground), subscriptions (WebSocket upgrades
 * of /graphql, server-sent events at /graphql/stream), the signed thumbnail route, the two-step
 * upload's PUT route, /healthz, /readyz, /metrics and the thumbnail browser at /. It talks to ftrack
 * only through the clients it is given.
 */
import { randomUUID } from "node:crypto";
import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type RequestHandler } from "express";
import { authenticate, createCredentialExpiry, createIdentityResolver, identityOf } from "./auth/index.js";
import type { Config } from "./config.js";
import { ThumbnailCache } from "./delivery/thumbnail.cache.js";
import { RedisThumbnailTier } from "./delivery/thumbnail.redis-tier.js";
import { createThumbnailProbe, ThumbnailDelivery, type ThumbnailSource } from "./delivery/thumbnail.route.js";
import { createThumbnailUploadRouter } from "./delivery/thumbnail-upload.route.js";
import { checkFtrackConnection } from "./ftrack/connection.check.js";
import type { EventHubClient } from "./ftrack/event-hub.client.js";
import type { FtrackClient } from "./ftrack/ftrack.client.js";
import type { FtrackIdentity } from "./ftrack/ftrack.types.js";
import { errorStatusPlugin, formatError } from "./graphql/errors.js";
import { cachePolicyPlugin } from "./graphql/federation/cache-policy.plugin.js";
import { inlineTracePlugins } from "./graphql/federation/inline-trace.plugin.js";
import { jitGateway } from "./graphql/jit.executor.js";
import { graphqlLimits } from "./graphql/limits/index.js";
import { operationSpanPlugin } from "./graphql/operation-span.plugin.js";
import { sharedPersistedQueryCache } from "./graphql/persisted-queries.cache.js";
import { createPlaygroundRouter, PLAYGROUND_ASSETS_PATH } from "./graphql/playground.js";
import type { GraphContext } from "./graphql/request-context.js";
import { buildGraphSchema } from "./graphql/schema.js";
import { subscriptionsElsewherePlugin } from "./graphql/subscriptions/http-subscriptions.plugin.js";
import { createSseRouter } from "./graphql/subscriptions/sse.route.js";
import { createSubscriptionPreparer } from "./graphql/subscriptions/subscription.operation.js";
import { createWebSocketSubscriptions } from "./graphql/subscriptions/websocket.server.js";
import { multipartErrorHandler, multipartUploads } from "./graphql/upload/multipart.middleware.js";
import { corsPolicy, originAllowed } from "./http/cors.middleware.js";
import { lastResortErrorHandler, notFoundHandler } from "./http/error.handler.js";
import { hangUpSignal } from "./http/hang-up.signal.js";
import { createOpsRouter, loggedFtrackCheck } from "./http/ops.route.js";
import { createRequestListener } from "./http/request.listener.js";
import { reenterRequestScope, requestScope } from "./http/request-scope.middleware.js";
import { securityHeaderLists, securityHeaders } from "./http/security.middleware.js";
import { createWebRouter, WEB_DIST_DIR } from "./http/web.route.js";
import type { Logger } from "./observability/logger.js";
import type { RedisConnection } from "./redis/redis.connection.js";
import { MemoryPendingUploadStore } from "./thumbnails/pending-upload.memory-store.js";
import { RedisPendingUploadStore } from "./thumbnails/pending-upload.redis-store.js";
import { SrcsetBuilder } from "./thumbnails/srcset.builder.js";
import { ThumbnailService } from "./thumbnails/thumbnail.service.js";
import { ThumbnailChangeFeed } from "./thumbnails/thumbnail-change.feed.js";
import { ThumbnailDimensions } from "./thumbnails/thumbnail-dimensions.memo.js";
import { redisDimensions } from "./thumbnails/thumbnail-dimensions.redis.js";
import { ThumbnailUploadFlow } from "./thumbnails/thumbnail-upload.flow.js";
import { UploadUrlSigner } from "./thumbnails/upload-url.signer.js";
import { ThumbnailUrlSigner } from "./thumbnails/url-signer.js";

export interface AppDeps {
  config: Config;
  ftrack: FtrackClient;
  logger: Logger;
  /** This replica's listener on ftrack's event hub (as the service user): feeds the subscriptions. */
  eventHub: EventHubClient;
  /** With REDIS_URL: state shared by the replicas (thumbnails, srcset sizes, persisted queries). */
  redis?: RedisConnection;
  /** True once the service is stopping: /readyz answers not ready. */
  stopping: () => boolean;
}

const GRAPHQL_PATH = "/graphql";
const SSE_PATH = "/graphql/stream";

/** Beyond FTRACK_TIMEOUT_MS (a holder's fetch), how long a thumbnail miss may wait for other replicas. */
const THUMBNAIL_WAIT_MARGIN_MS = 2000;

export async function createApp({ config, ftrack, logger, eventHub, redis, stopping }: AppDeps) {
  const signer = new ThumbnailUrlSigner(config.thumbnails, config.publicUrl);
  if (config.thumbnails.secretIsRandom) {
    logger.warn("THUMBNAIL_URL_SECRETS is not set: using a random key; thumbnail URLs break on restart");
  }

  // The delivery cache is shared by the thumbnail route and the srcset probe, which warms it.
  const sharedTier =
    redis &&
    new RedisThumbnailTier({
      redis,
      ttlSeconds: redis.config.thumbnailTtlSeconds,
      maxWaitMs: config.ftrack.timeoutMs + THUMBNAIL_WAIT_MARGIN_MS,
    });
  const cache = new ThumbnailCache(config.thumbnails.cacheBytes, sharedTier);
  const source: ThumbnailSource = (componentId, size) => ftrack.fetchThumbnail(componentId, size);
  const dimensions = new ThumbnailDimensions(
    createThumbnailProbe({ cache, source, config: config.thumbnails }),
    { shared: redis && redisDimensions(redis, redis.config.thumbnailTtlSeconds) },
  );
  const srcsets = new SrcsetBuilder(signer, dimensions);

  const thumbnails = new ThumbnailService({
    limits: config.upload,
    logger,
    // The caller's identity without the caller's abort signal: a client hanging up stops its upload,
    // not the cleanup of what the upload had created.
    cleanupSession: (session) => ftrack.sessionFor(session.identity),
  });

  // Every subscriber of this replica; each hub event only cues a re-read as each subscriber.
  const liveThumbnails = new ThumbnailChangeFeed({
    source: eventHub,
    sessionFor: (identity) => ftrack.sessionFor(identity),
    logger,
  });

  // Two-step uploads: pending ones in Redis when there is one (any replica takes the PUT and the
  // completion), else, and while Redis is away, in this replica's memory (see the README).
  const pendingUploads = new MemoryPendingUploadStore();
  const uploads = new ThumbnailUploadFlow({
    limits: config.upload,
    store: redis ? new RedisPendingUploadStore(redis, pendingUploads) : pendingUploads,
    signer: new UploadUrlSigner(config.thumbnails.secrets, config.publicUrl),
    thumbnails,
  });

  // Run once at start (by the service) and on every /readyz; a change of outcome is logged.
  const checkFtrack = loggedFtrackCheck(() => checkFtrackConnection(ftrack), logger);

  const persistedQueries = redis && sharedPersistedQueryCache(redis);
  const limits = graphqlLimits<GraphContext>(config.limits, persistedQueries);
  const schema = await buildGraphSchema();
  const apollo = new ApolloServer<GraphContext>({
    // Inline traces need every field reported to plugins, which only graphql-js's executor does.
    ...(config.executor === "jit" && !config.inlineTrace.secret
      ? { gateway: jitGateway(schema) }
      : { schema }),
    ...limits.apollo,
    logger,
    formatError,
    includeStacktraceInErrorResponses: false,
    // Apollo's default appends "\n", which makes a joined string that Node copies whole into a new
    // flat one before writing it: 1 to 1.5 ms of a 200-task answer's 7 to 10 (npm run bench's (c)).
    stringifyResult: (result) => JSON.stringify(result),
    // main.ts owns SIGTERM and SIGINT: Apollo's own handlers would stop only Apollo, then re-raise.
    stopOnTerminationSignals: false,
    introspection: config.introspection,
    // Our own offline playground replaces Apollo's landing page, which loads from a CDN.
    plugins: [
      operationSpanPlugin<GraphContext>(),
      ApolloServerPluginLandingPageDisabled(),
      ...inlineTracePlugins<GraphContext>(config.inlineTrace),
      // Apollo's own hooks every resolved field; ours computes the same policy once per operation.
      ApolloServerPluginCacheControlDisabled(),
      subscriptionsElsewherePlugin(),
      limits.plugin,
      // After the limits: the selection it walks is bounded by then.
      cachePolicyPlugin<GraphContext>(),
      errorStatusPlugin(logger),
    ],
  });
  await apollo.start();

  const security = { publicUrl: config.publicUrl, playgroundAssetsPath: PLAYGROUND_ASSETS_PATH };
  const cors = corsPolicy(config.corsOrigins, logger);
  const delivery = new ThumbnailDelivery({
    signer,
    config: config.thumbnails,
    logger,
    cache,
    source,
    dimensions,
  });

  // Who a request acts as (AUTH_MODE); 401 before any body is read or ftrack is asked for data.
  // What every GraphQL context carries besides its caller's session.
  const services = { urls: signer, srcsets, thumbnails, liveThumbnails, uploads };
  const resolveIdentity = createIdentityResolver({ auth: config.auth, ftrack });
  const authenticateRequest = authenticate({ auth: config.auth, ftrack }, resolveIdentity);
  const graphqlChain = [
    authenticateRequest,
    ...limits.beforeBody,
    multipartUploads({ maxFileBytes: config.upload.maxBytes, maxFieldBytes: config.limits.maxBodyBytes }),
    express.json({ limit: config.limits.maxBodyBytes }),
    reenterRequestScope(),
    ...limits.afterBody,
    expressMiddleware(apollo, {
      context: async ({ res }) => ({
        requestId: res.locals.requestId as string,
        // A client hanging up aborts its ftrack reads and writes; an upload's cleanup still runs.
        ftrack: ftrack.sessionFor(identityOf(res), { signal: hangUpSignal(res) }),
        ...services,
      }),
    }),
    limits.bodyErrors,
    multipartErrorHandler({ maxFieldBytes: config.limits.maxBodyBytes }),
  ];

  const app = express();
  app.disable("x-powered-by");
  app.use(securityHeaders(security));
  app.use(requestScope(logger));
  app.use(cors.middleware);

  // GraphQL's POSTs first: no route below answers a POST to /graphql, so they need not be asked.
  // Their answers get no ETag: a POST's answer is never revalidated, and Express would hash every
  // answer's whole body for one (GET's answers keep theirs). Express reads its settings from
  // `res.app`, so a POST's response reads them from an app with ETags off. Mounting that app instead
  // would run a second Express pipeline on every POST: 7% of `{ __typename }`'s rate.
  const noEtag = express().disable("etag");
  const withoutEtag: RequestHandler = (_req, res, next) => {
    res.app = noEtag;
    next();
  };
  app.post(GRAPHQL_PATH, withoutEtag, ...graphqlChain);
  app.use(
    createOpsRouter({
      checkFtrack,
      eventHubState: () => eventHub.state,
      redisHealth: redis?.health,
      stopping,
    }),
  );
  app.use(delivery.router());
  app.use(createThumbnailUploadRouter({ uploads, logger }));
  if (config.playground) app.use(createPlaygroundRouter({ endpointPath: GRAPHQL_PATH }));

  // Subscriptions: a context per operation, acting as the subscriber; the feed is shared.
  const subscriptionContext = (identity: FtrackIdentity, credentialsExpireAt?: number): GraphContext => ({
    requestId: randomUUID(),
    credentialsExpireAt,
    ftrack: ftrack.sessionFor(identity),
    ...services,
  });
  const credentialExpiry = createCredentialExpiry(config.auth);
  const prepareSubscription = createSubscriptionPreparer({
    schema,
    limits: config.limits,
    persisted: limits.persisted,
  });
  app.use(
    createSseRouter({
      path: SSE_PATH,
      authenticate: authenticateRequest,
      limits,
      maxBodyBytes: config.limits.maxBodyBytes,
      prepare: prepareSubscription,
      contextFor: subscriptionContext,
      credentialExpiry,
      logger,
    }),
  );
  const webSockets = createWebSocketSubscriptions({
    path: GRAPHQL_PATH,
    prepare: prepareSubscription,
    resolveIdentity,
    credentialExpiry,
    contextFor: subscriptionContext,
    originAllowed: (req) => originAllowed(config.corsOrigins, req.headers),
    maxPayloadBytes: config.limits.maxBodyBytes,
    logger,
  });

  app.use(GRAPHQL_PATH, ...graphqlChain);
  if (config.webUi) {
    app.use(createWebRouter({ root: WEB_DIST_DIR, publicUrl: config.publicUrl, authMode: config.auth.mode }));
  }
  app.use(notFoundHandler());
  app.use(lastResortErrorHandler(logger));

  return {
    app,
    // Cached thumbnails are answered before Express, with the same headers (see request.listener.ts).
    requestListener: createRequestListener({
      app,
      thumbnails: delivery,
      security: securityHeaderLists(security),
      cors,
      logger,
    }),
    checkFtrack,
    /** Stops Apollo (the HTTP server is drained before), then the persisted queries' Redis connection. */
    async stop() {
      await apollo.stop();
      await persistedQueries?.close();
    },
    /** The HTTP server's `upgrade` listener (WebSocket subscriptions). */
    upgrade: webSockets.upgrade,
    /** Ends every subscription (their streams complete) and closes the WebSocket connections. */
    async closeSubscriptions() {
      liveThumbnails.close();
      await webSockets.close();
    },
  };
}
