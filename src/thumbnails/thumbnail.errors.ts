/** Errors of the thumbnail domain. Each carries the stable public code the API reports. */

export type ThumbnailErrorCode =
  | "NOT_FOUND"
  | "THUMBNAIL_NOT_FILE_COMPONENT"
  | "THUMBNAIL_NOT_IN_SERVER_LOCATION"
  | "THUMBNAIL_UNSUPPORTED_TYPE"
  | "THUMBNAIL_BAD_RESOLUTION"
  | "THUMBNAIL_TOO_LARGE"
  | "SOURCE_HAS_NO_THUMBNAIL"
  | "BAD_USER_INPUT";

export class ThumbnailError extends Error {
  constructor(
    readonly code: ThumbnailErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ThumbnailError";
  }
}
