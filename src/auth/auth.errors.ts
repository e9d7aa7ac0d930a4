/** Why a request was refused before it reached ftrack; the message is public (it names no secret). */
export class AuthError extends Error {
  constructor(
    message: string,
    /** 401: no or bad identity; 503: ftrack could not be asked whether a key is valid. */
    readonly status: 401 | 503 = 401,
    readonly code: "UNAUTHENTICATED" | "FTRACK_UNAVAILABLE" = "UNAUTHENTICATED",
  ) {
    super(message);
    this.name = "AuthError";
  }
}
