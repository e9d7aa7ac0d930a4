/**
 * Per-request DataLoaders by id. Each batch becomes `select ... from T where id in (...)` (chunked at
 * idChunkSize), submitted through the call batcher so loaders of different types share one POST.
 * A batch also reads what the plans registered for it ask for (look-ahead.ts), in the same POST.
 *
 * Missing ids resolve to null. Ids that are not ftrack ids (see isFtrackId) also resolve to null
 * without reaching ftrack: for the GraphQL layer "no such entity" and "cannot be an entity" are the
 * same answer. A failed request rejects the loads of its chunk only.
 */
import DataLoader from "dataloader";
import {
  queryData,
  RECORD_KINDS,
  type RecordKind,
  VERSION_PROJECT_FIELDS,
  versionProjectId,
} from "./entity.mappers.js";
import { isFtrackId, isIn, type Query, select } from "./expression.js";
import type {
  AssetRecord,
  AssetVersionRecord,
  ComponentRecord,
  ContextRecord,
  FtrackEntity,
  FtrackOperation,
  UserRecord,
} from "./ftrack.types.js";
import type { ReadPlan } from "./read-plan.js";

export interface LoaderRuntime {
  /** Submits operations that travel together in one POST; resolves with their results. */
  run(ops: FtrackOperation[]): Promise<unknown[]>;
  idChunkSize: number;
  /** false = naive mode: every load is its own request, nothing is cached. */
  batching: boolean;
}

/** What the entity and list loaders read through: queries that carry the caller's plan. */
export interface PlannedLoaderRuntime extends LoaderRuntime {
  /** The entities of a query (in the POST of this tick), with what `plan` asks for read alongside. */
  read(kind: RecordKind, query: Query, plan?: ReadPlan): Promise<FtrackEntity[]>;
  /** The plan registered for a loader's next batch, which it takes (see FtrackSession). */
  takePlan(loader: string): ReadPlan | undefined;
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
  /** The project of a version (not part of its record: few readers need it). */
  versionProject: DataLoader<string, string | null>;
}

type Found<R> = (R | null | Error)[];

/** `select <fields> from <type> where id in (<ids>)`, built by the expression module. */
function byIdQuery(kind: RecordKind, ids: string[]): Query {
  const { type, fields } = RECORD_KINDS[kind];
  return select(...fields)
    .from(type)
    .where(isIn("id", ids));
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
 * `select <fields> from <type> where id in (...)` per chunk of `keys` (in this tick, so one POST),
 * each entity turned into a value by `read`; in key order, null for ids not found, the chunk's error
 * for the ids of a chunk that failed.
 */
export async function readByIds<V>(
  rt: LoaderRuntime,
  keys: readonly string[],
  type: string,
  fields: readonly string[],
  read: (entity: FtrackEntity) => V,
): Promise<(V | null | Error)[]> {
  const found = new Map<string, V | Error>();
  await Promise.all(
    idChunks(rt, keys).map(async (part) => {
      const expression = select(...fields)
        .from(type)
        .where(isIn("id", part))
        .toString();
      try {
        const [result] = await rt.run([{ action: "query", expression }]);
        for (const entity of queryData(result)) found.set(entity.id, read(entity));
      } catch (error) {
        for (const id of part) found.set(id, asError(error));
      }
    }),
  );
  return keys.map((key) => found.get(key) ?? null);
}

/**
 * Reads every chunk of valid ids from each of `kinds` (all in this tick, so one POST), with the plan
 * registered for `name`, maps the entities, and answers in key order (the first kind that has an id wins).
 */
async function loadChunks<R extends { id: string }>(
  rt: PlannedLoaderRuntime,
  name: string,
  keys: readonly string[],
  kinds: RecordKind[],
): Promise<Found<R>> {
  const found = new Map<string, R>();
  const failed = new Map<string, Error>();
  const plan = rt.takePlan(name);
  await Promise.all(
    idChunks(rt, keys).map(async (part) => {
      try {
        const results = await Promise.all(kinds.map((kind) => rt.read(kind, byIdQuery(kind, part), plan)));
        results.forEach((entities, i) => {
          const { map } = RECORD_KINDS[kinds[i]];
          for (const entity of entities) if (!found.has(entity.id)) found.set(entity.id, map(entity) as R);
        });
      } catch (error) {
        for (const id of part) failed.set(id, asError(error));
      }
    }),
  );
  return keys.map((key) => failed.get(key) ?? found.get(key) ?? null);
}

/**
 * DataLoader's cache, which also keeps the value each key settled to (see known()): what a batch
 * read, or what a list or look-ahead put there. A value put there becomes a promise only if a load
 * asks for it: most are read at once through known().
 */
class SettledCache<V> {
  readonly #promises = new Map<string, Promise<V>>();
  readonly #values = new Map<string, V>();

  get(key: string): Promise<V> | undefined {
    const promise = this.#promises.get(key);
    if (promise || !this.#values.has(key)) return promise;
    const made = Promise.resolve(this.#values.get(key)!);
    this.#promises.set(key, made);
    return made;
  }

  set(key: string, promise: Promise<V>): void {
    this.#promises.set(key, promise);
    this.#values.delete(key);
  }

  delete(key: string): void {
    this.#promises.delete(key);
    this.#values.delete(key);
  }

  clear(): void {
    this.#promises.clear();
    this.#values.clear();
  }

  /** What the load of `key` under way resolved to. */
  settle(key: string, value: V): void {
    if (this.#promises.has(key)) this.#values.set(key, value);
  }

  /** A value read elsewhere, replacing whatever the key held. */
  put(key: string, value: V): void {
    this.#promises.delete(key);
    this.#values.set(key, value);
  }

  value(key: string): V | undefined {
    return this.#values.get(key);
  }
}

const caches = new WeakMap<DataLoader<string, unknown>, SettledCache<unknown>>();

/** A DataLoader by id that batches and caches unless the runtime is in naive mode. */
export function loader<V>(rt: LoaderRuntime, batchFn: (keys: readonly string[]) => Promise<(V | Error)[]>) {
  if (!rt.batching) return new DataLoader<string, V>(batchFn, { batch: false, cache: false });
  const cache = new SettledCache<V>();
  const settled = async (keys: readonly string[]) => {
    const values = await batchFn(keys);
    values.forEach((value, i) => {
      if (!(value instanceof Error)) cache.settle(keys[i]!, value);
    });
    return values;
  };
  const dataLoader = new DataLoader<string, V>(settled, { cacheMap: cache });
  caches.set(dataLoader as DataLoader<string, unknown>, cache);
  return dataLoader;
}

/** What `target` holds for `id` now (null: known not to exist); undefined when it must be read. */
export function known<R>(target: DataLoader<string, R>, id: string): R | undefined {
  return caches.get(target as DataLoader<string, unknown>)?.value(id) as R | undefined;
}

export function createEntityLoaders(rt: PlannedLoaderRuntime): EntityLoaders {
  const byId = <R extends { id: string }>(name: keyof EntityLoaders, kind: RecordKind) =>
    loader<R | null>(rt, (keys) => loadChunks<R>(rt, name, keys, [kind]));

  // A project or typed context read by its own loader also answers later `context(id)` loads.
  const contextKind = (name: "project" | "typedContext", kind: RecordKind) =>
    loader<ContextRecord | null>(rt, async (keys) => {
      const records = await loadChunks<ContextRecord>(rt, name, keys, [kind]);
      for (const record of records) {
        if (record && !(record instanceof Error)) prime(loaders.context, record.id, record);
      }
      return records;
    });

  const loaders: EntityLoaders = {
    context: loader<ContextRecord | null>(rt, async (keys) => {
      const records = await loadChunks<ContextRecord>(rt, "context", keys, ["Project", "TypedContext"]);
      for (const record of records) if (record && !(record instanceof Error)) primeContext(loaders, record);
      return records;
    }),
    project: contextKind("project", "Project"),
    typedContext: contextKind("typedContext", "TypedContext"),
    asset: byId("asset", "Asset"),
    assetVersion: byId("assetVersion", "AssetVersion"),
    user: byId("user", "User"),
    component: byId("component", "Component"),
    versionProject: loader<string | null>(rt, (keys) =>
      readByIds(rt, keys, "AssetVersion", ["id", ...VERSION_PROJECT_FIELDS], versionProjectId),
    ),
  };
  return loaders;
}

/** Stores a freshly read record so a later load of its id costs nothing (no-op in naive mode). */
export function prime<R>(target: DataLoader<string, R | null>, id: string, value: R | null): void {
  caches.get(target as DataLoader<string, unknown>)?.put(id, value);
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
