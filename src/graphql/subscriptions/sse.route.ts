/**
 * Subscriptions over server-sent events at POST /graphql/stream (the graphql-sse protocol, "distinct
 * connections" mode: one event stream per subscription), for networks whose proxies do not pass
 * WebSockets. The request passes what a POST /graphql passes first: identity from the headers
 * (AUTH_MODE), a JSON body within GRAPHQL_MAX_BODY_BYTES, variables size, persisted operations; then
 * the checks of subscription.operation.ts. A refused request is answered with an HTTP status and
 * GraphQL's error shape; an accepted one with `text/event-stream` (`next` events, then `complete`).
 */
import { type IncomingHttpHeaders, STATUS_CODES } from "node:http";
import express, { type RequestHandler, Router } from "express";
import type { ExecutionResult } from "graphql";
import { createHandler } from "graphql-sse/lib/use/express";
import { identityOf } from "../../auth/index.js";
import { ErrorCode } from "../../error-codes.js";
import type { FtrackIdentity } from "../../ftrack/ftrack.types.js";
import { sendGraphqlError } from "../../http/error.response.js";
import { reenterRequestScope } from "../../http/request-scope.middleware.js";
import type { Logger } from "../../observability/logger.js";
import { publicErrors } from "../errors.js";
import type { GraphqlLimits } from "../limits/index.js";
import type { GraphContext } from "../request-context.js";
import { isRefused, type SubscriptionPreparer } from "./subscription.operation.js";

export interface SseSubscriptionsDeps {
  path: string;
  /** Who the request acts as (auth.middleware.ts's authenticate for the configured AUTH_MODE). */
  authenticate: RequestHandler;
  limits: GraphqlLimits<GraphContext>;
  maxBodyBytes: number;
  prepare: SubscriptionPreparer;
  contextFor: (identity: FtrackIdentity, credentialsExpireAt?: number) => GraphContext;
  /** When the request's credentials expire (a bearer token's exp): its stream ends then. */
  credentialExpiry: (headers: IncomingHttpHeaders) => number | undefined;
  logger: Logger;
}

const EVENT_STREAM = "text/event-stream";

/** POST with a JSON body, asking for an event stream: anything else is refused with its reason. */
const requireStreamRequest: RequestHandler = (req, res, next) => {
  if (!req.is("application/json")) {
    return sendGraphqlError(
      res,
      415,
      ErrorCode.UNSUPPORTED_MEDIA_TYPE,
      "Send the operation as application/json.",
    );
  }
  if (req.get("accept") !== EVENT_STREAM) {
    return sendGraphqlError(res, 400, ErrorCode.BAD_REQUEST, `Send \`Accept: ${EVENT_STREAM}\`.`);
  }
  next();
};

/** A JSON body graphql-sse would refuse without a code is refused here with one. */
const requireOperationObject: RequestHandler = (req, res, next) => {
  const body: unknown = req.body;
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    return sendGraphqlError(res, 400, ErrorCode.BAD_REQUEST, "The body must be one operation: an object.");
  }
  next();
};

export function createSseRouter(deps: SseSubscriptionsDeps): Router {
  const { prepare, contextFor, credentialExpiry, logger, limits } = deps;
  const stream = createHandler<GraphContext>({
    // No token: "distinct connections" mode only, so no stream outlives its request.
    authenticate: () => null,
    onSubscribe(req, params) {
      const prepared = prepare(params);
      if (isRefused(prepared)) {
        const body = JSON.stringify({ errors: publicErrors(prepared.errors, logger) });
        const { status } = prepared;
        const headers = { "content-type": "application/json; charset=utf-8" };
        return [body, { status, statusText: STATUS_CODES[status] ?? "", headers }] as const;
      }
      const identity = identityOf(req.context.res);
      return { ...prepared, contextValue: contextFor(identity, credentialExpiry(req.raw.headers)) };
    },
    onNext(_ctx, _req, result) {
      const { errors } = result as ExecutionResult;
      if (!errors) return undefined;
      // Sent as JSON, where formatted errors are what a GraphQLError's toJSON() would give.
      return { ...result, errors: publicErrors(errors, logger) } as unknown as ExecutionResult;
    },
  });

  const runStream: RequestHandler = (req, res, next) => {
    stream(req, res).catch(next);
  };
  const router = Router();
  router.post(
    deps.path,
    deps.authenticate,
    requireStreamRequest,
    express.json({ limit: deps.maxBodyBytes }),
    reenterRequestScope(),
    ...limits.afterBody,
    requireOperationObject,
    runStream,
    limits.bodyErrors,
  );
  return router;
}
