/**
 * The HTTP server's request listener. A thumbnail the cache holds is answered before Express: the
 * hottest route, where a hit should cost a signature check, a map lookup and a write. It gets what
 * the Express pipeline gives every answer (security headers, request id, CORS headers, the request
 * log line); anything the fast path does not answer (a miss, a refusal, another route) goes to Express.
 */
import type { RequestListener } from "node:http";
import type { Express } from "express";
import { THUMBNAIL_ROUTE, type ThumbnailDelivery } from "../delivery/thumbnail.route.js";
import type { Logger } from "../observability/logger.js";
import { startRequestSpan, tracingEnabled } from "../observability/tracing.js";
import type { CorsPolicy } from "./cors.middleware.js";
import { logWhenFinished, REQUEST_ID_HEADER, requestIdOf } from "./request-scope.middleware.js";
import type { HeaderList } from "./security.middleware.js";

export interface RequestListenerDeps {
  app: Express;
  thumbnails: ThumbnailDelivery;
  security: (path: string) => HeaderList;
  cors: CorsPolicy;
  logger: Logger;
}

export function createRequestListener({
  app,
  thumbnails,
  security,
  cors,
  logger,
}: RequestListenerDeps): RequestListener {
  return (req, res) => {
    const url = req.url ?? "";
    if ((req.method === "GET" || req.method === "HEAD") && url.startsWith("/thumbnails/")) {
      // Request id, headers, span and log line only once the answer is known to come from memory;
      // a miss goes to Express, whose request scope gives it all of them.
      const begin = () => {
        const requestId = requestIdOf(req);
        const span = tracingEnabled()
          ? startRequestSpan(req.method!, url.split("?", 1)[0]!, req.headers)
          : undefined;
        span?.endWhenClosed(res, () => THUMBNAIL_ROUTE);
        const logFields = { requestId, traceId: span?.traceId };
        logWhenFinished(logger, req, res, logFields);
        const headers = [...security(url), ...cors.headersFor(req.headers), REQUEST_ID_HEADER, requestId];
        return { headers, logFields };
      };
      if (thumbnails.serveFromMemory(req, res, begin)) return;
    }
    app(req, res);
  };
}
