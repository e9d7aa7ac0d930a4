/**
 * What makes a component a valid thumbnail. ftrack's documentation names three rules, and ftrack
 * itself checks none of them (thumbnail_id accepts any component id):
 *   1. it is a FileComponent,
 *   2. it exists in the `ftrack.server` location,
 *   3. it is an image of a valid file type and an appropriate resolution, as read from the STORED
 *      BYTES (the declared file_type proves nothing).
 * Every refusal is a ThumbnailError with a public code and a message that says what to do.
 */
import type { UploadConfig } from "../config.js";
import { ErrorCode } from "../error-codes.js";
import { type ComponentRecord, SERVER_LOCATION_ID } from "../ftrack/ftrack.types.js";
import {
  detectType,
  type ImageHeader,
  readHeader,
  reencode,
  UnreadableImageError,
} from "./image.inspector.js";
import { ThumbnailError } from "./thumbnail.errors.js";

export type ImageLimits = Pick<UploadConfig, "maxPixels" | "minEdge" | "maxEdge" | "acceptedTypes">;

/** An image that passed every rule, re-encoded without metadata. */
export interface ValidImage extends ImageHeader {
  bytes: Buffer;
}

/** Rules 1 and 2, on the component's record. */
export function assertThumbnailComponent(
  component: ComponentRecord | null,
  componentId: string,
): asserts component is ComponentRecord {
  if (!component) {
    throw new ThumbnailError(
      ErrorCode.NOT_FOUND,
      `No component with id "${componentId}" exists. Check the component id.`,
      { componentId },
    );
  }
  if (component.entityType !== "FileComponent") {
    throw new ThumbnailError(
      ErrorCode.THUMBNAIL_NOT_FILE_COMPONENT,
      `Component "${componentId}" is a ${component.entityType}, not a FileComponent: a thumbnail must be a single ` +
        "image file. Pick an image FileComponent, or upload the image with uploadThumbnail.",
      { componentId, entityType: component.entityType },
    );
  }
  if (!component.locationIds.includes(SERVER_LOCATION_ID)) {
    throw new ThumbnailError(
      ErrorCode.THUMBNAIL_NOT_IN_SERVER_LOCATION,
      `Component "${componentId}" is not stored in the ftrack.server location, so ftrack cannot serve it. ` +
        "Upload the image with uploadThumbnail instead.",
      { componentId },
    );
  }
}

/** Rule 3, on the bytes: type by magic bytes, resolution by the header, then a full decode. */
export async function validateImage(bytes: Uint8Array, limits: ImageLimits): Promise<ValidImage> {
  const accepted = limits.acceptedTypes.map((t) => t.toUpperCase()).join(", ");
  const detected = detectType(bytes);
  if (
    detected === "svg" ||
    detected === "pdf" ||
    detected === "unknown" ||
    !limits.acceptedTypes.includes(detected)
  ) {
    const what =
      detected === "unknown" ? "not an image this service accepts" : `a ${detected.toUpperCase()} file`;
    throw new ThumbnailError(
      ErrorCode.THUMBNAIL_UNSUPPORTED_TYPE,
      `The file is ${what} (its type is read from its content, not its name). Use one of: ${accepted}.`,
      { detectedType: detected, acceptedTypes: limits.acceptedTypes },
    );
  }
  try {
    const header = await readHeader(bytes, detected);
    assertResolution(header, limits);
    return { ...header, bytes: await reencode(bytes, header, limits.maxPixels) };
  } catch (error) {
    if (error instanceof UnreadableImageError) throw unreadable(detected, accepted);
    throw error;
  }
}

function assertResolution(header: ImageHeader, limits: ImageLimits): void {
  const { width, height, frames } = header;
  const pixels = width * height * frames;
  const details = { width, height, frames, ...limits };
  const size = `${width}x${height}${frames > 1 ? ` (${frames} frames)` : ""}`;
  if (pixels > limits.maxPixels) {
    throw new ThumbnailError(
      ErrorCode.THUMBNAIL_BAD_RESOLUTION,
      `The image is ${size}, ${megapixels(pixels)} megapixels; the limit is ${megapixels(limits.maxPixels)} ` +
        `megapixels. Scale it down (a thumbnail needs no more than ${limits.maxEdge} pixels a side) and try again.`,
      details,
    );
  }
  if (Math.max(width, height) > limits.maxEdge) {
    throw new ThumbnailError(
      ErrorCode.THUMBNAIL_BAD_RESOLUTION,
      `The image is ${size}; no side may exceed ${limits.maxEdge} pixels. Scale it down and try again.`,
      details,
    );
  }
  if (Math.min(width, height) < limits.minEdge) {
    throw new ThumbnailError(
      ErrorCode.THUMBNAIL_BAD_RESOLUTION,
      `The image is ${size}; each side must be at least ${limits.minEdge} pixels. Use a larger image.`,
      details,
    );
  }
}

function unreadable(type: string, accepted: string): ThumbnailError {
  return new ThumbnailError(
    ErrorCode.THUMBNAIL_UNSUPPORTED_TYPE,
    `The file starts like a ${type.toUpperCase()} image but cannot be decoded: it is truncated or corrupt. ` +
      `Export the image again (${accepted}) and retry.`,
    { detectedType: type, corrupt: true },
  );
}

const megapixels = (pixels: number) => Math.round(pixels / 100_000) / 10;
