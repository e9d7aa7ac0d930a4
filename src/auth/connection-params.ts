/**
 * A WebSocket's connection parameters (graphql-ws `connection_init` payload) as the request headers
 * the identity resolver reads: browsers cannot set headers on a WebSocket, so the same credentials
 * travel there, under the same names (`authorization`, or `ftrack-user` and `ftrack-api-key`).
 */
import type { IncomingHttpHeaders } from "node:http";
import { FTRACK_API_KEY_HEADER, FTRACK_USER_HEADER } from "./ftrack-headers.js";

const CREDENTIAL_NAMES = ["authorization", FTRACK_USER_HEADER, FTRACK_API_KEY_HEADER];

export function connectionParamsHeaders(
  params: Readonly<Record<string, unknown>> | undefined,
): IncomingHttpHeaders {
  const headers: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    const key = name.toLowerCase();
    if (!CREDENTIAL_NAMES.includes(key)) continue;
    // Anything but a string (or the same name twice) reads as invalid, as a repeated header does.
    headers[key] = typeof value === "string" && headers[key] === undefined ? value : "";
  }
  return headers;
}
