/**
 * A subscription request of either transport (WebSocket, SSE) -> the arguments graphql-js's
 * `subscribe` runs, or the request errors to answer. It passes the checks a /graphql request
 * passes: PERSISTED_QUERIES_ONLY, the size of `variables`, GRAPHQL_MAX_TOKENS while parsing,
 * validation, then depth, aliases and cost (limits.plugin.ts). Only subscriptions run here;
 * queries and mutations go to POST /graphql, where Apollo's pipeline (caching, uploads) runs them.
 */
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  parse,
  validate,
} from "graphql";
import type { GraphqlLimitsConfig } from "../../config.js";
import { ErrorCode } from "../../error-codes.js";
import { limitError } from "../limits/limit.errors.js";
import { assertWithinLimits } from "../limits/limits.plugin.js";
import { isPersisted, type PersistedOperations } from "../limits/persisted-operations.js";
import { jsonSize } from "../limits/request-body.middleware.js";

/** What a client sends for one operation, as it arrived (nothing checked yet). */
export interface SubscriptionRequest {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

export interface PreparedSubscription {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName: string | undefined;
  variableValues: Record<string, unknown> | undefined;
}

/** Refused before it ran: the errors (each with its code), and the HTTP status they call for. */
export interface RefusedSubscription {
  errors: GraphQLError[];
  status: number;
}

export interface SubscriptionPreparerDeps {
  schema: GraphQLSchema;
  limits: GraphqlLimitsConfig;
  /** PERSISTED_QUERIES_ONLY's manifest. */
  persisted?: PersistedOperations;
}

export type SubscriptionPreparer = (
  request: SubscriptionRequest,
) => PreparedSubscription | RefusedSubscription;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** One request error, with its code and the HTTP status it calls for (400 unless said). */
function refused(
  code: ErrorCode,
  message: string,
  extensions?: Record<string, unknown>,
  status = 400,
): RefusedSubscription {
  return { errors: [limitError(code, message, extensions, status)], status };
}

export function createSubscriptionPreparer({
  schema,
  limits,
  persisted,
}: SubscriptionPreparerDeps): SubscriptionPreparer {
  return (request) => {
    const { query, operationName, variables } = request;
    if (typeof query !== "string" || query === "") {
      return refused(ErrorCode.BAD_REQUEST, "Send the subscription's text as `query`.");
    }
    if (persisted && !isPersisted(persisted, request)) {
      return refused(
        ErrorCode.PERSISTED_QUERY_REQUIRED,
        "This server runs only registered operations: send the text of an operation from its manifest.",
      );
    }
    if (operationName != null && typeof operationName !== "string") {
      return refused(ErrorCode.BAD_REQUEST, "`operationName` must be a string.");
    }
    if (variables != null && !isRecord(variables)) {
      return refused(ErrorCode.BAD_REQUEST, "`variables` must be an object.");
    }
    if (jsonSize(variables, limits.maxVariablesBytes) > limits.maxVariablesBytes) {
      return refused(
        ErrorCode.VARIABLES_TOO_LARGE,
        `The variables are larger than ${limits.maxVariablesBytes} bytes (as JSON).`,
        { maxBytes: limits.maxVariablesBytes },
        413,
      );
    }
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: limits.maxTokens });
    } catch (error) {
      return refused(ErrorCode.GRAPHQL_PARSE_FAILED, (error as Error).message);
    }
    const invalid = validate(schema, document);
    if (invalid.length > 0) {
      const errors = invalid.map(
        (error) =>
          new GraphQLError(error.message, {
            nodes: error.nodes,
            extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED },
          }),
      );
      return { errors, status: 400 };
    }
    const operation = getOperationAST(document, operationName ?? undefined);
    if (!operation) {
      return refused(
        ErrorCode.OPERATION_RESOLUTION_FAILURE,
        operationName
          ? `No operation named "${operationName}" in the document.`
          : "The document holds several operations: name the one to run in `operationName`.",
      );
    }
    if (operation.operation !== "subscription") {
      return refused(
        ErrorCode.OPERATION_TYPE_NOT_SUPPORTED,
        "Only subscriptions run here: send queries and mutations to POST /graphql.",
      );
    }
    const variableValues = variables ?? undefined;
    try {
      assertWithinLimits(limits, { schema, document, operation, variables: variableValues });
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      return { errors: [error], status: 400 };
    }
    return { schema, document, operationName: operationName ?? undefined, variableValues };
  };
}

export const isRefused = (
  prepared: PreparedSubscription | RefusedSubscription,
): prepared is RefusedSubscription => "errors" in prepared;
