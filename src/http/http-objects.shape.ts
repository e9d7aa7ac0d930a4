/**
 * Keeps the objects Node makes for every connection and request (sockets, requests, responses) in
 * V8's fast layout for the life of the process.
 *
 * V8 sizes a constructor's objects from the layouts its first seven grew (in-object slack
 * tracking). A full garbage collection after exactly six, all of them gone by then, drops those
 * layouts, and the seventh then fixes the size at no fields at all. Node sets most of these objects'
 * fields with symbol keys, and V8 turns an object into a hash table once more than 12 such fields
 * live outside it: from then on every response (or socket) is built and read as a hash table, and
 * the process serves cached thumbnails at about 0.8x and GraphQL POSTs at 0.7x of its rate. The
 * service met this in about one start in five: six requests at start (the embedded server's, a
 * health check), then idle while V8 collected. Holding the first objects until V8 has sized their
 * constructors keeps the layouts they grew.
 */
import { subscribe, unsubscribe } from "node:diagnostics_channel";

/** More than V8's slack-tracking window of seven constructions. */
const KEEP = 8;

let started = false;

/** Once per process, before its HTTP servers and clients make their first connection. */
export function keepHttpObjectShapes(): void {
  if (started) return;
  started = true;
  // Node publishes each socket once, on one of these, as it is made.
  holdFirst(["net.server.socket", "net.client.socket"]);
  // Each message holds a request and its response.
  holdFirst(["http.server.request.start"]);
}

/** Keeps the first KEEP messages of `channels` (and what they hold) alive, then lets them go. */
function holdFirst(channels: string[]): void {
  const held: unknown[] = [];
  const hold = (message: unknown) => {
    if (held.push(message) < KEEP) return;
    for (const name of channels) unsubscribe(name, hold);
    held.length = 0;
  };
  for (const name of channels) subscribe(name, hold);
}
