/**
 * GET/HEAD /thumbnails/{componentId}/{size}?exp=&kid=&sig= : the signed thumbnail route.
 * Verify the signature, answer from the cache or fetch through the injected source (the ftrack
 * layer, which holds the credentials), transcode to WebP/AVIF when the client and config allow.
 * Error bodies carry a stable `code` and a generic message: never a URL, key, or stack.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { type Request, type Response, Router } from "express";
import type { DeliveryFormat, ThumbnailConfig } from "../config.js";
import { ErrorCode } from "../error-codes.js";
import { FtrackApiError, FtrackUnavailableError } from "../ftrack/ftrack.types.js";
import { sendError } from "../http/error.response.js";
import type { HeaderList } from "../http/security.middleware.js";
import { describeError, type Logger, scrubUrl } from "../observability/logger.js";
import { thumbnailCacheHits, thumbnailDeliveries } from "../observability/metrics.js";
import type { RequestLogFields } from "../observability/request-scope.js";
import type {
  DimensionsRecorder,
  ImageSize,
  ThumbnailProbe,
} from "../thumbnails/thumbnail-dimensions.memo.js";
import type { SignedUrlParams, ThumbnailUrlSigner, VerifyResult } from "../thumbnails/url-signer.js";
import { type CachedThumbnail, ThumbnailCache } from "./thumbnail.cache.js";
import { deliverableType, etagOf, imageSize, negotiateFormat, transcode } from "./thumbnail.format.js";

/**
 * Fetches a thumbnail scaled to fit inside size x size. Null: no such component. Throws
 * FtrackUnavailableError when ftrack is down or slow. Not cancelled when a client hangs up: concurrent
 * misses of one image share the fetch, and what it brings is cached for the next request.
 */
export type ThumbnailSource = (
  componentId: string,
  size: number,
) => Promise<{ body: Buffer; contentType: string } | null>;

export interface ThumbnailRouterOptions {
  signer: ThumbnailUrlSigner;
  source: ThumbnailSource;
  config: ThumbnailConfig;
  /** Defaults to a new cache of `config.cacheBytes`. */
  cache?: ThumbnailCache;
  /** Told the size of every image fetched from the source (for srcset widths). */
  dimensions?: DimensionsRecorder;
  logger?: Logger;
  /** Milliseconds since the epoch; used for max-age. */
  now?: () => number;
}

const DELIVERY_ERRORS = {
  malformed: { status: 403, code: ErrorCode.THUMBNAIL_URL_MALFORMED, message: "Invalid thumbnail link." },
  tampered: {
    status: 403,
    code: ErrorCode.THUMBNAIL_URL_INVALID_SIGNATURE,
    message: "Invalid thumbnail link.",
  },
  expired: {
    status: 410,
    code: ErrorCode.THUMBNAIL_URL_EXPIRED,
    message: "This thumbnail link has expired.",
  },
  notFound: { status: 404, code: ErrorCode.THUMBNAIL_NOT_FOUND, message: "Thumbnail not found." },
  badUpstream: {
    status: 502,
    code: ErrorCode.THUMBNAIL_UPSTREAM_ERROR,
    message: "Thumbnail storage failed.",
  },
  timeout: {
    status: 504,
    code: ErrorCode.THUMBNAIL_UPSTREAM_TIMEOUT,
    message: "Thumbnail storage timed out.",
  },
  internal: { status: 500, code: ErrorCode.INTERNAL_SERVER_ERROR, message: "Internal error." },
} as const;

type DeliveryError = (typeof DELIVERY_ERRORS)[keyof typeof DELIVERY_ERRORS];

/** The source answered with bytes the route will not serve (a type not delivered, or undecodable). */
class UndeliverableSourceError extends Error {
  override name = "UndeliverableSourceError";
}

type LoadOptions = Pick<ThumbnailRouterOptions, "source" | "dimensions"> & { cache: ThumbnailCache };

/**
 * A component's thumbnail at a size, in a format (null: the source's own): from the cache, or
 * fetched from the source once for every concurrent caller, transcoded and cached.
 */
function loadThumbnail(
  { cache, source, dimensions }: LoadOptions,
  componentId: string,
  size: number,
  format: DeliveryFormat | null,
) {
  return cache.load(ThumbnailCache.key(componentId, size, format ?? "original"), async () => {
    const original = await source(componentId, size);
    if (!original) return null;
    const type = deliverableType(original.contentType);
    if (!type) throw new UndeliverableSourceError("type not delivered");
    // The header only; bytes that do not decode are still passed on as they are when not transcoded.
    const dimensionsOf = await imageSize(original.body).catch(() => undefined);
    if (dimensionsOf) dimensions?.record(componentId, size, dimensionsOf);
    let out = { body: original.body, contentType: type };
    if (format) {
      try {
        out = await transcode(original.body, type, format);
      } catch (cause) {
        // The source's bytes do not decode as the image they claim to be.
        throw new UndeliverableSourceError("transcode failed", { cause });
      }
    }
    return { ...out, etag: etagOf(out.body), size: dimensionsOf };
  });
}

/**
 * The srcset probe: the thumbnail at `box` in the format browsers are served first, loaded through
 * the delivery cache (so the browser's request that follows is a hit), and its size.
 */
export function createThumbnailProbe(options: {
  cache: ThumbnailCache;
  source: ThumbnailSource;
  config: Pick<ThumbnailConfig, "deliveryFormats">;
}): ThumbnailProbe {
  const format = options.config.deliveryFormats[0] ?? null;
  return async (componentId, box): Promise<ImageSize | null> => {
    const { value } = await loadThumbnail(options, componentId, box, format);
    return value?.size ?? null;
  };
}

/** Accept headers remembered with the format they negotiate (browsers send a handful of them). */
const MAX_REMEMBERED_ACCEPTS = 64;
/** Signed URLs remembered as verified (a grid page repeats a few hundred of them). */
const MAX_REMEMBERED_URLS = 10_000;

/**
 * The route. A cache hit is answered without the Express pipeline (serveFromMemory, which the HTTP
 * server calls first): a signature check, a map lookup and a write. Everything else (a miss, a refused
 * or unusual URL, another method) goes through the router, which answers hits the same way.
 */
export class ThumbnailDelivery {
  readonly #options: ThumbnailRouterOptions;
  readonly #cache: ThumbnailCache;
  readonly #now: () => number;
  readonly #formats = new Map<string, DeliveryFormat | null>();
  /** URLs whose signature checked out, as received: a repeat costs a map lookup and an expiry check. */
  readonly #verified = new Map<string, VerifiedUrl>();
  readonly #memoryHits = thumbnailCacheHits.labels("memory");
  readonly #hits = thumbnailDeliveries.labels("200");
  readonly #notModified = thumbnailDeliveries.labels("304");

  constructor(options: ThumbnailRouterOptions) {
    this.#options = options;
    this.#cache = options.cache ?? new ThumbnailCache(options.config.cacheBytes);
    this.#now = options.now ?? Date.now;
  }

  /**
   * Answers a GET or HEAD of a plain signed URL from memory; false, having written nothing, when the
   * request needs the router (a miss, a refusal, anything it does not recognise as is). `begin` is
   * called only for a hit, before the answer: it gives the headers (flat [name, value, ...]) to send
   * before the route's own, and what the debug line says of the request.
   */
  serveFromMemory(req: IncomingMessage, res: ServerResponse, begin?: () => FastPathRequest): boolean {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const verdict = this.#verify(req.url ?? "");
    return verdict !== null && this.#answerFromMemory(verdict, req, res, begin);
  }

  /** A plain URL's verdict when it is valid (remembered: the same bytes were checked before); else null. */
  #verify(url: string): VerifiedUrl | null {
    const known = this.#verified.get(url);
    if (known) {
      if (known.expiresAt * 1000 > this.#now()) return known;
      this.#verified.delete(url);
      return null;
    }
    const parts = plainParts(url);
    const verdict = parts && this.#options.signer.verify(parts);
    if (!verdict?.ok) return null;
    if (this.#verified.size >= MAX_REMEMBERED_URLS) this.#verified.clear();
    this.#verified.set(url, verdict);
    return verdict;
  }

  router(): Router {
    const { signer, source, logger, dimensions } = this.#options;
    const cache = this.#cache;
    const router = Router();

    // Express routes GET handlers for HEAD too; Node sends no body for HEAD.
    router.get(THUMBNAIL_ROUTE, async (req: Request, res: Response) => {
      const verdict = signer.verify({
        componentId: req.params.componentId,
        size: req.params.size,
        exp: req.query.exp,
        kid: req.query.kid,
        sig: req.query.sig,
      });
      if (!verdict.ok) {
        logger?.debug({ reason: verdict.reason }, "thumbnail url rejected");
        return sendDeliveryError(res, DELIVERY_ERRORS[verdict.reason]);
      }
      if (this.#answerFromMemory(verdict, req, res)) return;
      const { componentId, size } = verdict;
      const format = this.#format(req.headers.accept);

      let entry: CachedThumbnail | null;
      try {
        // The cache counts its hits and misses by tier.
        entry = (await loadThumbnail({ cache, source, dimensions }, componentId, size, format)).value;
      } catch (error) {
        const mapped = mapSourceError(error);
        const log = { componentId, size, error: describeError(error), status: mapped.status };
        if (mapped === DELIVERY_ERRORS.internal) {
          logger?.error({ ...log, err: scrubError(error) }, "thumbnail delivery failed");
        } else if (error instanceof FtrackApiError && error.isCredentials && error.byService) {
          logger?.error(
            log,
            "ftrack refused the service's API key: check FTRACK_API_USER and FTRACK_API_KEY",
          );
        } else {
          logger?.warn(log, "thumbnail source failed");
        }
        return sendDeliveryError(res, mapped);
      }
      if (!entry) return sendDeliveryError(res, DELIVERY_ERRORS.notFound);
      this.#send(entry, verdict, req, res, []);
    });

    // Anything else under /thumbnails/ is not a URL this service issues.
    router.get("/thumbnails/*rest", (_req: Request, res: Response) =>
      sendDeliveryError(res, DELIVERY_ERRORS.malformed),
    );

    return router;
  }

  /** The format a client's Accept header negotiates, remembered per header value. */
  #format(accept: string | undefined): DeliveryFormat | null {
    const key = accept ?? "";
    let format = this.#formats.get(key);
    if (format === undefined) {
      format = negotiateFormat(accept, this.#options.config.deliveryFormats);
      if (this.#formats.size >= MAX_REMEMBERED_ACCEPTS) this.#formats.clear();
      this.#formats.set(key, format);
    }
    return format;
  }

  #answerFromMemory(
    verdict: VerifiedUrl,
    req: IncomingMessage,
    res: ServerResponse,
    begin?: () => FastPathRequest,
  ): boolean {
    const format = this.#format(req.headers.accept);
    const entry = this.#cache.get(
      ThumbnailCache.key(verdict.componentId, verdict.size, format ?? "original"),
    );
    if (!entry) return false;
    this.#memoryHits.inc();
    const request = begin?.();
    this.#send(entry, verdict, req, res, request?.headers ?? [], request?.logFields);
    return true;
  }

  /** The image (or 304), with its caching headers, in one write. */
  #send(
    entry: CachedThumbnail,
    verdict: VerifiedUrl,
    req: IncomingMessage,
    res: ServerResponse,
    baseHeaders: HeaderList,
    logFields?: RequestLogFields,
  ): void {
    const { config, logger } = this.#options;
    const maxAge = Math.max(0, verdict.expiresAt - Math.floor(this.#now() / 1000));
    const headers = [
      ...baseHeaders,
      "Cache-Control",
      `${config.cacheScope ?? "private"}, max-age=${maxAge}, immutable`,
      "ETag",
      entry.etag,
    ];
    // The answer depends on Accept when formats may be negotiated (and on Origin, when CORS says so).
    if (config.deliveryFormats.length > 0) withVary(headers, res, "Accept");
    if (matchesEtag(req.headers["if-none-match"], entry.etag)) {
      this.#notModified.inc();
      res.writeHead(304, headers);
      res.end();
      return;
    }
    headers.push("Content-Type", entry.contentType, "Content-Length", String(entry.body.length));
    this.#hits.inc();
    if (logger?.isLevelEnabled("debug")) {
      const { componentId, size } = verdict;
      logger.debug(
        { ...logFields, componentId, size, contentType: entry.contentType },
        "thumbnail delivered",
      );
    }
    res.writeHead(200, headers);
    res.end(entry.body);
  }
}

export function createThumbnailRouter(options: ThumbnailRouterOptions): Router {
  return new ThumbnailDelivery(options).router();
}

type VerifiedUrl = Extract<VerifyResult, { ok: true }>;

/** What the request listener adds to an answer from memory (see serveFromMemory). */
export interface FastPathRequest {
  headers: HeaderList;
  logFields: RequestLogFields;
}

/** Adds `value` to the Vary the answer already has (in `headers` or set on `res`), in one header. */
function withVary(headers: string[], res: ServerResponse, value: string): void {
  const at = headers.findIndex((name, i) => i % 2 === 0 && name.toLowerCase() === "vary");
  const current = at === -1 ? res.getHeader("vary") : headers[at + 1];
  const vary = current ? `${current}, ${value}` : value;
  if (at === -1) headers.push("Vary", vary);
  else headers[at + 1] = vary;
}

/**
 * The parts of a plain signed URL (`/thumbnails/{id}/{size}?exp=&kid=&sig=`, nothing to decode, no
 * parameter twice); null for anything else, which the router reads as Express does.
 */
function plainParts(url: string): SignedUrlParams | null {
  if (!url.startsWith(PREFIX) || url.includes("%") || url.includes("+")) return null;
  const queryAt = url.indexOf("?");
  const [componentId, size, ...rest] = url
    .slice(PREFIX.length, queryAt === -1 ? undefined : queryAt)
    .split("/");
  if (rest.length > 0) return null;
  const parts: SignedUrlParams = { componentId, size, exp: undefined, kid: undefined, sig: undefined };
  if (queryAt === -1) return parts;
  for (const pair of url.slice(queryAt + 1).split("&")) {
    const equals = pair.indexOf("=");
    const name = equals === -1 ? pair : pair.slice(0, equals);
    if (name !== "exp" && name !== "kid" && name !== "sig") continue;
    if (parts[name] !== undefined) return null;
    parts[name] = equals === -1 ? "" : pair.slice(equals + 1);
  }
  return parts;
}

const PREFIX = "/thumbnails/";
/** The delivery route, as Express names it (and a span names the request it answered). */
export const THUMBNAIL_ROUTE = `${PREFIX}:componentId/:size`;

function sendDeliveryError(res: Response, error: DeliveryError): void {
  thumbnailDeliveries.inc({ status: String(error.status) });
  res.setHeader("Cache-Control", "no-store");
  sendError(res, error.status, error.code, error.message);
}

function mapSourceError(error: unknown): DeliveryError {
  if (error instanceof FtrackUnavailableError) {
    return error.kind === "timeout" ? DELIVERY_ERRORS.timeout : DELIVERY_ERRORS.badUpstream;
  }
  if (error instanceof FtrackApiError || error instanceof UndeliverableSourceError)
    return DELIVERY_ERRORS.badUpstream;
  return DELIVERY_ERRORS.internal;
}

/** An unexpected error for the log, with any credential in a URL it quotes redacted. */
function scrubError(error: unknown): { type: string; message: string; stack?: string } {
  if (!(error instanceof Error)) return { type: typeof error, message: "non-Error thrown" };
  return { type: error.name, message: scrubUrl(error.message), stack: error.stack && scrubUrl(error.stack) };
}

/** If-None-Match uses the weak comparison (RFC 9110 13.1.2): W/ prefixes are ignored. */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((candidate) => {
    const tag = candidate.trim();
    return tag === "*" || tag.replace(/^W\//, "") === etag;
  });
}
