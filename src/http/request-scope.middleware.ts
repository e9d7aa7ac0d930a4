/**
 * Runs the rest of a request inside its request scope (see observability/request-scope.ts), so
 * every log line carries the request id. Body parsers call `next` from stream events, which leave
 * the scope: `reenterRequestScope()` after them puts the request back in it.
 */
import type { RequestHandler } from "express";
import { runInRequestScope } from "../observability/request-scope.js";

export function reenterRequestScope(): RequestHandler {
  return (_req, res, next) => {
    const requestId = res.locals.requestId;
    if (typeof requestId !== "string") return next();
    runInRequestScope({ requestId }, next);
  };
}
