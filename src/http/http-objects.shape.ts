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
import type { Socket } from "node:net";

/** More than V8's slack-tracking window of seven constructions. */
const KEEP = 8;

const SOCKET_CHANNELS = ["net.server.socket", "net.client.socket"];
const REQUEST_CHANNEL = "http.server.request.start";

let started = false;

/** Once per process, before its HTTP servers and clients make their first connection. */
export function keepHttpObjectShapes(): void {
  if (started) return;
  started = true;

  const sockets = new Set<Socket>();
  const onSocket = (message: unknown) => {
    sockets.add((message as { socket: Socket }).socket);
    if (sockets.size < KEEP) return;
    for (const name of SOCKET_CHANNELS) unsubscribe(name, onSocket);
    sockets.clear();
  };
  for (const name of SOCKET_CHANNELS) subscribe(name, onSocket);

  // Each message holds the request and its response.
  const exchanges: unknown[] = [];
  const onRequest = (message: unknown) => {
    if (exchanges.push(message) < KEEP) return;
    unsubscribe(REQUEST_CHANNEL, onRequest);
    exchanges.length = 0;
  };
  subscribe(REQUEST_CHANNEL, onRequest);
}
