/**
 * Express error handler for /graphql: graphql-upload refuses malformed multipart requests (and too
 * many files) before GraphQL runs; answer those in GraphQL's error shape with a stable code, not
 * Express's HTML page.
 */
import type { ErrorRequestHandler } from "express";
import { tooLargeError } from "../thumbnails/upload.reader.js";
import { errorBody, isExposedClientError } from "./errors.js";

export function multipartErrorHandler(maxBytes: number): ErrorRequestHandler {
  return (error, _req, res, next) => {
    if (!isExposedClientError(error) || res.headersSent) return next(error);
    const body = /byte size limit/.test(error.message)
      ? errorBody("THUMBNAIL_TOO_LARGE", tooLargeError(maxBytes).message, { maxBytes })
      : errorBody(
          "BAD_REQUEST",
          `${error.message} Send a GraphQL multipart request (operations, map, one file).`,
        );
    res.status(error.status).json(body);
  };
}
