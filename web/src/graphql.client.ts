/**
 * The page's GraphQL client (urql). Queries and mutations go over HTTP, subscriptions over a
 * WebSocket to the same /graphql (graphql-ws's client, opened on the first subscription). Both carry
 * the identity: as headers, and as the WebSocket's connection parameters (a browser cannot set
 * headers on a WebSocket). An answer saying the identity is no longer accepted signs the page out.
 */
import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from "@urql/core";
import { createClient as createWebSocketClient } from "graphql-ws";
import { GRAPHQL_PATH } from "./service.config";

/** The close code the service refuses a WebSocket's identity with (its reason says UNAUTHENTICATED). */
const CLOSE_UNAUTHENTICATED = 4401;

export interface GraphqlClient {
  client: Client;
  /**
   * Calls `listener` after the WebSocket reconnects (a network blip, a service restart): changes made
   * meanwhile were not delivered, so what is shown should be fetched again. Returns the unsubscribe.
   */
  onReconnected(listener: () => void): () => void;
  close(): void;
}

export function createGraphqlClient(
  headers: Record<string, string>,
  onUnauthenticated: () => void,
): GraphqlClient {
  const reconnected = new Set<() => void>();
  const url = new URL(GRAPHQL_PATH, location.href);
  url.protocol = location.protocol === "https:" ? "wss:" : "ws:";
  const webSocket = createWebSocketClient({
    url: url.href,
    connectionParams: headers,
    // Keep trying while the page is open; graphql-ws waits longer (with jitter) after each failure.
    retryAttempts: Number.POSITIVE_INFINITY,
    on: {
      connected: (_socket, _payload, wasRetry) => {
        if (wasRetry) for (const listener of reconnected) listener();
      },
      closed: (event) => {
        if ((event as { code?: number }).code === CLOSE_UNAUTHENTICATED) onUnauthenticated();
      },
    },
  });
  const client = new Client({
    url: GRAPHQL_PATH,
    // POST only: the service's answers may be cached by the browser for a minute, and a query
    // re-run after a change must see the change.
    preferGetMethod: false,
    fetchOptions: { headers },
    exchanges: [
      mapExchange({
        onError(error) {
          if (error.graphQLErrors.some((e) => e.extensions?.code === "UNAUTHENTICATED")) onUnauthenticated();
        },
      }),
      // The document cache: a mutation's answer invalidates every query that showed its entities'
      // types, and the queries on screen run again.
      cacheExchange,
      fetchExchange,
      // Subscriptions only (the exchange's default): live thumbnails.
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({
            unsubscribe: webSocket.subscribe({ ...request, query: request.query ?? "" }, sink),
          }),
        }),
      }),
    ],
  });
  return {
    client,
    onReconnected(listener) {
      reconnected.add(listener);
      return () => void reconnected.delete(listener);
    },
    close: () => void webSocket.dispose(),
  };
}
