/**
 * The page's GraphQL client (urql). Every request carries the identity's headers; an answer saying
 * the identity is no longer accepted signs the page out.
 */
import { Client, cacheExchange, fetchExchange, mapExchange } from "@urql/core";
import { GRAPHQL_PATH } from "./service.config";

export function createGraphqlClient(headers: Record<string, string>, onUnauthenticated: () => void): Client {
  return new Client({
    url: GRAPHQL_PATH,
    // POST only: the service's answers may be cached by the browser for a minute, and a query
    // re-run after a change must see the change.
    preferGetMethod: false,
    fetchOptions: { headers },
    // Live updates (subscriptions) will join here as a subscriptionExchange.
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
    ],
  });
}
