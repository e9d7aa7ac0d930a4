/**
 * The operations of one `POST /api` batch, run in one store transaction: all results, or one error
 * and nothing stored (as ftrack does).
 */

import { validationError } from "./emulator.errors.js";
import { type Access, accessFor, assertAllowed, type Role, visibleReader } from "./emulator.permissions.js";
import { decodeEntityData, encodeResult } from "./encoder.js";
import { checkForeignKeys, createEntity, storageId } from "./entity-writes.js";
import { schemaHash } from "./python-json.js";
import { entityRow, runQuery } from "./query-evaluator.js";
import { concreteTypes, ENTITY_TYPES, getSchema, primaryKeyOf, resolveType, SCHEMAS } from "./schemas.js";
import type { EmulatorStore } from "./store.js";
import { recordWrites, type StoredWrite } from "./store.recorder.js";
import type { StoredEntity } from "./store.types.js";
import type { UploadRegistry } from "./upload.registry.js";

export interface BatchContext {
  store: EmulatorStore;
  /** The user the batch acts as. */
  user: StoredEntity;
  uploads: UploadRegistry;
  /** This server's base URL as the client reached it (for upload and thumbnail URLs). */
  baseUrl: string;
  denormalize: boolean;
  serverVersion: string;
  /** Called with the batch's entity writes once it has committed (never for a rolled-back batch). */
  onCommit?: (writes: readonly StoredWrite[]) => void;
  /** Permission roles by username (emulator.permissions.ts). */
  roles: Readonly<Record<string, Role>>;
}

/** What one operation needs: the batch's context, plus effects held until the batch commits. */
interface OperationContext extends BatchContext {
  afterCommit: (() => void)[];
}

type Operation = Record<string, unknown>;

export function executeBatch(operations: unknown[], context: BatchContext): unknown[] {
  // The acting user's permissions (emulator.permissions.ts) apply to every operation of the batch.
  const access = accessFor(context.user, context.roles);
  const writes: StoredWrite[] = [];
  const store = recordWrites(context.store, writes);
  const operationContext: OperationContext = { ...context, store, afterCommit: [] };
  const results = context.store.transaction(() =>
    operations.map((op, index) => executeOperation(op, index, operationContext, access)),
  );
  for (const effect of operationContext.afterCommit) effect();
  if (writes.length > 0) context.onCommit?.(writes);
  return results;
}

function executeOperation(raw: unknown, index: number, context: OperationContext, access: Access): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
    throw validationError(`Operation ${index} is not an object.`);
  }
  const op = raw as Operation;
  assertAllowed(op, access, context.store);
  switch (op.action) {
    case "query":
      return query(op, context, access);
    case "create":
      return create(op, context);
    case "update":
      return update(op, context);
    case "delete":
      return remove(op, context);
    case "query_schemas":
      return SCHEMAS;
    case "query_server_information":
      return serverInformation(op, context);
    case "get_upload_metadata":
      return uploadMetadata(op, context);
    case "complete_multipart_upload":
      return completeMultipartUpload(op, context);
    default:
      throw validationError(
        typeof op.action === "string"
          ? `Unknown action "${op.action}".`
          : `Operation ${index} has no action.`,
      );
  }
}

function requireString(op: Operation, name: string): string {
  const value = op[name];
  if (typeof value !== "string" || value === "")
    throw validationError(`"${name}" must be a non-empty string.`);
  return value;
}

/** An optional integer field (absent or null: undefined) within [min, max]. */
function optionalInteger(op: Operation, name: string, min: number, max: number, expected: string) {
  const value = op[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw validationError(`"${name}" must be ${expected}.`);
  }
  return value;
}

function query(op: Operation, { store, denormalize, baseUrl }: BatchContext, access: Access) {
  // Read through the user's view: entities of projects they cannot see do not exist for them.
  const { data, next } = runQuery(requireString(op, "expression"), visibleReader(store, access), { baseUrl });
  return {
    action: "query",
    data: encodeResult(data, { denormalize }),
    metadata: { next: { offset: next } },
  };
}

/** The concrete type an operation names (aliases resolved); abstract types cannot be written. */
function concreteType(op: Operation): string {
  const name = requireString(op, "entity_type");
  const type = resolveType(name);
  if (!type) throw validationError(`Entity type "${name}" not found.`);
  if (!concreteTypes(type).includes(type)) {
    throw validationError(`Entity type "${name}" is abstract: create a concrete type instead.`);
  }
  return type;
}

function entityData(op: Operation): Record<string, unknown> {
  const data = op.entity_data;
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    throw validationError('"entity_data" must be an object.');
  }
  return data as Record<string, unknown>;
}

/** The store id an update or delete names: `entity_key` is the primary key's values in order
 * (one id for most types, two for link tables), or a plain id. */
function entityKey(op: Operation, type: string): string {
  const values = Array.isArray(op.entity_key) ? op.entity_key : [op.entity_key];
  const key = primaryKeyOf(type);
  const id =
    values.length === key.length
      ? storageId(type, Object.fromEntries(key.map((k, i) => [k, values[i]])))
      : undefined;
  if (id === undefined) {
    throw validationError(`"entity_key" must be the ${key.join(" and ")} of the ${type}, as a list.`);
  }
  return id;
}

/** The entity an update/delete names: `entity_type` may be a base type ("Context", "Component"). */
function existing(op: Operation, store: EmulatorStore): StoredEntity {
  const name = requireString(op, "entity_type");
  const types = concreteTypes(name);
  if (types.length === 0) throw validationError(`Entity type "${name}" not found.`);
  const id = entityKey(op, types[0]);
  const entity = store.get(types, id);
  if (!entity) throw validationError(`${name} with key ${id} not found.`);
  return entity;
}

function create(op: Operation, { store, user, denormalize, baseUrl }: BatchContext) {
  const type = concreteType(op);
  const created = createEntity(store, type, decodeEntityData(type, entityData(op), "create"), user);
  // The answer carries the attributes the new entity has a value for (the client's and the server's),
  // as ftrack's does; attributes left unset are absent, so clients fetch them when asked.
  const row = entityRow(store, created, undefined, { baseUrl });
  const data = Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null));
  return { action: "create", data: encodeResult(data, { denormalize }) };
}

function update(op: Operation, { store, denormalize, baseUrl }: BatchContext) {
  const target = existing(op, store);
  const changes = decodeEntityData(target.type, entityData(op), "update");
  delete changes.id;
  checkForeignKeys(store, target.type, changes);
  store.update(target.type, target.id, changes);
  // The answer carries type, id, the system attributes and the changed attributes, as ftrack's does.
  const updated = store.get([target.type], target.id)!;
  return {
    action: "update",
    data: encodeResult(entityRow(store, updated, Object.keys(changes), { baseUrl }), { denormalize }),
  };
}

function remove(op: Operation, { store }: BatchContext) {
  const target = existing(op, store);
  store.remove(target.type, target.id);
  if (concreteTypes("Component").includes(target.type)) {
    // A component takes its locations and bytes with it, and stops being anyone's thumbnail.
    for (const location of store.findBy(["ComponentLocation"], "component_id", target.id)) {
      store.remove(location.type, location.id);
    }
    store.deleteBlob(target.id);
    for (const holder of store.findBy(THUMBNAIL_HOLDERS, "thumbnail_id", target.id)) {
      store.update(holder.type, holder.id, { thumbnail_id: null });
    }
  }
  return { action: "delete", data: true };
}

// The schemas never change at runtime; every session start asks for their hash.
const SCHEMA_HASH = schemaHash(SCHEMAS);

const THUMBNAIL_HOLDERS = ENTITY_TYPES.filter(
  (type) => "thumbnail_id" in (getSchema(type)?.properties ?? {}),
);

function serverInformation(op: Operation, { serverVersion, user }: BatchContext) {
  const all: Record<string, unknown> = {
    version: serverVersion,
    schema_hash: SCHEMA_HASH,
    is_timezone_support_enabled: true,
    storage_scenario: { scenario: "ftrack.automatic", data: {} },
    user: { id: user.id, username: user.attrs.username },
  };
  if (!Array.isArray(op.values)) {
    const { user: _user, ...defaults } = all;
    return defaults;
  }
  // Clients rely on these two; the rest only when asked for.
  const wanted = new Set(["version", "is_timezone_support_enabled", ...op.values.map(String)]);
  return Object.fromEntries(Object.entries(all).filter(([name]) => wanted.has(name)));
}

function uploadMetadata(op: Operation, { uploads, baseUrl }: BatchContext) {
  const componentId = requireString(op, "component_id");
  const fileName = typeof op.file_name === "string" ? op.file_name : undefined;
  const size = optionalInteger(op, "file_size", 0, Number.POSITIVE_INFINITY, "a non-negative integer");
  const parts = optionalInteger(op, "parts", 1, 10_000, "an integer from 1 to 10000");
  if (parts !== undefined) {
    const uploadId = uploads.issue(componentId, fileName, undefined, parts);
    return {
      urls: Array.from({ length: parts }, (_, i) => ({
        signed_url: `${baseUrl}/upload/${uploadId}?part=${i + 1}`,
        part_number: i + 1,
      })),
      upload_id: uploadId,
    };
  }
  const token = uploads.issue(componentId, fileName, size);
  const headers: Record<string, string> = { "Content-Type": uploads.get(token)!.contentType };
  if (size !== undefined) headers["Content-Length"] = String(size);
  return { url: `${baseUrl}/upload/${token}`, headers, component_id: componentId };
}

function completeMultipartUpload(op: Operation, { uploads, store, baseUrl, afterCommit }: OperationContext) {
  const uploadId = requireString(op, "upload_id");
  const pending = uploads.get(uploadId);
  if (!pending?.parts) throw validationError("Unknown or expired upload_id.");
  const componentId = typeof op.component_id === "string" ? op.component_id : pending.componentId;
  if (componentId !== pending.componentId) throw validationError("component_id does not match the upload.");
  const { count, received } = pending.parts;
  const chunks: Buffer[] = [];
  for (let part = 1; part <= count; part++) {
    const chunk = received.get(part);
    if (!chunk) throw validationError(`Part ${part} of ${count} was not uploaded.`);
    chunks.push(chunk);
  }
  store.putBlob(componentId, Buffer.concat(chunks));
  // Only once the batch commits: a rolled-back batch leaves the upload open for a retry.
  afterCommit.push(() => uploads.consume(uploadId));
  return {
    action: "complete_multipart_upload",
    component_id: componentId,
    url: `${baseUrl}/component/get?id=${componentId}`,
  };
}
