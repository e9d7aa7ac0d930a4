/**
 * Per-request DataLoaders by id. Each batch becomes `select ... from T where id in (...)` (chunked at
 * idChunkSize), submitted through the call batcher so loaders of different types share one POST.
 *
 * Missing ids resolve to null. Ids that are not ftrack ids (see isFtrackId) also resolve to null
 * without reaching ftrack: for the GraphQL layer "no such entity" and "cannot be an entity" are the
 * same answer. A failed request rejects the loads of its chunk only.
 */
import DataLoader from "dataloader";
import {
  ASSET_FIELDS,
  ASSET_VERSION_FIELDS,
  COMPONENT_FIELDS,
  mapAsset,
  mapAssetVersion,
  mapComponent,
  mapContext,
  mapUser,
  PROJECT_FIELDS,
  queryData,
  TYPED_CONTEXT_FIELDS,
  USER_FIELDS,
} from "./entity.mappers.js";
import { isFtrackId, isIn, select } from "./expression.js";
import type {
  AssetRecord,
  AssetVersionRecord,
  ComponentRecord,
  ContextRecord,
  FtrackEntity,
  FtrackOperation,
  UserRecord,
} from "./ftrack.types.js";

export interface LoaderRuntime {
  /** Submits operations that travel together in one POST; resolves with their results. */
  run(ops: FtrackOperation[]): Promise<unknown[]>;
  idChunkSize: number;
  /** false = naive mode: every load is its own request, nothing is cached. */
  batching: boolean;
}

export interface EntityLoaders {
  /** Any Project or TypedContext: both types asked in one POST, whichever answers wins. */
  context: DataLoader<string, ContextRecord | null>;
  project: DataLoader<string, ContextRecord | null>;
  typedContext: DataLoader<string, ContextRecord | null>;
  asset: DataLoader<string, AssetRecord | null>;
  assetVersion: DataLoader<string, AssetVersionRecord | null>;
  user: DataLoader<string, UserRecord | null>;
  component: DataLoader<string, ComponentRecord | null>;
}

type Found<R> = (R | null | Error)[];

/** `select <fields> from <type> where id in (<ids>)`, built by the expression module. */
function byIdQuery(type: string, fields: string[], ids: string[]): FtrackOperation {
  return {
    action: "query",
    expression: select(...fields)
      .from(type)
      .where(isIn("id", ids))
      .toString(),
  };
}

/** The distinct ftrack ids among `keys`, in chunks of at most idChunkSize (one operation each). */
export function idChunks(rt: LoaderRuntime, keys: readonly string[]): string[][] {
  const ids = [...new Set(keys.filter(isFtrackId))];
  const size = Math.max(1, rt.idChunkSize);
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}

export const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * Runs `opsFor(chunk)` for every chunk of valid ids (all in this tick, so one POST), maps the
 * entities of every result, and answers in key order.
 */
async function loadChunks<R extends { id: string }>(
  rt: LoaderRuntime,
  keys: readonly string[],
  opsFor: (ids: string[]) => FtrackOperation[],
  map: (e: FtrackEntity) => R,
): Promise<Found<R>> {
  const found = new Map<string, R>();
  const failed = new Map<string, Error>();
  await Promise.all(
    idChunks(rt, keys).map(async (part) => {
      try {
        const results = await rt.run(opsFor(part));
        for (const result of results) {
          for (const entity of queryData(result))
            if (!found.has(entity.id)) found.set(entity.id, map(entity));
        }
      } catch (error) {
        for (const id of part) failed.set(id, asError(error));
      }
    }),
  );
  return keys.map((key) => failed.get(key) ?? found.get(key) ?? null);
}

/** A DataLoader by id that batches and caches unless the runtime is in naive mode. */
export function loader<V>(rt: LoaderRuntime, batchFn: (keys: readonly string[]) => Promise<(V | Error)[]>) {
  return new DataLoader<string, V>(batchFn, { batch: rt.batching, cache: rt.batching });
}

export function createEntityLoaders(rt: LoaderRuntime): EntityLoaders {
  const byId = <R extends { id: string }>(type: string, fields: string[], map: (e: FtrackEntity) => R) =>
    loader<R | null>(rt, (keys) => loadChunks(rt, keys, (ids) => [byIdQuery(type, fields, ids)], map));

  // A project or typed context read by its own loader also answers later `context(id)` loads.
  const contextKind = (type: string, fields: string[]) =>
    loader<ContextRecord | null>(rt, async (keys) => {
      const records = await loadChunks(rt, keys, (ids) => [byIdQuery(type, fields, ids)], mapContext);
      for (const record of records) {
        if (record && !(record instanceof Error)) prime(loaders.context, record.id, record);
      }
      return records;
    });

  const loaders: EntityLoaders = {
    context: loader<ContextRecord | null>(rt, async (keys) => {
      const records = await loadChunks(
        rt,
        keys,
        (ids) => [
          byIdQuery("Project", PROJECT_FIELDS, ids),
          byIdQuery("TypedContext", TYPED_CONTEXT_FIELDS, ids),
        ],
        mapContext,
      );
      for (const record of records) if (record && !(record instanceof Error)) primeContext(loaders, record);
      return records;
    }),
    project: contextKind("Project", PROJECT_FIELDS),
    typedContext: contextKind("TypedContext", TYPED_CONTEXT_FIELDS),
    asset: byId("Asset", ASSET_FIELDS, mapAsset),
    assetVersion: byId("AssetVersion", ASSET_VERSION_FIELDS, mapAssetVersion),
    user: byId("User", USER_FIELDS, mapUser),
    component: byId("Component", COMPONENT_FIELDS, mapComponent),
  };
  return loaders;
}

/** Stores a freshly read record so a later load of its id costs nothing (no-op in naive mode). */
export function prime<R>(target: DataLoader<string, R | null>, id: string, value: R | null): void {
  target.clear(id).prime(id, value);
}

/** Primes the context loader and the loader of the record's kind (the other kind learns "not me"). */
export function primeContext(loaders: EntityLoaders, record: ContextRecord): void {
  const isProject = record.entityType === "Project";
  prime(loaders.context, record.id, record);
  prime(isProject ? loaders.project : loaders.typedContext, record.id, record);
  prime(isProject ? loaders.typedContext : loaders.project, record.id, null);
}

/** Forgets an id in every loader, so the next load reads ftrack again (after a write). */
export function forget(loaders: EntityLoaders, id: string): void {
  for (const l of Object.values(loaders) as DataLoader<string, unknown>[]) l.clear(id);
}
