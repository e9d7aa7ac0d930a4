/**
 * GraphQL multipart requests (uploads) on /graphql: graphql-upload parses them into `Upload`
 * variables, and its refusals of a malformed request are answered here, in GraphQL's error shape
 * with a stable code, not as Express's HTML page. Errors of the file itself (over the byte limit,
 * cut off) reach the resolver instead: see upload.stream.ts.
 */
import type { ErrorRequestHandler, RequestHandler } from "express";
import graphqlUploadExpress from "graphql-upload/graphqlUploadExpress.mjs";
import { ErrorCode } from "../../error-codes.js";
import { sendGraphqlError } from "../../http/error.response.js";

export interface MultipartLimits {
  /** UPLOAD_MAX_BYTES: graphql-upload stops the file there, so nothing larger is ever buffered. */
  maxFileBytes: number;
  /** GRAPHQL_MAX_BODY_BYTES: each of the other fields (operations, map). */
  maxFieldBytes: number;
}

/** One file per request. CSRF: Apollo still requires a preflight header on these requests. */
export function multipartUploads(limits: MultipartLimits): RequestHandler {
  const uploads = graphqlUploadExpress({
    maxFileSize: limits.maxFileBytes,
    maxFiles: 1,
    maxFieldSize: limits.maxFieldBytes,
  });
  // graphql-upload parses the content type of every request to find the multipart ones; a JSON
  // request (nearly all of them) is told apart by its first bytes.
  return (req, res, next) => {
    const type = req.headers["content-type"];
    if (typeof type === "string" && !/^\s*multipart\//i.test(type)) return next();
    return uploads(req, res, next);
  };
}

/** A 4xx meant to be shown (http-errors' `expose`), as graphql-upload raises them: the caller's mistake. */
function isExposedClientError(error: unknown): error is Error & { status: number } {
  const { status, expose } = (error ?? {}) as { status?: unknown; expose?: unknown };
  return (
    error instanceof Error && expose === true && typeof status === "number" && status >= 400 && status < 500
  );
}

/** The parser's errors for multipart requests; anything else passes on. */
export function multipartErrorHandler(limits: Pick<MultipartLimits, "maxFieldBytes">): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent || !req.is("multipart/form-data")) return next(error);
    // graphql-upload holds every multipart answer until the request body has ended; a body the
    // parser refused at once (e.g. no boundary) is never read, so drain it or the answer never goes.
    req.resume();
    if (isExposedClientError(error) && /multipart field value exceeds/.test(error.message)) {
      return sendGraphqlError(
        res,
        413,
        ErrorCode.REQUEST_TOO_LARGE,
        `A multipart field (operations, map) is larger than ${limits.maxFieldBytes} bytes.`,
        { maxBytes: limits.maxFieldBytes },
      );
    }
    if (isExposedClientError(error)) {
      return sendGraphqlError(
        res,
        error.status,
        ErrorCode.BAD_REQUEST,
        `${error.message} Send a GraphQL multipart request (operations, map, one file).`,
      );
    }
    // busboy throws plain errors on a malformed or truncated form.
    if (typeof (error as { status?: unknown } | null)?.status !== "number") {
      return sendGraphqlError(
        res,
        400,
        ErrorCode.BAD_REQUEST,
        "The multipart body is malformed or incomplete (GraphQL multipart request).",
      );
    }
    next(error);
  };
}
