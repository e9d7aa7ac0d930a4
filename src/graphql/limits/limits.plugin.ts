/**
 * The limits of one operation: too deep, too many aliases, or costing too much. Checked after it is
 * parsed and validated and before anything executes: by the Apollo Server plugin for /graphql, and
 * by the subscription transports for theirs. The document itself is bounded earlier
 * (GRAPHQL_MAX_TOKENS at parse, the body size limit), so validation stays cheap.
 *
 * Apollo keeps a parsed document per query text, so the plugin remembers each verdict per document
 * (the cost per set of variables too, since `first: $first` changes it): a query a client repeats is
 * measured once.
 */
import type { ApolloServerPlugin, GraphQLRequestListener } from "@apollo/server";
import { type DocumentNode, GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
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

/** The depth or alias refusal: decided by the document alone. */
function shapeError(limits: QueryLimits, operation: OperationDefinitionNode, document: DocumentNode) {
  const shape = measureOperation(operation, document);
  if (shape.depth > limits.maxDepth) {
    return limitError(
      ErrorCode.QUERY_TOO_DEEP,
      `The query is ${shape.depth} levels deep; at most ${limits.maxDepth} are allowed. Split it into several queries.`,
      { maxDepth: limits.maxDepth, depth: shape.depth },
    );
  }
  if (shape.aliases > limits.maxAliases) {
    return limitError(
      ErrorCode.TOO_MANY_ALIASES,
      `The query uses ${shape.aliases} aliases; at most ${limits.maxAliases} are allowed.`,
      { maxAliases: limits.maxAliases, aliases: shape.aliases },
    );
  }
  return null;
}

/** The cost refusal: the cost depends on the variables (a page size given as `$first`). */
function costError(limits: QueryLimits, { schema, document, operation, variables }: CheckedOperation) {
  const result = operationCost(schema, document, operation, variables);
  if ("tooManyNodes" in result) {
    return limitError(
      ErrorCode.QUERY_TOO_COMPLEX,
      "The query selects too many fields (counting every fragment use).",
      {
        maxComplexity: limits.maxComplexity,
      },
    );
  }
  if ("cost" in result && result.cost > limits.maxComplexity) {
    return limitError(
      ErrorCode.QUERY_TOO_COMPLEX,
      `The query costs ${result.cost}; at most ${limits.maxComplexity} is allowed. Every field costs 1 and a list ` +
        "multiplies its fields by its page size (`first`): ask for smaller pages or fewer fields.",
      { maxComplexity: limits.maxComplexity, complexity: result.cost },
    );
  }
  return null;
}

/** Throws the limit's error (a GraphQLError with its code and HTTP status) when one is exceeded. */
export function assertWithinLimits(limits: QueryLimits, checked: CheckedOperation): void {
  const error = shapeError(limits, checked.operation, checked.document) ?? costError(limits, checked);
  if (error) throw error;
}

/** Verdicts by variables (as JSON) remembered per operation; a client sends few sets of them. */
const MAX_VARIABLE_SETS = 32;

interface Verdicts {
  shape: GraphQLError | null;
  cost: Map<string, GraphQLError | null>;
}

/** A remembered refusal as a new error: each answer gets its own. */
const fresh = (error: GraphQLError) => new GraphQLError(error.message, { extensions: error.extensions });

export function queryLimitsPlugin<T extends object>(limits: QueryLimits): ApolloServerPlugin<T> {
  const verdicts = new WeakMap<OperationDefinitionNode, Verdicts>();
  const listener: GraphQLRequestListener<T> = {
    async didResolveOperation({ operation, document, schema, request }) {
      if (!operation) return;
      let known = verdicts.get(operation);
      if (!known) {
        known = { shape: shapeError(limits, operation, document), cost: new Map() };
        verdicts.set(operation, known);
      }
      if (known.shape) throw fresh(known.shape);
      const key = JSON.stringify(request.variables ?? {});
      let cost = known.cost.get(key);
      if (cost === undefined) {
        cost = costError(limits, { schema, document, operation, variables: request.variables });
        if (known.cost.size >= MAX_VARIABLE_SETS) known.cost.clear();
        known.cost.set(key, cost);
      }
      if (cost) throw fresh(cost);
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}
