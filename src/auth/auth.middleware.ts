/**
 * Express glue: resolves the caller's identity before the GraphQL request is parsed or run (an
 * unauthenticated upload is refused before its bytes are read), and answers 401 in GraphQL's error
 * shape. The identity travels to the GraphQL context in res.locals.
 */
import type { NextFunction, Request, Response } from "express";
import { GraphQLError } from "graphql";
import { ErrorCode } from "../error-codes.js";
import type { FtrackIdentity } from "../ftrack/ftrack.types.js";
import { sendGraphqlError } from "../http/error.response.js";
import { AuthError } from "./auth.errors.js";
import {
  createIdentityResolver,
  type IdentityResolver,
  type IdentityResolverDeps,
} from "./identity.resolver.js";

const IDENTITY = "ftrackIdentity";

/**
 * The /graphql middleware for the configured AUTH_MODE; `resolve` may be shared with other entry
 * points (WebSockets), so that its caches (key sets, checked keys) serve them all.
 */
export function authenticate(
  deps: IdentityResolverDeps,
  resolve: IdentityResolver = createIdentityResolver(deps),
) {
  const challenge = deps.auth.mode === "jwt" ? "Bearer" : undefined;
  return (req: Request, res: Response, next: NextFunction) => {
    // CORS preflights carry no credentials; they reach no resolver (identityOf refuses them there).
    if (req.method === "OPTIONS") return next();
    const refuse = (error: unknown) => {
      if (!(error instanceof AuthError)) return next(error);
      // An unread body (an upload) is discarded by Node once the answer is sent.
      if (error.status === 401 && challenge) res.setHeader("WWW-Authenticate", challenge);
      sendGraphqlError(res, error.status, error.code, error.message);
    };
    const accept = (identity: FtrackIdentity) => {
      res.locals[IDENTITY] = identity;
      next();
    };
    let identity: FtrackIdentity | Promise<FtrackIdentity>;
    try {
      identity = resolve(req.headers);
    } catch (error) {
      return refuse(error);
    }
    // AUTH_MODE=none answers at once: no promise for the requests that check nothing.
    if (identity instanceof Promise) identity.then(accept, refuse);
    else accept(identity);
  };
}

/** The identity authenticate() established. Never falls back to the service user. */
export function identityOf(res: Response): FtrackIdentity {
  const identity = res.locals[IDENTITY] as FtrackIdentity | undefined;
  if (!identity) {
    throw new GraphQLError("No identity was established for this request.", {
      extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
    });
  }
  return identity;
}
