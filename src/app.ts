/**
 * The HTTP app: /graphql (Apollo, multipart uploads, playground), the signed thumbnail route,
 * /healthz, /readyz and /metrics. It talks to ftrack only through the client it is given.
 */
import { randomUUID } from "node:crypto";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type Request } from "express";
import type { Server } from "node:http";
import type { Config } from "./config.js";
import { createThumbnailRouter } from "./delivery/thumbnail.route.js";
import type { FtrackClient } from "./ftrack/ftrack.client.js";
import { formatError } from "./graphql/errors.js";
import type { GraphContext } from "./graphql/request-context.js";
import { buildGraphSchema } from "./graphql/schema.js";
import type { Logger } from "./observability/logger.js";
import { scrubUrl } from "./observability/logger.js";
import { registry } from "./observability/metrics.js";
import { ThumbnailUrlSigner } from "./thumbnails/url-signer.js";

export interface AppDeps {
  config: Config;
  ftrack: FtrackClient;
  logger: Logger;
  /** The HTTP server the app will listen on, so Apollo can drain it on stop. */
  httpServer: Server;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

function requestIdOf(req: Request): string {
  const given = req.get("x-request-id");
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

export async function createApp({ config, ftrack, logger, httpServer }: AppDeps) {
  const signer = new ThumbnailUrlSigner(config.thumbnails, config.publicUrl);
  if (config.thumbnails.secretIsRandom) {
    logger.warn("THUMBNAIL_URL_SECRETS is not set: using a random key; thumbnail URLs break on restart");
  }

  const apollo = new ApolloServer<GraphContext>({
    schema: await buildGraphSchema(),
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: config.introspection,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();

  const app = express();
  app.disable("x-powered-by");

  app.use((req, res, next) => {
    const requestId = requestIdOf(req);
    res.locals.requestId = requestId;
    res.setHeader("x-request-id", requestId);
    const started = performance.now();
    res.on("finish", () => {
      logger.info(
        {
          requestId,
          method: req.method,
          url: scrubUrl(req.originalUrl),
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
        },
        "request",
      );
    });
    next();
  });

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });

  app.get("/readyz", async (_req, res) => {
    try {
      await ftrack.ping();
      res.json({ status: "ready" });
    } catch {
      res.status(503).json({ status: "unavailable", reason: "ftrack is not reachable" });
    }
  });

  app.get("/metrics", async (_req, res) => {
    res.setHeader("Content-Type", registry.contentType);
    res.send(await registry.metrics());
  });

  app.use(
    createThumbnailRouter({
      signer,
      config: config.thumbnails,
      logger,
      source: (componentId, size, signal) => ftrack.service.fetchThumbnail(componentId, size, signal),
    }),
  );

  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, {
      context: async ({ res }) => ({
        requestId: res.locals.requestId as string,
        ftrack: ftrack.sessionFor(ftrack.serviceIdentity, { batching: config.ftrack.batching }),
        urls: signer,
      }),
    }),
  );

  return { app, apollo, signer };
}
