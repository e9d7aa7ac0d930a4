/**
 * What a field's selection will read of the records it resolves to, as the ftrack layer's plain
 * ReadPlan (ftrack/read-plan.ts): which relations (`project`, `parent`, `thumbnail`, ...) and which
 * lists (`versions`, `children`, `contexts`) are selected under them, with their filters, and which
 * of the records' properties the selection shows, down the whole selection. The ftrack layer reads
 * them in the same round trip (ftrack/look-ahead.ts).
 *
 * Fields are collected whatever their type conditions and directives: a plan may read more than a
 * query shows, never less than it needs (what it misses is read later, one round trip on).
 */
import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  Kind,
  type SelectionSetNode,
  valueFromASTUntyped,
} from "graphql";
import {
  emptyPlan,
  type ListFilter,
  type ListName,
  mergePlans,
  planWith,
  type ReadPlan,
  type RelationName,
} from "../ftrack/read-plan.js";
import { pageSizeOf } from "./pagination.js";

/** The fields that follow a to-one relation, by name (on every type that has them). */
const RELATIONS: Record<string, RelationName> = {
  project: "project",
  parent: "parent",
  task: "task",
  asset: "asset",
  user: "user",
  thumbnail: "thumbnail",
};

/**
 * The fields that inherit with `inherit: true`, and what inheriting reads first: a version inherits
 * through its asset's parent (thumbnails/inherited-thumbnail.finder.ts), so its asset comes along.
 */
const INHERITING = new Set(["thumbnail", "thumbnailUrl"]);

/**
 * What a field shows of its record (the record's properties), for every field a version has: a
 * version list may be read with only those (ftrack/look-ahead.ts). Any other field: everything.
 */
const SHOWS: Record<string, ReadonlySet<string>> = {
  __typename: new Set(),
  id: new Set(),
  version: new Set(["version"]),
  comment: new Set(["comment"]),
  isLatestVersion: new Set(["isLatestVersion"]),
  thumbnail: new Set(["thumbnailId"]),
  thumbnailUrl: new Set(["thumbnailId"]),
  asset: new Set(["assetId"]),
  task: new Set(["taskId"]),
  user: new Set(["userId"]),
};

/** The connection fields of lists under a record, and the arguments that filter them. */
const LISTS: Record<string, ListName> = { versions: "versions", children: "children", contexts: "contexts" };
const FILTERS: Record<string, keyof ListFilter> = {
  objectType: "objectTypeName",
  nameContains: "nameContains",
};

type Fragments = GraphQLResolveInfo["fragments"];
type Variables = GraphQLResolveInfo["variableValues"];

/** The fields of a selection set, through fragments (each fragment read once per set). */
function fieldsOf(
  set: SelectionSetNode | undefined,
  fragments: Fragments,
  seen = new Set<string>(),
): FieldNode[] {
  if (!set) return [];
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsOf(selection.selectionSet, fragments, seen);
    const name = selection.name.value;
    const fragment: FragmentDefinitionNode | undefined = fragments[name];
    if (!fragment || seen.has(name)) return [];
    seen.add(name);
    return fieldsOf(fragment.selectionSet, fragments, seen);
  });
}

/** An argument's value as the resolver gets it (validation has run; a missing variable: not given). */
function argumentOf(field: FieldNode, name: string, variables: Variables): unknown {
  const argument = field.arguments?.find((a) => a.name.value === name);
  return argument && valueFromASTUntyped(argument.value, variables);
}

function filterOf(field: FieldNode, variables: Variables): ListFilter {
  const filter: ListFilter = {};
  for (const argument of field.arguments ?? []) {
    const key = FILTERS[argument.name.value];
    // Validation has run: the value is what the resolver gets (a missing variable: not given).
    const value = valueFromASTUntyped(argument.value, variables);
    if (key && value !== undefined) filter[key] = value as string | null;
  }
  return filter;
}

/** What is selected under the `nodes` of a connection's selection. */
function nodesPlan(set: SelectionSetNode | undefined, fragments: Fragments, variables: Variables): ReadPlan {
  const plan = emptyPlan();
  for (const nodes of fieldsOf(set, fragments)) {
    if (nodes.name.value === "nodes")
      mergePlans(plan, planOfSelection(nodes.selectionSet, fragments, variables));
  }
  return plan;
}

function planOfSelection(
  set: SelectionSetNode | undefined,
  fragments: Fragments,
  variables: Variables,
): ReadPlan {
  const plan = emptyPlan();
  for (const field of fieldsOf(set, fragments)) {
    const name = field.name.value;
    // Inheriting reads the whole record again (thumbnails/inherited-thumbnail.finder.ts).
    const inherits = INHERITING.has(name) && argumentOf(field, "inherit", variables) === true;
    const shows = SHOWS[name];
    mergePlans(plan, planWith({ fields: shows && !inherits ? shows : "all" }));
    if (inherits) mergePlans(plan, planWith({ one: { asset: emptyPlan() } }));
    const relation = RELATIONS[name];
    if (relation) {
      mergePlans(
        plan,
        planWith({ one: { [relation]: planOfSelection(field.selectionSet, fragments, variables) } }),
      );
      continue;
    }
    const list = LISTS[name];
    // A later page (`after`) is a paged query of its own for each record: nothing to read ahead.
    if (!list || argumentOf(field, "after", variables) != null) continue;
    const limit = pageSizeOf(argumentOf(field, "first", variables));
    const below = nodesPlan(field.selectionSet, fragments, variables);
    mergePlans(plan, planWith({ lists: [{ list, filter: filterOf(field, variables), limit, plan: below }] }));
  }
  return plan;
}

/**
 * Plans by the field nodes they were made from: every entity of a list resolves its fields with the
 * same nodes (graphql-js collects a list's sub-fields once per request), so a plan is made once.
 */
const plans = { entity: new WeakMap<object, Memo>(), nodes: new WeakMap<object, Memo>() };
interface Memo {
  variables: Variables;
  plan: ReadPlan;
}

/** `of` over every node of the field being resolved (merged), made once per request. */
function memoized(
  memo: WeakMap<object, Memo>,
  info: GraphQLResolveInfo,
  of: (set: SelectionSetNode | undefined, fragments: Fragments, variables: Variables) => ReadPlan,
): ReadPlan {
  const known = memo.get(info.fieldNodes);
  if (known && known.variables === info.variableValues) return known.plan;
  const plan = emptyPlan();
  for (const node of info.fieldNodes) {
    mergePlans(plan, of(node.selectionSet, info.fragments, info.variableValues));
  }
  memo.set(info.fieldNodes, { variables: info.variableValues, plan });
  return plan;
}

/** The plan of what is selected under the field being resolved (an entity field). */
export function planOf(info: GraphQLResolveInfo): ReadPlan {
  return memoized(plans.entity, info, planOfSelection);
}

/** The plan of what is selected under `nodes` of the connection field being resolved. */
export function nodesPlanOf(info: GraphQLResolveInfo): ReadPlan {
  return memoized(plans.nodes, info, nodesPlan);
}
