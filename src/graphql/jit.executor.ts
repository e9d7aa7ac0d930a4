/**
 * Executes operations with graphql-jit: each distinct operation is compiled once into a function
 * (literal arguments coerced at compile time, the selection walked by generated code), which
 * completes a list of hundreds of entities with far less work per field than graphql-js's
 * interpreter. Apollo Server takes another executor only through its gateway interface, so this is
 * a "gateway" serving the local schema: parsing, validation and the request plugins stay Apollo's.
 * Fields are not reported one by one to plugins (`willResolveField`), so with inline traces on
 * (INLINE_TRACE_SECRET) the service keeps graphql-js's executor (see app.ts).
 */
import type {
  GatewayExecutionResult,
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayInterface,
} from "@apollo/server-gateway-interface";
import {
  type DocumentNode,
  type ExecutionResult,
  execute,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  getVariableValues,
  isAbstractType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { type CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";
import { LRUCache } from "lru-cache";

/** A compiled operation, what compiling it answered (an error), or "interpret": left to graphql-js. */
type Compilation = CompiledQuery | ExecutionResult | "interpret";

/**
 * Compiled operations kept (least recently used first out). A compilation takes a few hundred KB and
 * a few ms: the cap bounds the memory many distinct queries could take; a query compiled again after
 * being dropped costs a few ms once more.
 */
const MAX_COMPILED_OPERATIONS = 500;
/**
 * The most field paths an operation may compile to. graphql-jit writes the code of a selection under
 * an interface once per type implementing it, so nesting multiplies (`parent { ... parent { ... } }`
 * ten deep, within the depth limit, is a million paths) and compiling takes about 0.07 ms a path,
 * with the event loop held. The suite's operations take 4 to 450; past 500, graphql-js runs it.
 */
const MAX_COMPILED_PATHS = 500;

export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  const compiled = new LRUCache<string, Compilation>({ max: MAX_COMPILED_OPERATIONS });
  const executor: GatewayExecutor = async (requestContext) => {
    const { document, operation, operationName, queryHash, request, context } = requestContext;
    // No such operation: graphql-js's error, which Apollo answers as OPERATION_RESOLUTION_FAILURE.
    if (!operation) return interpret(schema, requestContext);
    // Variables checked as graphql-js checks them, so a bad one is the same BAD_USER_INPUT (400).
    const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
    if (variables.errors) return { errors: variables.errors } as GatewayExecutionResult;
    // Apollo's hash of the query text: one document, whichever way it came (text or persisted query).
    const key = `${queryHash}:${operationName ?? ""}`;
    let compilation = compiled.get(key);
    if (!compilation) {
      compilation =
        compiledPaths(schema, document, operation, MAX_COMPILED_PATHS) > MAX_COMPILED_PATHS
          ? "interpret"
          : (compileQuery(schema, document, operationName ?? undefined) as Compilation);
      compiled.set(key, compilation);
    }
    if (compilation === "interpret") return interpret(schema, requestContext);
    const result = isCompiledQuery(compilation)
      ? await compilation.query(undefined, context, request.variables ?? {})
      : compilation;
    return (
      result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result
    ) as GatewayExecutionResult;
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: "" });
      return () => {};
    },
    async load() {
      return { executor };
    },
    async stop() {},
  };
}

/** The operation run by graphql-js's interpreter. */
async function interpret(
  schema: GraphQLSchema,
  { document, request, context }: GatewayGraphQLRequestContext,
): Promise<GatewayExecutionResult> {
  return (await execute({
    schema,
    document,
    // As the client named it: Apollo's own is null when no operation has that name.
    operationName: request.operationName,
    variableValues: request.variables,
    contextValue: context,
  })) as GatewayExecutionResult;
}

/**
 * graphql-jit's errors leave `extensions` undefined when the thrown error had none, which Apollo's
 * error formatting does not expect: the same error as graphql-js would give (message, locations,
 * path, the thrown error as originalError, its extensions).
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const { message, locations, path, originalError, extensions } = error;
  const rebuilt = new GraphQLError(message, { path, originalError, extensions });
  return Object.assign(rebuilt, { locations });
}

/**
 * The field paths graphql-jit would generate code for (see MAX_COMPILED_PATHS), counted until past
 * `budget`: a field of an abstract type counts its selection once per possible type.
 */
function compiledPaths(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  budget: number,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const root = schema.getRootType(operation.operation);
  let paths = 0;
  const applies = (condition: string | undefined, type: GraphQLObjectType) => {
    if (!condition || condition === type.name) return true;
    const named = schema.getType(condition);
    return named !== undefined && isAbstractType(named) && schema.isSubType(named, type);
  };
  const walk = (selectionSet: SelectionSetNode, type: GraphQLObjectType, depth: number): void => {
    // Deeper than any operation the depth limit lets through: not worth counting further.
    if (depth > 64) {
      paths = Number.POSITIVE_INFINITY;
      return;
    }
    for (const selection of selectionSet.selections) {
      if (paths > budget) return;
      if (selection.kind === Kind.FIELD) {
        paths++;
        if (!selection.selectionSet) continue;
        const fieldType = type.getFields()[selection.name.value]?.type;
        if (!fieldType) {
          // Introspection (`__schema`, `__type`): rare, and nothing to gain from compiling it.
          paths = Number.POSITIVE_INFINITY;
          return;
        }
        const named = getNamedType(fieldType);
        const targets = isAbstractType(named)
          ? schema.getPossibleTypes(named)
          : isObjectType(named)
            ? [named]
            : [];
        for (const target of targets) walk(selection.selectionSet, target, depth + 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value, type)) walk(selection.selectionSet, type, depth + 1);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && applies(fragment.typeCondition.name.value, type))
          walk(fragment.selectionSet, type, depth + 1);
      }
    }
  };
  if (root) walk(operation.selectionSet, root, 0);
  return paths;
}
