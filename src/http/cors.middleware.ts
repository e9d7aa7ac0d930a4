/**
 * CORS with an allow-list (CORS_ORIGINS). No list: same origin only, so no CORS header is ever
 * sent and browsers on other origins cannot read answers. "*" allows any origin. No credentials
 * (cookies) are allowed in any mode: callers authenticate with headers, which a preflight lists.
 *
 * Thumbnails need no CORS for <img>: their Cross-Origin-Resource-Policy lets other origins embed
 * them; CORS only matters to front ends that fetch() them or draw them on a canvas.
 */
import type { IncomingHttpHeaders } from "node:http";
import type { RequestHandler } from "express";
import { ErrorCode } from "../error-codes.js";
import type { Logger } from "../observability/logger.js";
import { sendError } from "./error.response.js";

/** Request headers a browser on an allowed origin may send (GraphQL, CSRF preflight, identity). */
const CORS_ALLOWED_HEADERS = [
  "content-type",
  "accept",
  "authorization",
  "apollo-require-preflight",
  "x-apollo-operation-name",
  "apollographql-client-name",
  "apollographql-client-version",
  "ftrack-user",
  "ftrack-api-key",
  "x-request-id",
  "if-none-match",
];

const PREFLIGHT_MAX_AGE_SECONDS = 600;
/** Refused origins warned about; any origin can be sent, so the memory (and the log) stay bounded. */
const MAX_WARNED_ORIGINS = 100;

type Headers = IncomingHttpHeaders;

const single = (headers: Headers, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** A browser on this service's own origin sends Origin on POSTs too; it needs no CORS. */
function isSameOrigin(headers: Headers, origin: string): boolean {
  if (single(headers, "sec-fetch-site") === "same-origin") return true;
  try {
    return new URL(origin).host === single(headers, "host");
  } catch {
    return false;
  }
}

/**
 * Whether a browser on the request's origin may open a connection whose answers no CORS header
 * guards (a WebSocket): its own origin, or one CORS_ORIGINS allows. No Origin: not a browser.
 */
export function originAllowed(origins: readonly string[], headers: IncomingHttpHeaders): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  return origins.includes("*") || origins.includes(origin) || isSameOrigin(headers, origin);
}

export interface CorsPolicy {
  /**
   * The CORS headers of the answer to a request that is not a preflight (flat [name, value, ...]),
   * `Vary: Origin` included when a list is configured; warns once about a refused origin.
   */
  headersFor(headers: Headers): string[];
  /** The same as Express middleware, which also answers preflights. */
  middleware: RequestHandler;
}

export function corsPolicy(origins: readonly string[], logger?: Pick<Logger, "warn">): CorsPolicy {
  const any = origins.includes("*");
  const allowed = new Set(origins);
  const warned = new Set<string>();
  /** One warning per refused origin, so a developer whose front end cannot read answers learns why. */
  const warnOnce = (headers: Headers, origin: string) => {
    if (warned.has(origin) || warned.size >= MAX_WARNED_ORIGINS || isSameOrigin(headers, origin)) return;
    warned.add(origin);
    logger?.warn(
      { origin: origin.slice(0, 200) },
      "a browser on an origin not in CORS_ORIGINS called this service; it cannot read the answers. Add the origin to CORS_ORIGINS to allow it (warned once per origin)",
    );
  };
  /** The origin to allow, or undefined (after warning about a refused one). */
  const allowedOrigin = (headers: Headers): string | undefined => {
    const origin = single(headers, "origin");
    if (!origin) return undefined;
    if (any || allowed.has(origin)) return origin;
    warnOnce(headers, origin);
    return undefined;
  };
  const allowHeaders = (origin: string) => [
    "Access-Control-Allow-Origin",
    any ? "*" : origin,
    "Access-Control-Expose-Headers",
    "x-request-id, etag",
  ];
  return {
    headersFor(headers) {
      // Answers differ by Origin whenever a list is configured: caches must keep them apart.
      const vary = origins.length > 0 ? ["Vary", "Origin"] : [];
      const origin = allowedOrigin(headers);
      return origin ? [...vary, ...allowHeaders(origin)] : vary;
    },
    middleware(req, res, next) {
      const isPreflight =
        req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
      if (origins.length > 0) res.vary("Origin");
      const origin = allowedOrigin(req.headers);
      if (!origin) {
        if (isPreflight) {
          sendError(res, 403, ErrorCode.CORS_ORIGIN_NOT_ALLOWED, "This origin may not call this service.");
          return;
        }
        return next();
      }
      const headers = allowHeaders(origin);
      for (let i = 0; i < headers.length; i += 2) res.setHeader(headers[i]!, headers[i + 1]!);
      if (!isPreflight) return next();
      // PUT: the two-step upload's signed URL (its Content-Type header is listed above).
      res.setHeader("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, OPTIONS");
      res.setHeader("Access-Control-Allow-Headers", CORS_ALLOWED_HEADERS.join(", "));
      res.setHeader("Access-Control-Max-Age", String(PREFLIGHT_MAX_AGE_SECONDS));
      res.status(204).end();
    },
  };
}
