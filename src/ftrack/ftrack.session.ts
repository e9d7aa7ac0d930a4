/**
 * One FtrackSession per caller (GraphQL request): the identity it acts as, its loaders, its batcher.
 *
 * Reads (loaders, lists) are merged per tick into one POST and retried on transient failures.
 * Lists prime the loaders, so a later by-id load of a listed entity costs nothing. First pages of
 * per-parent lists (a task's versions, a context's children) asked for many parents in one tick
 * share one grouped query (see list.loaders.ts); later pages are paged queries of their own.
 * Invalid ids (not ftrack ids) read as null / an empty page; writes reject them with InvalidIdError.
 *
 * Writes go through the batcher as groups (one POST, one transaction) and are never retried:
 * - setThumbnailIds(targets, componentId)      update thumbnail_id on many entities, one POST
 * - createFileComponent(input)                 create a FileComponent + get_upload_metadata, one POST
 * - uploadBytes(upload, bytes)                 PUT the bytes where get_upload_metadata said
 * - createServerComponentLocation(componentId) register the component in ftrack.server
 * - deleteComponent(id)                        its ComponentLocations, then itself
 * checkThumbnailWritable(target) asks ftrack whether a write would be allowed, writing nothing.
 * After a write, the entities it touched are forgotten by the loaders (see invalidate()).
 *
 * A session may carry its caller's abort signal: once it fires (the client hung up), requests in
 * flight are aborted and nothing more is sent; every call then rejects with FtrackAbortedError.
 * Work that must finish whatever the caller does (an upload's cleanup) uses a session without one.
 */
import { randomUUID } from "node:crypto";
import type DataLoader from "dataloader";
import type { FtrackConfig } from "../config.js";
import type { Awaitable } from "./awaitable.js";
import { CallBatcher } from "./call-batcher.js";
import {
  createEntityLoaders,
  type EntityLoaders,
  forget,
  known,
  type PlannedLoaderRuntime,
  prime,
  primeContext,
} from "./entity.loaders.js";
import {
  isEntity,
  PROJECT_FIELDS,
  queryData,
  RECORD_KINDS,
  type RecordKind,
  USER_FIELDS,
} from "./entity.mappers.js";
import {
  and,
  assertId,
  assertTypeName,
  type Condition,
  contains,
  eq,
  id,
  isFtrackId,
  or,
  type Query,
  select,
} from "./expression.js";
import type { FtrackTransport } from "./ftrack.transport.js";
import {
  type AssetRecord,
  type AssetVersionRecord,
  type ComponentRecord,
  type ContextRecord,
  type DatedVersionRecord,
  FtrackAbortedError,
  FtrackApiError,
  type FtrackIdentity,
  type FtrackOperation,
  FtrackUnavailableError,
  type PageRequest,
  type RecordPage,
  SERVER_LOCATION_ID,
  type ThumbnailableKind,
  type ThumbnailableRecord,
  type UploadMetadata,
  type UserRecord,
} from "./ftrack.types.js";
import {
  createInheritanceLoaders,
  forgetInheritance,
  type InheritanceLoaders,
} from "./inheritance.loaders.js";
import {
  createListLoaders,
  forgetLists,
  LIST_SPECS,
  type ListLoaders,
  ListMemo,
  type ListSpec,
  listFilter,
  listQuery,
} from "./list.loaders.js";
import { type LookAheadTarget, readAhead } from "./look-ahead.js";
import { emptyPlan, isEmptyPlan, mergePlans, type ReadPlan } from "./read-plan.js";

export interface FtrackSessionOptions {
  transport: FtrackTransport;
  identity: FtrackIdentity;
  config: Pick<FtrackConfig, "retryDeadlineMs" | "idChunkSize" | "batching">;
  /** Aborts this session's ftrack requests, sent and unsent (the caller's HTTP request ended). */
  signal?: AbortSignal;
}

export interface NewFileComponent {
  /** Defaults to a new UUID. */
  id?: string;
  name: string;
  /** With the dot, as ftrack stores it: ".png". */
  fileType: string;
  size: number;
  /** The file name given to get_upload_metadata; defaults to name + fileType. */
  fileName?: string;
  /** Base64 MD5 of the bytes, when known. */
  checksum?: string;
}

const emptyPage = <R>(): RecordPage<R> => ({ items: [], nextOffset: null });

export class FtrackSession {
  readonly identity: FtrackIdentity;
  readonly #transport: FtrackTransport;
  readonly #config: FtrackSessionOptions["config"];
  readonly #signal?: AbortSignal;
  // Made on first use: a request that reads nothing from ftrack ({ __typename }) builds none of them.
  #batcherMade?: CallBatcher;
  #loadersMade?: EntityLoaders;
  #listsMade?: ListLoaders;
  #inheritanceMade?: InheritanceLoaders;
  readonly #memo = new ListMemo();
  /** Plans registered for the next batch of each loader (see #plan). */
  readonly #plans = new Map<string, ReadPlan>();

  constructor(opts: FtrackSessionOptions) {
    this.identity = opts.identity;
    this.#transport = opts.transport;
    this.#config = opts.config;
    this.#signal = opts.signal;
  }

  get #batcher(): CallBatcher {
    this.#batcherMade ??= new CallBatcher(
      async (ops) => {
        // A caller that has gone gets nothing more sent on its behalf (a retry included).
        if (this.#signal?.aborted) throw new FtrackAbortedError();
        return this.#transport.post(ops, this.identity, this.#signal);
      },
      { retryDeadlineMs: this.#config.retryDeadlineMs, batching: this.#config.batching },
    );
    return this.#batcherMade;
  }

  get #loaders(): EntityLoaders {
    this.#loadersMade ??= createEntityLoaders(this.#runtime);
    return this.#loadersMade;
  }

  get #lists(): ListLoaders {
    this.#listsMade ??= createListLoaders(this.#runtime);
    return this.#listsMade;
  }

  get #inheritance(): InheritanceLoaders {
    this.#inheritanceMade ??= createInheritanceLoaders(this.#runtime, {
      context: (record) => this.#primeKind("TypedContext", record),
      version: (record) => this.#primeKind("AssetVersion", record),
    });
    return this.#inheritanceMade;
  }

  /** Where look-ahead sends its queries and puts what they bring. */
  get #lookAhead(): LookAheadTarget {
    return {
      query: (expression) => this.#batcher.call({ action: "query", expression }),
      prime: (kind, record) => this.#primeKind(kind, record),
      primeList: (key, list) => this.#memo.set(key, list),
    };
  }

  get #runtime(): PlannedLoaderRuntime {
    return {
      run: (ops) => this.#batcher.callGroup(ops),
      // Naive mode reads nothing ahead: every read on its own, as before batching.
      read: (kind, query, plan) =>
        readAhead(this.#lookAhead, kind, query, this.#config.batching ? plan : undefined),
      takePlan: (loader) => {
        const plan = this.#plans.get(loader);
        this.#plans.delete(loader);
        return plan;
      },
      idChunkSize: this.#config.idChunkSize,
      batching: this.#config.batching,
    };
  }

  /** Registers what the caller will read of the records the next batch of `loader` brings. */
  #plan(loader: string, plan: ReadPlan | undefined): void {
    if (!plan || !this.#config.batching || isEmptyPlan(plan)) return;
    this.#plans.set(loader, mergePlans(this.#plans.get(loader) ?? emptyPlan(), plan));
  }

  // ---- by id (through the loaders; `plan`: what the caller reads next, see read-plan.ts) ----
  // A record the session already holds is answered at once, without a promise (see awaitable.ts).

  /** A Project or any TypedContext. */
  context(id: string, plan?: ReadPlan): Awaitable<ContextRecord | null> {
    return this.#byId("context", id, plan);
  }

  project(id: string, plan?: ReadPlan): Awaitable<ContextRecord | null> {
    return this.#byId("project", id, plan);
  }

  typedContext(id: string, plan?: ReadPlan): Awaitable<ContextRecord | null> {
    return this.#byId("typedContext", id, plan);
  }

  asset(id: string, plan?: ReadPlan): Awaitable<AssetRecord | null> {
    return this.#byId("asset", id, plan);
  }

  assetVersion(id: string, plan?: ReadPlan): Awaitable<AssetVersionRecord | null> {
    return this.#byId("assetVersion", id, plan);
  }

  user(id: string, plan?: ReadPlan): Awaitable<UserRecord | null> {
    return this.#byId("user", id, plan);
  }

  component(id: string): Awaitable<ComponentRecord | null> {
    return this.#byId("component", id, undefined);
  }

  thumbnailable(kind: ThumbnailableKind, id: string, plan?: ReadPlan): Awaitable<ThumbnailableRecord | null> {
    switch (kind) {
      case "Project":
        return this.project(id, plan);
      case "TypedContext":
        return this.typedContext(id, plan);
      case "AssetVersion":
        return this.assetVersion(id, plan);
      case "User":
        return this.user(id, plan);
    }
  }

  /** The project a version's asset lies in; null when there is no such version. */
  versionProjectId(id: string): Promise<string | null> {
    return this.#loaders.versionProject.load(id);
  }

  // ---- what inherited thumbnails are chosen from (see inheritance.loaders.ts) ----

  /** A TypedContext, then the TypedContexts above it, nearest first; null for anything else. */
  lineage(contextId: string): Promise<ContextRecord[] | null> {
    return this.#inheritance.lineage.load(contextId);
  }

  /** A task's versions that have a thumbnail: highest version, then newest, first (at least that one). */
  versionsWithThumbnail(taskId: string): Promise<DatedVersionRecord[]> {
    return this.#inheritance.versionsWithThumbnailByTask.load(taskId);
  }

  /** Forgets ids in every loader so the next read sees ftrack's current data. */
  invalidate(...ids: string[]): void {
    // Only loaders already made hold anything to forget.
    if (this.#loadersMade) for (const id of ids) forget(this.#loadersMade, id);
    if (ids.length > 0) {
      if (this.#listsMade) forgetLists(this.#listsMade, this.#memo);
      else this.#memo.clear();
      if (this.#inheritanceMade) forgetInheritance(this.#inheritanceMade);
    }
  }

  // ---- lists (offset paging, ordered then by id; results prime the loaders) ----

  listProjects(
    args: { nameContains?: string } & PageRequest,
    plan?: ReadPlan,
  ): Promise<RecordPage<ContextRecord>> {
    const where = args.nameContains
      ? or(contains("name", args.nameContains), contains("full_name", args.nameContains))
      : undefined;
    const query = select(...PROJECT_FIELDS)
      .from("Project")
      .where(where)
      .orderBy("name")
      .orderBy("id");
    return this.#list("Project", query, args, plan);
  }

  /** TypedContexts (Task, Shot, ...) filtered by project, parent, object type name and name. */
  listContexts(
    args: {
      projectId?: string;
      parentId?: string;
      objectTypeName?: string;
      nameContains?: string;
    } & PageRequest,
    plan?: ReadPlan,
  ): Awaitable<RecordPage<ContextRecord>> {
    if (!validOptionalIds(args.projectId, args.parentId)) return emptyPage();
    const filter = listFilter(args);
    if (args.projectId !== undefined && args.parentId === undefined) {
      const known = this.#known<ContextRecord>(
        LIST_SPECS.contextsByProject,
        filter,
        args.projectId,
        args,
        plan,
      );
      if (known) return known;
    }
    const where = and(
      args.projectId !== undefined && eq("project_id", id(args.projectId)),
      args.parentId !== undefined && eq("parent_id", id(args.parentId)),
      filter,
    );
    return this.#list("TypedContext", listQuery(LIST_SPECS.contextsByProject, where), args, plan);
  }

  /** The children of a Project or TypedContext (always TypedContexts). */
  listChildren(parentId: string, page: PageRequest, plan?: ReadPlan): Awaitable<RecordPage<ContextRecord>> {
    if (page.offset !== 0 || !isFtrackId(parentId)) return this.listContexts({ parentId, ...page }, plan);
    return (
      this.#known<ContextRecord>(LIST_SPECS.childrenByParent, undefined, parentId, page, plan) ??
      this.#grouped(LIST_SPECS.childrenByParent, parentId, page) ??
      this.#listOf(LIST_SPECS.childrenByParent, parentId, page, plan, () =>
        this.listContexts({ parentId, ...page }, plan),
      )
    );
  }

  listAssetVersions(
    args: { assetId?: string; taskId?: string; order?: "asc" | "desc" } & PageRequest,
    plan?: ReadPlan,
  ): Awaitable<RecordPage<AssetVersionRecord>> {
    if (!validOptionalIds(args.assetId, args.taskId)) return emptyPage();
    const parent = this.#versionsParent(args);
    if (parent) {
      const [spec, parentId] = parent;
      const known = this.#known<AssetVersionRecord>(spec, undefined, parentId, args, plan);
      if (known) return known;
      return (
        this.#grouped(spec, parentId, args) ??
        this.#listOf(spec, parentId, args, plan, () => this.#versionsPage(args, plan))
      );
    }
    return this.#versionsPage(args, plan);
  }

  #versionsPage(
    args: { assetId?: string; taskId?: string; order?: "asc" | "desc" } & PageRequest,
    plan?: ReadPlan,
  ): Promise<RecordPage<AssetVersionRecord>> {
    const where = and(
      args.assetId !== undefined && eq("asset_id", id(args.assetId)),
      args.taskId !== undefined && eq("task_id", id(args.taskId)),
    );
    const order = args.order ?? "asc";
    const spec = { ...LIST_SPECS.versionsByTask, order: ["version", order] } satisfies ListSpec;
    return this.#list("AssetVersion", listQuery(spec, where), args, plan);
  }

  async listUsers(
    args: { nameContains?: string } & PageRequest,
    plan?: ReadPlan,
  ): Promise<RecordPage<UserRecord>> {
    const text = args.nameContains;
    const where = text
      ? or(contains("username", text), contains("first_name", text), contains("last_name", text))
      : undefined;
    const query = select(...USER_FIELDS)
      .from("User")
      .where(where)
      .orderBy("username")
      .orderBy("id");
    return this.#list("User", query, args, plan);
  }

  // ---- writes (one POST each, never retried) ----

  /** Sets (or clears, with null) thumbnail_id on every target in one POST: all or nothing. */
  async setThumbnailIds(
    targets: readonly Pick<ThumbnailableRecord, "entityType" | "id">[],
    componentId: string | null,
  ): Promise<void> {
    if (componentId !== null) assertId(componentId);
    const ops: FtrackOperation[] = targets.map((t) => ({
      action: "update",
      entity_type: assertTypeName(t.entityType),
      entity_key: [assertId(t.id)],
      entity_data: { thumbnail_id: componentId, __entity_type__: t.entityType },
    }));
    if (ops.length === 0) return;
    try {
      await this.#batcher.callGroup(ops);
    } finally {
      this.invalidate(...targets.map((t) => t.id));
    }
  }

  /**
   * Throws what ftrack answers when this identity may not set the target's thumbnail_id (a
   * PermissionError), and changes nothing. ftrack has no dry run, so this sends a batch that cannot
   * commit: the target's thumbnail_id written as it is, then an update of an entity that does not
   * exist. ftrack runs a batch as one transaction, in order, and stops at its first failure: a
   * PermissionError is the first write's refusal; the second's refusal (any other error) means the
   * first was allowed, and nothing was applied either way.
   */
  async checkThumbnailWritable(
    target: Pick<ThumbnailableRecord, "entityType" | "id" | "thumbnailId">,
  ): Promise<void> {
    const entityType = assertTypeName(target.entityType);
    const update = (id: string, thumbnailId: string | null): FtrackOperation => ({
      action: "update",
      entity_type: entityType,
      entity_key: [assertId(id)],
      entity_data: { thumbnail_id: thumbnailId, __entity_type__: entityType },
    });
    try {
      await this.#batcher.callGroup([update(target.id, target.thumbnailId), update(randomUUID(), null)]);
    } catch (error) {
      if (error instanceof FtrackApiError && !error.isPermission && !error.isCredentials) return;
      throw error;
    }
  }

  /** Creates a FileComponent and asks where to upload its bytes, in one POST. */
  async createFileComponent(input: NewFileComponent): Promise<UploadMetadata> {
    const componentId = assertId(input.id ?? randomUUID());
    if (!Number.isSafeInteger(input.size) || input.size < 0)
      throw new RangeError("size must be a byte count");
    const [, metadata] = await this.#batcher.callGroup([
      {
        action: "create",
        entity_type: "FileComponent",
        entity_data: {
          id: componentId,
          name: input.name,
          file_type: input.fileType,
          size: input.size,
          __entity_type__: "FileComponent",
        },
      },
      {
        action: "get_upload_metadata",
        component_id: componentId,
        file_name: input.fileName ?? `${input.name}${input.fileType}`,
        file_size: input.size,
        checksum: input.checksum ?? null,
      },
    ]);
    return uploadMetadata(metadata, componentId);
  }

  /** PUTs the bytes with exactly the headers get_upload_metadata returned. */
  uploadBytes(upload: UploadMetadata, bytes: Uint8Array): Promise<void> {
    return this.#transport.upload(upload, bytes, this.#signal);
  }

  /** Registers an uploaded component in the server location (what makes it a servable thumbnail). */
  async createServerComponentLocation(componentId: string): Promise<void> {
    assertId(componentId);
    try {
      await this.#batcher.callGroup([
        {
          action: "create",
          entity_type: "ComponentLocation",
          entity_data: {
            component_id: componentId,
            location_id: SERVER_LOCATION_ID,
            resource_identifier: componentId,
            __entity_type__: "ComponentLocation",
          },
        },
      ]);
    } finally {
      this.invalidate(componentId);
    }
  }

  /** Deletes a component and its ComponentLocations (in one POST). False when it did not exist. */
  async deleteComponent(componentId: string): Promise<boolean> {
    assertId(componentId);
    const expression = select("id", "component_locations.id")
      .from("Component")
      .where(eq("id", id(componentId)))
      .toString();
    const [component] = queryData(await this.#batcher.call({ action: "query", expression }));
    if (!component) return false;
    const locations = Array.isArray(component.component_locations)
      ? component.component_locations.filter(isEntity)
      : [];
    try {
      await this.#batcher.callGroup([
        ...locations.map(
          (l): FtrackOperation => ({
            action: "delete",
            entity_type: "ComponentLocation",
            entity_key: [l.id],
          }),
        ),
        { action: "delete", entity_type: component.__entity_type__, entity_key: [componentId] },
      ]);
    } finally {
      this.invalidate(componentId);
    }
    return true;
  }

  /** The component's stored file (GET /component/get), at most maxBytes of it; null when there is none. */
  fetchComponentFile(
    componentId: string,
    maxBytes: number,
  ): Promise<{ body: Buffer; contentType: string; truncated: boolean } | null> {
    if (!isFtrackId(componentId)) return Promise.resolve(null);
    return this.#transport.getComponentFile(componentId, maxBytes, this.identity, this.#signal);
  }

  // ---- helpers ----

  /** A first page from a whole list look-ahead read with the parents (see list.loaders.ts); null when none was. */
  #known<R extends { id: string }>(
    spec: ListSpec,
    filter: Condition | undefined,
    parentId: string,
    page: PageRequest,
    plan: ReadPlan | undefined,
  ): RecordPage<R> | null {
    if (page.offset !== 0) return null;
    const known = this.#memo.get<R>(ListMemo.key(spec, filter, parentId), plan?.fields ?? "all");
    if (!known) return null;
    // Records read in part are for this selection only (see ListMemo): not primed into the loaders.
    if (known.lacks.size > 0) {
      return { items: known.records.slice(0, page.limit), nextOffset: nextOffset(known.records, page) };
    }
    return this.#firstPage(spec.kind, known.records, page);
  }

  /** The first page of a whole list, its records primed into the loaders. */
  #firstPage<R extends { id: string }>(kind: RecordKind, all: R[], page: PageRequest): RecordPage<R> {
    return primed(all.slice(0, page.limit), nextOffset(all, page), (record) => this.#primeKind(kind, record));
  }

  /** A first page from a grouped loader (with the caller's plan); `fallback` when its rows were cut. */
  async #listOf<R extends { id: string }>(
    spec: ListSpec & { name: keyof ListLoaders },
    parentId: string,
    page: PageRequest,
    plan: ReadPlan | undefined,
    fallback: () => Awaitable<RecordPage<R>>,
  ): Promise<RecordPage<R>> {
    this.#plan(spec.name, plan);
    const all = await (this.#lists[spec.name] as DataLoader<string, R[] | null>).load(parentId);
    return all ? this.#firstPage(spec.kind, all, page) : fallback();
  }

  /** The list a page of versions is the first page of (one task's, or one asset's); null for any other page. */
  #versionsParent(args: {
    assetId?: string;
    taskId?: string;
    order?: "asc" | "desc";
    offset: number;
  }): [ListSpec & { name: "versionsByTask" | "versionsByAsset" }, string] | null {
    if (args.offset !== 0 || (args.order ?? "asc") !== "asc") return null;
    if ((args.assetId === undefined) === (args.taskId === undefined)) return null;
    return args.taskId !== undefined
      ? [LIST_SPECS.versionsByTask, args.taskId]
      : [LIST_SPECS.versionsByAsset, args.assetId!];
  }

  /** A first page from a whole list a grouped loader already read; null when it has not (or its rows were cut). */
  #grouped<R extends { id: string }>(
    spec: ListSpec & { name: keyof ListLoaders },
    parentId: string,
    page: PageRequest,
  ): RecordPage<R> | null {
    const all = known(this.#lists[spec.name] as DataLoader<string, R[] | null>, parentId);
    return all ? this.#firstPage(spec.kind, all, page) : null;
  }

  /** A record by id: at once when a loader holds it, else read (with the caller's plan). */
  #byId<N extends keyof EntityLoaders>(
    name: N,
    id: string,
    plan: ReadPlan | undefined,
  ): Awaitable<Awaited<ReturnType<EntityLoaders[N]["load"]>>> {
    const loader = this.#loaders[name] as DataLoader<string, Awaited<ReturnType<EntityLoaders[N]["load"]>>>;
    const value = known(loader, id);
    if (value !== undefined) return value;
    this.#plan(name, plan);
    return loader.load(id);
  }

  /** Runs a list query asking one more than `limit`, to know whether a next page exists. */
  async #list<R extends { id: string }>(
    kind: RecordKind,
    query: Query,
    page: PageRequest,
    plan: ReadPlan | undefined,
  ): Promise<RecordPage<R>> {
    const entities = await this.#runtime.read(kind, query.offset(page.offset).limit(page.limit + 1), plan);
    const next = entities.length > page.limit ? page.offset + page.limit : null;
    const { map } = RECORD_KINDS[kind];
    return primed(
      entities.slice(0, page.limit).map((entity) => map(entity) as R),
      next,
      (record) => this.#primeKind(kind, record),
    );
  }

  /** Puts a record read by any query into the loader of its kind. */
  #primeKind(kind: RecordKind, record: { id: string }): void {
    if (kind === "Project" || kind === "TypedContext") {
      primeContext(this.#loaders, record as ContextRecord);
      return;
    }
    const loader = {
      AssetVersion: this.#loaders.assetVersion,
      Asset: this.#loaders.asset,
      User: this.#loaders.user,
      Component: this.#loaders.component,
    }[kind] as DataLoader<string, { id: string } | null>;
    prime(loader, record.id, record);
  }
}

/** A page whose records now also answer by-id loads. */
function primed<R>(items: R[], nextOffset: number | null, prime: (record: R) => void): RecordPage<R> {
  for (const item of items) prime(item);
  return { items, nextOffset };
}

/** The offset of the page after `page` within a whole list, or null when `page` reaches its end. */
function nextOffset(all: readonly unknown[], page: PageRequest): number | null {
  return all.length > page.offset + page.limit ? page.offset + page.limit : null;
}

function validOptionalIds(...ids: (string | undefined)[]): boolean {
  return ids.every((value) => value === undefined || isFtrackId(value));
}

function uploadMetadata(result: unknown, componentId: string): UploadMetadata {
  const r = result as { url?: unknown; headers?: unknown } | null;
  const headers: Record<string, string> = {};
  if (r?.headers && typeof r.headers === "object") {
    for (const [name, value] of Object.entries(r.headers)) headers[name] = String(value);
  }
  if (typeof r?.url !== "string") {
    throw new FtrackUnavailableError("http", "ftrack answered get_upload_metadata without an upload URL");
  }
  return { componentId, url: r.url, headers };
}
