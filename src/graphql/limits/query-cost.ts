/**
 * The cost of an operation before it runs (graphql-query-complexity): every field costs 1, and a
 * field with a `first` argument (a connection) multiplies what is selected under it by its page
 * size (the default page size when omitted, at most the largest page), so list sizes count.
 * A field taking a list argument (copyThumbnail's targets, srcset's sizes) multiplies by its length.
 */

import { type DocumentNode, type GraphQLSchema, Kind, type OperationDefinitionNode } from "graphql";
import { type ComplexityEstimator, getComplexity } from "graphql-query-complexity";
import { pageSizeOf } from "../pagination.js";

const listCostEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (field.args.some((arg) => arg.name === "first")) return 1 + pageSizeOf(args.first) * childComplexity;
  let items = 0;
  for (const value of Object.values(args)) if (Array.isArray(value)) items += value.length;
  return items > 0 ? 1 + items * Math.max(1, childComplexity) : 1 + childComplexity;
};

export type CostResult = { cost: number } | { tooManyNodes: true } | { invalidVariables: true };

/** Largest number of selections visited: fragment bombs stop here instead of running forever. */
const MAX_VISITED_NODES = 20_000;

export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): CostResult {
  // Only the operation that runs, with the fragments: no operationName lookup needed.
  const query: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)],
  };
  try {
    const cost = getComplexity({
      schema,
      query,
      variables: variables ?? {},
      estimators: [listCostEstimator],
      maxQueryNodes: MAX_VISITED_NODES,
    });
    return { cost };
  } catch (error) {
    if (error instanceof Error && /maximum allowed number of nodes/.test(error.message))
      return { tooManyNodes: true };
    // Variables that do not coerce: execution refuses them (BAD_USER_INPUT) before any resolver.
    return { invalidVariables: true };
  }
}
