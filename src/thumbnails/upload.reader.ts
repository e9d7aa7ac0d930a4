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
 * Collects the stream's bytes; throws THUMBNAIL_TOO_LARGE as soon as more than maxBytes arrive
 * (leaving the loop destroys the stream, so the rest is never read) or the transport says so.
 */
export async function readAtMost(stream: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += chunk.length;
      if (total > maxBytes) throw tooLargeError(maxBytes);
      chunks.push(chunk);
    }
  } catch (error) {
    throw error instanceof UploadLimitError ? tooLargeError(maxBytes) : error;
  }
  return Buffer.concat(chunks, total);
}
