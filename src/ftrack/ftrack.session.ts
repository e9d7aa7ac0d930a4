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
import type { FtrackConfig } from "../config.js";
import { CallBatcher } from "./call-batcher.js";
import { createEntityLoaders, type EntityLoaders, forget, prime, primeContext } from "./entity.loaders.js";
import {
  ASSET_VERSION_FIELDS,
  isEntity,
  mapAssetVersion,
  mapContext,
  mapUser,
  PROJECT_FIELDS,
  queryData,
  TYPED_CONTEXT_FIELDS,
  USER_FIELDS,
} from "./entity.mappers.js";
import {
  and,
  assertId,
  assertTypeName,
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
  FtrackAbortedError,
  FtrackApiError,
  type FtrackEntity,
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
import { createListLoaders, forgetLists, type ListLoaders } from "./list.loaders.js";

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
  readonly #batcher: CallBatcher;
  readonly #loaders: EntityLoaders;
  readonly #lists: ListLoaders;
  readonly #inheritance: InheritanceLoaders;
  readonly #signal?: AbortSignal;

  constructor(opts: FtrackSessionOptions) {
    const { batching } = opts.config;
    this.identity = opts.identity;
    this.#transport = opts.transport;
    this.#signal = opts.signal;
    this.#batcher = new CallBatcher(
      async (ops) => {
        // A caller that has gone gets nothing more sent on its behalf (a retry included).
        if (this.#signal?.aborted) throw new FtrackAbortedError();
        return this.#transport.post(ops, this.identity, this.#signal);
      },
      { retryDeadlineMs: opts.config.retryDeadlineMs, batching },
    );
    const runtime = {
      run: (ops: FtrackOperation[]) => this.#batcher.callGroup(ops),
      idChunkSize: opts.config.idChunkSize,
      batching,
    };
    this.#loaders = createEntityLoaders(runtime);
    this.#lists = createListLoaders(runtime);
    this.#inheritance = createInheritanceLoaders(runtime, {
      context: this.#primeContext,
      version: this.#primeVersion,
    });
  }

  // ---- by id (through the loaders) ----

  /** A Project or any TypedContext. */
  context(id: string): Promise<ContextRecord | null> {
    return this.#loaders.context.load(id);
  }

  project(id: string): Promise<ContextRecord | null> {
    return this.#loaders.project.load(id);
  }

  typedContext(id: string): Promise<ContextRecord | null> {
    return this.#loaders.typedContext.load(id);
  }

  asset(id: string): Promise<AssetRecord | null> {
    return this.#loaders.asset.load(id);
  }

  assetVersion(id: string): Promise<AssetVersionRecord | null> {
    return this.#loaders.assetVersion.load(id);
  }

  user(id: string): Promise<UserRecord | null> {
    return this.#loaders.user.load(id);
  }

  component(id: string): Promise<ComponentRecord | null> {
    return this.#loaders.component.load(id);
  }

  thumbnailable(kind: ThumbnailableKind, id: string): Promise<ThumbnailableRecord | null> {
    switch (kind) {
      case "Project":
        return this.project(id);
      case "TypedContext":
        return this.typedContext(id);
      case "AssetVersion":
        return this.assetVersion(id);
      case "User":
        return this.user(id);
    }
  }

  // ---- what inherited thumbnails are chosen from (see inheritance.loaders.ts) ----

  /** A TypedContext, then the TypedContexts above it, nearest first; null for anything else. */
  lineage(contextId: string): Promise<ContextRecord[] | null> {
    return this.#inheritance.lineage.load(contextId);
  }

  /** A task's versions that have a thumbnail: highest version, then newest, first (at least that one). */
  versionsWithThumbnail(taskId: string): Promise<AssetVersionRecord[]> {
    return this.#inheritance.versionsWithThumbnailByTask.load(taskId);
  }

  /** Forgets ids in every loader so the next read sees ftrack's current data. */
  invalidate(...ids: string[]): void {
    for (const id of ids) forget(this.#loaders, id);
    if (ids.length > 0) {
      forgetLists(this.#lists);
      forgetInheritance(this.#inheritance);
    }
  }

  // ---- lists (offset paging; results prime the loaders) ----

  async listProjects(args: { nameContains?: string } & PageRequest): Promise<RecordPage<ContextRecord>> {
    const where = args.nameContains
      ? or(contains("name", args.nameContains), contains("full_name", args.nameContains))
      : undefined;
    const query = select(...PROJECT_FIELDS)
      .from("Project")
      .where(where)
      .orderBy("name");
    return this.#list(query, args, mapContext, this.#primeContext);
  }

  /** TypedContexts (Task, Shot, ...) filtered by project, parent, object type name and name. */
  async listContexts(
    args: {
      projectId?: string;
      parentId?: string;
      objectTypeName?: string;
      nameContains?: string;
    } & PageRequest,
  ): Promise<RecordPage<ContextRecord>> {
    if (!validOptionalIds(args.projectId, args.parentId)) return emptyPage();
    const where = and(
      args.projectId !== undefined && eq("project_id", id(args.projectId)),
      args.parentId !== undefined && eq("parent_id", id(args.parentId)),
      args.objectTypeName !== undefined && eq("object_type.name", args.objectTypeName),
      args.nameContains ? contains("name", args.nameContains) : undefined,
    );
    const query = select(...TYPED_CONTEXT_FIELDS)
      .from("TypedContext")
      .where(where)
      .orderBy("name");
    return this.#list(query, args, mapContext, this.#primeContext);
  }

  /** The children of a Project or TypedContext (always TypedContexts). */
  async listChildren(parentId: string, page: PageRequest): Promise<RecordPage<ContextRecord>> {
    const all =
      page.offset === 0 && isFtrackId(parentId) ? await this.#lists.childrenByParent.load(parentId) : null;
    if (!all) return this.listContexts({ parentId, ...page });
    return primed(all.slice(0, page.limit), nextOffset(all, page), this.#primeContext);
  }

  async listAssetVersions(
    args: { assetId?: string; taskId?: string; order?: "asc" | "desc" } & PageRequest,
  ): Promise<RecordPage<AssetVersionRecord>> {
    if (!validOptionalIds(args.assetId, args.taskId)) return emptyPage();
    const grouped = await this.#firstVersionsOfOneParent(args);
    if (grouped) return grouped;
    const where = and(
      args.assetId !== undefined && eq("asset_id", id(args.assetId)),
      args.taskId !== undefined && eq("task_id", id(args.taskId)),
    );
    const query = select(...ASSET_VERSION_FIELDS)
      .from("AssetVersion")
      .where(where)
      .orderBy("version", args.order ?? "asc");
    return this.#list(query, args, mapAssetVersion, this.#primeVersion);
  }

  async listUsers(args: { nameContains?: string } & PageRequest): Promise<RecordPage<UserRecord>> {
    const text = args.nameContains;
    const where = text
      ? or(contains("username", text), contains("first_name", text), contains("last_name", text))
      : undefined;
    const query = select(...USER_FIELDS)
      .from("User")
      .where(where)
      .orderBy("username");
    return this.#list(query, args, mapUser, (r) => prime(this.#loaders.user, r.id, r));
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

  /** The first page of one task's or one asset's versions, from the grouped list loaders; null when
   * the request is not such a page (or the grouped rows were cut) and needs a paged query. */
  async #firstVersionsOfOneParent(
    args: { assetId?: string; taskId?: string; order?: "asc" | "desc" } & PageRequest,
  ): Promise<RecordPage<AssetVersionRecord> | null> {
    if (args.offset !== 0 || (args.order ?? "asc") !== "asc") return null;
    if ((args.assetId === undefined) === (args.taskId === undefined)) return null;
    const all =
      args.taskId !== undefined
        ? await this.#lists.versionsByTask.load(args.taskId)
        : await this.#lists.versionsByAsset.load(args.assetId!);
    if (!all) return null;
    return primed(all.slice(0, args.limit), nextOffset(all, args), this.#primeVersion);
  }

  /** Runs a list query asking one more than `limit`, to know whether a next page exists. */
  async #list<R>(
    query: Query,
    page: PageRequest,
    map: (e: FtrackEntity) => R,
    prime: (record: R) => void,
  ): Promise<RecordPage<R>> {
    const expression = query
      .offset(page.offset)
      .limit(page.limit + 1)
      .toString();
    const entities = queryData(await this.#batcher.call({ action: "query", expression }));
    const next = entities.length > page.limit ? page.offset + page.limit : null;
    return primed(entities.slice(0, page.limit).map(map), next, prime);
  }

  #primeContext = (record: ContextRecord) => primeContext(this.#loaders, record);
  #primeVersion = (record: AssetVersionRecord) => prime(this.#loaders.assetVersion, record.id, record);
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
