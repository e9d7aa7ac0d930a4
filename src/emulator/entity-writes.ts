/**
 * What the server decides when entities are written, besides what the client sent: the values a new
 * entity starts with (schema defaults, a fresh id, dates, the version number, the project and the
 * workflow's default status and type), and the foreign keys every write must satisfy.
 */
import { randomUUID } from "node:crypto";
import { validationError } from "./emulator.errors.js";
import {
  concreteTypes,
  ENTITY_TYPES,
  foreignKeysOf,
  getSchema,
  isSubtypeOf,
  primaryKeyOf,
} from "./schemas.js";
import type { EntityReader, EntityWriter, StoredEntity } from "./store.types.js";

type Attrs = Record<string, unknown>;

const SYSTEM_TYPES: Record<string, string> = { FileComponent: "file", ContainerComponent: "container" };

/** The store's id of an entity: its `id`, or for a link table its key values as a JSON list. */
export function storageId(type: string, attrs: Attrs): string | undefined {
  const key = primaryKeyOf(type);
  const values = key.map((name) => attrs[name]);
  if (!values.every((v) => typeof v === "string" && v !== "")) return undefined;
  return key.length === 1 ? (values[0] as string) : JSON.stringify(values);
}

/** Stores a new entity of the concrete `type` from the client's decoded `data`, acting as `user`. */
export function createEntity(
  store: EntityWriter,
  type: string,
  data: Attrs,
  user: StoredEntity,
): StoredEntity {
  const attrs: Attrs = { ...schemaDefaults(type), ...data };
  const now = new Date().toISOString();
  const properties = getSchema(type)?.properties ?? {};
  if ("created_at" in properties) attrs.created_at ??= now;
  if (SYSTEM_TYPES[type]) attrs.system_type = SYSTEM_TYPES[type];
  if (isSubtypeOf(type, "TypedContext")) Object.assign(attrs, typedContextDefaults(store, type, attrs));
  if (type === "AssetVersion") Object.assign(attrs, versionDefaults(store, attrs, user, now));

  const id = storageId(type, attrs);
  if (id === undefined) {
    throw validationError(`${type}: ${primaryKeyOf(type).join(" and ")} must be non-empty strings.`);
  }
  const clash = primaryKeyOf(type).length === 1 ? store.get(ENTITY_TYPES, id) : store.get([type], id);
  if (clash) throw validationError(`${type} with key ${id} already exists.`);
  checkForeignKeys(store, type, attrs);
  if (type === "Project" && !attrs.project_schema_id) {
    throw validationError("Project: project_schema is required (a ProjectSchema sets its workflows).");
  }
  store.insert({ type, id, attrs });
  return store.get([type], id)!;
}

/** Foreign keys must point at existing entities, as ftrack's database enforces. */
export function checkForeignKeys(reader: EntityReader, type: string, attrs: Attrs): void {
  for (const { column, target } of foreignKeysOf(type)) {
    const value = attrs[column];
    if (value === null || value === undefined) continue;
    if (typeof value !== "string" || !reader.get(concreteTypes(target), value)) {
      throw validationError(`${type}.${column}: no ${target} with id "${String(value)}".`);
    }
  }
}

/** The schema's defaults, a fresh uid where the schema says "{uid}". */
export function schemaDefaults(type: string): Attrs {
  const values: Attrs = {};
  for (const [name, prop] of Object.entries(getSchema(type)?.properties ?? {})) {
    if (prop.default === "{uid}") values[name] = randomUUID();
    else if (prop.default !== undefined) values[name] = prop.default;
  }
  return values;
}

/** A TypedContext lies in its parent's project and starts with its workflow's first status and type. */
function typedContextDefaults(reader: EntityReader, type: string, attrs: Attrs): Attrs {
  const derived: Attrs = {};
  if (!attrs.project_id && typeof attrs.parent_id === "string") {
    const parent = reader.get(concreteTypes("Context"), attrs.parent_id);
    if (parent) derived.project_id = parent.type === "Project" ? parent.id : parent.attrs.project_id;
  }
  const schema = projectSchemaOf(reader, (derived.project_id ?? attrs.project_id) as unknown);
  if (!schema) return derived;
  const typeId = attrs.type_id ?? firstTypeOf(reader, schema, type, attrs.object_type_id);
  if (typeId !== undefined) derived.type_id = typeId;
  if (!attrs.status_id) {
    const status = firstStatusOf(reader, schema, type, attrs.object_type_id, typeId);
    if (status !== undefined) derived.status_id = status;
  }
  return derived;
}

/** A version is numbered after its asset's last one, published by its creator, in its workflow's first status. */
function versionDefaults(reader: EntityReader, attrs: Attrs, user: StoredEntity, now: string): Attrs {
  const derived: Attrs = { date: attrs.date ?? now, user_id: attrs.user_id ?? user.id };
  const assetId = attrs.asset_id;
  if (attrs.version === undefined || attrs.version === null) {
    const numbers = typeof assetId === "string" ? reader.findBy(["AssetVersion"], "asset_id", assetId) : [];
    derived.version = Math.max(0, ...numbers.map((v) => Number(v.attrs.version) || 0)) + 1;
  }
  if (!attrs.status_id && typeof assetId === "string") {
    const asset = reader.get(["Asset"], assetId);
    const parent = asset && reader.get(concreteTypes("Context"), String(asset.attrs.context_id));
    const projectId = parent && (parent.type === "Project" ? parent.id : parent.attrs.project_id);
    const schema = projectSchemaOf(reader, projectId);
    const workflow = schema?.attrs.asset_version_workflow_schema_id;
    const status = typeof workflow === "string" ? workflowStatuses(reader, workflow)[0] : undefined;
    if (status !== undefined) derived.status_id = status;
  }
  return derived;
}

function projectSchemaOf(reader: EntityReader, projectId: unknown): StoredEntity | undefined {
  if (typeof projectId !== "string") return undefined;
  const schemaId = reader.get(["Project"], projectId)?.attrs.project_schema_id;
  return typeof schemaId === "string" ? reader.get(["ProjectSchema"], schemaId) : undefined;
}

/** Ids of a workflow's statuses, in its order (the first is the default). */
function workflowStatuses(reader: EntityReader, workflowId: string): string[] {
  return reader
    .findBy(["WorkflowSchemaStatus"], "workflow_schema_id", workflowId)
    .map((row) => String(row.attrs.status_id));
}

/** The Schema row (statuses and types of one object type) of a project schema. */
function objectTypeSchema(reader: EntityReader, schema: StoredEntity, objectTypeId: unknown) {
  return reader
    .findBy(["Schema"], "project_schema_id", schema.id)
    .find((s) => s.attrs.type_id === objectTypeId);
}

function firstTypeOf(reader: EntityReader, schema: StoredEntity, type: string, objectTypeId: unknown) {
  if (type === "Task") {
    const typeSchema = schema.attrs.task_type_schema_id;
    if (typeof typeSchema !== "string") return undefined;
    return reader.findBy(["TaskTypeSchemaType"], "task_type_schema_id", typeSchema)[0]?.attrs.type_id;
  }
  const objectSchema = objectTypeSchema(reader, schema, objectTypeId);
  return objectSchema && reader.findBy(["SchemaType"], "schema_id", objectSchema.id)[0]?.attrs.type_id;
}

function firstStatusOf(
  reader: EntityReader,
  schema: StoredEntity,
  type: string,
  objectTypeId: unknown,
  typeId: unknown,
) {
  if (type === "Task") {
    // A task type may have its own workflow (an override); else the schema's task workflow applies.
    const override = reader
      .findBy(["ProjectSchemaOverride"], "project_schema_id", schema.id)
      .find((o) => o.attrs.type_id === typeId);
    const workflow = override?.attrs.workflow_schema_id ?? schema.attrs.task_workflow_schema_id;
    return typeof workflow === "string" ? workflowStatuses(reader, workflow)[0] : undefined;
  }
  const objectSchema = objectTypeSchema(reader, schema, objectTypeId);
  return objectSchema && reader.findBy(["SchemaStatus"], "schema_id", objectSchema.id)[0]?.attrs.status_id;
}
