/**
 * Request -> the ftrack identity it acts as, or AuthError (HTTP 401) before any ftrack data call.
 *
 *   none        every request acts as the service user (FTRACK_API_USER); identity headers are ignored
 *   jwt         `Authorization: Bearer <token>` verified (jwt.verifier.ts); the service key acting as
 *               the username claim. ftrack-user / ftrack-api-key headers are refused: in this mode
 *               the token alone says who the caller is.
 *   ftrack-key  the caller's own `ftrack-user` and `ftrack-api-key` headers, checked with ftrack once
 *               (credential.check.ts), then passed through on every ftrack call.
 */
import type { IncomingHttpHeaders } from "node:http";
import { decodeJwt } from "jose";
import type { AuthConfig } from "../config.js";
import type { FtrackClient } from "../ftrack/ftrack.client.js";
import type { FtrackIdentity } from "../ftrack/ftrack.types.js";
import { AuthError } from "./auth.errors.js";
import { type CredentialCheck, createCredentialCheck } from "./credential.check.js";
import { FTRACK_API_KEY_HEADER, FTRACK_USER_HEADER, validApiKey, validUsername } from "./ftrack-headers.js";
import { bearerToken, createJwtVerifier } from "./jwt.verifier.js";

/** Answers at once when nothing needs checking (AUTH_MODE=none), else after the check. */
export type IdentityResolver = (headers: IncomingHttpHeaders) => FtrackIdentity | Promise<FtrackIdentity>;

export interface IdentityResolverDeps {
  auth: AuthConfig;
  ftrack: Pick<FtrackClient, "serviceIdentity" | "actingAs" | "transport">;
  /** Replaces the ftrack check of ftrack-key mode (tests). */
  credentialCheck?: CredentialCheck;
}

export function createIdentityResolver({
  auth,
  ftrack,
  credentialCheck,
}: IdentityResolverDeps): IdentityResolver {
  switch (auth.mode) {
    case "none":
      return () => ftrack.serviceIdentity;

    case "jwt": {
      const verify = createJwtVerifier(auth);
      return async (headers) => {
        if (
          single(headers, FTRACK_USER_HEADER) !== undefined ||
          single(headers, FTRACK_API_KEY_HEADER) !== undefined
        ) {
          throw new AuthError(
            "Send a bearer token only: ftrack-user and ftrack-api-key headers are not accepted.",
          );
        }
        const token = bearerToken(single(headers, "authorization"));
        if (!token) throw new AuthError("A bearer token is required (Authorization: Bearer <token>).");
        return ftrack.actingAs(await verify(token));
      };
    }

    case "ftrack-key": {
      const check = credentialCheck ?? createCredentialCheck({ transport: ftrack.transport });
      return async (headers) => {
        const username = single(headers, FTRACK_USER_HEADER);
        const apiKey = single(headers, FTRACK_API_KEY_HEADER);
        if (!username || !apiKey || !validUsername(username) || !validApiKey(apiKey)) {
          throw new AuthError("The ftrack-user and ftrack-api-key headers are required.");
        }
        const identity = { username, apiKey };
        await check(identity);
        return identity;
      };
    }
  }
}

/**
 * When credentials that the resolver accepted stop being valid (ms since the epoch), for connections
 * that outlive a request (subscriptions): a bearer token's `exp` under `jwt`; never otherwise (an
 * ftrack key is checked by ftrack on every read, so a revoked one is noticed there).
 */
export function createCredentialExpiry(
  auth: AuthConfig,
): (headers: IncomingHttpHeaders) => number | undefined {
  if (auth.mode !== "jwt") return () => undefined;
  return (headers) => {
    const token = bearerToken(single(headers, "authorization"));
    if (!token) return undefined;
    // Verified by the resolver already: only its claim is read here.
    const { exp } = decodeJwt(token);
    return typeof exp === "number" ? exp * 1000 : undefined;
  };
}

/** A header's value; undefined when absent. Repeated headers count as invalid (empty string). */
function single(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? "" : value;
}
