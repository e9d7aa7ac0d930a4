/**
 * Request headers a client sends that the subgraphs should see too, whichever gateway forwards
 * them: its identity (whichever AUTH_MODE the thumbnails service runs) and the request id for logs.
 */
export const FORWARDED_HEADERS = ["authorization", "ftrack-user", "ftrack-api-key", "x-request-id"];
