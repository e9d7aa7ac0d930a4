/**
 * Verifies a bearer token and returns the ftrack username it names.
 *
 * Keys: a remote JWKS (asymmetric algorithms only) or one shared HS256 secret, never both, so a
 * token cannot pick a weaker algorithm or use a public key as an HMAC secret. Expiry is always
 * required; issuer and audience are checked when configured.
 */
import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from "jose";
import type { AuthConfig } from "../config.js";
import { AuthError } from "./auth.errors.js";
import { validUsername } from "./ftrack-headers.js";

const ASYMMETRIC = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"];
/** Small allowance for clocks that differ between the token issuer and this host. */
const CLOCK_TOLERANCE_SECONDS = 5;

export type JwtVerifier = (token: string) => Promise<string>;

export function createJwtVerifier(config: AuthConfig): JwtVerifier {
  const key: Uint8Array | JWTVerifyGetKey = config.jwtSecret
    ? new TextEncoder().encode(config.jwtSecret)
    : createRemoteJWKSet(new URL(requireJwksUrl(config)));
  const algorithms = config.jwtSecret ? ["HS256"] : ASYMMETRIC;

  return async (token) => {
    let payload: Record<string, unknown>;
    try {
      // Two overloads (key or key resolver); both accept the same options.
      const result =
        key instanceof Uint8Array
          ? await jwtVerify(token, key, options(config, algorithms))
          : await jwtVerify(token, key, options(config, algorithms));
      payload = result.payload;
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
