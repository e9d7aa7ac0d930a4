/**
 * Apollo Server plugin: a subscription sent to POST /graphql is refused with its own code, saying
 * where subscriptions run (Apollo Server would otherwise execute it as a query and fail).
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { ErrorCode } from "../../error-codes.js";
import { limitError } from "../limits/limit.errors.js";

export function subscriptionsElsewherePlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== "subscription") return;
          throw limitError(
            ErrorCode.OPERATION_TYPE_NOT_SUPPORTED,
            "Subscriptions run over WebSocket at /graphql (graphql-ws protocol) or over server-sent events " +
              "at POST /graphql/stream (graphql-sse protocol), not over plain HTTP.",
          );
        },
      };
    },
  };
}
