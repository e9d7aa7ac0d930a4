/**
 * Apollo's federated inline traces (`extensions.ftv1`: every resolver's timing) only for a gateway
 * that proves it may ask. Apollo Server would otherwise trace for any caller sending
 * `apollo-federation-include-trace: ftv1` to a subgraph. Off unless INLINE_TRACE_SECRET is set; then
 * a request must also carry that secret in the INLINE_TRACE_HEADER header.
 */
import { timingSafeEqual } from "node:crypto";
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginInlineTrace } from "@apollo/server/plugin/inlineTrace";
import type { InlineTraceConfig } from "../../config.js";

export function inlineTracePlugins<TContext extends BaseContext>(
  config: InlineTraceConfig,
): ApolloServerPlugin<TContext>[] {
  // The disabled marker stops Apollo from installing its own, ungated, inline trace plugin.
  const disabled = ApolloServerPluginInlineTraceDisabled() as ApolloServerPlugin<TContext>;
  if (!config.secret) return [disabled];
  const expected = Buffer.from(config.secret);
  const tracing = ApolloServerPluginInlineTrace() as ApolloServerPlugin<TContext>;
  const gate: ApolloServerPlugin<TContext> = {
    async requestDidStart(requestContext) {
      const given = Buffer.from(requestContext.request.http?.headers.get(config.header) ?? "");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return;
      return tracing.requestDidStart?.(requestContext);
    },
  };
  return [disabled, gate];
}
