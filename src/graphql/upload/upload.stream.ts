/**
 * A graphql-upload file -> the byte stream the domain reads (thumbnails/upload.reader.ts). The one
 * place graphql-upload's errors are translated: its size limit (HTTP 413) is UploadLimitError, a
 * file the request never sent is BAD_USER_INPUT, and a request cut off mid-file is BAD_USER_INPUT.
 */
import type { FileUpload } from "graphql-upload/processRequest.mjs";
import { ErrorCode } from "../../error-codes.js";
import { interruptedError, ThumbnailError } from "../../thumbnails/thumbnail.errors.js";
import { UploadLimitError } from "../../thumbnails/upload.reader.js";

/** graphql-upload's answer when the map names a file part the request does not hold. */
const FILE_MISSING = /file missing/i;

export async function* uploadStream(file: Promise<FileUpload>): AsyncIterable<Uint8Array> {
  try {
    const upload = await file;
    yield* upload.createReadStream() as AsyncIterable<Uint8Array>;
  } catch (error) {
    const { status, message } = (error ?? {}) as { status?: unknown; message?: unknown };
    if (status === 413) throw new UploadLimitError();
    if (status === 400 && typeof message === "string" && FILE_MISSING.test(message)) {
      throw new ThumbnailError(
        ErrorCode.BAD_USER_INPUT,
        "The request holds no file for the Upload variable: map it to a file part (GraphQL multipart request).",
      );
    }
    throw interruptedError();
  }
}
