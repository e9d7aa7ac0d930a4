/**
 * What a caller will read of the records it asks for, as plain data: the to-one relations to fetch
 * with each record, the lists under it (each with its own plan) and the records' properties it shows.
 * The GraphQL layer derives a plan from a query's selection (graphql/look-ahead.ts); the ftrack layer
 * turns it into dotted projections and extra queries in the same POST (look-ahead.ts). A plan only
 * saves round trips: a relation or list it leaves out is still read when asked for, one round trip
 * later.
 */

/** To-one relations, named as the GraphQL fields that follow them; each ftrack kind has some of them. */
export type RelationName = "project" | "parent" | "task" | "asset" | "user" | "thumbnail";

/** Lists under a record: a task's or an asset's versions, a context's children, a project's contexts. */
export type ListName = "versions" | "children" | "contexts";

/** The filters a list may take (only `contexts` takes any). */
export interface ListFilter {
  objectTypeName?: string | null;
  nameContains?: string | null;
}

export interface ListPlan {
  list: ListName;
  filter: ListFilter;
  /** The largest page asked of each record's list (a speculative read is sized by it). */
  limit: number;
  /** What is read of each record of the list. */
  plan: ReadPlan;
}

/**
 * The properties of its records a selection shows (the records' own names, e.g. `comment`,
 * `assetId`), or "all" when it cannot tell. A list may then be read with fewer attributes
 * (look-ahead.ts); its records only serve selections that show none of what they lack.
 */
export type FieldsRead = "all" | ReadonlySet<string>;

export interface ReadPlan {
  one: Partial<Record<RelationName, ReadPlan>>;
  lists: ListPlan[];
  fields: FieldsRead;
}

/** A plan that reads nothing (what merging starts from). */
export const emptyPlan = (): ReadPlan => ({ one: {}, lists: [], fields: new Set() });

/** A plan that reads what `part` says and nothing else. */
export const planWith = (part: Partial<ReadPlan>): ReadPlan => ({ ...emptyPlan(), ...part });

/** Both sets (never changed once made, so either may be the answer). */
const union = (a: FieldsRead, b: FieldsRead): FieldsRead => {
  if (a === "all" || b === "all") return "all";
  if (b.size === 0) return a;
  return a.size === 0 ? b : new Set([...a, ...b]);
};

export function isEmptyPlan(plan: ReadPlan): boolean {
  return plan.lists.length === 0 && Object.keys(plan.one).length === 0;
}

const sameFilter = (a: ListFilter, b: ListFilter) =>
  a.objectTypeName === b.objectTypeName && a.nameContains === b.nameContains;

/** Everything either plan reads (`into` is changed and returned). */
export function mergePlans(into: ReadPlan, from: ReadPlan): ReadPlan {
  into.fields = union(into.fields, from.fields);
  for (const [name, plan] of Object.entries(from.one) as [RelationName, ReadPlan][]) {
    into.one[name] = mergePlans(into.one[name] ?? emptyPlan(), plan);
  }
  for (const list of from.lists) {
    const same = into.lists.find((l) => l.list === list.list && sameFilter(l.filter, list.filter));
    if (same) {
      same.limit = Math.max(same.limit, list.limit);
      mergePlans(same.plan, list.plan);
    } else {
      into.lists.push({ ...list, filter: { ...list.filter }, plan: mergePlans(emptyPlan(), list.plan) });
    }
  }
  return into;
}
