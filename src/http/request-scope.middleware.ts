/**
 * Every request gets an id (the caller's x-request-id when it is safe to echo, else a new one),
 * sent back in x-request-id, logged once when the answer is finished, and carried by every log line
 * written while serving it (see observability/request-scope.ts). With tracing on, it also gets a
 * server span continuing the caller's `traceparent`, whose trace id its log lines carry.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Request, RequestHandler } from "express";
import { type Logger, scrubUrl } from "../observability/logger.js";
import {
  type RequestLogFields,
  type RequestScope,
  runInRequestScope,
} from "../observability/request-scope.js";
import { startRequestSpan } from "../observability/tracing.js";

/** A caller's request id this service keeps (nginx in front of the cluster uses the same pattern). */
export const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export const REQUEST_ID_HEADER = "x-request-id";

/** The caller's x-request-id when it is a plain token, else a new UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * Logs the request once its answer is finished (`url`: as received, before any router rewrote it).
 * Nothing is registered when info lines are off.
 */
export function logWhenFinished(
  logger: Logger,
  req: IncomingMessage,
  res: ServerResponse,
  { requestId, traceId }: RequestLogFields,
  url = req.url ?? "",
): void {
  if (!logger.isLevelEnabled("info")) return;
  const started = performance.now();
  res.once("finish", () => {
    logger.info(
      {
        requestId,
        traceId,
        method: req.method,
        url: scrubUrl(url),
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      },
      "request",
    );
  });
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
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const span = startRequestSpan(req.method, req.path, req.headers);
    const scope: RequestScope = span
      ? { requestId, traceId: span.traceId, trace: span.context }
      : { requestId };
    res.locals.requestScope = scope;
    span?.endWhenClosed(res, () => routeOf(req));
    logWhenFinished(logger, req, res, scope, req.originalUrl);
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
