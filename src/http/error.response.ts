/**
 * Error answers written outside Apollo. On /graphql they take GraphQL's shape,
 * `{ errors: [{ message, extensions: { code } }] }`, so a GraphQL client reads every refusal of that
 * endpoint the same way; every other route answers `{ code, message }`.
 */
import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
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

/**
 * Answers a WebSocket upgrade request with `{ code, message }` in a plain HTTP answer (`headers`
 * written before `Connection: close`) and closes the socket.
 */
export function refuseUpgrade(
  socket: Duplex,
  status: number,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify({ code, message });
  // A raw socket has no error listener: a client resetting it must not become an uncaught error.
  socket.on("error", () => {});
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      "Content-Type: application/json; charset=utf-8\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      `${lines.join("")}Connection: close\r\n\r\n${body}`,
  );
}
