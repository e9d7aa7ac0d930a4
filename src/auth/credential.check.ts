/**
 * ftrack-key mode: asks ftrack whether a caller's username and key are valid before the request runs,
 * so a bad key gets HTTP 401 instead of a response full of errors. A valid pair is remembered for a
 * short while (by hash; the key itself is not kept). This is an early answer, not the guard: every
 * later ftrack call carries the caller's key and ftrack checks it again, so a key revoked within the
 * cache time is still refused by ftrack.
 */
import { createHash } from "node:crypto";
import { ErrorCode } from "../error-codes.js";
import type { FtrackTransport } from "../ftrack/ftrack.transport.js";
import { FtrackApiError, type FtrackIdentity } from "../ftrack/ftrack.types.js";
import { AuthError } from "./auth.errors.js";

export interface CredentialCheckOptions {
  transport: Pick<FtrackTransport, "post">;
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

export type CredentialCheck = (identity: FtrackIdentity) => Promise<void>;

export function createCredentialCheck({
  transport,
  ttlMs = 60_000,
  maxEntries = 10_000,
  now = Date.now,
}: CredentialCheckOptions): CredentialCheck {
  const validUntil = new Map<string, number>();
  const inFlight = new Map<string, Promise<void>>();

  async function ask(identity: FtrackIdentity, key: string): Promise<void> {
    try {
      await transport.post([{ action: "query_server_information", values: [] }], identity);
    } catch (error) {
      if (error instanceof FtrackApiError && (error.isCredentials || error.isPermission)) {
        throw new AuthError("ftrack did not accept the ftrack-user and ftrack-api-key given.");
      }
      throw new AuthError(
        "ftrack could not be asked to check the credentials. Try again shortly.",
        503,
        ErrorCode.FTRACK_UNAVAILABLE,
      );
    }
    if (validUntil.size >= maxEntries) validUntil.delete(validUntil.keys().next().value as string);
    validUntil.set(key, now() + ttlMs);
  }

  return async (identity) => {
    const key = createHash("sha256").update(`${identity.username}\u0000${identity.apiKey}`).digest("hex");
    const until = validUntil.get(key);
    if (until !== undefined && until > now()) return;
    validUntil.delete(key);
    // Concurrent first requests with the same key share one check.
    let pending = inFlight.get(key);
    if (!pending) {
      pending = ask(identity, key).finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    await pending;
  };
}
