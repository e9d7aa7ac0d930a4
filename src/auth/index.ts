/** Who a GraphQL request acts as: AUTH_MODE none, jwt or ftrack-key (see identity.resolver.ts). */

export { AuthError } from "./auth.errors.js";
export { authenticate, identityOf } from "./auth.middleware.js";
export { connectionParamsHeaders } from "./connection-params.js";
export {
  createCredentialExpiry,
  createIdentityResolver,
  type IdentityResolver,
} from "./identity.resolver.js";
