/**
 * A graphql-upload file -> the byte stream the domain reads. graphql-upload's own errors become
 * domain errors here: its size limit (HTTP 413) is THUMBNAIL_TOO_LARGE, a request cut off mid-file
 * is BAD_USER_INPUT.
 */
import type { FileUpload } from "graphql-upload/processRequest.mjs";
import { ThumbnailError } from "../thumbnails/thumbnail.errors.js";
import { interruptedError, tooLargeError } from "../thumbnails/upload.reader.js";

export async function* uploadStream(file: Promise<FileUpload>, maxBytes: number): AsyncIterable<Uint8Array> {
  try {
    const upload = await file;
    yield* upload.createReadStream() as AsyncIterable<Uint8Array>;
  } catch (error) {
    if (error instanceof ThumbnailError) throw error;
    if ((error as { status?: unknown } | null)?.status === 413) throw tooLargeError(maxBytes);
    throw interruptedError();
  }
}
