/** An error the emulator answers in ftrack's shape: {"exception", "content", "error_code"}. */
export class EmulatorError extends Error {
  constructor(
    readonly exception: string,
    message: string,
    readonly errorCode: string | null = null,
  ) {
    super(message);
    this.name = exception;
  }

  toJSON() {
    return { exception: this.exception, content: this.message, error_code: this.errorCode };
  }
}

export const validationError = (message: string) => new EmulatorError("ValidationError", message);
export const permissionError = (message: string) => new EmulatorError("PermissionError", message);
export const credentialsError = (message = "The supplied API key is not valid.") =>
  new EmulatorError("InvalidCredentialsError", message);
