/**
 * The limits of one operation: too deep, too many aliases, or costing too much. Checked after it is
 * parsed and validated and before anything executes: by the Apollo Server plugin for /graphql, and
 * by the subscription transports for theirs. The document itself is bounded earlier
 * (GRAPHQL_MAX_TOKENS at parse, the body size limit), so validation stays cheap.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from "graphql";
import type { GraphqlLimitsConfig } from "../../config.js";
import { ErrorCode } from "../../error-codes.js";
import { limitError } from "./limit.errors.js";
import { operationCost } from "./query-cost.js";
import { measureOperation } from "./query-shape.js";

export type QueryLimits = Pick<GraphqlLimitsConfig, "maxDepth" | "maxAliases" | "maxComplexity">;

export interface CheckedOperation {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown> | undefined;
}

/** Throws the limit's error (a GraphQLError with its code and HTTP status) when one is exceeded. */
export function assertWithinLimits(
  limits: QueryLimits,
  { schema, document, operation, variables }: CheckedOperation,
): void {
  const shape = measureOperation(operation, document);
  if (shape.depth > limits.maxDepth) {
    throw limitError(
      ErrorCode.QUERY_TOO_DEEP,
      `The query is ${shape.depth} levels deep; at most ${limits.maxDepth} are allowed. Split it into several queries.`,
      { maxDepth: limits.maxDepth, depth: shape.depth },
    );
  }
  if (shape.aliases > limits.maxAliases) {
    throw limitError(
      ErrorCode.TOO_MANY_ALIASES,
      `The query uses ${shape.aliases} aliases; at most ${limits.maxAliases} are allowed.`,
      { maxAliases: limits.maxAliases, aliases: shape.aliases },
    );
  }
  const result = operationCost(schema, document, operation, variables);
  if ("tooManyNodes" in result) {
    throw limitError(
      ErrorCode.QUERY_TOO_COMPLEX,
      "The query selects too many fields (counting every fragment use).",
      {
        maxComplexity: limits.maxComplexity,
      },
    );
  }
  if ("cost" in result && result.cost > limits.maxComplexity) {
    throw limitError(
      ErrorCode.QUERY_TOO_COMPLEX,
      `The query costs ${result.cost}; at most ${limits.maxComplexity} is allowed. Every field costs 1 and a list ` +
        "multiplies its fields by its page size (`first`): ask for smaller pages or fewer fields.",
      { maxComplexity: limits.maxComplexity, complexity: result.cost },
    );
  }
}

export function queryLimitsPlugin<T extends object>(limits: QueryLimits): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request }) {
          if (!operation) return;
          assertWithinLimits(limits, { schema, document, operation, variables: request.variables });
        },
      };
    },
  };
}
