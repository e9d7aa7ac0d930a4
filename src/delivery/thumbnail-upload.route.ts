/**
 * PUT /thumbnail-uploads/{uploadId}?exp=&kid=&sig= : the signed URL of a two-step upload
 * (createThumbnailUpload), beside the thumbnail route. The request body is the file; the domain
 * flow reads and checks it. 204 when the image is accepted, else `{ code, message }` with the
 * codes uploadThumbnail uses. Thin: HTTP in and out, nothing else.
 */
import type { IncomingMessage } from "node:http";
import { type Request, type Response, Router } from "express";
import { ErrorCode } from "../error-codes.js";
import { sendError } from "../http/error.response.js";
import { describeError, type Logger } from "../observability/logger.js";
import { interruptedError, ThumbnailError } from "../thumbnails/thumbnail.errors.js";
import type { ThumbnailUploadFlow } from "../thumbnails/thumbnail-upload.flow.js";
import { UPLOAD_ROUTE_PREFIX } from "../thumbnails/upload-url.signer.js";

export interface ThumbnailUploadRouterOptions {
  uploads: ThumbnailUploadFlow;
  logger?: Logger;
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.THUMBNAIL_URL_MALFORMED]: 403,
  [ErrorCode.THUMBNAIL_URL_INVALID_SIGNATURE]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.THUMBNAIL_UPLOAD_USED]: 409,
  [ErrorCode.THUMBNAIL_URL_EXPIRED]: 410,
  [ErrorCode.THUMBNAIL_TOO_LARGE]: 413,
  [ErrorCode.THUMBNAIL_UNSUPPORTED_TYPE]: 415,
  [ErrorCode.THUMBNAIL_BAD_RESOLUTION]: 422,
};

/**
 * The request body, read without destroying the request when the reader stops early (over the
 * declared size), so the refusal can still be answered; a request cut off is BAD_USER_INPUT.
 */
async function* bodyOf(req: IncomingMessage): AsyncIterable<Uint8Array> {
  try {
    yield* req.iterator({ destroyOnReturn: false }) as AsyncIterable<Uint8Array>;
  } catch {
    throw interruptedError();
  }
}

export function createThumbnailUploadRouter({ uploads, logger }: ThumbnailUploadRouterOptions): Router {
  const router = Router();
  router.put(`${UPLOAD_ROUTE_PREFIX}/:uploadId`, async (req: Request, res: Response) => {
    res.setHeader("Cache-Control", "no-store");
    const length = req.get("content-length");
    try {
      await uploads.receive(
        { uploadId: req.params.uploadId, exp: req.query.exp, kid: req.query.kid, sig: req.query.sig },
        bodyOf(req),
        length === undefined ? undefined : Number(length),
      );
    } catch (error) {
      if (!(error instanceof ThumbnailError)) {
        logger?.error({ error: describeError(error) }, "thumbnail upload PUT failed");
        res.setHeader("Connection", "close");
        return sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, "Internal error.");
      }
      logger?.debug({ code: error.code }, "thumbnail upload PUT refused");
      // The rest of a refused body is not read: the connection closes after the answer.
      if (!req.readableEnded) res.setHeader("Connection", "close");
      return sendError(res, STATUS[error.code] ?? 400, error.code, error.message);
    }
    res.status(204).end();
  });
  return router;
}
