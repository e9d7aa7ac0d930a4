/**
 * Graceful close of the HTTP server with Node's own connection list, so no request pays for
 * tracking (Apollo's drain plugin counted every request on its socket and listened for its finish).
 */
import type { Server } from "node:http";

/** How often a keep-alive connection is looked at once the port is closed: its request done, it goes. */
const IDLE_SWEEP_MS = 20;

/**
 * Closes the port, then each keep-alive connection as soon as it has no request in flight; after
 * `graceMs`, every connection left (requests slower than that are cut off). Resolves once all are closed.
 */
export async function drainHttpServer(server: Server, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Node closes the idle ones when the port closes, not those whose answer finishes afterwards.
  const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
  const cutOff = setTimeout(() => server.closeAllConnections(), graceMs);
  try {
    await closed;
  } finally {
    clearInterval(sweep);
    clearTimeout(cutOff);
  }
}
