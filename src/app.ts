/**
 * The HTTP app: /graphql (Apollo, multipart uploads, playground), the signed thumbnail route,
 * /healthz, /readyz, /metrics and the thumbnail browser at /. It talks to ftrack only through the client it is given.
 */
import type { Server } from "node:http";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { authenticate, identityOf } from "./auth/index.js";
import type { Config } from "./config.js";
import { ThumbnailCache } from "./delivery/thumbnail.cache.js";
import {
  createThumbnailProbe,
  createThumbnailRouter,
  type ThumbnailSource,
} from "./delivery/thumbnail.route.js";
import { checkFtrackConnection } from "./ftrack/connection.check.js";
import type { FtrackClient } from "./ftrack/ftrack.client.js";
import { errorStatusPlugin, formatError } from "./graphql/errors.js";
import { noStoreForMutations } from "./graphql/federation/cache-control.directive.js";
import { inlineTracePlugins } from "./graphql/federation/inline-trace.plugin.js";
import { graphqlLimits } from "./graphql/limits/index.js";
import { createPlaygroundRouter, PLAYGROUND_ASSETS_PATH } from "./graphql/playground.js";
import type { GraphContext } from "./graphql/request-context.js";
import { buildGraphSchema } from "./graphql/schema.js";
import { multipartErrorHandler, multipartUploads } from "./graphql/upload/multipart.middleware.js";
import { corsAllowList } from "./http/cors.middleware.js";
import { lastResortErrorHandler, notFoundHandler } from "./http/error.handler.js";
import { hangUpSignal } from "./http/hang-up.signal.js";
import { createOpsRouter, loggedFtrackCheck } from "./http/ops.route.js";
import { reenterRequestScope, requestScope } from "./http/request-scope.middleware.js";
import { securityHeaders } from "./http/security.middleware.js";
import { createWebRouter, WEB_DIST_DIR } from "./http/web.route.js";
import type { Logger } from "./observability/logger.js";
import { SrcsetBuilder } from "./thumbnails/srcset.builder.js";
import { ThumbnailService } from "./thumbnails/thumbnail.service.js";
import { ThumbnailDimensions } from "./thumbnails/thumbnail-dimensions.memo.js";
import { ThumbnailUrlSigner } from "./thumbnails/url-signer.js";

export interface AppDeps {
  config: Config;
  ftrack: FtrackClient;
  logger: Logger;
  /** The HTTP server the app will listen on, so Apollo can drain it on stop. */
  httpServer: Server;
}

export async function createApp({ config, ftrack, logger, httpServer }: AppDeps) {
  const signer = new ThumbnailUrlSigner(config.thumbnails, config.publicUrl);
  if (config.thumbnails.secretIsRandom) {
    logger.warn("THUMBNAIL_URL_SECRETS is not set: using a random key; thumbnail URLs break on restart");
  }

  // The delivery cache is shared by the thumbnail route and the srcset probe, which warms it.
  const cache = new ThumbnailCache(config.thumbnails.cacheBytes);
  const source: ThumbnailSource = (componentId, size) => ftrack.fetchThumbnail(componentId, size);
  const dimensions = new ThumbnailDimensions(
    createThumbnailProbe({ cache, source, config: config.thumbnails }),
  );
  const srcsets = new SrcsetBuilder(signer, dimensions);

  const thumbnails = new ThumbnailService({
    limits: config.upload,
    logger,
    // The caller's identity without the caller's abort signal: a client hanging up stops its upload,
    // not the cleanup of what the upload had created.
    cleanupSession: (session) => ftrack.sessionFor(session.identity),
  });

  // Run once at start (by the service) and on every /readyz; a change of outcome is logged.
  const checkFtrack = loggedFtrackCheck(() => checkFtrackConnection(ftrack), logger);

  const limits = graphqlLimits<GraphContext>(config.limits);
  const apollo = new ApolloServer<GraphContext>({
    schema: await buildGraphSchema(),
    ...limits.apollo,
    logger,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: config.introspection,
    // Our own offline playground replaces Apollo's landing page, which loads from a CDN.
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ...inlineTracePlugins<GraphContext>(config.inlineTrace),
      limits.plugin,
      errorStatusPlugin(logger),
      noStoreForMutations(),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable("x-powered-by");
  app.use(securityHeaders({ publicUrl: config.publicUrl, playgroundAssetsPath: PLAYGROUND_ASSETS_PATH }));
  app.use(requestScope(logger));
  app.use(corsAllowList(config.corsOrigins, logger));

  app.use(createOpsRouter({ checkFtrack }));
  app.use(createThumbnailRouter({ signer, config: config.thumbnails, logger, cache, source, dimensions }));
  if (config.playground) app.use(createPlaygroundRouter({ endpointPath: "/graphql" }));

  app.use(
    "/graphql",
    // Who the request acts as (AUTH_MODE); 401 before any body is read or ftrack is asked for data.
    authenticate({ auth: config.auth, ftrack }),
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
        urls: signer,
        srcsets,
        thumbnails,
      }),
    }),
    limits.bodyErrors,
    multipartErrorHandler({ maxFieldBytes: config.limits.maxBodyBytes }),
  );
  if (config.webUi) {
    app.use(createWebRouter({ root: WEB_DIST_DIR, publicUrl: config.publicUrl, authMode: config.auth.mode }));
  }
  app.use(notFoundHandler());
  app.use(lastResortErrorHandler(logger));

  return { app, apollo, checkFtrack };
}
