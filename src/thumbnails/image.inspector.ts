/**
 * Reads what an image really is from its bytes: the type from magic bytes (never from a name or a
 * declared MIME type), the dimensions from the header without decoding the pixels, and re-encodes
 * it to drop metadata (EXIF GPS, camera serials, comments).
 */
import sharp, { type Metadata } from "sharp";
import type { ImageFormat } from "../config.js";

/** What the bytes start with; "svg" and "pdf" are named so refusals can say what was sent. */
export type DetectedType = ImageFormat | "svg" | "pdf" | "unknown";

export interface ImageHeader {
  format: ImageFormat;
  /** Width and height as displayed (after the EXIF orientation is applied). */
  width: number;
  height: number;
  /** Frames of an animated GIF or WebP; 1 otherwise. */
  frames: number;
}

export const FILE_TYPES: Record<ImageFormat, string> = {
  jpeg: ".jpg",
  png: ".png",
  gif: ".gif",
  webp: ".webp",
};

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

export function detectType(bytes: Uint8Array): DetectedType {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "webp";
  if (startsWith(bytes, ascii("%PDF-"))) return "pdf";
  // SVG is text: look for the root element near the start (after an XML prolog, comments, a BOM).
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("utf8").toLowerCase();
  if (/^\ufeff?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!doctype[^>]*>\s*)*<svg[\s>]/.test(head))
    return "svg";
  return "unknown";
}

/** Thrown when the bytes claim a format but sharp cannot read or decode them. */
export class UnreadableImageError extends Error {}

/** Reads the dimensions from the header only: no pixel is decoded, so a decompression bomb is cheap. */
export async function readHeader(bytes: Uint8Array, format: ImageFormat): Promise<ImageHeader> {
  let metadata: Metadata;
  try {
    // The pixel limit is enforced by the caller on these numbers, then again when decoding.
    metadata = await sharp(bytes, { limitInputPixels: false, animated: isAnimatable(format) }).metadata();
  } catch {
    throw new UnreadableImageError("The image header cannot be read.");
  }
  if (metadata.format !== format || !metadata.width || !metadata.height) {
    throw new UnreadableImageError("The image header does not match its type.");
  }
  const frames = metadata.pages ?? 1;
  const frameHeight = metadata.pageHeight ?? Math.round(metadata.height / frames);
  const oriented = metadata.autoOrient ?? { width: metadata.width, height: metadata.height };
  return {
    format,
    width: frames > 1 ? metadata.width : oriented.width,
    height: frames > 1 ? frameHeight : oriented.height,
    frames,
  };
}

/**
 * Decodes the whole image (a truncated or corrupt file fails here) and encodes it again in the same
 * format: upright (EXIF orientation applied) and with no metadata, since sharp keeps none unless asked.
 */
export async function reencode(bytes: Uint8Array, header: ImageHeader, maxPixels: number): Promise<Buffer> {
  const animated = header.frames > 1;
  const image = sharp(bytes, {
    animated,
    // A second guard against bombs: the decoder itself refuses more pixels (all frames) than allowed.
    limitInputPixels: maxPixels,
    failOn: "truncated",
  });
  if (!animated) image.autoOrient();
  try {
    switch (header.format) {
      case "jpeg":
        return await image.jpeg({ quality: 90, mozjpeg: false }).toBuffer();
      case "png":
        return await image.png({ compressionLevel: 9 }).toBuffer();
      case "gif":
        return await image.gif().toBuffer();
      case "webp":
        return await image.webp({ quality: 90 }).toBuffer();
    }
  } catch {
    throw new UnreadableImageError("The image cannot be decoded: it is truncated or corrupt.");
  }
}

function isAnimatable(format: ImageFormat): boolean {
  return format === "gif" || format === "webp";
}
