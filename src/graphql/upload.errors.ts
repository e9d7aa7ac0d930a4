/**
 * Express error handler for /graphql: graphql-upload refuses malformed multipart requests (and too
 * many files) before GraphQL runs; answer those in GraphQL's error shape with a stable code, not
 * Express's HTML page.
 */
import type { ErrorRequestHandler } from "express";
import { tooLargeError } from "../thumbnails/upload.reader.js";

export function multipartErrorHandler(maxBytes: number): ErrorRequestHandler {
  return (error, _req, res, next) => {
    const status = (error as { status?: unknown } | null)?.status;
    const exposed = (error as { expose?: unknown } | null)?.expose === true;
    if (typeof status !== "number" || status < 400 || status >= 500 || !exposed || res.headersSent) {
      return next(error);
    }
    const message = String((error as Error).message);
    const body = /byte size limit/.test(message)
      ? { message: tooLargeError(maxBytes).message, extensions: { code: "THUMBNAIL_TOO_LARGE", maxBytes } }
      : {
          message: `${message} Send a GraphQL multipart request (operations, map, one file).`,
          extensions: { code: "BAD_REQUEST" },
        };
    res.status(status).json({ errors: [body] });
  };
}
