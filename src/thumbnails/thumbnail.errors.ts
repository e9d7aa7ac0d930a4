/** Errors of the thumbnail domain. Each carries the stable public code the API reports. */
import { ErrorCode } from "../error-codes.js";

export class ThumbnailError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ThumbnailError";
  }
}

/** A file whose bytes are over the limit: the request (or the stored file) carried too many. */
export class FileTooLargeError extends ThumbnailError {
  override name = "FileTooLargeError";
}

/** An image over the byte limit (UPLOAD_MAX_BYTES), uploaded or stored. */
export function tooLargeError(maxBytes: number): FileTooLargeError {
  return new FileTooLargeError(
    ErrorCode.THUMBNAIL_TOO_LARGE,
    `The file is larger than the ${formatBytes(maxBytes)} limit. Export a smaller image (a thumbnail needs ` +
      "no more than a few megapixels) and try again.",
    { maxBytes },
  );
}

/** An upload whose request ended (or broke) before the whole file arrived. */
export function interruptedError(): ThumbnailError {
  return new ThumbnailError(
    ErrorCode.BAD_USER_INPUT,
    "The upload stopped before the whole file arrived. Nothing was changed; upload the file again.",
  );
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${bytes} bytes`;
}
