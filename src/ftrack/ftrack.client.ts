/**
 * The ftrack layer's entry point: one transport per server, one session per caller.
 *
 *   const ftrack = createFtrackClient({ ...config.ftrack, server, apiUser, apiKey });
 *   const session = ftrack.sessionFor();                       // acts as the service user
 *   const asArtist = ftrack.sessionFor(ftrack.actingAs("jane")); // the service key, jane's permissions
 */
import type { FtrackConfig } from "../config.js";
import { FtrackSession, type FtrackSessionOptions } from "./ftrack.session.js";
import { FtrackTransport, type FtrackTransportOptions } from "./ftrack.transport.js";
import type { FtrackIdentity } from "./ftrack.types.js";

/** FtrackConfig with the server and credentials resolved (the emulator's, when it was started). */
export type FtrackClientConfig = Omit<FtrackConfig, "batching"> & {
  server: string;
  apiUser: string;
  apiKey: string;
  /** Default of sessionFor()'s `batching`; true when absent. */
  batching?: boolean;
};

export interface FtrackClient {
  transport: FtrackTransport;
  /** The service's own identity (FTRACK_API_USER / FTRACK_API_KEY). */
  serviceIdentity: FtrackIdentity;
  /** The service key acting as another ftrack user: ftrack applies that user's permissions. */
  actingAs(username: string): FtrackIdentity;
  /** A fresh session acting as the service, for one-off work (thumbnail fetches); new on each access,
   * so no cache outlives its use. */
  readonly service: FtrackSession;
  /** A new session (one per GraphQL request); the service identity when none is given. */
  sessionFor(
    identity?: FtrackIdentity,
    opts?: Pick<FtrackSessionOptions, "batching" | "maxOpsPerPost" | "signal">,
  ): FtrackSession;
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
  const serviceIdentity: FtrackIdentity = { username: config.apiUser, apiKey: config.apiKey };
  const sessionFor: FtrackClient["sessionFor"] = (identity = serviceIdentity, sessionOpts = {}) =>
    new FtrackSession({ transport, identity, config, ...sessionOpts });
  return {
    transport,
    serviceIdentity,
    actingAs: (username) => ({ username, apiKey: config.apiKey }),
    get service() {
      return sessionFor(serviceIdentity);
    },
    sessionFor,
  };
}
