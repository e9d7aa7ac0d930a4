/**
 * The rows every ftrack server has before anyone uses it: the built-in locations, the object types,
 * and one project schema ("VFX Scheme") with its workflows: states, statuses, task types, priorities,
 * the statuses and types of each object type, and asset types. `SYSTEM` names their ids.
 *
 * Ids ftrack's clients or schemas hard-code (locations, the default priority, object types) are the
 * real ones; so are those of the VFX Scheme, its "Not started" status and state (ftrack's own test
 * data uses them). The rest are derived from names.
 */
import { demoId } from "./demo-id.js";
import { storageId } from "./entity-writes.js";
import { DEFAULT_PRIORITY_ID, OBJECT_TYPE_IDS } from "./schemas.js";
import type { StoredEntity } from "./store.types.js";

const systemId = (name: string) => demoId(`system:${name}`);

const LOCATIONS = {
  // Copied from the service's constant on purpose: the emulator never imports the service.
  server: { id: "3a372bde-05bc-11e4-8908-20c9d081909b", name: "ftrack.server", label: "ftrack server" },
  origin: { id: "ce9b348f-8809-11e3-821c-20c9d081909b", name: "ftrack.origin", label: "origin" },
  unmanaged: { id: "cb268ecc-8809-11e3-a7e2-20c9d081909b", name: "ftrack.unmanaged", label: "unmanaged" },
  review: { id: "cd41be70-8809-11e3-b98a-20c9d081909b", name: "ftrack.review", label: "review" },
} as const;

const STATES = {
  NOT_STARTED: { id: "6c59abf8-4dbf-11e1-9902-f23c91df25eb", name: "Not started" },
  IN_PROGRESS: { id: systemId("state:IN_PROGRESS"), name: "In progress" },
  DONE: { id: systemId("state:DONE"), name: "Done" },
  BLOCKED: { id: systemId("state:BLOCKED"), name: "Blocked" },
};

const STATUS_SPECS: [name: string, state: keyof typeof STATES, color: string][] = [
  ["Not started", "NOT_STARTED", "#CCCCCC"],
  ["In progress", "IN_PROGRESS", "#3498DB"],
  ["Blocking", "IN_PROGRESS", "#9B59B6"],
  ["Polish", "IN_PROGRESS", "#8E44AD"],
  ["Pending review", "IN_PROGRESS", "#F39C12"],
  ["Requires changes", "IN_PROGRESS", "#E74C3C"],
  ["Approved", "DONE", "#2ECC71"],
  ["Completed", "DONE", "#27AE60"],
  ["On hold", "BLOCKED", "#7F8C8D"],
  ["Omitted", "DONE", "#34495E"],
];
type StatusName = (typeof STATUS_SPECS)[number][0];

const statusId = (name: string) =>
  name === "Not started" ? "014a40a6-4e65-11e1-b8af-f23c91df25eb" : systemId(`status:${name}`);

const TASK_TYPES = [
  "Generic",
  "Animation",
  "Compositing",
  "Layout",
  "Lighting",
  "Modeling",
  "Rigging",
  "Texture",
  "FX",
];
const BUILD_TYPES = ["Character", "Prop", "Environment", "Vehicle"];
const typeId = (name: string) => systemId(`type:${name}`);

const PRIORITY_SPECS: [name: string, value: number, color: string][] = [
  ["None", 0, "#BDC3C7"],
  ["Low", 1, "#2ECC71"],
  ["Medium", 2, "#F1C40F"],
  ["High", 3, "#E67E22"],
  ["Urgent", 4, "#E74C3C"],
];
const priorityId = (name: string) => (name === "None" ? DEFAULT_PRIORITY_ID : systemId(`priority:${name}`));

const ASSET_TYPES: [name: string, short: string][] = [
  ["Upload", "upload"],
  ["Geometry", "geo"],
  ["Animation", "anim"],
  ["Compositing", "comp"],
  ["Lighting", "light"],
];

const PROJECT_SCHEMA_ID = "69cb7f92-4dbf-11e1-9902-f23c91df25eb";
const WORKFLOWS: Record<string, { id: string; name: string; statuses: StatusName[] }> = {
  task: {
    id: systemId("workflow:task"),
    name: "Task workflow",
    statuses: ["Not started", "In progress", "Pending review", "Approved", "On hold", "Omitted"],
  },
  animation: {
    id: systemId("workflow:animation"),
    name: "Animation workflow",
    statuses: ["Not started", "Blocking", "Polish", "Pending review", "Approved"],
  },
  version: {
    id: systemId("workflow:version"),
    name: "Version workflow",
    statuses: ["Pending review", "Requires changes", "Approved"],
  },
};
const TASK_TYPE_SCHEMA_ID = systemId("task-type-schema:vfx");

/** Statuses and types per object type in the VFX Scheme (only statusable/typeable ones have a row). */
const OBJECT_TYPE_SCHEMAS: {
  objectType: keyof typeof OBJECT_TYPE_IDS;
  statuses: StatusName[];
  types: string[];
}[] = [
  {
    objectType: "Shot",
    statuses: ["Not started", "In progress", "Completed", "On hold", "Omitted"],
    types: [],
  },
  {
    objectType: "AssetBuild",
    statuses: ["Not started", "In progress", "Completed", "On hold"],
    types: BUILD_TYPES,
  },
  { objectType: "Milestone", statuses: ["Not started", "Completed"], types: [] },
  { objectType: "Scene", statuses: ["Not started", "In progress", "Completed"], types: [] },
];

/** Ids tests and the demo seed use. */
export const SYSTEM = {
  locations: Object.fromEntries(Object.entries(LOCATIONS).map(([key, l]) => [key, l.id])) as Record<
    keyof typeof LOCATIONS,
    string
  >,
  objectTypes: OBJECT_TYPE_IDS,
  projectSchema: PROJECT_SCHEMA_ID,
  workflows: { task: WORKFLOWS.task.id, animation: WORKFLOWS.animation.id, version: WORKFLOWS.version.id },
  statuses: Object.fromEntries(STATUS_SPECS.map(([name]) => [name, statusId(name)])) as Record<
    StatusName,
    string
  >,
  types: Object.fromEntries([...TASK_TYPES, ...BUILD_TYPES].map((name) => [name, typeId(name)])),
  priorities: Object.fromEntries(PRIORITY_SPECS.map(([name]) => [name, priorityId(name)])),
  assetTypes: Object.fromEntries(ASSET_TYPES.map(([name]) => [name, systemId(`asset-type:${name}`)])),
};

/** The system rows, in an order that satisfies their foreign keys. */
export function systemRows(): StoredEntity[] {
  const rows: StoredEntity[] = [];
  const add = (type: string, id: string, attrs: Record<string, unknown>) => {
    rows.push({ type, id, attrs: { ...attrs } });
  };
  const link = (type: string, attrs: Record<string, string | number>) =>
    add(type, storageId(type, attrs)!, attrs);

  for (const location of Object.values(LOCATIONS)) {
    add("Location", location.id, {
      id: location.id,
      name: location.name,
      label: location.label,
      description: "",
    });
  }
  Object.entries(OBJECT_TYPE_IDS).forEach(([type, id], sort) => {
    add("ObjectType", id, { id, name: type === "AssetBuild" ? "Asset Build" : type, sort, icon: "default" });
  });
  for (const [short, state] of Object.entries(STATES)) add("State", state.id, { ...state, short });
  STATUS_SPECS.forEach(([name, state, color], sort) => {
    add("Status", statusId(name), {
      id: statusId(name),
      name,
      color,
      is_active: true,
      sort,
      state_id: STATES[state].id,
    });
  });
  [...TASK_TYPES, ...BUILD_TYPES].forEach((name, sort) => {
    add("Type", typeId(name), { id: typeId(name), name, color: "#510100", is_billable: true, sort });
  });
  PRIORITY_SPECS.forEach(([name, value, color], sort) => {
    add("Priority", priorityId(name), { id: priorityId(name), name, value, color, sort });
  });
  for (const [name, short] of ASSET_TYPES) {
    const id = SYSTEM.assetTypes[name];
    add("AssetType", id, { id, name, short, component: "main" });
  }

  for (const workflow of Object.values(WORKFLOWS)) {
    add("WorkflowSchema", workflow.id, { id: workflow.id, name: workflow.name });
    for (const status of workflow.statuses) {
      link("WorkflowSchemaStatus", { workflow_schema_id: workflow.id, status_id: statusId(status) });
    }
  }
  add("TaskTypeSchema", TASK_TYPE_SCHEMA_ID, { id: TASK_TYPE_SCHEMA_ID, name: "VFX task types" });
  for (const name of TASK_TYPES) {
    link("TaskTypeSchemaType", { task_type_schema_id: TASK_TYPE_SCHEMA_ID, type_id: typeId(name) });
  }
  add("ProjectSchema", PROJECT_SCHEMA_ID, {
    id: PROJECT_SCHEMA_ID,
    name: "VFX Scheme",
    task_workflow_schema_id: WORKFLOWS.task.id,
    asset_version_workflow_schema_id: WORKFLOWS.version.id,
    task_type_schema_id: TASK_TYPE_SCHEMA_ID,
  });
  for (const objectTypeId of Object.values(OBJECT_TYPE_IDS)) {
    link("ProjectSchemaObjectType", { object_type_id: objectTypeId, project_schema_id: PROJECT_SCHEMA_ID });
  }
  const overrideId = systemId("override:animation");
  add("ProjectSchemaOverride", overrideId, {
    id: overrideId,
    project_schema_id: PROJECT_SCHEMA_ID,
    workflow_schema_id: WORKFLOWS.animation.id,
    type_id: typeId("Animation"),
  });
  for (const { objectType, statuses, types } of OBJECT_TYPE_SCHEMAS) {
    const schemaId = systemId(`schema:${objectType}`);
    add("Schema", schemaId, {
      id: schemaId,
      project_schema_id: PROJECT_SCHEMA_ID,
      type_id: OBJECT_TYPE_IDS[objectType],
    });
    statuses.forEach((status, sort) => {
      link("SchemaStatus", { schema_id: schemaId, status_id: statusId(status), sort });
    });
    types.forEach((type, sort) => {
      link("SchemaType", { schema_id: schemaId, type_id: typeId(type), sort });
    });
  }
  return rows;
}
