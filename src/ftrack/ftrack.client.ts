/**
 * The ftrack layer's entry point: one transport per server, one session per caller.
 *
 *   const ftrack = createFtrackClient({ ...config.ftrack, server, apiUser, apiKey });
 *   const session = ftrack.sessionFor();                       // acts as the service user
 *   const asArtist = ftrack.sessionFor(ftrack.actingAs("jane")); // the service key, jane's permissions
 *   const forRequest = ftrack.sessionFor(identity, { signal }); // aborted when the client hangs up
 */
import type { FtrackConfig } from "../config.js";
import { isFtrackId } from "./expression.js";
import { FtrackSession } from "./ftrack.session.js";
import { FtrackTransport, type FtrackTransportOptions } from "./ftrack.transport.js";
import type { FtrackIdentity } from "./ftrack.types.js";

/** FtrackConfig with the server and credentials resolved (the emulator's, when it was started). */
export type FtrackClientConfig = FtrackConfig & {
  server: string;
  apiUser: string;
  apiKey: string;
};

export interface FtrackClient {
  transport: FtrackTransport;
  /** The service's own identity (FTRACK_API_USER / FTRACK_API_KEY). */
  serviceIdentity: FtrackIdentity;
  /** The service key acting as another ftrack user: ftrack applies that user's permissions. */
  actingAs(username: string): FtrackIdentity;
  /**
   * A component's thumbnail scaled to fit size x size, fetched with the service's credentials
   * (thumbnail URLs carry no identity); null when ftrack has no such component.
   */
  fetchThumbnail(componentId: string, size: number): Promise<{ body: Buffer; contentType: string } | null>;
  /** A new session (one per GraphQL request); the service identity when none is given. */
  sessionFor(identity?: FtrackIdentity, opts?: { signal?: AbortSignal }): FtrackSession;
}

export function createFtrackClient(
  config: FtrackClientConfig,
  opts: Pick<FtrackTransportOptions, "fetch" | "logger"> = {},
): FtrackClient {
  const transport = new FtrackTransport({
    server: config.server,
    timeoutMs: config.timeoutMs,
    fetch: opts.fetch,
    logger: opts.logger,
  });
  const serviceIdentity: FtrackIdentity = {
    username: config.apiUser,
    apiKey: config.apiKey,
    service: true,
  };
  return {
    transport,
    serviceIdentity,
    actingAs: (username) => ({ username, apiKey: config.apiKey }),
    async fetchThumbnail(componentId, size) {
      if (!Number.isSafeInteger(size) || size < 1) throw new RangeError("size must be a positive integer");
      if (!isFtrackId(componentId)) return null;
      return transport.getThumbnail(componentId, size, serviceIdentity);
    },
    sessionFor: (identity = serviceIdentity, { signal } = {}) =>
      new FtrackSession({ transport, identity, config, signal }),
  };
}
