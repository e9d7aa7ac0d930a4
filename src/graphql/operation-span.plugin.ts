/**
 * One span per GraphQL operation (with tracing on), under the request's server span and above the
 * ftrack round trips the operation makes. It records the operation's type and name and the codes
 * of its errors; never its document or variables.
 */
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { SpanStatusCode } from "@opentelemetry/api";
import { enterSpan, SpanKind } from "../observability/tracing.js";

export function operationSpanPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      // Named as OpenTelemetry's GraphQL conventions say until the operation is known.
      const entered = enterSpan("GraphQL Operation", SpanKind.INTERNAL);
      if (!entered) return;
      const { span } = entered;
      return {
        async didResolveOperation({ operation, operationName }) {
          if (!operation) return;
          const type = operation.operation;
          span.updateName(operationName ? `${type} ${operationName}` : type);
          span.setAttribute("graphql.operation.type", type);
          if (operationName) span.setAttribute("graphql.operation.name", operationName);
        },
        async willSendResponse({ response }) {
          const errors = response.body.kind === "single" ? response.body.singleResult.errors : undefined;
          if (errors?.length) {
            const codes = new Set(
              errors.map((error) => String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR")),
            );
            span.setAttribute("graphql.error.codes", [...codes]);
            span.setStatus({ code: SpanStatusCode.ERROR });
          }
          entered.end();
        },
      };
    },
  };
}
