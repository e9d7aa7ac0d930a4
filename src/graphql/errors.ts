/**
 * Maps errors thrown below the GraphQL layer to public errors with a stable `extensions.code`.
 * Anything unrecognised becomes INTERNAL_SERVER_ERROR with a generic message: no stack traces,
 * no ftrack URLs or keys ever reach a client.
 */
import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import { GraphQLError } from "graphql";
import { FtrackApiError, FtrackUnavailableError } from "../ftrack/ftrack.types.js";
import { ThumbnailError } from "../thumbnails/thumbnail.errors.js";

/** An error as a plain GraphQL response body, for answers sent before (or around) Apollo. */
export function errorBody(code: string, message: string, extensions: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { ...extensions, code } }] };
}

/**
 * A client error meant to be shown (an http-errors 4xx with `expose`), as body parsers and
 * graphql-upload raise them: the caller's mistake, not ours.
 */
export function isExposedClientError(error: unknown): error is Error & { status: number } {
  const { status, expose } = (error ?? {}) as { status?: unknown; expose?: unknown };
  return (
    error instanceof Error && expose === true && typeof status === "number" && status >= 400 && status < 500
  );
}

const APOLLO_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "BAD_REQUEST",
]);

function toPublic(error: unknown): {
  code: string;
  message: string;
  extensions?: Record<string, unknown>;
} {
  if (error instanceof FtrackUnavailableError) {
    return { code: "FTRACK_UNAVAILABLE", message: "ftrack did not answer in time. Try again shortly." };
  }
  if (error instanceof FtrackApiError) {
    if (error.isPermission) {
      return { code: "FORBIDDEN", message: "ftrack does not allow this for the current user." };
    }
    if (error.isCredentials) {
      return { code: "UNAUTHENTICATED", message: "ftrack did not accept the credentials in use." };
    }
    return { code: "FTRACK_ERROR", message: "ftrack refused the request." };
  }
  if (error instanceof ThumbnailError) {
    return { code: error.code, message: error.message, extensions: error.details };
  }
  // e.g. graphql-upload's "File missing in the request." rejecting an Upload argument.
  if (isExposedClientError(error)) return { code: "BAD_USER_INPUT", message: error.message };
  return { code: "INTERNAL_SERVER_ERROR", message: "Internal server error." };
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const original = unwrapResolverError(error);
  if (original instanceof GraphQLError && typeof code === "string" && code !== "INTERNAL_SERVER_ERROR") {
    // Raised on purpose (a GraphQLError with a code: validation, limits, Apollo's own): already public.
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  if (typeof code === "string" && APOLLO_CODES.has(code)) return formatted;
  const mapped = toPublic(original);
  return {
    message: mapped.message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { ...mapped.extensions, code: mapped.code },
  };
}
