/**
 * The last handlers of the app: unknown routes get a JSON 404, and an error no route handled gets
 * a JSON answer without a stack trace (Express's own handler prints stacks as HTML outside
 * production). Client errors (4xx raised by parsers) keep their status; anything else is a 500,
 * logged with the request id.
 */
import type { ErrorRequestHandler, RequestHandler } from "express";
import { ErrorCode } from "../error-codes.js";
import type { Logger } from "../observability/logger.js";
import { scrubUrl } from "../observability/logger.js";
import { sendError } from "./error.response.js";

export function notFoundHandler(): RequestHandler {
  return (_req, res) => {
    sendError(res, 404, ErrorCode.NOT_FOUND, "No such route.");
  };
}

export function lastResortErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const status = (error as { status?: unknown } | null)?.status;
    if (typeof status === "number" && status >= 400 && status < 500) {
      sendError(res, status, ErrorCode.BAD_REQUEST, "The request could not be read.");
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
    sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error.");
  };
}
