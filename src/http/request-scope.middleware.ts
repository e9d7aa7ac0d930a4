/**
 * Every request gets an id (the caller's x-request-id when it is safe to echo, else a new one),
 * sent back in x-request-id, logged once when the answer is finished, and carried by every log line
 * written while serving it (see observability/request-scope.ts). With tracing on, it also gets a
 * server span continuing the caller's `traceparent`, whose trace id its log lines carry.
 */
import { randomUUID } from "node:crypto";
import type { Request, RequestHandler } from "express";
import { type Logger, scrubUrl } from "../observability/logger.js";
import { type RequestScope, runInRequestScope } from "../observability/request-scope.js";
import { startRequestSpan } from "../observability/tracing.js";

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

function requestIdOf(req: Request): string {
  const given = req.get("x-request-id");
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

/** The route that answered, for the span's name (low cardinality: no ids); undefined when none did. */
function routeOf(req: Request): string | undefined {
  return req.baseUrl + (req.route?.path ?? "") || undefined;
}

/** Gives the request its id and scope, and logs it when it finishes. */
export function requestScope(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const requestId = requestIdOf(req);
    res.locals.requestId = requestId;
    res.setHeader("x-request-id", requestId);
    const span = startRequestSpan(req.method, req.path, req.headers);
    const scope: RequestScope = span
      ? { requestId, traceId: span.traceId, trace: span.context }
      : { requestId };
    res.locals.requestScope = scope;
    if (span)
      res.once("close", () => span.end(res.writableFinished ? res.statusCode : undefined, routeOf(req)));
    const started = performance.now();
    res.on("finish", () => {
      logger.info(
        {
          requestId,
          traceId: scope.traceId,
          method: req.method,
          url: scrubUrl(req.originalUrl),
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
        },
        "request",
      );
    });
    runInRequestScope(scope, next);
  };
}

/**
 * Body parsers call `next` from stream events, which leave the scope: this, after them, puts the
 * request back in it.
 */
export function reenterRequestScope(): RequestHandler {
  return (_req, res, next) => {
    const scope = res.locals.requestScope as RequestScope | undefined;
    if (!scope) return next();
    runInRequestScope(scope, next);
  };
}
