/**
 * What a /graphql error answers: errors thrown below the GraphQL layer become public errors with a
 * stable `extensions.code` (error-codes.ts), and the few that call for it set the HTTP status.
 * Anything unrecognised becomes INTERNAL_SERVER_ERROR with a generic message, and is logged as this
 * service's fault: no stack traces, no ftrack URLs or keys ever reach a client.
 */
import type { ApolloServerPlugin, GraphQLRequestListener } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { ErrorCode, isErrorCode } from "../error-codes.js";
import { FtrackAbortedError, FtrackApiError, FtrackUnavailableError } from "../ftrack/ftrack.types.js";
import { describeError, type Logger } from "../observability/logger.js";
import { FileTooLargeError, ThumbnailError } from "../thumbnails/thumbnail.errors.js";

interface PublicError {
  code: ErrorCode;
  message: string;
  extensions?: Record<string, unknown>;
  /** The HTTP status of the whole answer, when not 200. */
  status?: number;
  /** This service's fault (a bug or its configuration): logged at error level. */
  fault?: boolean;
}

function toPublic(error: unknown): PublicError {
  if (error instanceof FtrackUnavailableError) {
    return {
      code: ErrorCode.FTRACK_UNAVAILABLE,
      message: "ftrack did not answer in time. Try again shortly.",
    };
  }
  if (error instanceof FtrackApiError) {
    if (error.isPermission) {
      return { code: ErrorCode.FORBIDDEN, message: "ftrack does not allow this for the current user." };
    }
    if (error.isCredentials && error.byService) {
      return {
        code: ErrorCode.FTRACK_MISCONFIGURED,
        message:
          "ftrack refused this service's own credentials. An administrator must fix its configuration.",
        status: 500,
        fault: true,
      };
    }
    if (error.isCredentials) {
      return { code: ErrorCode.UNAUTHENTICATED, message: "ftrack did not accept the credentials in use." };
    }
    return { code: ErrorCode.FTRACK_ERROR, message: "ftrack refused the request." };
  }
  if (error instanceof ThumbnailError) {
    // 413 when the request carried too many bytes; a size only declared (createThumbnailUpload) is
    // refused like any argument, so gateways pass the code on.
    const status = error instanceof FileTooLargeError ? 413 : undefined;
    return { code: error.code, message: error.message, extensions: error.details, status };
  }
  // Nobody reads this answer: the client hung up, which aborted the request's ftrack calls.
  if (error instanceof FtrackAbortedError) {
    return { code: ErrorCode.BAD_REQUEST, message: "The request was cancelled: its client went away." };
  }
  return { code: ErrorCode.INTERNAL_SERVER_ERROR, message: "Internal server error.", fault: true };
}

/** Null when the error is public as it is: raised on purpose with a public code (validation, limits, Apollo's own). */
function publicErrorOf(error: unknown): PublicError | null {
  const original = unwrapResolverError(error);
  if (original instanceof GraphQLError) {
    const code = original.extensions.code;
    if (isErrorCode(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) return null;
  }
  return toPublic(original);
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const mapped = publicErrorOf(error);
  if (!mapped) {
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: mapped.message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { ...mapped.extensions, code: mapped.code },
  };
}

/** Logs an error that is this service's fault (a bug, or its configuration), once per answer it is in. */
function logFault(error: GraphQLError, mapped: PublicError, logger: Logger): void {
  if (!mapped.fault) return;
  logger.error(
    {
      code: mapped.code,
      path: error.path?.join("."),
      error: describeError(unwrapResolverError(error)),
    },
    mapped.code === ErrorCode.FTRACK_MISCONFIGURED
      ? "ftrack refused the service's API key: check FTRACK_API_USER and FTRACK_API_KEY"
      : "GraphQL request failed on the server side",
  );
}

/**
 * Sets the HTTP status the answer's errors call for (the highest wins), and logs those that are
 * this service's fault. Runs before formatError, on the same errors.
 */
export function errorStatusPlugin<T extends object>(logger: Logger): ApolloServerPlugin<T> {
  // One listener for every request: it keeps nothing of its own between calls.
  const listener: GraphQLRequestListener<T> = {
    async didEncounterErrors({ errors, response }) {
      for (const error of errors) {
        const mapped = publicErrorOf(error);
        if (!mapped) continue;
        if (mapped.status && mapped.status > (response.http.status ?? 0)) {
          response.http.status = mapped.status;
        }
        logFault(error, mapped, logger);
      }
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}

/**
 * Errors as the subscription transports (WebSocket, SSE) send them: formatted as /graphql formats
 * them (faults logged), without the HTTP status a request error carries in `extensions.http`.
 */
export function publicErrors(errors: readonly GraphQLError[], logger: Logger): GraphQLFormattedError[] {
  return errors.map((error) => {
    const mapped = publicErrorOf(error);
    if (mapped) logFault(error, mapped, logger);
    const formatted = formatError(error.toJSON(), error);
    const { http: _status, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  });
}
