/** Small node:http helpers for the emulator's routes. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { EmulatorError } from "./emulator.errors.js";

export class BodyTooLargeError extends Error {}

/**
 * Reads the whole body up to `limit` bytes. Past the limit it keeps draining (so the client can
 * finish sending and read the answer) but keeps nothing, then throws BodyTooLargeError.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    let tooLarge = Number.isFinite(declared) && declared > limit;
    const chunks: Buffer[] = [];
    let length = 0;
    req.on("data", (chunk: Buffer) => {
      if (tooLarge) return;
      length += chunk.length;
      if (length > limit) {
        tooLarge = true;
        chunks.length = 0;
      } else {
        chunks.push(chunk);
      }
    });
    req.on("end", () =>
      tooLarge ? reject(new BodyTooLargeError()) : resolve(Buffer.concat(chunks, length)),
    );
    req.on("error", reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "no-store",
  });
  res.end(text);
}

export function sendBytes(res: ServerResponse, status: number, contentType: string, bytes: Buffer): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { "Content-Type": contentType, "Content-Length": bytes.length });
  res.end(bytes);
}

/** HTTP status of an ftrack error under strict API. */
function statusOf(error: EmulatorError): number {
  switch (error.exception) {
    case "InvalidCredentialsError":
    case "FTAuthenticationError":
      return 401;
    case "PermissionError":
      return 403;
    case "ValidationError":
      return 400;
    default:
      return 500;
  }
}

export const sendError = (res: ServerResponse, error: EmulatorError, status = statusOf(error)) =>
  sendJson(res, status, error.toJSON());

export const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};
