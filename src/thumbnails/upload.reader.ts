/** Reads an uploaded file into memory under a byte limit: past the limit it stops reading at once. */
import { ThumbnailError } from "./thumbnail.errors.js";

export function tooLargeError(maxBytes: number): ThumbnailError {
  return new ThumbnailError(
    "THUMBNAIL_TOO_LARGE",
    `The file is larger than the ${formatBytes(maxBytes)} limit. Export a smaller image (a thumbnail needs ` +
      "no more than a few megapixels) and try again.",
    { maxBytes },
  );
}

export function interruptedError(): ThumbnailError {
  return new ThumbnailError(
    "BAD_USER_INPUT",
    "The upload stopped before the whole file arrived. Nothing was changed; upload the file again.",
  );
}

/**
 * Collects the stream's bytes; throws THUMBNAIL_TOO_LARGE as soon as more than maxBytes arrive
 * (leaving the loop destroys the stream, so the rest is never read) and BAD_USER_INPUT when the
 * stream fails (the client went away). ThumbnailErrors raised by the stream itself pass through.
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
    if (error instanceof ThumbnailError) throw error;
    throw interruptedError();
  }
  return Buffer.concat(chunks, total);
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${bytes} bytes`;
}
