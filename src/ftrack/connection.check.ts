/**
 * Is the configured server ftrack, and does it take the service's credentials? One
 * `query_server_information` as the service user; a failure is named by its cause, so a wrong host,
 * a closed port, a bad key and a web server that is not ftrack each read as what they are.
 * Messages carry no URL or key.
 */
import type { FtrackClient } from "./ftrack.client.js";
import { FtrackApiError, FtrackUnavailableError } from "./ftrack.types.js";

export type FtrackConnectionProblem =
  | "connection_refused"
  | "dns_failure"
  | "timeout"
  | "tls_failure"
  | "network_error"
  | "credentials_refused"
  | "not_ftrack"
  | "server_error";

export type FtrackConnectionStatus =
  | { ok: true; version: string }
  | { ok: false; reason: FtrackConnectionProblem; message: string };

const DNS_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "EAI_NONAME", "EAI_NODATA"]);
const TLS_CODE = /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/;

export async function checkFtrackConnection(
  client: Pick<FtrackClient, "transport" | "serviceIdentity">,
  signal?: AbortSignal,
): Promise<FtrackConnectionStatus> {
  let answer: unknown;
  try {
    [answer] = await client.transport.post(
      [{ action: "query_server_information" }],
      client.serviceIdentity,
      signal,
    );
  } catch (error) {
    return { ok: false, ...problemOf(error) };
  }
  const version = (answer as { version?: unknown } | null)?.version;
  if (typeof version !== "string") {
    return {
      ok: false,
      reason: "not_ftrack",
      message: "the server answered without ftrack's server information: check FTRACK_SERVER",
    };
  }
  return { ok: true, version };
}

function problemOf(error: unknown): { reason: FtrackConnectionProblem; message: string } {
  if (error instanceof FtrackApiError) {
    if (error.isCredentials || error.exception === "FTAuthenticationError") {
      return {
        reason: "credentials_refused",
        message: `ftrack refused the service's credentials (${error.exception}): check FTRACK_API_USER and FTRACK_API_KEY`,
      };
    }
    return { reason: "server_error", message: `ftrack answered ${error.exception}` };
  }
  if (error instanceof FtrackUnavailableError) {
    if (error.kind === "timeout")
      return { reason: "timeout", message: `${error.message} (FTRACK_TIMEOUT_MS)` };
    if (error.kind === "http") {
      // A 5xx or 429 is ftrack (or its proxy) failing; any other status or body is not ftrack's API.
      return error.status >= 500 || error.status === 429
        ? { reason: "server_error", message: `ftrack answered HTTP ${error.status}` }
        : {
            reason: "not_ftrack",
            message: `the server does not answer like ftrack (HTTP ${error.status}): check FTRACK_SERVER`,
          };
    }
    const code = error.code ?? "no error code";
    if (code === "ECONNREFUSED") {
      return {
        reason: "connection_refused",
        message: "connection refused (ECONNREFUSED): nothing listens at FTRACK_SERVER's host and port",
      };
    }
    if (DNS_CODES.has(code)) {
      return {
        reason: "dns_failure",
        message: `DNS lookup failed (${code}): FTRACK_SERVER's host name does not resolve`,
      };
    }
    if (TLS_CODE.test(code)) {
      return {
        reason: "tls_failure",
        message: `TLS failed (${code}): the server's certificate is not trusted`,
      };
    }
    return { reason: "network_error", message: `ftrack is unreachable (${code})` };
  }
  return { reason: "network_error", message: error instanceof Error ? error.name : "unknown failure" };
}
