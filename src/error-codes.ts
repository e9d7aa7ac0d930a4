/**
 * Every public error code of the service: `extensions.code` in /graphql answers, and `code` in the
 * `{ code, message }` bodies of the plain HTTP routes. They are API: the README's "Error codes"
 * table lists exactly these (a test checks), and /graphql answers an error carrying any other code
 * as INTERNAL_SERVER_ERROR.
 */
export const ErrorCode = {
  // Apollo Server's own, for requests it refuses; and anything unexpected.
  GRAPHQL_PARSE_FAILED: "GRAPHQL_PARSE_FAILED",
  GRAPHQL_VALIDATION_FAILED: "GRAPHQL_VALIDATION_FAILED",
  BAD_USER_INPUT: "BAD_USER_INPUT",
  BAD_REQUEST: "BAD_REQUEST",
  OPERATION_RESOLUTION_FAILURE: "OPERATION_RESOLUTION_FAILURE",
  PERSISTED_QUERY_NOT_FOUND: "PERSISTED_QUERY_NOT_FOUND",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
  // Request limits (src/graphql/limits/).
  QUERY_TOO_DEEP: "QUERY_TOO_DEEP",
  QUERY_TOO_COMPLEX: "QUERY_TOO_COMPLEX",
  TOO_MANY_ALIASES: "TOO_MANY_ALIASES",
  TOO_MANY_OPERATIONS: "TOO_MANY_OPERATIONS",
  VARIABLES_TOO_LARGE: "VARIABLES_TOO_LARGE",
  REQUEST_TOO_LARGE: "REQUEST_TOO_LARGE",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  PERSISTED_QUERY_REQUIRED: "PERSISTED_QUERY_REQUIRED",
  // Subscriptions run over WebSocket or SSE only, queries and mutations over HTTP only.
  OPERATION_TYPE_NOT_SUPPORTED: "OPERATION_TYPE_NOT_SUPPORTED",
  // Who the caller is, and what ftrack allows them.
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  // ftrack itself.
  FTRACK_UNAVAILABLE: "FTRACK_UNAVAILABLE",
  FTRACK_ERROR: "FTRACK_ERROR",
  FTRACK_MISCONFIGURED: "FTRACK_MISCONFIGURED",
  // Thumbnail mutations (src/thumbnails/).
  NOT_FOUND: "NOT_FOUND",
  THUMBNAIL_NOT_FILE_COMPONENT: "THUMBNAIL_NOT_FILE_COMPONENT",
  THUMBNAIL_NOT_IN_SERVER_LOCATION: "THUMBNAIL_NOT_IN_SERVER_LOCATION",
  THUMBNAIL_UNSUPPORTED_TYPE: "THUMBNAIL_UNSUPPORTED_TYPE",
  THUMBNAIL_BAD_RESOLUTION: "THUMBNAIL_BAD_RESOLUTION",
  THUMBNAIL_TOO_LARGE: "THUMBNAIL_TOO_LARGE",
  SOURCE_HAS_NO_THUMBNAIL: "SOURCE_HAS_NO_THUMBNAIL",
  // Two-step uploads (createThumbnailUpload, its PUT, completeThumbnailUpload).
  THUMBNAIL_UPLOAD_USED: "THUMBNAIL_UPLOAD_USED",
  THUMBNAIL_UPLOAD_NOT_RECEIVED: "THUMBNAIL_UPLOAD_NOT_RECEIVED",
  // The signed thumbnail route (src/delivery/).
  THUMBNAIL_URL_MALFORMED: "THUMBNAIL_URL_MALFORMED",
  THUMBNAIL_URL_INVALID_SIGNATURE: "THUMBNAIL_URL_INVALID_SIGNATURE",
  THUMBNAIL_URL_EXPIRED: "THUMBNAIL_URL_EXPIRED",
  THUMBNAIL_NOT_FOUND: "THUMBNAIL_NOT_FOUND",
  THUMBNAIL_UPSTREAM_ERROR: "THUMBNAIL_UPSTREAM_ERROR",
  THUMBNAIL_UPSTREAM_TIMEOUT: "THUMBNAIL_UPSTREAM_TIMEOUT",
  // Browsers on origins CORS_ORIGINS does not list.
  CORS_ORIGIN_NOT_ALLOWED: "CORS_ORIGIN_NOT_ALLOWED",
  // Any route, while the service is starting (Retry-After says when to ask again).
  STARTING: "STARTING",
  // Any new request once the service is stopping (SIGTERM): requests in flight still finish.
  SHUTTING_DOWN: "SHUTTING_DOWN",
  // The thumbnail browser at / (WEB_UI) when web/dist/ was never built.
  WEB_UI_NOT_BUILT: "WEB_UI_NOT_BUILT",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const PUBLIC_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && PUBLIC_CODES.has(value);
}
