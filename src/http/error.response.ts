/**
 * Error answers written outside Apollo. On /graphql they take GraphQL's shape,
 * `{ errors: [{ message, extensions: { code } }] }`, so a GraphQL client reads every refusal of that
 * endpoint the same way; every other route answers `{ code, message }`.
 */
import type { Response } from "express";
import type { ErrorCode } from "../error-codes.js";

/** A GraphQL response body holding one error. */
export function graphqlErrorBody(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { ...extensions, code } }] };
}

/** Answers a /graphql request with one error, before (or around) Apollo. */
export function sendGraphqlError(
  res: Response,
  status: number,
  code: ErrorCode,
  message: string,
  extensions?: Record<string, unknown>,
): void {
  res.status(status).json(graphqlErrorBody(code, message, extensions));
}

/** Answers a request to any other route with `{ code, message }`. */
export function sendError(res: Response, status: number, code: ErrorCode, message: string): void {
  res.status(status).json({ code, message });
}
