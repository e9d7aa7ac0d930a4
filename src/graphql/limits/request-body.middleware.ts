/**
 * /graphql's HTTP-level limits, answered in GraphQL's error shape before Apollo runs:
 * - content types: JSON or a GraphQL multipart request only (415 otherwise; this also keeps
 *   "simple" cross-site form posts out before anything parses them),
 * - body errors of the JSON and multipart parsers: too large (413), malformed (400),
 * - operations per request (batching) and the size of `variables`.
 */
import type { ErrorRequestHandler, Request, RequestHandler, Response } from "express";
import type { GraphqlLimitsConfig } from "../../config.js";
import { errorBody } from "../errors.js";
import { LIMIT_CODES } from "./limit.errors.js";

export type BodyLimits = Pick<GraphqlLimitsConfig, "maxBodyBytes" | "maxOperations" | "maxVariablesBytes">;

function badRequest(res: Response, message: string) {
  res.status(400).json(errorBody("BAD_REQUEST", message));
}

/** POST /graphql takes JSON or multipart/form-data; anything else is refused before parsing. */
export function requireGraphqlContentType(): RequestHandler {
  return (req, res, next) => {
    if (req.method !== "POST") return next();
    if (req.is(["application/json", "multipart/form-data"])) return next();
    res
      .status(415)
      .json(
        errorBody(
          LIMIT_CODES.mediaType,
          "Send GraphQL requests as application/json, or as multipart/form-data for uploads (GraphQL multipart request).",
        ),
      );
  };
}

/** Errors of express.json() and graphql-upload, which run before Apollo. Others pass on. */
export function bodyErrorHandler(limits: Pick<BodyLimits, "maxBodyBytes">): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    // graphql-upload holds every multipart answer until the request body has ended; a body the
    // parser refused at once (e.g. no boundary) is never read, so drain it or the answer never goes.
    if (req.is("multipart/form-data")) req.resume();
    const type = (error as { type?: unknown } | null)?.type;
    const message = error instanceof Error ? error.message : "";
    const tooLarge = { maxBytes: limits.maxBodyBytes };
    if (type === "entity.too.large" || /multipart field value exceeds/.test(message)) {
      return res
        .status(413)
        .json(
          errorBody(
            LIMIT_CODES.body,
            `The request body is larger than ${limits.maxBodyBytes} bytes.`,
            tooLarge,
          ),
        );
    }
    if (type === "entity.parse.failed") {
      return badRequest(res, "The request body is not valid JSON.");
    }
    if (type === "charset.unsupported" || type === "encoding.unsupported") {
      return res
        .status(415)
        .json(errorBody(LIMIT_CODES.mediaType, "Send the body as UTF-8, uncompressed or gzip/deflate."));
    }
    if (type === "request.aborted" || type === "request.size.invalid") {
      return badRequest(res, "The request body ended early.");
    }
    // The multipart parser (busboy) throws plain errors on a malformed or truncated form.
    const status = (error as { status?: unknown } | null)?.status;
    if (req.is("multipart/form-data") && typeof status !== "number") {
      return badRequest(res, "The multipart body is malformed or incomplete (GraphQL multipart request).");
    }
    next(error);
  };
}

/**
 * About the size of a parsed JSON value. Only plain data counts: multipart uploads put Upload
 * objects (with streams) where files go, which weigh nothing here and must not break the count.
 */
function jsonSize(value: unknown, budget = Number.POSITIVE_INFINITY): number {
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
      return res
        .status(400)
        .json(errorBody(LIMIT_CODES.operations, message, { maxOperations: limits.maxOperations }));
    }
    for (const operation of operationsOf(req)) {
      const variables = (operation as { variables?: unknown } | null)?.variables;
      if (jsonSize(variables, limits.maxVariablesBytes) > limits.maxVariablesBytes) {
        return res
          .status(413)
          .json(
            errorBody(
              LIMIT_CODES.variables,
              `The variables are larger than ${limits.maxVariablesBytes} bytes (as JSON).`,
              { maxBytes: limits.maxVariablesBytes },
            ),
          );
      }
    }
    next();
  };
}
