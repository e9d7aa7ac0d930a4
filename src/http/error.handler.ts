/**
 * The last handlers of the app: unknown routes get a JSON 404, and an error no route handled gets
 * a JSON answer without a stack trace (Express's own handler prints stacks as HTML outside
 * production). Client errors (4xx raised by parsers) keep their status; anything else is a 500,
 * logged with the request id.
 */
import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "../observability/logger.js";
import { scrubUrl } from "../observability/logger.js";

export function notFoundHandler(): RequestHandler {
  return (_req, res) => {
    res.status(404).json({ code: "NOT_FOUND", message: "No such route." });
  };
}

export function lastResortErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const status = (error as { status?: unknown } | null)?.status;
    if (typeof status === "number" && status >= 400 && status < 500) {
      res.status(status).json({ code: "BAD_REQUEST", message: "The request could not be read." });
      return;
    }
    logger.error(
      {
        method: req.method,
        url: scrubUrl(req.originalUrl),
        err: { type: (error as Error)?.name ?? typeof error },
      },
      "unhandled error",
    );
    res.status(500).json({ code: "INTERNAL_SERVER_ERROR", message: "Internal server error." });
  };
}
