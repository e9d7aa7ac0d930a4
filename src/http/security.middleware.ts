/**
 * Security headers on every answer of the service, set before any route runs (routes may tighten
 * or, like the playground page, replace the Content-Security-Policy with their own).
 *
 * - JSON, errors, metrics: a CSP that allows nothing, no framing, same-origin resource policy.
 * - /thumbnails/: images that front ends on other origins embed, so Cross-Origin-Resource-Policy
 *   is cross-origin (an <img> from another origin must load); the signature guards them, not CORP.
 * - /playground/: the IDE's own scripts, styles, workers and sandbox frame, same origin only.
 * - Strict-Transport-Security only when the public URL is https (it is meaningless over http and
 *   would pin a development host to https).
 */
import type { RequestHandler } from "express";

/** The policy of everything that is not HTML: load nothing, run nothing, be framed by no one. */
export const STRICT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The playground's policy: same origin only, so it may load nothing and talk to nothing outside
 * this service. Altair's components set inline styles, hence 'unsafe-inline' for styles only; the
 * HTML page's inline scripts need its nonce, the static files need none.
 */
export function sameOriginCsp(scriptNonce?: string): string {
  return [
    "default-src 'self'",
    scriptNonce ? `script-src 'self' 'nonce-${scriptNonce}'` : "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join("; ");
}

/** The playground's static files (scripts, workers, the sandbox frame). */
export const PLAYGROUND_ASSET_CSP = sameOriginCsp();

export interface SecurityHeadersOptions {
  /** The service's public URL; https turns on Strict-Transport-Security. */
  publicUrl: string;
  /** Where the playground's static files are served from, e.g. "/playground". */
  playgroundAssetsPath: string;
}

/** Flat [name, value, name, value, ...] lists, as Node's writeHead takes them. */
export type HeaderList = readonly string[];

/**
 * The security headers of an answer on `path`, decided once per process: three fixed lists (the
 * playground's files, thumbnails, everything else).
 */
export function securityHeaderLists(options: SecurityHeadersOptions): (path: string) => HeaderList {
  const playground = `${options.playgroundAssetsPath}/`;
  const common = [
    "X-Content-Type-Options",
    "nosniff",
    "Referrer-Policy",
    "no-referrer",
    "Cross-Origin-Opener-Policy",
    "same-origin",
    "X-Permitted-Cross-Domain-Policies",
    "none",
  ];
  const hsts = options.publicUrl.startsWith("https:")
    ? ["Strict-Transport-Security", "max-age=31536000"]
    : [];
  const strict = (resourcePolicy: string) => [
    ...common,
    "Content-Security-Policy",
    STRICT_CSP,
    "X-Frame-Options",
    "DENY",
    "Cross-Origin-Resource-Policy",
    resourcePolicy,
    ...hsts,
  ];
  const lists = {
    playground: [
      ...common,
      "Content-Security-Policy",
      PLAYGROUND_ASSET_CSP,
      "X-Frame-Options",
      "SAMEORIGIN",
      "Cross-Origin-Resource-Policy",
      "same-origin",
      ...hsts,
    ],
    thumbnails: strict("cross-origin"),
    other: strict("same-origin"),
  };
  return (path) =>
    path.startsWith(playground)
      ? lists.playground
      : path.startsWith("/thumbnails/")
        ? lists.thumbnails
        : lists.other;
}

export function securityHeaders(options: SecurityHeadersOptions): RequestHandler {
  const headersFor = securityHeaderLists(options);
  return (req, res, next) => {
    const headers = headersFor(req.path);
    for (let i = 0; i < headers.length; i += 2) res.setHeader(headers[i]!, headers[i + 1]!);
    next();
  };
}
