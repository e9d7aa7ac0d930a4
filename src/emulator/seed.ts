/**
 * The demo studio the emulator starts with, and `DEMO`: the manifest of named ids tests use.
 *
 * Every id is derived from a name (a UUID-shaped md5 of "ftrack-emulator-demo:<name>"), so ids are
 * the same on every run and every machine. Thumbnails are real images rendered with sharp, stored
 * as FileComponents in the ftrack.server location, as a real server keeps them.
 *
 * Personal API keys: each seeded user (not the API user) may authenticate as themself only with the
 * key `<username>-demo-key` (e.g. "alice.anders-demo-key"), listed in `DEMO.users.*.apiKey`.
 * The server's API key (EMULATOR_API_KEY) may act as any existing user.
 *
 * Permission roles (emulator.permissions.ts), by acting user, whichever key authenticates them:
 * - carol.chen sees only project Borealis: Aurora's entities are absent from her queries.
 * - dave.diaz may read everything but write nothing: every write answers PermissionError.
 * - alice, bob and the API user may do anything. `DEMO.users.*.role` lists them.
 */
import { demoId } from "./demo-id.js";
import { findUser } from "./emulator.auth.js";
import type { Role } from "./emulator.permissions.js";
import { OBJECT_TYPE_IDS } from "./schemas.js";
import { renderLabelImage } from "./seed-images.js";
import { SYSTEM, systemRows } from "./seed-system.js";
import type { EmulatorStore } from "./store.js";
import type { StoredEntity } from "./store.types.js";

export { demoId } from "./demo-id.js";

const SERVER_LOCATION_ID = SYSTEM.locations.server;

const personalApiKey = (username: string) => `${username}-demo-key`;
export const userId = (username: string) => demoId(`user:${username}`);

// --- The plan: what exists, by name. ---

interface UserSpec {
  key: string;
  username: string;
  first: string;
  last: string;
  thumbnail: boolean;
  role?: Role;
}

const USERS: UserSpec[] = [
  { key: "alice", username: "alice.anders", first: "Alice", last: "Anders", thumbnail: true },
  { key: "bob", username: "bob.berg", first: "Bob", last: "Berg", thumbnail: true },
  {
    key: "carol",
    username: "carol.chen",
    first: "Carol",
    last: "Chen",
    thumbnail: true,
    role: { projectIds: [demoId("context:borealis")] },
  },
  {
    key: "dave",
    username: "dave.diaz",
    first: "Dave",
    last: "Diaz",
    thumbnail: false,
    role: { readOnly: true },
  },
];

/** Permission roles by username (see the header). */
export const DEMO_ROLES: Readonly<Record<string, Role>> = Object.fromEntries(
  USERS.filter((u) => u.role).map((u) => [u.username, u.role!]),
);

const SHOT_TASKS = [
  { name: "Compositing", user: "alice" },
  { name: "Animation", user: "bob" },
  { name: "Lighting", user: "carol" },
];

/** Task names to task types (the rest are Generic), and the statuses demo tasks cycle through. */
const TASK_TYPE_BY_NAME: Record<string, string> = { Texturing: "Texture" };
const TASK_STATUSES = ["In progress", "Pending review", "Not started", "Approved"] as const;
const ANIMATION_STATUSES = ["Blocking", "Polish", "Approved"] as const;
const ASSET_TYPE_BY_SUFFIX: Record<string, string> = {
  comp: "Compositing",
  anim: "Animation",
  lighting: "Lighting",
  model: "Geometry",
};

const DATE = "2024-03-04T09:30:00.000Z";

/** Ids of the named entities tests use. */
const ctx = (path: string) => ({ id: demoId(`context:${path}`), name: path.split("/").at(-1)! });
const assetOf = (path: string, name: string) => ({
  id: demoId(`asset:${path}/${name}`),
  name,
  parentId: demoId(`context:${path}`),
  versionIds: [1, 2, 3].map((v) => demoId(`version:${path}/${name}/v${v}`)),
});

export const DEMO = {
  /** ftrack.server, ftrack.origin, ftrack.unmanaged, ftrack.review. */
  locations: SYSTEM.locations,
  objectTypes: OBJECT_TYPE_IDS,
  /** The project schema and its statuses, types, priorities and asset types (seed-system.ts). */
  workflow: {
    projectSchema: SYSTEM.projectSchema,
    workflows: SYSTEM.workflows,
    statuses: SYSTEM.statuses,
    types: SYSTEM.types,
    priorities: SYSTEM.priorities,
    assetTypes: SYSTEM.assetTypes,
  },
  projects: {
    aurora: { ...ctx("aurora"), fullName: "Aurora Feature Film" },
    borealis: { ...ctx("borealis"), fullName: "Borealis Commercial Spot" },
  },
  episode: ctx("aurora/EP01"),
  sequence: ctx("aurora/EP01/SQ010"),
  shot: ctx("aurora/EP01/SQ010/SH010"),
  shots: {
    sh010: ctx("aurora/EP01/SQ010/SH010"),
    sh020: ctx("aurora/EP01/SQ010/SH020"),
    sh030: ctx("aurora/EP01/SQ010/SH030"),
    sh100: ctx("borealis/SQ100/SH100"),
  },
  folder: ctx("aurora/Assets"),
  assetBuild: ctx("aurora/Assets/Hero Ship"),
  milestone: ctx("aurora/First Look"),
  /** A studio-defined object type ("Scene"). */
  scene: ctx("aurora/EP01/Opening Scene"),
  /** Has a thumbnail and versions (of DEMO.asset). */
  task: ctx("aurora/EP01/SQ010/SH010/Compositing"),
  taskWithoutThumbnail: ctx("aurora/EP01/SQ010/SH030/Lighting"),
  /** On DEMO.shot, 3 versions linked to DEMO.task and DEMO.users.alice. */
  asset: assetOf("aurora/EP01/SQ010/SH010", "SH010_comp"),
  assetOnAssetBuild: assetOf("aurora/Assets/Hero Ship", "HeroShip_model"),
  apiUser: { username: "pipeline", id: userId("pipeline") },
  users: Object.fromEntries(
    USERS.map((u) => [
      u.key,
      {
        id: userId(u.username),
        username: u.username,
        apiKey: personalApiKey(u.username),
        hasThumbnail: u.thumbnail,
        role: u.role ?? {},
      },
    ]),
  ) as Record<
    "alice" | "bob" | "carol" | "dave",
    { id: string; username: string; apiKey: string; hasThumbnail: boolean; role: Role }
  >,
  userWithoutThumbnail: {
    id: userId("dave.diaz"),
    username: "dave.diaz",
    apiKey: personalApiKey("dave.diaz"),
  },
  components: {
    /** A FileComponent only in ftrack.origin (no bytes on the server): not usable as a thumbnail. */
    originOnly: demoId("component:origin-only-plate"),
    /** A ContainerComponent in ftrack.server: not a FileComponent. */
    container: demoId("component:container"),
    /** A FileComponent image in ftrack.server that is nobody's thumbnail yet. */
    spareServer: demoId("component:spare-image"),
  },
  /** The thumbnail component id of each seeded entity that has one, by entity id. */
  thumbnails: {} as Record<string, string>,
  bulk: { project: ctx("bulk") },
};

// --- Building the rows. ---

interface ImageJob {
  componentId: string;
  label: string;
  caption: string;
  format: "png" | "jpeg";
  width: number;
  height: number;
}

class Plan {
  readonly rows: StoredEntity[] = [];
  readonly images: ImageJob[] = [];
  readonly apiKeys: [string, string][] = [];
  /** Thumbnail component id by entity id. */
  readonly thumbnails: Record<string, string> = {};

  add(type: string, id: string, attrs: Record<string, unknown>) {
    this.rows.push({ type, id, attrs: { id, ...attrs } });
    return id;
  }

  /** A FileComponent in ftrack.server holding a rendered image labelled `label`. */
  image(
    name: string,
    label: string,
    caption: string,
    format: "png" | "jpeg" = "png",
    square = false,
    componentId = demoId(`thumbnail:${name}`),
  ) {
    const fileType = format === "png" ? ".png" : ".jpg";
    this.add("FileComponent", componentId, {
      name: "thumbnail",
      file_type: fileType,
      size: 0, // set once the image is rendered
      system_type: "file",
      version_id: null,
      container_id: null,
    });
    this.serverLocation(componentId);
    this.images.push({
      componentId,
      label,
      caption,
      format,
      width: square ? 256 : 320,
      height: square ? 256 : 180,
    });
    return componentId;
  }

  serverLocation(componentId: string) {
    this.add("ComponentLocation", demoId(`component-location:${componentId}`), {
      component_id: componentId,
      location_id: SERVER_LOCATION_ID,
      resource_identifier: componentId,
    });
  }

  context(
    type: keyof typeof OBJECT_TYPE_IDS | "Project",
    path: string,
    extra: Record<string, unknown> = {},
    thumb = true,
  ) {
    const { id, name } = ctx(path);
    const parentPath = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : undefined;
    const projectId = demoId(`context:${path.split("/")[0]}`);
    const thumbnailId = thumb
      ? this.image(`context:${path}`, name, type === "Project" ? "Project" : type)
      : null;
    if (thumbnailId) this.thumbnails[id] = thumbnailId;
    const attrs: Record<string, unknown> = {
      name,
      created_at: DATE,
      parent_id: parentPath ? demoId(`context:${parentPath}`) : null,
      project_id: type === "Project" ? null : projectId,
      thumbnail_id: thumbnailId,
    };
    if (type === "Project") attrs.project_schema_id = SYSTEM.projectSchema;
    else
      Object.assign(
        attrs,
        { object_type_id: OBJECT_TYPE_IDS[type], description: "" },
        this.workflowOf(type, name),
      );
    this.add(type, id, { ...attrs, ...extra });
    return id;
  }

  private tasks = 0;

  /** Status, type and priority as the VFX Scheme allows them for this object type. */
  private workflowOf(type: keyof typeof OBJECT_TYPE_IDS, name: string): Record<string, unknown> {
    const status = (statusName: keyof typeof SYSTEM.statuses) => SYSTEM.statuses[statusName];
    const values: Record<string, unknown> = { priority_id: SYSTEM.priorities.None };
    if (type === "Task") {
      const taskType = TASK_TYPE_BY_NAME[name] ?? (name in SYSTEM.types ? name : "Generic");
      // Animation tasks follow their own workflow (the schema's override for that type).
      const statuses = taskType === "Animation" ? ANIMATION_STATUSES : TASK_STATUSES;
      values.type_id = SYSTEM.types[taskType];
      values.status_id = status(statuses[this.tasks++ % statuses.length]);
    } else if (type === "AssetBuild") {
      values.type_id = SYSTEM.types[name === "Hero Ship" ? "Vehicle" : "Prop"];
      values.status_id = status("In progress");
    } else if (type === "Shot" || type === "Scene") {
      values.status_id = status("In progress");
    } else if (type === "Milestone") {
      values.status_id = status("Not started");
    }
    return values;
  }

  asset(contextPath: string, name: string, taskPath: string, userKey: string, versions = 3) {
    const asset = assetOf(contextPath, name);
    const assetType = ASSET_TYPE_BY_SUFFIX[name.slice(name.lastIndexOf("_") + 1)] ?? "Upload";
    this.add("Asset", asset.id, { name, context_id: asset.parentId, type_id: SYSTEM.assetTypes[assetType] });
    const user = USERS.find((u) => u.key === userKey)!;
    for (let v = 1; v <= versions; v++) {
      const id = asset.versionIds[v - 1] ?? demoId(`version:${contextPath}/${name}/v${v}`);
      const thumb = this.image(`version:${id}`, `${name} v${v}`, "AssetVersion", "jpeg");
      this.thumbnails[id] = thumb;
      this.add("AssetVersion", id, {
        asset_id: asset.id,
        task_id: demoId(`context:${taskPath}`),
        user_id: userId(user.username),
        version: v,
        comment: `${name} version ${v}`,
        date: `2024-03-${String(4 + v).padStart(2, "0")}T10:00:00.000Z`,
        is_published: true,
        status_id: SYSTEM.statuses[v < versions ? "Requires changes" : "Approved"],
        thumbnail_id: thumb,
      });
    }
  }

  shot(path: string, tasks: typeof SHOT_TASKS, noThumbnail?: string) {
    this.context("Shot", path);
    for (const task of tasks) this.context("Task", `${path}/${task.name}`, {}, task.name !== noThumbnail);
  }
}

function user(plan: Plan, username: string, first: string, last: string, thumbnail: boolean) {
  const id = userId(username);
  const thumbnailId = thumbnail
    ? plan.image(`user:${username}`, `${first} ${last}`, "User", "png", true)
    : null;
  if (thumbnailId) plan.thumbnails[id] = thumbnailId;
  plan.add("User", id, {
    username,
    first_name: first,
    last_name: last,
    email: `${username}@studio.example`,
    is_active: true,
    resource_type: "user",
    thumbnail_id: thumbnailId,
  });
}

function demoPlan(apiUser: string): Plan {
  const plan = new Plan();
  for (const u of USERS) {
    user(plan, u.username, u.first, u.last, u.thumbnail);
    plan.apiKeys.push([u.username, personalApiKey(u.username)]);
  }
  if (!USERS.some((u) => u.username === apiUser)) user(plan, apiUser, "Pipeline", "Service", true);

  // Aurora: episodic feature.
  plan.context("Project", "aurora", { full_name: DEMO.projects.aurora.fullName });
  plan.context("Episode", "aurora/EP01");
  plan.context("Sequence", "aurora/EP01/SQ010");
  plan.shot("aurora/EP01/SQ010/SH010", SHOT_TASKS);
  plan.shot("aurora/EP01/SQ010/SH020", SHOT_TASKS);
  plan.shot("aurora/EP01/SQ010/SH030", SHOT_TASKS, "Lighting");
  plan.context("Scene", "aurora/EP01/Opening Scene");
  plan.context("Task", "aurora/EP01/Opening Scene/Layout");
  plan.context("Folder", "aurora/Assets");
  plan.context("AssetBuild", "aurora/Assets/Hero Ship");
  plan.context("Task", "aurora/Assets/Hero Ship/Modeling");
  plan.context("Task", "aurora/Assets/Hero Ship/Texturing");
  plan.context("Milestone", "aurora/First Look");

  const sh010 = "aurora/EP01/SQ010/SH010";
  plan.asset(sh010, "SH010_comp", `${sh010}/Compositing`, "alice");
  plan.asset(sh010, "SH010_anim", `${sh010}/Animation`, "bob");
  plan.asset("aurora/EP01/SQ010/SH020", "SH020_lighting", "aurora/EP01/SQ010/SH020/Lighting", "carol");
  plan.asset("aurora/Assets/Hero Ship", "HeroShip_model", "aurora/Assets/Hero Ship/Modeling", "bob");

  // Borealis: a commercial.
  plan.context("Project", "borealis", { full_name: DEMO.projects.borealis.fullName });
  plan.context("Sequence", "borealis/SQ100");
  plan.shot("borealis/SQ100/SH100", SHOT_TASKS.slice(0, 2));
  plan.shot("borealis/SQ100/SH110", SHOT_TASKS.slice(0, 2));
  plan.context("AssetBuild", "borealis/Product Bottle");
  plan.asset("borealis/SQ100/SH100", "SH100_comp", "borealis/SQ100/SH100/Compositing", "alice");

  // Components that must NOT be accepted (or are spare) as thumbnails.
  const firstVersion = DEMO.asset.versionIds[0];
  plan.add("FileComponent", DEMO.components.originOnly, {
    name: "plate",
    file_type: ".exr",
    size: 52_428_800,
    system_type: "file",
    version_id: firstVersion,
    container_id: null,
  });
  plan.add("ComponentLocation", demoId("component-location:origin-only"), {
    component_id: DEMO.components.originOnly,
    location_id: SYSTEM.locations.origin,
    resource_identifier: "/mnt/projects/aurora/SH010/plate.exr",
  });
  plan.add("ContainerComponent", DEMO.components.container, {
    name: "sequence",
    file_type: "",
    size: 0,
    system_type: "container",
    version_id: firstVersion,
    container_id: null,
  });
  plan.serverLocation(DEMO.components.container);
  plan.image("spare", "Spare image", "Component", "png", false, DEMO.components.spareServer);
  return plan;
}

/** N tasks in project "Bulk", each with an asset of 2 versions; thumbnails share 8 images. */
function bulkPlan(plan: Plan, tasks: number) {
  const project = plan.context("Project", "bulk", { full_name: "Bulk load-test project" });
  const shared = Array.from({ length: 8 }, (_, i) => plan.image(`bulk:${i}`, `Bulk ${i + 1}`, "Load test"));
  const users = USERS.map((u) => userId(u.username));
  const width = String(tasks).length;
  for (let i = 0; i < tasks; i++) {
    const n = String(i + 1).padStart(width, "0");
    const taskId = demoId(`bulk:task:${i}`);
    plan.add("Task", taskId, {
      name: `Task ${n}`,
      created_at: DATE,
      parent_id: project,
      project_id: project,
      thumbnail_id: shared[i % shared.length],
      object_type_id: OBJECT_TYPE_IDS.Task,
      description: "",
      type_id: SYSTEM.types.Generic,
      status_id: SYSTEM.statuses["Not started"],
      priority_id: SYSTEM.priorities.None,
    });
    const assetId = demoId(`bulk:asset:${i}`);
    plan.add("Asset", assetId, { name: `asset_${n}`, context_id: taskId, type_id: SYSTEM.assetTypes.Upload });
    for (let v = 1; v <= 2; v++) {
      plan.add("AssetVersion", demoId(`bulk:version:${i}:${v}`), {
        asset_id: assetId,
        task_id: taskId,
        user_id: users[i % users.length],
        version: v,
        comment: "",
        date: DATE,
        is_published: true,
        status_id: SYSTEM.statuses.Approved,
        thumbnail_id: shared[(i + v) % shared.length],
      });
    }
  }
}

/** Rows every server has (seed-system.ts). */
function systemPlan(plan: Plan) {
  plan.rows.push(...systemRows());
}

async function store(target: EmulatorStore, plan: Plan) {
  const rendered = await Promise.all(
    plan.images.map((job) =>
      renderLabelImage(job.label, {
        caption: job.caption,
        format: job.format,
        width: job.width,
        height: job.height,
      }),
    ),
  );
  const sizes = new Map(plan.images.map((job, i) => [job.componentId, rendered[i].length]));
  target.transaction(() => {
    for (const row of plan.rows) {
      if (target.get([row.type], row.id)) continue;
      const size = sizes.get(row.id);
      target.insert(size === undefined ? row : { ...row, attrs: { ...row.attrs, size } });
    }
    for (const [i, job] of plan.images.entries()) target.putBlob(job.componentId, rendered[i]);
    for (const [username, key] of plan.apiKeys) target.setApiKey(username, key);
  });
}

export interface SeedOptions {
  apiUser: string;
  /** Seed the demo studio (only into an empty store). */
  demo: boolean;
  bulkTasks?: number;
}

/**
 * Seeds an empty store with the system rows and (optionally) the demo studio; on a store that
 * already has data, only makes sure the system rows and the API user exist.
 */
export async function seedStore(target: EmulatorStore, options: SeedOptions): Promise<void> {
  const empty = target.size === 0;
  const plan = empty && options.demo ? demoPlan(options.apiUser) : new Plan();
  systemPlan(plan);
  if (empty && options.demo && options.bulkTasks) bulkPlan(plan, options.bulkTasks);
  if (
    !findUser(target, options.apiUser) &&
    !plan.rows.some((r) => r.type === "User" && r.attrs.username === options.apiUser)
  ) {
    user(plan, options.apiUser, "Pipeline", "Service", false);
  }
  await store(target, plan);
}

Object.assign(DEMO.thumbnails, demoPlan(DEMO.apiUser.username).thumbnails);
