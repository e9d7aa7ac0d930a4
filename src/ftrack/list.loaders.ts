/**
 * Per-request DataLoaders of lists by parent: the versions of many tasks (or assets), the children
 * of many contexts. A GraphQL list of N parents asking each for its list would cost N `query`
 * operations; these loaders turn them into one `select ... where <parent> in (...)` per chunk of
 * parent ids, and split the rows per parent in memory (ftrack has no "first N per group").
 *
 * A parent's list resolves to all its rows in the query's order, or to null when the rows may be
 * incomplete (the grouped query reached its row cap): the caller then reads that parent with a
 * paged query of its own. Ids that are not ftrack ids resolve to an empty list.
 */
import type DataLoader from "dataloader";
import { asError, idChunks, type LoaderRuntime, loader } from "./entity.loaders.js";
import {
  ASSET_VERSION_FIELDS,
  mapAssetVersion,
  mapContext,
  queryData,
  TYPED_CONTEXT_FIELDS,
} from "./entity.mappers.js";
import { isIn, select } from "./expression.js";
import type { AssetVersionRecord, ContextRecord, FtrackEntity } from "./ftrack.types.js";

/** Rows one grouped query may return; beyond it the groups cannot be trusted to be whole. */
export const GROUPED_LIST_ROW_CAP = 5000;

export interface ListLoaders {
  versionsByTask: DataLoader<string, AssetVersionRecord[] | null>;
  versionsByAsset: DataLoader<string, AssetVersionRecord[] | null>;
  /** TypedContexts directly under a Project or TypedContext, by name. */
  childrenByParent: DataLoader<string, ContextRecord[] | null>;
}

interface GroupedList<R> {
  type: string;
  fields: string[];
  /** The attribute naming the parent, e.g. "task_id". */
  parentAttribute: string;
  orderBy: [path: string, direction: "asc" | "desc"];
  map: (entity: FtrackEntity) => R;
}

function groupedLoader<R>(rt: LoaderRuntime, spec: GroupedList<R>) {
  return loader<R[] | null>(rt, async (keys) => {
    const parts = idChunks(rt, keys);
    const groups = new Map<string, R[] | null | Error>(parts.flat().map((id) => [id, []]));
    await Promise.all(
      parts.map(async (part) => {
        const expression = select(...spec.fields)
          .from(spec.type)
          .where(isIn(spec.parentAttribute, part))
          .orderBy(...spec.orderBy)
          .limit(GROUPED_LIST_ROW_CAP + 1)
          .toString();
        try {
          const [result] = await rt.run([{ action: "query", expression }]);
          const entities = queryData(result);
          if (entities.length > GROUPED_LIST_ROW_CAP) {
            for (const id of part) groups.set(id, null);
            return;
          }
          for (const entity of entities) {
            const list = groups.get(entity[spec.parentAttribute] as string);
            if (Array.isArray(list)) list.push(spec.map(entity));
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

export function createListLoaders(rt: LoaderRuntime): ListLoaders {
  const versions = (parentAttribute: string) =>
    groupedLoader(rt, {
      type: "AssetVersion",
      fields: ASSET_VERSION_FIELDS,
      parentAttribute,
      orderBy: ["version", "asc"],
      map: mapAssetVersion,
    });
  return {
    versionsByTask: versions("task_id"),
    versionsByAsset: versions("asset_id"),
    childrenByParent: groupedLoader(rt, {
      type: "TypedContext",
      fields: TYPED_CONTEXT_FIELDS,
      parentAttribute: "parent_id",
      orderBy: ["name", "asc"],
      map: mapContext,
    }),
  };
}

/** Forgets every cached list (after a write: any list may hold an entity it changed). */
export function forgetLists(loaders: ListLoaders): void {
  for (const loader of Object.values(loaders) as DataLoader<string, unknown>[]) loader.clearAll();
}
