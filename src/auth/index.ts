/** Who a GraphQL request acts as: AUTH_MODE none, jwt or ftrack-key (see identity.resolver.ts). */
export { AuthError } from "./auth.errors.js";
export { authenticate, identityOf } from "./auth.middleware.js";
export { type CredentialCheck, createCredentialCheck } from "./credential.check.js";
export {
  createIdentityResolver,
  type IdentityResolver,
  type IdentityResolverDeps,
} from "./identity.resolver.js";
export { bearerToken, createJwtVerifier, type JwtVerifier } from "./jwt.verifier.js";
