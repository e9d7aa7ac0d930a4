/**
 * /graphql's HTTP-level limits, answered in GraphQL's error shape before Apollo runs:
 * - content types: JSON or a GraphQL multipart request only (415 otherwise; this also keeps
 *   "simple" cross-site form posts out before anything parses them),
 * - errors of the JSON body parser: too large (413), malformed (400),
 * - operations per request (batching) and the size of `variables`.
 */
import type { ErrorRequestHandler, Request, RequestHandler } from "express";
import type { GraphqlLimitsConfig } from "../../config.js";
import { ErrorCode } from "../../error-codes.js";
import { sendGraphqlError } from "../../http/error.response.js";

export type BodyLimits = Pick<GraphqlLimitsConfig, "maxBodyBytes" | "maxOperations" | "maxVariablesBytes">;

/** The content types nearly every GraphQL client sends, accepted without parsing them. */
const PLAIN_JSON = new Set(["application/json", "application/json; charset=utf-8"]);

/** A request with a body, as type-is (behind req.is) decides it. */
const hasBody = (req: Request) =>
  req.headers["transfer-encoding"] !== undefined || !Number.isNaN(Number(req.headers["content-length"]));

/** POST /graphql takes JSON or multipart/form-data; anything else is refused before parsing. */
export function requireGraphqlContentType(): RequestHandler {
  return (req, res, next) => {
    if (req.method !== "POST") return next();
    const type = req.headers["content-type"];
    if (type !== undefined && PLAIN_JSON.has(type.toLowerCase()) && hasBody(req)) return next();
    if (req.is(["application/json", "multipart/form-data"])) return next();
    sendGraphqlError(
      res,
      415,
      ErrorCode.UNSUPPORTED_MEDIA_TYPE,
      "Send GraphQL requests as application/json, or as multipart/form-data for uploads (GraphQL multipart request).",
    );
  };
}

/** Errors of express.json(), which runs before Apollo (multipart ones: upload/multipart.middleware.ts). */
export function jsonBodyErrorHandler(limits: Pick<BodyLimits, "maxBodyBytes">): ErrorRequestHandler {
  return (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    const type = (error as { type?: unknown } | null)?.type;
    if (type === "entity.too.large") {
      return sendGraphqlError(
        res,
        413,
        ErrorCode.REQUEST_TOO_LARGE,
        `The request body is larger than ${limits.maxBodyBytes} bytes.`,
        { maxBytes: limits.maxBodyBytes },
      );
    }
    if (type === "entity.parse.failed") {
      return sendGraphqlError(res, 400, ErrorCode.BAD_REQUEST, "The request body is not valid JSON.");
    }
    if (type === "charset.unsupported" || type === "encoding.unsupported") {
      return sendGraphqlError(
        res,
        415,
        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
        "Send the body as UTF-8, uncompressed or gzip/deflate.",
      );
    }
    if (type === "request.aborted" || type === "request.size.invalid") {
      return sendGraphqlError(res, 400, ErrorCode.BAD_REQUEST, "The request body ended early.");
    }
    next(error);
  };
}

/**
 * About the size of a parsed JSON value. Only plain data counts: multipart uploads put Upload
 * objects (with streams) where files go, which weigh nothing here and must not break the count.
 */
export function jsonSize(value: unknown, budget = Number.POSITIVE_INFINITY): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && total <= budget) {
    const item = stack.pop();
    if (typeof item === "string") total += Buffer.byteLength(item) + 2;
    else if (Array.isArray(item)) {
      total += 2 + item.length;
      for (const element of item) stack.push(element);
    } else if (
      item !== null &&
      typeof item === "object" &&
      Object.getPrototypeOf(item) === Object.prototype
    ) {
      for (const [key, element] of Object.entries(item)) {
        total += Buffer.byteLength(key) + 4;
        stack.push(element);
      }
    } else total += 4;
  }
  return total;
}

/** The operations of a parsed request: a POST body (one or a batch) or a GET's query string. */
export function operationsOf(req: Request): unknown[] {
  if (req.method === "GET") return [req.query];
  return Array.isArray(req.body) ? req.body : [req.body];
}

/** Batch size and variables size; runs after the body parsers. */
export function requestShapeLimits(limits: BodyLimits): RequestHandler {
  return (req, res, next) => {
    if (
      req.method === "POST" &&
      Array.isArray(req.body) &&
      (req.body.length > limits.maxOperations || limits.maxOperations === 1)
    ) {
      const message =
        limits.maxOperations === 1
          ? "Batched requests are turned off: send one operation per request."
          : `A batched request may hold at most ${limits.maxOperations} operations; it held ${req.body.length}.`;
      return sendGraphqlError(res, 400, ErrorCode.TOO_MANY_OPERATIONS, message, {
        maxOperations: limits.maxOperations,
      });
    }
    for (const operation of operationsOf(req)) {
      const variables = (operation as { variables?: unknown } | null)?.variables;
      if (jsonSize(variables, limits.maxVariablesBytes) > limits.maxVariablesBytes) {
        return sendGraphqlError(
          res,
          413,
          ErrorCode.VARIABLES_TOO_LARGE,
          `The variables are larger than ${limits.maxVariablesBytes} bytes (as JSON).`,
          { maxBytes: limits.maxVariablesBytes },
        );
      }
    }
    next();
  };
}
