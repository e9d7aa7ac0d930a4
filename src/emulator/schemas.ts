/**
 * The emulator's entity schemas, in the shape ftrack's `query_schemas` answers, plus the relation
 * model the query engine uses (which foreign key backs each reference or collection).
 *
 * Only a subset of ftrack's attributes is defined; those present match the real server's names,
 * types, defaults and flags, so ftrack's own clients build the same entity classes against us.
 */
import { createHash, randomUUID } from "node:crypto";
import { validationError } from "./emulator.errors.js";

/** One property of an ftrack schema (a JSON-schema fragment). */
export interface PropertySchema {
  type?: string;
  format?: string;
  $ref?: string;
  items?: { $ref: string };
  default?: unknown;
  description?: string;
  alias_for?: string;
}

/** One item of ftrack's `query_schemas` answer. */
export interface EntitySchema {
  id: string;
  type: "object";
  properties: Record<string, PropertySchema>;
  primary_key: string[];
  default_projections: string[];
  required: string[];
  immutable: string[];
  computed?: string[];
  system_projections?: string[];
  alias_for?: string | { id: string; classifiers: Record<string, string> };
}

/** How the engine reads an attribute. */
export type Attribute =
  | { kind: "scalar"; type: string; format?: string }
  | { kind: "ref"; target: string; foreignKey: string }
  | { kind: "collection"; target: string; inverseForeignKey: string }
  | ComputedAttribute;

/** Derived by the engine, never stored: `type` for scalars, `target` (+ `many`) for entities. */
export interface ComputedAttribute {
  kind: "computed";
  name: "context_type" | "is_latest_version" | "latest_version" | "ancestors";
  type?: string;
  target?: string;
  many?: boolean;
}

// --- ObjectType ids: the real server's defaults, plus one studio-defined type. ---
export const OBJECT_TYPE_IDS = {
  Task: "11c137c0-ee7e-4f9c-91c5-8c77cec22b2c",
  Shot: "bad911de-3bd6-47b9-8b46-3476e237cb36",
  Sequence: "e5139355-61da-4c8f-9db4-3abc870166bc",
  Episode: "22139355-61da-4c8f-9db4-3abc870166bc",
  AssetBuild: "4be63b64-5010-42fb-bf1f-428af9d638f0",
  Folder: "3c133785-51cb-11e3-980a-20c9d0831e59",
  Milestone: "01decdd1-51cb-11e3-9d5b-20c9d0831e59",
  /** Studio-defined (not in ftrack's defaults): exercises the generic TypedContext path. */
  Scene: "88d5db5e-52cb-4169-8963-eb036d7e85a5",
} as const;

/** ObjectType rows the store must hold (names as ftrack shows them). */
export const OBJECT_TYPES: readonly { id: string; name: string; sort: number; icon: string }[] =
  Object.entries(OBJECT_TYPE_IDS).map(([type, id], sort) => ({
    id,
    name: type === "AssetBuild" ? "Asset Build" : type,
    sort,
    icon: "default",
  }));

// --- Compact definition helpers. ---
type Def = {
  /** Properties as ftrack publishes them. */
  props: Record<string, PropertySchema>;
  /** Engine model for relations and computed attributes (by attribute name). */
  model: Record<string, Attribute>;
};

const uid: PropertySchema = { default: "{uid}", type: "string" };
const str = (extra: PropertySchema = {}): PropertySchema => ({ type: "string", ...extra });
const int = (extra: PropertySchema = {}): PropertySchema => ({ type: "integer", ...extra });
const bool = (extra: PropertySchema = {}): PropertySchema => ({ type: "boolean", ...extra });
const datetime = (extra: PropertySchema = {}): PropertySchema => ({
  type: "string",
  format: "date-time",
  ...extra,
});
const fk = (target: string, extra: PropertySchema = {}): PropertySchema => ({
  type: "string",
  format: "foreign_key",
  description: `Foreign key(s): ${target}.id`,
  ...extra,
});

function def(...parts: Def[]): Def {
  return {
    props: Object.assign({}, ...parts.map((p) => p.props)),
    model: Object.assign({}, ...parts.map((p) => p.model)),
  };
}
const scalars = (props: Record<string, PropertySchema>): Def => ({ props, model: {} });
/** A reference `name` -> `target` stored in the foreign key `foreignKey`. */
const ref = (name: string, target: string, foreignKey: string, extra: PropertySchema = {}): Def => ({
  props: { [name]: { $ref: target, ...extra } },
  model: { [name]: { kind: "ref", target, foreignKey } },
});
/** A collection `name` of `target` entities whose `inverseForeignKey` is this entity's id. */
const many = (name: string, target: string, inverseForeignKey: string, extra: PropertySchema = {}): Def => ({
  props: { [name]: { items: { $ref: target }, type: "array", ...extra } },
  model: { [name]: { kind: "collection", target, inverseForeignKey } },
});
const computed = (attr: ComputedAttribute, prop: PropertySchema): Def => ({
  props: { [attr.name]: prop },
  model: { [attr.name]: attr },
});

// --- Attribute sets. ---
const thumbnail = def(
  scalars({ thumbnail_id: fk("Component", { alias_for: "thumbid" }) }),
  ref("thumbnail", "Component", "thumbnail_id"),
);

const context = def(
  scalars({
    id: uid,
    name: str({ default: "" }),
    created_at: datetime(),
    parent_id: fk("Context"),
    project_id: fk("Project"),
  }),
  computed({ kind: "computed", name: "context_type", type: "string" }, { type: "string" }),
  ref("parent", "Context", "parent_id"),
  many("children", "Context", "parent_id"),
  many("assets", "Asset", "context_id"),
  thumbnail,
);

const project = def(context, scalars({ full_name: str({ alias_for: "fullname" }) }));

const typedContext = def(
  context,
  scalars({
    project_id: fk("Project", { alias_for: "showid" }),
    object_type_id: fk("ObjectType", { alias_for: "object_typeid" }),
    description: str(),
  }),
  ref("project", "Project", "project_id", { alias_for: "show" }),
  ref("object_type", "ObjectType", "object_type_id", { alias_for: "objectType" }),
  computed(
    { kind: "computed", name: "ancestors", target: "TypedContext", many: true },
    { items: { $ref: "TypedContext" }, type: "array" },
  ),
);

const component = def(
  scalars({
    id: uid,
    name: str({ default: "main" }),
    file_type: str({ alias_for: "filetype" }),
    size: int({ default: 0 }),
    system_type: str(),
    version_id: fk("AssetVersion"),
    container_id: fk("ContainerComponent"),
  }),
  ref("version", "AssetVersion", "version_id"),
  ref("container", "ContainerComponent", "container_id"),
  many("component_locations", "ComponentLocation", "component_id"),
);
// Concrete components: the real server marks their id as a foreign key to Component.id.
const concreteComponent = def(component, scalars({ id: fk("Component", { default: "{uid}" }) }));

const CONTEXT_IMMUTABLE = [
  "id",
  "_link",
  "link",
  "thumbnail_url",
  "created_by_id",
  "created_by",
  "created_at",
];
const TYPED_IMMUTABLE = ["time_logged", "bid_time_logged_difference", ...CONTEXT_IMMUTABLE];
const subtypeImmutable = (...extra: string[]) => [
  "object_type_id",
  "object_type",
  "bid_time_logged_difference",
  "time_logged",
  ...extra,
  ...CONTEXT_IMMUTABLE,
];
const TYPED_REQUIRED = [
  "bid",
  "status_id",
  "type_id",
  "priority_id",
  "object_type_id",
  "sort",
  "context_type",
  "id",
  "name",
];
const COMPONENT_FLAGS = {
  default_projections: ["id", "system_type"],
  required: ["system_type", "name", "id"],
  immutable: ["id"],
  system_projections: ["system_type", "version_id"],
};

/** A type before filtering: flags are the real server's full lists; entries for attributes not
 * defined here are dropped when building, so what remains matches the real schema. */
interface TypeSpec extends Def {
  id: string;
  /** The base type whose queries include this one (Context, TypedContext, Component). */
  base?: string;
  /** Base types have no rows of their own. */
  abstract?: boolean;
  alias_for?: EntitySchema["alias_for"];
  default_projections: string[];
  required: string[];
  immutable: string[];
  computed?: string[];
  system_projections?: string[];
}

function typedSubtype(id: keyof typeof OBJECT_TYPE_IDS, immutable: string[]): TypeSpec {
  const objectTypeId = OBJECT_TYPE_IDS[id];
  return {
    id,
    base: "TypedContext",
    ...def(
      typedContext,
      scalars({ object_type_id: fk("ObjectType", { default: objectTypeId, alias_for: "object_typeid" }) }),
    ),
    alias_for: { id: "Task", classifiers: { object_typeid: objectTypeId } },
    default_projections: ["context_type", "id", "name"],
    computed: ["time_logged", "bid_time_logged_difference", "thumbnail_url"],
    required: TYPED_REQUIRED,
    immutable,
    system_projections: ["showid", "context_type"],
  };
}

const SPECS: TypeSpec[] = [
  {
    id: "Context",
    abstract: true,
    ...context,
    default_projections: ["context_type", "id", "name"],
    computed: ["thumbnail_url"],
    required: ["context_type", "id", "name"],
    immutable: CONTEXT_IMMUTABLE,
    system_projections: ["context_type"],
  },
  {
    id: "Project",
    base: "Context",
    ...project,
    alias_for: "Show",
    default_projections: ["context_type", "id", "name"],
    computed: ["thumbnail_url"],
    required: ["is_global", "status", "project_schema_id", "context_type", "id", "name"],
    immutable: CONTEXT_IMMUTABLE,
    system_projections: ["context_type"],
  },
  {
    id: "TypedContext",
    base: "Context",
    abstract: true,
    ...typedContext,
    alias_for: "Task",
    default_projections: ["context_type", "id", "name"],
    computed: ["time_logged", "bid_time_logged_difference", "thumbnail_url"],
    required: TYPED_REQUIRED,
    immutable: TYPED_IMMUTABLE,
    system_projections: ["showid", "context_type"],
  },
  typedSubtype("Task", subtypeImmutable()),
  typedSubtype("Shot", subtypeImmutable("type_id", "type", "bid", "start_date", "end_date")),
  typedSubtype(
    "Sequence",
    subtypeImmutable("type_id", "type", "status_id", "status", "bid", "start_date", "end_date"),
  ),
  typedSubtype(
    "Episode",
    subtypeImmutable("type_id", "type", "status_id", "status", "bid", "start_date", "end_date"),
  ),
  typedSubtype("AssetBuild", subtypeImmutable("bid", "start_date", "end_date")),
  typedSubtype(
    "Folder",
    subtypeImmutable("type_id", "type", "status_id", "status", "bid", "start_date", "end_date"),
  ),
  typedSubtype("Milestone", subtypeImmutable("start_date")),
  typedSubtype("Scene", subtypeImmutable()),
  {
    id: "ObjectType",
    ...scalars({
      id: { ...uid, alias_for: "typeid" },
      name: str(),
      sort: int({ default: 0 }),
      icon: str({ default: "default" }),
    }),
    default_projections: ["id"],
    required: [
      "id",
      "name",
      "icon",
      "sort",
      "is_time_reportable",
      "is_taskable",
      "is_typeable",
      "is_statusable",
      "is_schedulable",
    ],
    immutable: ["id"],
  },
  {
    id: "Asset",
    ...def(
      scalars({ id: { ...uid, alias_for: "assetid" }, name: str(), context_id: fk("Context") }),
      ref("parent", "Context", "context_id"),
      many("versions", "AssetVersion", "asset_id"),
      computed(
        { kind: "computed", name: "latest_version", target: "AssetVersion" },
        { $ref: "AssetVersion" },
      ),
    ),
    default_projections: ["id"],
    computed: ["latest_version"],
    required: ["id"],
    immutable: ["id"],
    system_projections: ["context_id"],
  },
  {
    id: "AssetVersion",
    ...def(
      scalars({
        id: { ...uid, alias_for: "versionid" },
        asset_id: fk("Asset", { alias_for: "assetid" }),
        task_id: fk("Task", { alias_for: "taskid" }),
        user_id: fk("User", { description: "Foreign key(s): User.user_id", alias_for: "userid" }),
        version: int(),
        comment: str({ default: "" }),
        date: datetime(),
        is_published: bool({ default: true, alias_for: "ispublished" }),
      }),
      ref("asset", "Asset", "asset_id"),
      ref("task", "Task", "task_id"),
      ref("user", "User", "user_id"),
      many("components", "Component", "version_id"),
      computed({ kind: "computed", name: "is_latest_version", type: "boolean" }, { type: "boolean" }),
      thumbnail,
    ),
    default_projections: ["id"],
    computed: ["thumbnail_url"],
    required: ["id", "is_published", "status_id"],
    immutable: ["id", "_link", "link", "is_latest_version", "thumbnail_url"],
    system_projections: ["assetid"],
  },
  {
    id: "User",
    ...def(
      scalars({
        id: uid,
        username: str(),
        first_name: str({ alias_for: "firstname" }),
        last_name: str({ alias_for: "lastname" }),
        email: str(),
        is_active: bool({ alias_for: "isactive" }),
        resource_type: str({ default: "user" }),
      }),
      thumbnail,
    ),
    default_projections: ["id"],
    computed: ["thumbnail_url"],
    required: ["username", "is_active", "resource_type", "id"],
    immutable: ["resource_type", "thumbnail_url", "id"],
    system_projections: ["resource_type"],
  },
  { id: "Component", abstract: true, ...component, ...COMPONENT_FLAGS },
  { id: "FileComponent", base: "Component", ...concreteComponent, ...COMPONENT_FLAGS },
  {
    id: "ContainerComponent",
    base: "Component",
    ...def(concreteComponent, many("members", "Component", "container_id")),
    ...COMPONENT_FLAGS,
  },
  {
    id: "ComponentLocation",
    ...def(
      scalars({
        id: uid,
        component_id: fk("Component"),
        location_id: fk("Location"),
        resource_identifier: str({ alias_for: "resourceIdentifier" }),
      }),
      ref("component", "Component", "component_id"),
      ref("location", "Location", "location_id"),
    ),
    default_projections: ["id"],
    computed: ["url"],
    required: ["id"],
    immutable: ["id"],
    system_projections: ["location_id", "component_id"],
  },
  {
    id: "Location",
    ...def(
      scalars({ id: uid, name: str(), label: str(), description: str() }),
      many("location_components", "ComponentLocation", "location_id"),
    ),
    default_projections: ["id"],
    required: ["name", "id"],
    immutable: ["id"],
  },
];

function buildSchema(spec: TypeSpec): EntitySchema {
  const has = (name: string) => name in spec.props;
  const schema: EntitySchema = {
    id: spec.id,
    type: "object",
    properties: spec.props,
    primary_key: ["id"],
    default_projections: spec.default_projections.filter(has),
    required: spec.required.filter(has),
    immutable: spec.immutable.filter(has),
  };
  const computedNames = spec.computed?.filter(has) ?? [];
  if (computedNames.length) schema.computed = computedNames;
  // System projections name storage columns (e.g. "showid"), kept verbatim as the server has them.
  if (spec.system_projections) schema.system_projections = spec.system_projections;
  if (spec.alias_for) schema.alias_for = spec.alias_for;
  return schema;
}

export const SCHEMAS: EntitySchema[] = SPECS.map(buildSchema);

const SPEC_BY_ID = new Map(SPECS.map((s) => [s.id, s]));
const SCHEMA_BY_ID = new Map(SCHEMAS.map((s) => [s.id, s]));
const TYPE_ALIASES: Record<string, string> = { Show: "Project" };

/** The canonical type name ("Show" -> "Project"), or undefined for an unknown type. */
export function resolveType(name: string): string | undefined {
  if (SPEC_BY_ID.has(name)) return name;
  return Object.hasOwn(TYPE_ALIASES, name) ? TYPE_ALIASES[name] : undefined;
}

function subtypesOf(type: string): string[] {
  const spec = SPEC_BY_ID.get(type)!;
  const own = spec.abstract ? [] : [type];
  return [...own, ...SPECS.filter((s) => s.base === type).flatMap((s) => subtypesOf(s.id))];
}

// Computed once: the query engine asks for these on every reference it follows.
const CONCRETE_TYPES = new Map(SPECS.map((s) => [s.id, subtypesOf(s.id)]));

/** The types whose rows a query of `name` returns: itself when concrete, else every concrete subtype. */
export function concreteTypes(name: string): readonly string[] {
  const canonical = resolveType(name);
  return canonical ? CONCRETE_TYPES.get(canonical)! : [];
}

/** Every type that has rows of its own. */
export const ENTITY_TYPES: readonly string[] = SPECS.filter((s) => !s.abstract).map((s) => s.id);

/** True when `type` is `ancestor` or (transitively) one of its subtypes. */
export function isSubtypeOf(type: string, ancestor: string): boolean {
  for (let t: string | undefined = resolveType(type); t; t = SPEC_BY_ID.get(t)?.base) {
    if (t === ancestor) return true;
  }
  return false;
}

export function getSchema(type: string): EntitySchema | undefined {
  const canonical = resolveType(type);
  return canonical ? SCHEMA_BY_ID.get(canonical) : undefined;
}

export function attributeOf(type: string, name: string): Attribute | undefined {
  const canonical = resolveType(type);
  const spec = canonical ? SPEC_BY_ID.get(canonical) : undefined;
  if (!spec || !Object.hasOwn(spec.props, name)) return undefined;
  const modelled = spec.model[name];
  if (modelled) return modelled;
  const prop = spec.props[name];
  return { kind: "scalar", type: prop.type ?? "string", ...(prop.format ? { format: prop.format } : {}) };
}

/** Attribute names of a type, in definition order. */
export function attributeNames(type: string): string[] {
  const canonical = resolveType(type);
  const spec = canonical ? SPEC_BY_ID.get(canonical) : undefined;
  return spec ? Object.keys(spec.props) : [];
}

/** Attributes every answer carries for an entity of `type` besides what was asked: the schema's
 * system projections (mapped from column names to attribute names) and alias classifiers. */
export function systemAttributes(type: string): string[] {
  const schema = getSchema(type);
  if (!schema) return [];
  const columns = [...(schema.system_projections ?? [])];
  if (typeof schema.alias_for === "object") columns.push(...Object.keys(schema.alias_for.classifiers));
  const names: string[] = [];
  for (const column of columns) {
    const name = Object.hasOwn(schema.properties, column)
      ? column
      : Object.keys(schema.properties).find((p) => schema.properties[p].alias_for === column);
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/** The value of the computed `context_type` for a type (undefined when it has none). */
export function contextTypeOf(type: string): string | undefined {
  if (isSubtypeOf(type, "TypedContext")) return "task";
  if (isSubtypeOf(type, "Project")) return "show";
  return undefined;
}

const SYSTEM_TYPES: Record<string, string> = { FileComponent: "file", ContainerComponent: "container" };

/** Attribute values applied on create before the client's own: schema defaults, a fresh id,
 * creation dates and the values the server derives from the type. */
export function createDefaults(type: string): Record<string, unknown> {
  const canonical = resolveType(type);
  const schema = canonical ? SCHEMA_BY_ID.get(canonical) : undefined;
  if (!canonical || !schema) throw validationError(`Entity type "${type}" not found.`);
  const now = new Date().toISOString();
  const values: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries(schema.properties)) {
    if (prop.default === "{uid}") values[name] = randomUUID();
    else if (prop.default !== undefined) values[name] = prop.default;
  }
  const contextType = contextTypeOf(canonical);
  if (contextType) values.context_type = contextType;
  if ("created_at" in schema.properties) values.created_at = now;
  if (canonical === "AssetVersion") values.date = now;
  if (SYSTEM_TYPES[canonical]) values.system_type = SYSTEM_TYPES[canonical];
  return values;
}

/** Python's `json.dumps(value, sort_keys=True)`: ", " / ": " separators, ASCII-only escapes. */
export function pythonJsonDumps(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "NaN";
  if (typeof value === "string") return pythonString(value);
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(", ")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${pythonString(k)}: ${pythonJsonDumps(v)}`).join(", ")}}`;
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\b": "\\b",
  "\f": "\\f",
};

function pythonString(text: string): string {
  // Everything outside printable ASCII becomes \uXXXX (per UTF-16 unit, as Python does).
  return `"${text.replace(/[\\"]|[^\x20-\x7e]/g, (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}"`;
}

/** ftrack's `schema_hash`: md5 hex of the sorted-key JSON of the schema list. */
export function schemaHash(schemas: readonly EntitySchema[] | unknown = SCHEMAS): string {
  return schemas === SCHEMAS ? OWN_SCHEMA_HASH : md5Json(schemas);
}

const md5Json = (value: unknown) => createHash("md5").update(pythonJsonDumps(value)).digest("hex");
// The schemas never change at runtime; every session start asks for their hash.
const OWN_SCHEMA_HASH = md5Json(SCHEMAS);
