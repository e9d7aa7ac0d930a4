/**
 * Who a request acts as. ftrack's model: `ftrack-user` names the user; the key is either the
 * server's API key (which may act as any existing user: impersonation) or that user's own key.
 */
import { timingSafeEqual } from "node:crypto";
import { credentialsError } from "./emulator.errors.js";
import type { EmulatorStore } from "./store.js";
import type { StoredEntity } from "./store.types.js";

export interface Credentials {
  username?: string;
  apiKey?: string;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function findUser(store: EmulatorStore, username: string): StoredEntity | undefined {
  return store.findBy(["User"], "username", username)[0];
}

/** The User the credentials act as; throws InvalidCredentialsError otherwise (same message for every cause). */
export function authenticate(
  store: EmulatorStore,
  serverApiKey: string,
  credentials: Credentials,
): StoredEntity {
  const { username, apiKey } = credentials;
  if (!username || !apiKey) throw credentialsError();
  const user = findUser(store, username);
  if (!user || user.attrs.is_active === false) throw credentialsError();
  if (sameSecret(apiKey, serverApiKey)) return user;
  const owner = store.usernameForApiKey(apiKey);
  if (owner !== undefined && owner === username) return user;
  throw credentialsError();
}
