/** Content negotiation and transcoding of delivered thumbnails. */
import { createHash } from "node:crypto";
import sharp from "sharp";
import type { DeliveryFormat } from "../config.js";

/** Raster types the route passes on; anything else (SVG, HTML error pages) is refused. */
const SOURCE_TYPES = new Set(["image/jpeg", "image/png", "image/gif", "image/webp", "image/avif"]);

// ftrack scales to fit inside size x size, and size <= 4096: a larger source is not a thumbnail.
const MAX_INPUT_PIXELS = 4096 * 4096;

/** The media type without parameters, lower case; null when it is not a raster type we deliver. */
export function deliverableType(contentType: string): string | null {
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  const normalised = type === "image/jpg" ? "image/jpeg" : type;
  return SOURCE_TYPES.has(normalised) ? normalised : null;
}

/**
 * The configured format the client accepts best, or null for "send the original". Only an explicit
 * `image/webp` or `image/avif` with q > 0 counts: `*\/*` says nothing about what a client decodes.
 * Ties go to the earlier entry of `allowed`.
 */
export function negotiateFormat(
  accept: string | undefined,
  allowed: readonly DeliveryFormat[],
): DeliveryFormat | null {
  if (!accept || allowed.length === 0) return null;
  const quality = new Map<string, number>();
  for (const range of accept.split(",")) {
    const [type, ...params] = range.split(";").map((part) => part.trim().toLowerCase());
    if (!type) continue;
    const q = params.find((p) => p.startsWith("q="));
    const value = q === undefined ? 1 : Number(q.slice(2));
    quality.set(type, Number.isFinite(value) ? value : 0);
  }
  let best: DeliveryFormat | null = null;
  let bestQ = 0;
  for (const format of allowed) {
    const q = quality.get(`image/${format}`) ?? 0;
    if (q > bestQ) {
      best = format;
      bestQ = q;
    }
  }
  return best;
}

/**
 * Re-encodes `body` as `format`. GIFs stay as they are (a static WebP/AVIF would drop their
 * animation), as do images already in the format.
 */
export async function transcode(
  body: Buffer,
  contentType: string,
  format: DeliveryFormat,
): Promise<{ body: Buffer; contentType: string }> {
  const target = `image/${format}`;
  if (contentType === target || contentType === "image/gif") return { body, contentType };
  // autoOrient: re-encoding drops EXIF, so apply its orientation to the pixels first.
  const image = sharp(body, { limitInputPixels: MAX_INPUT_PIXELS }).autoOrient();
  const output = format === "webp" ? image.webp({ quality: 80 }) : image.avif({ quality: 50, effort: 4 });
  return { body: await output.toBuffer(), contentType: target };
}

/** Width and height as a browser shows the image (EXIF orientation applied), from its header only. */
export async function imageSize(body: Buffer): Promise<{ width: number; height: number }> {
  const { autoOrient } = await sharp(body, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  return { width: autoOrient.width, height: autoOrient.height };
}

/** A strong validator: a hash of the exact bytes sent. */
export function etagOf(body: Buffer): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}
