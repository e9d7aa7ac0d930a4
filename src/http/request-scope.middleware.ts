/**
 * Every request gets an id (the caller's x-request-id when it is safe to echo, else a new one),
 * sent back in x-request-id, logged once when the answer is finished, and carried by every log line
 * written while serving it (see observability/request-scope.ts).
 */
import { randomUUID } from "node:crypto";
import type { Request, RequestHandler } from "express";
import { type Logger, scrubUrl } from "../observability/logger.js";
import { runInRequestScope } from "../observability/request-scope.js";

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

function requestIdOf(req: Request): string {
  const given = req.get("x-request-id");
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Gives the request its id and scope, and logs it when it finishes. */
export function requestScope(logger: Logger): RequestHandler {
  return (req, res, next) => {
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
    runInRequestScope({ requestId }, next);
  };
}

/**
 * Body parsers call `next` from stream events, which leave the scope: this, after them, puts the
 * request back in it.
 */
export function reenterRequestScope(): RequestHandler {
  return (_req, res, next) => {
    const requestId = res.locals.requestId;
    if (typeof requestId !== "string") return next();
    runInRequestScope({ requestId }, next);
  };
}
