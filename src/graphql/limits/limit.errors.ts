/**
 * The errors of the request limits: each limit has its own stable `extensions.code`, says the
 * limit in its message and extensions, and answers HTTP 4xx (Apollo reads `extensions.http` for
 * the status and removes it from the body).
 */
import { GraphQLError } from "graphql";

export const LIMIT_CODES = {
  depth: "QUERY_TOO_DEEP",
  complexity: "QUERY_TOO_COMPLEX",
  aliases: "TOO_MANY_ALIASES",
  operations: "TOO_MANY_OPERATIONS",
  variables: "VARIABLES_TOO_LARGE",
  body: "REQUEST_TOO_LARGE",
  mediaType: "UNSUPPORTED_MEDIA_TYPE",
  persisted: "PERSISTED_QUERY_REQUIRED",
} as const;

export type LimitCode = (typeof LIMIT_CODES)[keyof typeof LIMIT_CODES];

export function limitError(
  code: LimitCode,
  message: string,
  extensions: Record<string, unknown> = {},
  status = 400,
): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code, http: { status } } });
}
