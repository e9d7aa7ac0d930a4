import { ErrorCode } from "../error-codes.js";

/** Why a request was refused before it reached ftrack; the message is public (it names no secret). */
export class AuthError extends Error {
  constructor(
    message: string,
    /** 401: no or bad identity; 503: ftrack could not be asked whether a key is valid. */
    readonly status: 401 | 503 = 401,
    readonly code:
      | typeof ErrorCode.UNAUTHENTICATED
      | typeof ErrorCode.FTRACK_UNAVAILABLE = ErrorCode.UNAUTHENTICATED,
  ) {
    super(message);
    this.name = "AuthError";
  }
}
