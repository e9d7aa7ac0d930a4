/**
 * Depth and alias count of the operation that will run, fragments included (each spread counted
 * where it is used, so fragments cannot hide nesting or aliases).
 *
 * Depth ignores introspection (`__schema`, `__type`: the standard introspection query is 15 deep;
 * graphql-js's own MaxIntrospectionDepthRule bounds its nesting) and `__typename`.
 */
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

export interface QueryShape {
  depth: number;
  aliases: number;
}

const INTROSPECTION = new Set(["__schema", "__type", "__typename"]);

/** A document's fragment definitions by name. */
export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

export function measureOperation(operation: OperationDefinitionNode, document: DocumentNode): QueryShape {
  const fragments = fragmentsOf(document);
  // Each fragment measured once: a fragment spread many times in fragments spread many times
  // ("fragment bomb") costs linear time here, while its alias count multiplies as it would run.
  const measured = new Map<string, QueryShape>();

  const walk = (set: SelectionSetNode, visiting: Set<string>): QueryShape => {
    let depth = 0;
    let aliases = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) aliases++;
        if (INTROSPECTION.has(selection.name.value)) continue;
        const below = selection.selectionSet
          ? walk(selection.selectionSet, visiting)
          : { depth: 0, aliases: 0 };
        depth = Math.max(depth, 1 + below.depth);
        aliases += below.aliases;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const inner = walk(selection.selectionSet, visiting);
        depth = Math.max(depth, inner.depth);
        aliases += inner.aliases;
      } else {
        const inner = fragmentShape(selection.name.value, visiting);
        depth = Math.max(depth, inner.depth);
        aliases += inner.aliases;
      }
    }
    return { depth, aliases };
  };

  const fragmentShape = (name: string, visiting: Set<string>): QueryShape => {
    const known = measured.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    // Validation has already refused unknown fragments and cycles; this guards anyway.
    if (!fragment || visiting.has(name)) return { depth: 0, aliases: 0 };
    visiting.add(name);
    const shape = walk(fragment.selectionSet, visiting);
    visiting.delete(name);
    measured.set(name, shape);
    return shape;
  };

  return walk(operation.selectionSet, new Set());
}
