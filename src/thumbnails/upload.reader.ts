/** Reads an uploaded file into memory under a byte limit: past the limit it stops reading at once. */
import { tooLargeError } from "./thumbnail.errors.js";

/**
 * An uploaded file as the domain reads it. Its stream throws ThumbnailErrors for what went wrong
 * in transit (already worded for the caller), or UploadLimitError when the transport itself cut
 * the file at the byte limit.
 */
export interface UploadedFile {
  stream: AsyncIterable<Uint8Array>;
}

/** The transport stopped the file at the byte limit: the file is larger than allowed. */
export class UploadLimitError extends Error {
  constructor() {
    super("The upload was cut at the byte limit");
    this.name = "UploadLimitError";
  }
}

/**
 * Collects the stream's bytes; throws `tooLarge()` (by default THUMBNAIL_TOO_LARGE for maxBytes) as
 * soon as more than maxBytes arrive, or the transport says so. Leaving the loop ends the stream's
 * iteration, so nothing more is read.
 */
export async function readAtMost(
  stream: AsyncIterable<Uint8Array>,
  maxBytes: number,
  tooLarge: () => Error = () => tooLargeError(maxBytes),
): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += chunk.length;
      if (total > maxBytes) throw tooLarge();
      chunks.push(chunk);
    }
  } catch (error) {
    throw error instanceof UploadLimitError ? tooLarge() : error;
  }
  return Buffer.concat(chunks, total);
}
