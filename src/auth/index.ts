/** Who a GraphQL request acts as: AUTH_MODE none, jwt or ftrack-key (see identity.resolver.ts). */
export { authenticate, identityOf } from "./auth.middleware.js";
