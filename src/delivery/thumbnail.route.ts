/**
 * GET/HEAD /thumbnails/{componentId}/{size}?exp=&kid=&sig= : the signed thumbnail route.
 * Verify the signature, answer from the cache or fetch through the injected source (the ftrack
 * layer, which holds the credentials), transcode to WebP/AVIF when the client and config allow.
 * Error bodies carry a stable `code` and a generic message: never a URL, key, or stack.
 */
import { type Request, type Response, Router } from "express";
import type { DeliveryFormat, ThumbnailConfig } from "../config.js";
import { ErrorCode } from "../error-codes.js";
import { FtrackApiError, FtrackUnavailableError } from "../ftrack/ftrack.types.js";
import { sendError } from "../http/error.response.js";
import { describeError, type Logger, scrubUrl } from "../observability/logger.js";
import { thumbnailDeliveries } from "../observability/metrics.js";
import type {
  DimensionsRecorder,
  ImageSize,
  ThumbnailProbe,
} from "../thumbnails/thumbnail-dimensions.memo.js";
import type { ThumbnailUrlSigner } from "../thumbnails/url-signer.js";
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

export function createThumbnailRouter(options: ThumbnailRouterOptions): Router {
  const { signer, source, config, logger, dimensions, now = Date.now } = options;
  const cache = options.cache ?? new ThumbnailCache(config.cacheBytes);
  const router = Router();

  // Express routes GET handlers for HEAD too; Node sends no body for HEAD.
  router.get("/thumbnails/:componentId/:size", async (req: Request, res: Response) => {
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
    const { componentId, size, expiresAt } = verdict;
    const format = negotiateFormat(req.get("accept"), config.deliveryFormats);

    let entry: CachedThumbnail | null;
    try {
      entry = (await loadThumbnail({ cache, source, dimensions }, componentId, size, format)).value;
    } catch (error) {
      const mapped = mapSourceError(error);
      const log = { componentId, size, error: describeError(error), status: mapped.status };
      if (mapped === DELIVERY_ERRORS.internal) {
        logger?.error({ ...log, err: scrubError(error) }, "thumbnail delivery failed");
      } else if (error instanceof FtrackApiError && error.isCredentials && error.byService) {
        logger?.error(log, "ftrack refused the service's API key: check FTRACK_API_USER and FTRACK_API_KEY");
      } else {
        logger?.warn(log, "thumbnail source failed");
      }
      return sendDeliveryError(res, mapped);
    }
    if (!entry) return sendDeliveryError(res, DELIVERY_ERRORS.notFound);

    const maxAge = Math.max(0, expiresAt - Math.floor(now() / 1000));
    res.setHeader("Cache-Control", `private, max-age=${maxAge}, immutable`);
    res.setHeader("ETag", entry.etag);
    if (config.deliveryFormats.length > 0) res.setHeader("Vary", "Accept");

    if (matchesEtag(req.get("if-none-match"), entry.etag)) {
      thumbnailDeliveries.inc({ status: "304" });
      res.status(304).end();
      return;
    }
    res.setHeader("Content-Type", entry.contentType);
    res.setHeader("Content-Length", String(entry.body.length));
    thumbnailDeliveries.inc({ status: "200" });
    logger?.debug({ componentId, size, contentType: entry.contentType }, "thumbnail delivered");
    res.status(200).end(entry.body);
  });

  // Anything else under /thumbnails/ is not a URL this service issues.
  router.get("/thumbnails/*rest", (_req: Request, res: Response) =>
    sendDeliveryError(res, DELIVERY_ERRORS.malformed),
  );

  return router;
}

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
