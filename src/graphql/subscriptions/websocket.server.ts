/**
 * Subscriptions over WebSocket at /graphql (the graphql-ws protocol, `graphql-transport-ws`), on the
 * service's own HTTP server. A connection is refused before the upgrade when its path is not
 * /graphql or a browser opens it from an origin CORS_ORIGINS does not allow (a WebSocket is not
 * guarded by CORS, so this check is what keeps other sites' pages out). Its identity comes from the
 * connection parameters, under the header names /graphql reads (AUTH_MODE applies as for queries):
 * refused, the socket closes with 4401 and the reason `UNAUTHENTICATED: ...`; when ftrack cannot
 * check a key, with 1013 (try again later) and `FTRACK_UNAVAILABLE: ...`. Each operation passes the
 * checks of subscription.operation.ts and gets its own context, acting as that identity.
 */
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { ExecutionResult } from "graphql";
import { CloseCode } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { AuthError, connectionParamsHeaders, type IdentityResolver } from "../../auth/index.js";
import { ErrorCode } from "../../error-codes.js";
import type { FtrackIdentity } from "../../ftrack/ftrack.types.js";
import { refuseUpgrade } from "../../http/error.response.js";
import type { Logger } from "../../observability/logger.js";
import { publicErrors } from "../errors.js";
import type { GraphContext } from "../request-context.js";
import { isRefused, type SubscriptionPreparer } from "./subscription.operation.js";

export interface WebSocketSubscriptionsDeps {
  path: string;
  prepare: SubscriptionPreparer;
  resolveIdentity: IdentityResolver;
  /** When accepted credentials expire (a bearer token's exp): the connection closes then (4401). */
  credentialExpiry: (headers: IncomingHttpHeaders) => number | undefined;
  /** A new context for one operation, acting as the connection's identity. */
  contextFor: (identity: FtrackIdentity, credentialsExpireAt?: number) => GraphContext;
  /** Whether the upgrade request's Origin may connect (cors.middleware.ts's originAllowed). */
  originAllowed: (req: IncomingMessage) => boolean;
  /** Largest message a client may send (GRAPHQL_MAX_BODY_BYTES). */
  maxPayloadBytes: number;
  logger: Logger;
}

export interface WebSocketSubscriptions {
  /** The HTTP server's `upgrade` listener. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every connection (1001, going away) and the WebSocket server. */
  close(): Promise<void>;
}

/** What a connection keeps once its identity is established. */
interface Connection extends Record<PropertyKey, unknown> {
  identity: FtrackIdentity;
  /** The timer that closes it when its credentials expire. */
  expiry: NodeJS.Timeout;
}

/** Longest setTimeout: a token valid for longer than about 24 days closes the connection early. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** WebSocket close code 1013: a client retries later (graphql-ws's client does so by itself). */
const TRY_AGAIN_LATER = 1013;

/** A close reason: the code first, so a client can tell refusals apart; at most 123 bytes. */
function closeReason(code: ErrorCode, message: string): string {
  const reason = `${code}: ${message}`;
  return Buffer.byteLength(reason) <= 123 ? reason : code;
}

export function createWebSocketSubscriptions(deps: WebSocketSubscriptionsDeps): WebSocketSubscriptions {
  const { prepare, resolveIdentity, credentialExpiry, contextFor, logger } = deps;
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.maxPayloadBytes });
  const server = useServer<Record<string, unknown> | undefined, Connection>(
    {
      // Never send an internal error's message to a client.
      isProd: true,
      async onConnect(ctx) {
        const headers = connectionParamsHeaders(ctx.connectionParams);
        try {
          ctx.extra.identity = await resolveIdentity(headers);
          const expiresAt = credentialExpiry(headers);
          if (expiresAt !== undefined) {
            const close = () =>
              ctx.extra.socket.close(
                CloseCode.Unauthorized,
                closeReason(ErrorCode.UNAUTHENTICATED, "The token expired: connect with a new one."),
              );
            ctx.extra.expiry = setTimeout(close, Math.min(Math.max(0, expiresAt - Date.now()), MAX_TIMER_MS));
          }
          return true;
        } catch (error) {
          if (!(error instanceof AuthError)) throw error;
          // Closed here with our own code and reason; graphql-ws's own close (4403) then does nothing.
          const unavailable = error.code === ErrorCode.FTRACK_UNAVAILABLE;
          ctx.extra.socket.close(
            unavailable ? TRY_AGAIN_LATER : CloseCode.Unauthorized,
            closeReason(error.code, error.message),
          );
          return false;
        }
      },
      onSubscribe(ctx, _id, payload) {
        const prepared = prepare(payload);
        if (isRefused(prepared)) return prepared.errors;
        const identity = ctx.extra.identity;
        if (!identity) throw new Error("a subscription on a connection without an identity");
        // No deadline of its own: the connection closes (4401) when its credentials expire, and an
        // operation ending at the same moment would race that close.
        return { ...prepared, contextValue: contextFor(identity) };
      },
      onClose(ctx) {
        clearTimeout(ctx.extra.expiry);
      },
      onNext(_ctx, _id, _payload, _args, result: ExecutionResult) {
        return result.errors ? { ...result, errors: publicErrors(result.errors, logger) } : undefined;
      },
      onError(_ctx, _id, _payload, errors) {
        return publicErrors(errors, logger);
      },
    },
    wss,
  );

  let closed = false;
  return {
    upgrade(req, socket, head) {
      if (closed) {
        socket.destroy();
        return;
      }
      const path = new URL(req.url ?? "/", "http://localhost").pathname;
      if (path !== deps.path) {
        refuseUpgrade(socket, 404, ErrorCode.NOT_FOUND, `WebSocket connections go to ${deps.path}.`);
        return;
      }
      if (!deps.originAllowed(req)) {
        refuseUpgrade(
          socket,
          403,
          ErrorCode.CORS_ORIGIN_NOT_ALLOWED,
          "This origin may not call this service.",
        );
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
    },
    async close() {
      closed = true;
      await server.dispose();
    },
  };
}
