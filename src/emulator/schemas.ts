/**
 * The emulator's entity schemas, in the shape ftrack's `query_schemas` answers, plus the relation
 * model the query engine uses (which foreign key backs each reference or collection, which type each
 * foreign key points at, which attributes the server computes).
 *
 * Only a subset of ftrack's attributes is defined; those present match the real server's names,
 * types, defaults and flags, so ftrack's own clients build the same entity classes against us.
 */

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
  /** `target`: for a foreign key, the type whose id it holds. */
  | { kind: "scalar"; type: string; format?: string; target?: string }
  /** `foreignKey` may be a stored column that is not itself an attribute (Status.state). */
  | { kind: "ref"; target: string; foreignKey: string }
  | CollectionAttribute
  | ComputedAttribute;

/** Entities of `target` whose `inverseForeignKey` is this entity's id; with `through`, rows of the
 * link type `through.type` whose `inverseForeignKey` is this entity's id name the members by
 * `through.targetKey` (many-to-many, e.g. WorkflowSchema.statuses). */
export interface CollectionAttribute {
  kind: "collection";
  target: string;
  inverseForeignKey: string;
  through?: { type: string; targetKey: string };
}

/** Derived by the engine, never stored: `type` for values, `target` (+ `many`) for entities. */
export interface ComputedAttribute {
  kind: "computed";
  name:
    | "context_type"
    | "is_latest_version"
    | "latest_version"
    | "ancestors"
    | "descendants"
    | "link"
    | "thumbnail_url";
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

/** The priority every TypedContext subtype's schema names as the default of `priority_id`. */
export const DEFAULT_PRIORITY_ID = "9661b320-3a0c-11e2-81c1-0800200c9a66";

// --- Compact definition helpers. ---
type Def = {
  /** Properties as ftrack publishes them. */
  props: Record<string, PropertySchema>;
  /** Engine model for foreign keys, relations and computed attributes (by attribute name). */
  model: Record<string, Attribute>;
};

/** A foreign-key property and the type it points at. */
class ForeignKey {
  constructor(
    readonly target: string,
    readonly prop: PropertySchema,
  ) {}
}

const uid = (extra: PropertySchema = {}): PropertySchema => ({ default: "{uid}", type: "string", ...extra });
const str = (extra: PropertySchema = {}): PropertySchema => ({ type: "string", ...extra });
const int = (extra: PropertySchema = {}): PropertySchema => ({ type: "integer", ...extra });
const num = (extra: PropertySchema = {}): PropertySchema => ({ type: "number", ...extra });
const bool = (extra: PropertySchema = {}): PropertySchema => ({ type: "boolean", ...extra });
const datetime = (extra: PropertySchema = {}): PropertySchema => ({
  type: "string",
  format: "date-time",
  ...extra,
});
const fk = (target: string, extra: PropertySchema = {}) =>
  new ForeignKey(target, {
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
function scalars(fields: Record<string, PropertySchema | ForeignKey>): Def {
  const result: Def = { props: {}, model: {} };
  for (const [name, field] of Object.entries(fields)) {
    if (field instanceof ForeignKey) {
      result.props[name] = field.prop;
      result.model[name] = { kind: "scalar", type: "string", format: "foreign_key", target: field.target };
    } else {
      result.props[name] = field;
    }
  }
  return result;
}
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
/** A many-to-many collection `name` of `target`, through rows of `linkType` (`from` -> this id, `to` -> member id). */
const manyThrough = (
  name: string,
  target: string,
  link: { type: string; from: string; to: string },
  extra: PropertySchema = {},
): Def => ({
  props: { [name]: { items: { $ref: target }, type: "array", ...extra } },
  model: {
    [name]: {
      kind: "collection",
      target,
      inverseForeignKey: link.from,
      through: { type: link.type, targetKey: link.to },
    },
  },
});
const computed = (attr: ComputedAttribute, prop: PropertySchema): Def => ({
  props: { [attr.name]: prop },
  model: { [attr.name]: attr },
});

// --- Attribute sets. ---
const thumbnail = def(
  scalars({ thumbnail_id: fk("Component", { alias_for: "thumbid" }) }),
  ref("thumbnail", "Component", "thumbnail_id"),
  computed({ kind: "computed", name: "thumbnail_url", type: "object" }, { type: "object" }),
);

/** The breadcrumb from the project down to the entity: a list of {id, name, type}. */
const link = computed(
  { kind: "computed", name: "link", type: "string" },
  { type: "string", alias_for: "_api_link" },
);

const descendants = computed(
  { kind: "computed", name: "descendants", target: "TypedContext", many: true },
  { items: { $ref: "TypedContext" }, type: "array" },
);

const context = def(
  scalars({
    id: uid(),
    name: str({ default: "" }),
    created_at: datetime(),
    parent_id: fk("Context"),
    project_id: fk("Project"),
  }),
  computed({ kind: "computed", name: "context_type", type: "string" }, { type: "string" }),
  ref("parent", "Context", "parent_id"),
  many("children", "Context", "parent_id"),
  many("assets", "Asset", "context_id"),
  link,
  thumbnail,
);

const project = def(
  context,
  scalars({
    full_name: str({ alias_for: "fullname" }),
    project_schema_id: fk("ProjectSchema", { alias_for: "projectschemeid" }),
  }),
  ref("project_schema", "ProjectSchema", "project_schema_id", { alias_for: "projectscheme" }),
  descendants,
);

const typedContext = def(
  context,
  scalars({
    project_id: fk("Project", { alias_for: "showid" }),
    object_type_id: fk("ObjectType", { alias_for: "object_typeid" }),
    status_id: fk("Status", { alias_for: "statusid" }),
    type_id: fk("Type", { alias_for: "typeid" }),
    priority_id: fk("Priority", { alias_for: "priorityid" }),
    description: str(),
  }),
  ref("project", "Project", "project_id", { alias_for: "show" }),
  ref("object_type", "ObjectType", "object_type_id", { alias_for: "objectType" }),
  ref("status", "Status", "status_id"),
  ref("type", "Type", "type_id"),
  ref("priority", "Priority", "priority_id"),
  computed(
    { kind: "computed", name: "ancestors", target: "TypedContext", many: true },
    { items: { $ref: "TypedContext" }, type: "array" },
  ),
  descendants,
);

const component = def(
  scalars({
    id: uid(),
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
const concreteComponent = def(component, scalars({ id: { ...fk("Component").prop, default: "{uid}" } }));

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
/** Flags of the simple lookup types (statuses, types, schemas...). */
const LOOKUP_FLAGS = { default_projections: ["id"], required: ["id"], immutable: ["id"] };
/** Flags of a link table: its primary key is its two foreign keys. */
const linkTableFlags = (...key: string[]) => ({
  primaryKey: key,
  default_projections: key,
  required: key,
  immutable: key,
});

/** A type before filtering: flags are the real server's full lists; entries for attributes not
 * defined here are dropped when building, so what remains matches the real schema. */
interface TypeSpec extends Def {
  id: string;
  /** The base type whose queries include this one (Context, TypedContext, Component). */
  base?: string;
  /** Base types have no rows of their own. */
  abstract?: boolean;
  /** Default ["id"]; link tables are keyed by their foreign keys. */
  primaryKey?: string[];
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
      scalars({
        object_type_id: fk("ObjectType", { default: objectTypeId, alias_for: "object_typeid" }),
        priority_id: fk("Priority", { default: DEFAULT_PRIORITY_ID, alias_for: "priorityid" }),
      }),
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
    ...def(
      scalars({
        id: uid({ alias_for: "typeid" }),
        name: str(),
        sort: int({ default: 0 }),
        icon: str({ default: "default" }),
      }),
      manyThrough("project_schemas", "ProjectSchema", {
        type: "ProjectSchemaObjectType",
        from: "object_type_id",
        to: "project_schema_id",
      }),
    ),
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
  // --- Workflows: what statuses and types a project's entities may have. ---
  {
    id: "ProjectSchema",
    ...def(
      scalars({
        id: uid({ alias_for: "schemeid" }),
        name: str(),
        task_workflow_schema_id: fk("WorkflowSchema", { alias_for: "taskworkflowid" }),
        asset_version_workflow_schema_id: fk("WorkflowSchema", { alias_for: "versionworkflowid" }),
        task_type_schema_id: fk("TaskTypeSchema", { alias_for: "tasktypeschemeid" }),
      }),
      ref("_task_workflow", "WorkflowSchema", "task_workflow_schema_id", { alias_for: "taskworkflow" }),
      ref("task_workflow_schema", "WorkflowSchema", "task_workflow_schema_id", { alias_for: "taskworkflow" }),
      ref("_version_workflow", "WorkflowSchema", "asset_version_workflow_schema_id", {
        alias_for: "versionworkflow",
      }),
      ref("asset_version_workflow_schema", "WorkflowSchema", "asset_version_workflow_schema_id", {
        alias_for: "versionworkflow",
      }),
      ref("_task_type_schema", "TaskTypeSchema", "task_type_schema_id", { alias_for: "tasktypescheme" }),
      ref("task_type_schema", "TaskTypeSchema", "task_type_schema_id", { alias_for: "tasktypescheme" }),
      many("_overrides", "ProjectSchemaOverride", "project_schema_id", { alias_for: "overrides" }),
      many("task_workflow_schema_overrides", "ProjectSchemaOverride", "project_schema_id", {
        alias_for: "overrides",
      }),
      many("_schemas", "Schema", "project_schema_id", { alias_for: "schemas" }),
      many("object_type_schemas", "Schema", "project_schema_id", { alias_for: "schemas" }),
      manyThrough("object_types", "ObjectType", {
        type: "ProjectSchemaObjectType",
        from: "project_schema_id",
        to: "object_type_id",
      }),
    ),
    alias_for: "ProjectScheme",
    ...LOOKUP_FLAGS,
  },
  {
    id: "ProjectSchemaObjectType",
    ...def(
      scalars({ object_type_id: fk("ObjectType"), project_schema_id: fk("ProjectSchema") }),
      ref("object_type", "ObjectType", "object_type_id"),
      ref("project_schema", "ProjectSchema", "project_schema_id"),
    ),
    ...linkTableFlags("object_type_id", "project_schema_id"),
  },
  {
    id: "ProjectSchemaOverride",
    ...def(
      scalars({
        id: uid({ alias_for: "overrideid" }),
        project_schema_id: fk("ProjectSchema", { alias_for: "projectschemeid" }),
        workflow_schema_id: fk("WorkflowSchema", { alias_for: "workflowschemeid" }),
        type_id: fk("Type", { alias_for: "typeid" }),
      }),
      ref("workflow_schema", "WorkflowSchema", "workflow_schema_id", { alias_for: "workflowscheme" }),
    ),
    alias_for: "ProjectSchemeOverride",
    ...LOOKUP_FLAGS,
  },
  {
    id: "WorkflowSchema",
    ...def(
      scalars({ id: uid({ alias_for: "schemeid" }), name: str({ default: "Workflow Name" }) }),
      manyThrough("statuses", "Status", {
        type: "WorkflowSchemaStatus",
        from: "workflow_schema_id",
        to: "status_id",
      }),
      many("overrides", "ProjectSchemaOverride", "workflow_schema_id"),
    ),
    alias_for: "WorkflowScheme",
    ...LOOKUP_FLAGS,
  },
  {
    id: "WorkflowSchemaStatus",
    ...scalars({
      workflow_schema_id: fk("WorkflowSchema", { alias_for: "schemeid" }),
      status_id: fk("Status", { alias_for: "statusid" }),
    }),
    ...linkTableFlags("workflow_schema_id", "status_id"),
  },
  {
    id: "TaskTypeSchema",
    ...def(
      scalars({ id: uid({ alias_for: "schemeid" }), name: str({ default: "TaskType Schema Name" }) }),
      manyThrough("types", "Type", {
        type: "TaskTypeSchemaType",
        from: "task_type_schema_id",
        to: "type_id",
      }),
    ),
    alias_for: "TaskTypeScheme",
    ...LOOKUP_FLAGS,
  },
  {
    id: "TaskTypeSchemaType",
    ...scalars({
      task_type_schema_id: fk("TaskTypeSchema", { alias_for: "schemeid" }),
      type_id: fk("Type", { alias_for: "typeid" }),
    }),
    ...linkTableFlags("task_type_schema_id", "type_id"),
  },
  {
    // The statuses and types of one object type (Shot, AssetBuild...) in a project schema.
    id: "Schema",
    ...def(
      scalars({
        id: uid(),
        project_schema_id: fk("ProjectSchema", { alias_for: "projectschemeid" }),
        type_id: fk("ObjectType", { alias_for: "typeid" }),
      }),
      many("statuses", "SchemaStatus", "schema_id"),
      many("types", "SchemaType", "schema_id"),
    ),
    default_projections: ["id"],
    required: ["id", "type_id", "project_schema_id"],
    immutable: ["id"],
  },
  {
    id: "SchemaStatus",
    ...def(
      scalars({
        sort: int({ default: 0 }),
        schema_id: fk("Schema", { alias_for: "schemaid" }),
        status_id: fk("Status", { alias_for: "statusid" }),
      }),
      ref("task_status", "Status", "status_id", { alias_for: "taskstatus" }),
    ),
    ...linkTableFlags("status_id", "schema_id"),
  },
  {
    id: "SchemaType",
    ...def(
      scalars({
        sort: int({ default: 0 }),
        schema_id: fk("Schema", { alias_for: "schemaid" }),
        type_id: fk("Type", { alias_for: "typeid" }),
      }),
      ref("task_type", "Type", "type_id", { alias_for: "tasktype" }),
    ),
    ...linkTableFlags("type_id", "schema_id"),
  },
  {
    id: "Status",
    ...def(
      scalars({
        id: uid({ alias_for: "statusid" }),
        name: str(),
        color: str(),
        is_active: bool({ alias_for: "isactive" }),
        sort: int({ default: 0 }),
      }),
      // ftrack publishes no attribute for the state's key; the emulator stores it as state_id.
      ref("state", "State", "state_id", { alias_for: "statustype" }),
      many("tasks", "Task", "status_id"),
    ),
    alias_for: "TaskStatus",
    default_projections: ["id"],
    required: ["id", "is_active"],
    immutable: ["id"],
  },
  {
    id: "State",
    ...scalars({ id: uid({ alias_for: "typeid" }), name: str(), short: str() }),
    alias_for: "StatusType",
    ...LOOKUP_FLAGS,
  },
  {
    id: "Type",
    ...def(
      scalars({
        id: uid({ alias_for: "typeid" }),
        name: str(),
        color: str({ default: "#510100" }),
        is_billable: bool({ default: true, alias_for: "isbillable" }),
        sort: int({ default: 0 }),
      }),
      many("tasks", "Task", "type_id"),
      manyThrough(
        "task_type_schemas",
        "TaskTypeSchema",
        { type: "TaskTypeSchemaType", from: "type_id", to: "task_type_schema_id" },
        { alias_for: "schemes" },
      ),
    ),
    alias_for: "TaskType",
    default_projections: ["id"],
    required: ["id", "color", "sort", "is_billable"],
    immutable: ["id"],
  },
  {
    id: "Priority",
    ...def(
      scalars({
        id: uid({ alias_for: "priorityid" }),
        name: str(),
        color: str(),
        value: num({ default: 0 }),
        sort: int({ default: 0 }),
      }),
      many("tasks", "Task", "priority_id"),
    ),
    alias_for: "PriorityType",
    ...LOOKUP_FLAGS,
  },
  // --- Publishing: assets, versions, components and where their bytes are. ---
  {
    id: "AssetType",
    ...def(
      scalars({
        id: uid({ alias_for: "typeid" }),
        name: str(),
        short: str(),
        component: str({ default: "main" }),
      }),
      many("assets", "Asset", "type_id"),
    ),
    default_projections: ["id"],
    required: ["id", "name", "short"],
    immutable: ["id"],
  },
  {
    id: "Asset",
    ...def(
      scalars({
        id: uid({ alias_for: "assetid" }),
        name: str(),
        context_id: fk("Context"),
        type_id: fk("AssetType", { alias_for: "typeid" }),
      }),
      ref("parent", "Context", "context_id"),
      ref("type", "AssetType", "type_id"),
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
        id: uid({ alias_for: "versionid" }),
        asset_id: fk("Asset", { alias_for: "assetid" }),
        task_id: fk("Task", { alias_for: "taskid" }),
        user_id: fk("User", { description: "Foreign key(s): User.user_id", alias_for: "userid" }),
        status_id: fk("Status", { alias_for: "statusid" }),
        version: int(),
        comment: str({ default: "" }),
        date: datetime(),
        is_published: bool({ default: true, alias_for: "ispublished" }),
      }),
      ref("asset", "Asset", "asset_id"),
      ref("task", "Task", "task_id"),
      ref("user", "User", "user_id"),
      ref("status", "Status", "status_id"),
      many("components", "Component", "version_id"),
      computed({ kind: "computed", name: "is_latest_version", type: "boolean" }, { type: "boolean" }),
      link,
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
        id: uid(),
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
        id: uid(),
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
      scalars({ id: uid(), name: str(), label: str(), description: str() }),
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
    primary_key: spec.primaryKey ?? ["id"],
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

/** The attributes that identify an entity of `type` (["id"], or a link table's two foreign keys). */
export function primaryKeyOf(type: string): readonly string[] {
  return getSchema(type)?.primary_key ?? ["id"];
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

/** Stored columns of `type` that hold another entity's id, and the type they point at: the
 * foreign-key attributes, and the columns of references that have no attribute of their own. */
export function foreignKeysOf(type: string): readonly { column: string; target: string }[] {
  const canonical = resolveType(type);
  return (canonical && FOREIGN_KEYS.get(canonical)) || [];
}

const FOREIGN_KEYS = new Map(
  SPECS.map((spec) => {
    const keys = new Map<string, string>();
    for (const [name, attr] of Object.entries(spec.model)) {
      if (attr.kind === "scalar" && attr.target && name !== "id") keys.set(name, attr.target);
      if (attr.kind === "ref" && !(attr.foreignKey in spec.props)) keys.set(attr.foreignKey, attr.target);
    }
    return [spec.id, [...keys].map(([column, target]) => ({ column, target }))];
  }),
);

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
