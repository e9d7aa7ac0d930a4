/**
 * Verifies a bearer token and returns the ftrack username it names.
 *
 * Keys: a remote JWKS (asymmetric algorithms only) or one shared HS256 secret, never both, so a
 * token cannot pick a weaker algorithm or use a public key as an HMAC secret. Expiry is always
 * required; issuer and audience are checked when configured.
 */
import { createRemoteJWKSet, jwtVerify } from "jose";
import type { AuthConfig } from "../config.js";
import { AuthError } from "./auth.errors.js";
import { validUsername } from "./ftrack-headers.js";

const ASYMMETRIC = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"];
/** Small allowance for clocks that differ between the token issuer and this host. */
const CLOCK_TOLERANCE_SECONDS = 5;

export type JwtVerifier = (token: string) => Promise<string>;

export function createJwtVerifier(config: AuthConfig): JwtVerifier {
  const verify = signatureCheck(config);

  return async (token) => {
    let payload: Record<string, unknown>;
    try {
      payload = (await verify(token)).payload;
    } catch {
      // One message for every cause (expired, bad signature, wrong issuer...): no oracle for forgers.
      throw new AuthError("The bearer token is not valid.");
    }
    const username = payload[config.usernameClaim];
    if (typeof username !== "string" || !validUsername(username)) {
      throw new AuthError(`The bearer token has no usable "${config.usernameClaim}" claim.`);
    }
    return username;
  };
}

/** Verifies signature and claims with the configured key source; resolves with the payload. */
function signatureCheck(
  config: AuthConfig,
): (token: string) => Promise<{ payload: Record<string, unknown> }> {
  if (config.jwtSecret) {
    const secret = new TextEncoder().encode(config.jwtSecret);
    return (token) => jwtVerify(token, secret, options(config, ["HS256"]));
  }
  const jwks = createRemoteJWKSet(new URL(requireJwksUrl(config)));
  return (token) => jwtVerify(token, jwks, options(config, ASYMMETRIC));
}

function options(config: AuthConfig, algorithms: string[]) {
  return {
    algorithms,
    issuer: config.issuer,
    audience: config.audience,
    requiredClaims: ["exp"],
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
  };
}

function requireJwksUrl(config: AuthConfig): string {
  if (!config.jwksUrl) throw new Error("AUTH_MODE=jwt needs AUTH_JWKS_URL or AUTH_JWT_SECRET");
  return config.jwksUrl;
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer[ ]+([A-Za-z0-9._~+/-]+=*)[ ]*$/i.exec(header ?? "");
  return match?.[1];
}
