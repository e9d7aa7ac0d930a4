/**
 * Lists by parent: the versions of many tasks (or assets), the children of many contexts, the
 * contexts of many projects. Two ways to read them for many parents in one query:
 * - the grouped loaders: a GraphQL list of N parents asking each for its list would cost N `query`
 *   operations; these DataLoaders turn them into one `select ... where <parent> in (...)` per chunk of
 *   parent ids, and split the rows per parent in memory (ftrack has no "first N per group");
 * - the list memo: whole lists per parent that look-ahead (look-ahead.ts) read with their parents'
 *   query, in the same POST.
 *
 * A parent's list holds all its rows in the list's order, or is null when the rows may be incomplete
 * (the grouped query reached its row cap): the caller then reads that parent with a paged query of
 * its own. Ids that are not ftrack ids resolve to an empty list.
 */
import type DataLoader from "dataloader";
import { asError, idChunks, loader, type PlannedLoaderRuntime } from "./entity.loaders.js";
import { RECORD_KINDS, type RecordKind } from "./entity.mappers.js";
import { and, type Condition, contains, eq, isIn, type Query, select } from "./expression.js";
import type { AssetVersionRecord, ContextRecord } from "./ftrack.types.js";
import type { FieldsRead, ListFilter } from "./read-plan.js";

/** Rows one grouped query may return; beyond it the groups cannot be trusted to be whole. */
export const GROUPED_LIST_ROW_CAP = 5000;

/** One kind of list: its records, the attribute naming their parent, its order (then by id, so ties are stable). */
export interface ListSpec {
  name: "versionsByTask" | "versionsByAsset" | "childrenByParent" | "contextsByProject";
  kind: RecordKind;
  parentAttribute: string;
  order: [path: string, direction: "asc" | "desc"];
}

export const LIST_SPECS = {
  versionsByTask: {
    name: "versionsByTask",
    kind: "AssetVersion",
    parentAttribute: "task_id",
    order: ["version", "asc"],
  },
  versionsByAsset: {
    name: "versionsByAsset",
    kind: "AssetVersion",
    parentAttribute: "asset_id",
    order: ["version", "asc"],
  },
  /** TypedContexts directly under a Project or TypedContext, by name. */
  childrenByParent: {
    name: "childrenByParent",
    kind: "TypedContext",
    parentAttribute: "parent_id",
    order: ["name", "asc"],
  },
  /** TypedContexts anywhere under a project (filtered, see listFilter), by name. */
  contextsByProject: {
    name: "contextsByProject",
    kind: "TypedContext",
    parentAttribute: "project_id",
    order: ["name", "asc"],
  },
} as const satisfies Record<string, ListSpec>;

/** The condition a list's filter adds (only the contexts of a project take one). */
export function listFilter(filter: ListFilter): Condition | undefined {
  return and(
    filter.objectTypeName !== undefined && eq("object_type.name", filter.objectTypeName),
    filter.nameContains ? contains("name", filter.nameContains) : undefined,
  );
}

/** A list's rows in its order (then by id): `select <fields> from <type> where <condition> order by ...`. */
export function listQuery(
  spec: ListSpec,
  where: Condition | undefined,
  fields: readonly string[] = RECORD_KINDS[spec.kind].fields,
): Query {
  const { type } = RECORD_KINDS[spec.kind];
  return select(...fields)
    .from(type)
    .where(where)
    .orderBy(...spec.order)
    .orderBy("id", spec.order[1]);
}

/** A whole list look-ahead read; its records may lack properties their selection did not show. */
export interface KnownList<R> {
  records: R[];
  lacks: ReadonlySet<string>;
}

/** Whole lists per parent, as look-ahead read them (per request, like the loaders). */
export class ListMemo {
  readonly #lists = new Map<string, KnownList<unknown>>();

  static key(spec: ListSpec, filter: Condition | undefined, parentId: string): string {
    return `${spec.name}|${filter ?? ""}|${parentId}`;
  }

  /** The list, when its records have every property a selection showing `fields` reads. */
  get<R>(key: string, fields: FieldsRead): KnownList<R> | undefined {
    const known = this.#lists.get(key) as KnownList<R> | undefined;
    if (!known || known.lacks.size === 0) return known;
    if (fields === "all") return undefined;
    for (const field of fields) if (known.lacks.has(field)) return undefined;
    return known;
  }

  set(key: string, list: KnownList<unknown>): void {
    this.#lists.set(key, list);
  }

  clear(): void {
    this.#lists.clear();
  }
}

export interface ListLoaders {
  versionsByTask: DataLoader<string, AssetVersionRecord[] | null>;
  versionsByAsset: DataLoader<string, AssetVersionRecord[] | null>;
  childrenByParent: DataLoader<string, ContextRecord[] | null>;
}

function groupedLoader<R>(rt: PlannedLoaderRuntime, spec: ListSpec) {
  return loader<R[] | null>(rt, async (keys) => {
    const parts = idChunks(rt, keys);
    const groups = new Map<string, R[] | null | Error>(parts.flat().map((id) => [id, []]));
    const plan = rt.takePlan(spec.name);
    const { map } = RECORD_KINDS[spec.kind];
    await Promise.all(
      parts.map(async (part) => {
        const query = listQuery(spec, isIn(spec.parentAttribute, part));
        try {
          const entities = await rt.read(spec.kind, query.limit(GROUPED_LIST_ROW_CAP + 1), plan);
          if (entities.length > GROUPED_LIST_ROW_CAP) {
            for (const id of part) groups.set(id, null);
            return;
          }
          for (const entity of entities) {
            const list = groups.get(entity[spec.parentAttribute] as string);
            if (Array.isArray(list)) list.push(map(entity) as R);
          }
        } catch (error) {
          for (const id of part) groups.set(id, asError(error));
        }
      }),
    );
    // Keys that are not ftrack ids have no group: they name nothing, so their list is empty.
    return keys.map((key) => (groups.has(key) ? groups.get(key)! : []));
  });
}

export function createListLoaders(rt: PlannedLoaderRuntime): ListLoaders {
  return {
    versionsByTask: groupedLoader(rt, LIST_SPECS.versionsByTask),
    versionsByAsset: groupedLoader(rt, LIST_SPECS.versionsByAsset),
    childrenByParent: groupedLoader(rt, LIST_SPECS.childrenByParent),
  };
}

/** Forgets every cached list (after a write: any list may hold an entity it changed). */
export function forgetLists(loaders: ListLoaders, memo: ListMemo): void {
  for (const loader of Object.values(loaders) as DataLoader<string, unknown>[]) loader.clearAll();
  memo.clear();
}
