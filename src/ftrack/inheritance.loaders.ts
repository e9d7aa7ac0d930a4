/**
 * Per-request loaders for inherited thumbnails (the rule is thumbnails/inherited-thumbnail.rule.ts):
 * what lies above a context, and which of a task's versions have a thumbnail. The loads of one tick
 * become one query per chunk of ids, sent through the call batcher with the rest of that tick, so a
 * grid of N entities costs the same round trips as one.
 *
 * - lineage:   `select <context>, ancestors.<context> from TypedContext where id in (...)`. ftrack
 *              does not promise an order for `ancestors`, so the chain is walked by parent ids.
 * - versionsWithThumbnailByTask: `select <version> from AssetVersion where task_id in (...) and
 *              thumbnail_id != none order by version desc, date desc, id desc`, grouped in memory.
 *
 * Every record read primes the by-id loaders (through `prime`), so a thumbnail's source costs
 * nothing more to show.
 */
import type DataLoader from "dataloader";
import { asError, idChunks, type LoaderRuntime, loader, readByIds } from "./entity.loaders.js";
import {
  ASSET_VERSION_FIELDS,
  isEntity,
  mapContext,
  mapDatedVersion,
  queryData,
  TYPED_CONTEXT_FIELDS,
  VERSION_DATE_FIELD,
} from "./entity.mappers.js";
import { and, type Condition, compare, eq, id, isIn, select } from "./expression.js";
import type { AssetVersionRecord, ContextRecord, DatedVersionRecord, FtrackEntity } from "./ftrack.types.js";
import { GROUPED_LIST_ROW_CAP } from "./list.loaders.js";

export interface InheritanceLoaders {
  /**
   * A TypedContext, then the TypedContexts above it, nearest first (the project is not one). Null
   * when the id names no TypedContext the caller may see (a project, a missing id).
   */
  lineage: DataLoader<string, ContextRecord[] | null>;
  /**
   * A task's versions that have a thumbnail, in ftrack's order: highest version first, then the
   * newest, then by id. The first is always there; the rest may be left out when there are many.
   */
  versionsWithThumbnailByTask: DataLoader<string, DatedVersionRecord[]>;
}

/** Stores records the inheritance loaders read, so by-id loads of them cost nothing. */
export interface InheritancePriming {
  context(record: ContextRecord): void;
  version(record: AssetVersionRecord): void;
}

const LINEAGE_FIELDS = [...TYPED_CONTEXT_FIELDS, ...TYPED_CONTEXT_FIELDS.map((f) => `ancestors.${f}`)];

/** The context, then its ancestors from its parent up, following parent ids. */
function lineageOf(entity: FtrackEntity): ContextRecord[] {
  const self = mapContext(entity);
  const ancestors = Array.isArray(entity.ancestors) ? entity.ancestors.filter(isEntity) : [];
  const byId = new Map(ancestors.map((a) => [a.id, mapContext(a)]));
  const chain = [self];
  // Bounded by the ancestors' count, so a malformed answer cannot loop.
  for (let next = byId.get(self.parentId ?? ""); next && chain.length <= byId.size; ) {
    chain.push(next);
    next = byId.get(next.parentId ?? "");
  }
  return chain;
}

function lineageLoader(rt: LoaderRuntime, prime: InheritancePriming) {
  return loader<ContextRecord[] | null>(rt, (keys) =>
    readByIds(rt, keys, "TypedContext", LINEAGE_FIELDS, (entity) => {
      const chain = lineageOf(entity);
      for (const record of chain) prime.context(record);
      return chain;
    }),
  );
}

function versionsWithThumbnailLoader(rt: LoaderRuntime, prime: InheritancePriming) {
  const versionsWithThumbnail = (where: Condition) =>
    select(...ASSET_VERSION_FIELDS, VERSION_DATE_FIELD)
      .from("AssetVersion")
      .where(and(where, compare("thumbnail_id", "!=", null)))
      .orderBy("version", "desc")
      .orderBy(VERSION_DATE_FIELD, "desc")
      .orderBy("id", "desc");
  const records = (result: unknown) =>
    queryData(result).map((entity) => {
      const record = mapDatedVersion(entity);
      prime.version(record);
      return record;
    });

  /** One grouped query; when its answer is cut, one query per task left without rows, together. */
  async function readChunk(part: string[]): Promise<Map<string, DatedVersionRecord[]>> {
    const expression = versionsWithThumbnail(isIn("task_id", part))
      .limit(GROUPED_LIST_ROW_CAP + 1)
      .toString();
    const [result] = await rt.run([{ action: "query", expression }]);
    const rows = records(result);
    const groups = new Map<string, DatedVersionRecord[]>(part.map((taskId) => [taskId, []]));
    for (const row of rows) groups.get(row.taskId ?? "")?.push(row);
    if (rows.length <= GROUPED_LIST_ROW_CAP) return groups;
    // The rows are the head of one order, so a task with any row there has its first one. The cut
    // says nothing of the tasks without rows.
    const unknown = part.filter((taskId) => groups.get(taskId)?.length === 0);
    const firsts = await rt.run(
      unknown.map((taskId) => ({
        action: "query" as const,
        expression: versionsWithThumbnail(eq("task_id", id(taskId)))
          .limit(1)
          .toString(),
      })),
    );
    for (const [i, taskId] of unknown.entries()) groups.set(taskId, records(firsts[i]));
    return groups;
  }

  return loader<DatedVersionRecord[]>(rt, async (keys) => {
    const groups = new Map<string, DatedVersionRecord[] | Error>();
    await Promise.all(
      idChunks(rt, keys).map(async (part) => {
        try {
          for (const [taskId, versions] of await readChunk(part)) groups.set(taskId, versions);
        } catch (error) {
          for (const taskId of part) groups.set(taskId, asError(error));
        }
      }),
    );
    // Keys that are not ftrack ids name no task: they have no versions.
    return keys.map((key) => groups.get(key) ?? []);
  });
}

export function createInheritanceLoaders(rt: LoaderRuntime, prime: InheritancePriming): InheritanceLoaders {
  return {
    lineage: lineageLoader(rt, prime),
    versionsWithThumbnailByTask: versionsWithThumbnailLoader(rt, prime),
  };
}

/** Forgets everything read (after a write: any lineage or version list may hold what it changed). */
export function forgetInheritance(loaders: InheritanceLoaders): void {
  loaders.lineage.clearAll();
  loaders.versionsWithThumbnailByTask.clearAll();
}
