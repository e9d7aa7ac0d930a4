/**
 * Errors a person fixes before a server can start (a bad variable, a port in use), printed by the
 * entry points as one line naming what to change instead of a stack trace.
 */
import { ConfigError } from "./config.js";

/** A port another process holds (or that this user may not open), with the variable that sets it. */
export class PortUnavailableError extends Error {
  constructor(
    readonly variable: string,
    readonly port: number,
    reason: "in use" | "not allowed",
    note = "",
  ) {
    super(
      reason === "in use"
        ? `Port ${port} is already in use: stop what uses it, or set ${variable} to a free port${note}.`
        : `Not allowed to listen on port ${port}: set ${variable} to a port from 1024 up${note}.`,
    );
    this.name = "PortUnavailableError";
  }
}

/**
 * For `.catch()` on a server's start: a failed listen becomes a PortUnavailableError naming
 * `variable` (`note` adds a hint, e.g. " (reviews uses the next port)"); anything else is rethrown.
 */
export function namingPort(variable: string, note = ""): (error: unknown) => never {
  return (error) => {
    const { code, port } = (error ?? {}) as { code?: unknown; port?: unknown };
    if ((code === "EADDRINUSE" || code === "EACCES") && typeof port === "number") {
      throw new PortUnavailableError(variable, port, code === "EADDRINUSE" ? "in use" : "not allowed", note);
    }
    throw error;
  };
}

/** Ends an entry point that could not start: one line for what a person fixes, the stack otherwise. */
export function exitOnStartupError(error: unknown): never {
  if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
  else if (error instanceof PortUnavailableError) console.error(error.message);
  else console.error(error);
  process.exit(1);
}
