/**
 * The errors of the request limits: each limit has its own stable `extensions.code` (error-codes.ts),
 * says the limit in its message and extensions, and answers HTTP 4xx (Apollo reads `extensions.http`
 * for the status and removes it from the body).
 */
import { GraphQLError } from "graphql";
import type { ErrorCode } from "../../error-codes.js";

export function limitError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
  status = 400,
): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code, http: { status } } });
}
