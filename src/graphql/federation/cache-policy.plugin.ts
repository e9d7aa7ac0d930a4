/**
 * The response's Cache-Control from the schema's `@cacheControl` hints, computed once per operation
 * from its selection, instead of by Apollo's cache-control plugin, which hooks every resolved field
 * (thousands in a list of a few hundred entities). Apollo's rules, applied to the selection:
 * - a field's policy is its return type's hint (composite types), replaced by the field's own hint;
 *   `inheritMaxAge` keeps the parent's;
 * - a root field, or a field returning a composite type, with no maxAge gets maxAge 0;
 * - `_entities` takes the hints of the types its representations name (as @apollo/subgraph does);
 * - the overall policy is the most restrictive of all; mutations are never cached; an answer with
 *   errors is `no-store`.
 * Every composite type of this schema has a hint, so a field that a null parent or an unmatched type
 * condition keeps from resolving changes nothing: the answers are Apollo's (test/graphql/cache-policy.test.ts).
 */
import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from "@apollo/server";
import {
  type DirectiveNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLNamedType,
  type GraphQLSchema,
  GraphQLSkipDirective,
  getDirectiveValues,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from "graphql";
import { fragmentsOf } from "../limits/query-shape.js";

/** Apollo's cache hint: seconds a response may be kept, and by whom. */
interface CacheHint {
  maxAge?: number;
  scope?: "PUBLIC" | "PRIVATE";
}

interface Annotation extends CacheHint {
  inheritMaxAge?: true;
}

/** A hint being restricted: the smallest maxAge, and PRIVATE once anything is private. */
class Policy {
  maxAge?: number;
  scope?: CacheHint["scope"];

  replace(hint: CacheHint): this {
    if (hint.maxAge !== undefined) this.maxAge = hint.maxAge;
    if (hint.scope !== undefined) this.scope = hint.scope;
    return this;
  }

  restrict(hint: CacheHint): this {
    if (hint.maxAge !== undefined && (this.maxAge === undefined || hint.maxAge < this.maxAge)) {
      this.maxAge = hint.maxAge;
    }
    if (hint.scope !== undefined && this.scope !== "PRIVATE") this.scope = hint.scope;
    return this;
  }
}

const annotations = new WeakMap<object, Annotation>();

/** The @cacheControl of a type or field definition (memoized: the schema does not change). */
function annotationOf(definition: GraphQLNamedType | GraphQLField<unknown, unknown>): Annotation {
  let annotation = annotations.get(definition);
  if (!annotation) {
    const nodes = [
      definition.astNode,
      ...(("extensionASTNodes" in definition && definition.extensionASTNodes) || []),
    ];
    const directive = nodes
      .flatMap((node) => (node?.directives ?? []) as DirectiveNode[])
      .find((d) => d.name.value === "cacheControl");
    annotation = directive ? fromDirective(directive) : {};
    annotations.set(definition, annotation);
  }
  return annotation;
}

function fromDirective(directive: DirectiveNode): Annotation {
  const arg = (name: string) => directive.arguments?.find((a) => a.name.value === name)?.value;
  const maxAge = arg("maxAge");
  const scope = arg("scope");
  const inherit = arg("inheritMaxAge");
  const scopeValue =
    scope?.kind === Kind.ENUM && (scope.value === "PUBLIC" || scope.value === "PRIVATE")
      ? scope.value
      : undefined;
  if (inherit?.kind === Kind.BOOLEAN && inherit.value) return { inheritMaxAge: true, scope: scopeValue };
  return {
    maxAge: maxAge?.kind === Kind.INT ? Number.parseInt(maxAge.value, 10) : undefined,
    scope: scopeValue,
  };
}

/** The policy of an operation's selection, as Apollo's plugin would find it field by field. */
function operationPolicy(
  schema: GraphQLSchema,
  selection: SelectionSetNode,
  root: GraphQLCompositeType,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): CacheHint {
  const overall = new Policy();
  // Each fragment once per parent type (and rootness): restricting twice changes nothing.
  const seen = new Set<string>();
  const included = (node: { directives?: readonly DirectiveNode[] }) =>
    !node.directives?.length ||
    (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if !== true &&
      getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false);

  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType, isRoot: boolean): void => {
    for (const selection of set.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) walk(selection.selectionSet, type, isRoot);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const type = fragment && schema.getType(fragment.typeCondition.name.value);
        const key = `${selection.name.value}|${parent.name}|${isRoot}`;
        if (!fragment || !type || !isCompositeType(type) || seen.has(key)) continue;
        seen.add(key);
        walk(fragment.selectionSet, type, isRoot);
        continue;
      }
      const name = selection.name.value;
      // Introspection and __typename resolve outside the schema's fields: Apollo never sees them.
      if (name.startsWith("__") || !(isObjectType(parent) || isInterfaceType(parent))) continue;
      const field = parent.getFields()[name];
      if (!field) continue;
      const target = getNamedType(field.type);
      const policy = new Policy();
      let inherit = false;
      if (isCompositeType(target)) {
        const typeHint = annotationOf(target);
        policy.replace(typeHint);
        inherit = typeHint.inheritMaxAge === true;
      }
      const fieldHint = annotationOf(field as GraphQLField<unknown, unknown>);
      if (fieldHint.inheritMaxAge && policy.maxAge === undefined) {
        inherit = true;
        if (fieldHint.scope) policy.replace({ scope: fieldHint.scope });
      } else {
        policy.replace(fieldHint);
      }
      if (isRoot && name === "_entities") {
        for (const typeName of representationTypes(selection.arguments, variables)) {
          const type = schema.getType(typeName);
          if (type && (isObjectType(type) || isInterfaceType(type))) policy.restrict(annotationOf(type));
        }
      }
      if (policy.maxAge === undefined && ((isCompositeType(target) && !inherit) || isRoot)) {
        policy.restrict({ maxAge: 0 });
      }
      overall.restrict(policy);
      if (selection.selectionSet && isCompositeType(target)) walk(selection.selectionSet, target, false);
    }
  };
  walk(selection, root, true);
  return { maxAge: overall.maxAge, scope: overall.scope };
}

/** The `__typename`s of `_entities(representations: ...)`, from a literal or a variable. */
function representationTypes(
  args: readonly { name: { value: string }; value: unknown }[] | undefined,
  variables: Record<string, unknown>,
): string[] {
  const arg = args?.find((a) => a.name.value === "representations")?.value as
    | {
        kind: string;
        name?: { value: string };
        values?: {
          kind: string;
          fields?: { name: { value: string }; value: { kind: string; value?: string } }[];
        }[];
      }
    | undefined;
  if (!arg) return [];
  if (arg.kind === Kind.VARIABLE) {
    const value = variables[arg.name!.value];
    return Array.isArray(value)
      ? value
          .map((r) => (r as { __typename?: unknown })?.__typename)
          .filter((t): t is string => typeof t === "string")
      : [];
  }
  return (arg.values ?? []).flatMap((object) =>
    (object.fields ?? [])
      .filter((f) => f.name.value === "__typename" && f.value.kind === Kind.STRING)
      .map((f) => f.value.value!),
  );
}

const UNCACHEABLE = "no-store";
const CACHEABLE = /^max-age=(\d+), (public|private)$/;

/** Apollo's cache-control plugin, with the policy computed once per operation (see above). */
export function cachePolicyPlugin<T extends BaseContext>(): ApolloServerPlugin<T> {
  const listener: GraphQLRequestListener<T> = {
    async didResolveOperation({ schema, operation, document, request, overallCachePolicy }) {
      if (!operation) return;
      // A mutation's answer is `no-store`: the hints of the types it returns describe reading them.
      if (operation.operation === "mutation") {
        overallCachePolicy.restrict({ maxAge: 0 });
        return;
      }
      const root = schema.getRootType(operation.operation);
      if (!root) return;
      overallCachePolicy.restrict(
        operationPolicy(schema, operation.selectionSet, root, fragmentsOf(document), request.variables ?? {}),
      );
    },
    async willSendResponse({ response, overallCachePolicy }) {
      const existing = response.http.headers.get("cache-control");
      const policy = new Policy().replace(overallCachePolicy);
      if (existing) {
        if (existing === UNCACHEABLE) policy.restrict({ maxAge: 0 });
        else {
          const match = CACHEABLE.exec(existing);
          // A header some other plugin set that we cannot read: leave it.
          if (!match) return;
          policy.restrict({ maxAge: Number(match[1]), scope: match[2] === "public" ? "PUBLIC" : "PRIVATE" });
        }
      }
      const cacheable =
        policy.maxAge !== undefined &&
        policy.maxAge > 0 &&
        response.body.kind === "single" &&
        !response.body.singleResult.errors;
      response.http.headers.set(
        "cache-control",
        cacheable ? `max-age=${policy.maxAge}, ${(policy.scope ?? "PUBLIC").toLowerCase()}` : UNCACHEABLE,
      );
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}
