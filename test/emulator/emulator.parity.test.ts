/**
 * Where the thumbnail workflow meets ftrack, the emulator behaves as a real server (issue "12. The
 * embedded ftrack server, closer to ftrack"): each gap is checked through ftrack's JS client, or over
 * HTTP exactly as ftrack's Python client sends it, against the recorded real answers when present.
 */
import { randomUUID } from "node:crypto";
import { projectSchema, Session } from "@ftrack/api";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, type RunningEmulator } from "../../src/emulator/index.js";
import {
  image768x576,
  type Json,
  postApi,
  REFERENCE_DIR,
  readReference,
  referencePresent,
  startWithSession,
} from "./emulator.helpers.js";

const hasReference = referencePresent("emulator.parity.test");

let emulator: RunningEmulator;
let session: Session;

beforeAll(async () => {
  ({ emulator, session } = await startWithSession());
});
afterAll(() => emulator?.close());

const UNMANAGED_LOCATION_ID = "cb268ecc-8809-11e3-a7e2-20c9d081909b";
const REVIEW_LOCATION_ID = "cd41be70-8809-11e3-b98a-20c9d081909b";
const ref = (type: string, id: string) => ({ __entity_type__: type, id });

/** Stores `bytes` as a FileComponent in ftrack.server, as a Node service does; returns its id. */
async function serverComponent(bytes: Buffer, fileType = ".png"): Promise<string> {
  const id = randomUUID();
  const [, upload] = (await session.call([
    {
      action: "create",
      entity_type: "FileComponent",
      entity_data: { id, name: "thumbnail", file_type: fileType, size: bytes.length },
    },
    {
      action: "get_upload_metadata",
      component_id: id,
      file_name: `thumbnail${fileType}`,
      file_size: bytes.length,
    },
  ] as never)) as [unknown, { url: string; headers: Record<string, string> }];
  const put = await fetch(upload.url, { method: "PUT", headers: upload.headers, body: bytes });
  expect(put.status).toBe(200);
  await session.create("ComponentLocation", {
    component_id: id,
    location_id: DEMO.locations.server,
    resource_identifier: id,
  });
  return id;
}

/** A GET on a /component route with credentials in the query, as both official clients send them. */
function componentRoute(
  route: string,
  id: string,
  {
    user = emulator.apiUser,
    apiKey = emulator.apiKey,
    size,
  }: { user?: string; apiKey?: string; size?: number } = {},
) {
  const params = new URLSearchParams({ id, username: user, apiKey, ...(size ? { size: String(size) } : {}) });
  return fetch(`${emulator.url}/component/${route}?${params}`);
}

describe("Location.remove_component on ftrack.server: GET /component/remove", () => {
  it("deletes the stored bytes; the client then deletes the ComponentLocation", async () => {
    const id = await serverComponent(await image768x576());
    expect((await componentRoute("thumbnail", id)).status).toBe(200);

    const removed = await componentRoute("remove", id);
    expect(removed.status).toBe(200);
    expect((await componentRoute("get", id)).status).toBe(404);
    expect((await componentRoute("thumbnail", id)).status).toBe(404);
    // The Python client's _deregister_component_in_location, as it queries (with the default
    // projections it prefixes) and deletes.
    const { data } = await session.query(
      `select id from ComponentLocation where component_id is ${id} and location_id is ${DEMO.locations.server}`,
    );
    await session.delete("ComponentLocation", [data[0].id]);
    const left = await session.query(`select id from ComponentLocation where component_id is ${id}`);
    expect(left.data).toEqual([]);
    // Gone already: a second removal is an error, as the client expects from a missing file.
    expect((await componentRoute("remove", id)).status).toBe(404);
  });

  it("applies credentials and permissions", async () => {
    const id = DEMO.components.spareServer;
    expect((await componentRoute("remove", id, { apiKey: "wrong-key" })).status).toBe(401);
    const dave = DEMO.users.dave;
    const readOnly = await componentRoute("remove", id, { user: dave.username, apiKey: dave.apiKey });
    expect(readOnly.status).toBe(403);
    expect(((await readOnly.json()) as Json).exception).toBe("PermissionError");
    expect((await componentRoute("remove", randomUUID())).status).toBe(404);
    expect((await componentRoute("get", id)).status).toBe(200);
  });
});

describe("computed thumbnail_url and link", () => {
  it("selects thumbnail_url on contexts, versions and users: the image's URL, or the placeholder", async () => {
    const version = DEMO.asset.versionIds[0];
    const [task, withoutThumbnail, user, av] = await Promise.all([
      session.query(`select thumbnail_id, thumbnail_url from Task where id is ${DEMO.task.id}`),
      session.query(`select thumbnail_url from Task where id is ${DEMO.taskWithoutThumbnail.id}`),
      session.query(`select thumbnail_url from User where id is ${DEMO.users.alice.id}`),
      session.query(`select thumbnail_url from AssetVersion where id is ${version}`),
    ]);
    const url = new URL(task.data[0].thumbnail_url.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${emulator.url}/component/thumbnail`);
    expect(url.searchParams.get("id")).toBe(task.data[0].thumbnail_id);
    // The URL carries no credentials; a client adds its own, as for any /component route.
    expect(url.search).not.toContain(emulator.apiKey);
    const image = await fetch(url, {
      headers: { "ftrack-user": emulator.apiUser, "ftrack-api-key": emulator.apiKey },
    });
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(withoutThumbnail.data[0].thumbnail_url.url).toBe(`${emulator.url}/img/thumbnail2.png`);
    expect(new URL(user.data[0].thumbnail_url.url).searchParams.get("id")).toBe(
      DEMO.thumbnails[DEMO.users.alice.id],
    );
    expect(new URL(av.data[0].thumbnail_url.url).searchParams.get("id")).toBe(DEMO.thumbnails[version]);
  });

  it("selects link: {id, name, type} from the project down to the entity itself", async () => {
    const { data } = await session.query(`select link from Task where id is ${DEMO.task.id}`);
    expect(data[0].link).toEqual([
      { id: DEMO.projects.aurora.id, name: DEMO.projects.aurora.name, type: "Project" },
      { id: DEMO.episode.id, name: DEMO.episode.name, type: "TypedContext" },
      { id: DEMO.sequence.id, name: DEMO.sequence.name, type: "TypedContext" },
      { id: DEMO.shot.id, name: DEMO.shot.name, type: "TypedContext" },
      { id: DEMO.task.id, name: DEMO.task.name, type: "TypedContext" },
    ]);
    const project = await session.query(`select link from Project where id is ${DEMO.projects.borealis.id}`);
    expect(project.data[0].link).toEqual([
      { id: DEMO.projects.borealis.id, name: DEMO.projects.borealis.name, type: "Project" },
    ]);
    // A version's ends with "<asset> vNNN" after its asset's parent (the asset has no item).
    const version = await session.query(
      `select link from AssetVersion where id is ${DEMO.asset.versionIds[2]}`,
    );
    expect(version.data[0].link.map((item: { name: string }) => item.name)).toEqual([
      DEMO.projects.aurora.name,
      DEMO.episode.name,
      DEMO.sequence.name,
      DEMO.shot.name,
      `${DEMO.asset.name} v003`,
    ]);
    expect(version.data[0].link.at(-1)).toEqual({
      id: DEMO.asset.versionIds[2],
      name: `${DEMO.asset.name} v003`,
      type: "AssetVersion",
    });
    // Every item can be fetched back by its type and id, as ftrack's docs show.
    for (const item of data[0].link) {
      const back = await session.query(`select name from ${item.type} where id is ${item.id}`);
      expect(back.data[0].name).toBe(item.name);
    }
  });

  it("refuses to filter on them, and to write them", async () => {
    const filter = await postApi(emulator, [
      { action: "query", expression: `select id from Task where link like "%SH010%"` },
    ]);
    expect(filter.json.content).toMatch(/can be selected but not filtered/);
    await expect(
      session.update("Task", [DEMO.task.id], { thumbnail_url: { url: "x" } } as never),
    ).rejects.toThrow(/immutable/);
  });
});

describe("ftrack.unmanaged and ftrack.review locations", () => {
  it("exist with the ids ftrack's clients hard-code", async () => {
    const { data } = await session.query("select id, name from Location");
    const byName = Object.fromEntries(data.map((l: Json) => [l.name, l.id]));
    expect(byName).toMatchObject({
      "ftrack.server": DEMO.locations.server,
      "ftrack.origin": DEMO.locations.origin,
      "ftrack.unmanaged": UNMANAGED_LOCATION_ID,
      "ftrack.review": REVIEW_LOCATION_ID,
    });
  });

  it("registers a component created from a path, as session.create_component(path) commits it", async () => {
    // create_component's default location is ftrack.unmanaged (the highest-priority accessible one);
    // ftrackreview-* components go to ftrack.review. One commit sends both creates.
    const file = randomUUID();
    const review = randomUUID();
    const { json } = await postApi(
      emulator,
      [
        {
          action: "create",
          entity_type: "FileComponent",
          entity_key: [file],
          entity_data: {
            __entity_type__: "FileComponent",
            id: file,
            name: "main",
            file_type: ".exr",
            size: 0,
          },
        },
        {
          action: "create",
          entity_type: "ComponentLocation",
          entity_data: {
            __entity_type__: "ComponentLocation",
            id: randomUUID(),
            component: ref("FileComponent", file),
            location: ref("Location", UNMANAGED_LOCATION_ID),
            resource_identifier: "/mnt/projects/aurora/plate.0001.exr",
          },
        },
        {
          action: "create",
          entity_type: "FileComponent",
          entity_data: {
            __entity_type__: "FileComponent",
            id: review,
            name: "ftrackreview-mp4",
            file_type: ".mp4",
          },
        },
        {
          action: "create",
          entity_type: "ComponentLocation",
          entity_data: {
            __entity_type__: "ComponentLocation",
            component_id: review,
            location_id: REVIEW_LOCATION_ID,
            resource_identifier: "/tmp/review.mp4",
          },
        },
      ],
      { "ftrack-strict-api": "false" },
    );
    expect(json.map((r: Json) => r.action)).toEqual(["create", "create", "create", "create"]);
    const { data } = await session.query(
      `select name, component_locations.location.name, component_locations.resource_identifier from FileComponent where id in (${file}, ${review})`,
    );
    const where = Object.fromEntries(
      data.map((c: Json) => [c.name, c.component_locations.map((l: Json) => l.location.name)]),
    );
    expect(where).toEqual({ main: ["ftrack.unmanaged"], "ftrackreview-mp4": ["ftrack.review"] });
  });
});

describe("project schemas, statuses, types and priorities", () => {
  it("answers the JS client's projectSchema.getStatuses for tasks, overridden task types, versions and shots", async () => {
    const [schema] = (await session.query("select id, name from ProjectSchema")).data;
    const { statuses, types } = DEMO.workflow;
    const names = (list: { name: string }[]) => list.map((s) => s.name);
    const task = await projectSchema.getStatuses(session, schema.id, "Task");
    expect(names(task)).toEqual([
      "Not started",
      "In progress",
      "Pending review",
      "Approved",
      "On hold",
      "Omitted",
    ]);
    // Animation tasks follow the schema's override workflow.
    const animation = await projectSchema.getStatuses(session, schema.id, "Task", types.Animation);
    expect(names(animation)).toEqual(["Not started", "Blocking", "Polish", "Pending review", "Approved"]);
    const version = await projectSchema.getStatuses(session, schema.id, "AssetVersion");
    expect(names(version)).toEqual(["Pending review", "Requires changes", "Approved"]);
    const shot = await projectSchema.getStatuses(session, schema.id, "Shot");
    expect(shot.map((s: { id: string }) => s.id)).toEqual(
      ["Not started", "In progress", "Completed", "On hold", "Omitted"].map(
        (n) => statuses[n as keyof typeof statuses],
      ),
    );
  });

  it("answers the queries the Python client's get_types and get_statuses send", async () => {
    const schemaId = DEMO.workflow.projectSchema;
    // ProjectSchema.get_types("Task") reads _task_type_schema.types; get_statuses("Shot") and
    // get_types("AssetBuild") query SchemaStatus / SchemaType of the object type's Schema.
    const [taskTypes, schemas] = await session.call([
      {
        action: "query",
        expression: `select _task_type_schema.types.name from ProjectSchema where id is ${schemaId}`,
      },
      { action: "query", expression: `select type_id from Schema where project_schema_id is ${schemaId}` },
    ] as never);
    expect((taskTypes as Json).data[0]._task_type_schema.types.map((t: Json) => t.name)).toContain(
      "Compositing",
    );
    const build = (schemas as Json).data.find((s: Json) => s.type_id === DEMO.objectTypes.AssetBuild);
    const [buildTypes, shotStatuses] = await Promise.all([
      session.query(`select task_type.name from SchemaType where schema_id is ${build.id}`),
      session.query(
        `select task_status.name, sort from SchemaStatus where schema_id is ${build.id} order by sort`,
      ),
    ]);
    expect(buildTypes.data.map((r: Json) => r.task_type.name)).toEqual([
      "Character",
      "Prop",
      "Environment",
      "Vehicle",
    ]);
    // Link tables are identified by their two keys, as their schema's primary_key says.
    expect(Object.keys(shotStatuses.data[0]).sort()).toEqual([
      "__entity_type__",
      "schema_id",
      "sort",
      "status_id",
      "task_status",
    ]);
    expect(session.getPrimaryKeyAttributes("SchemaStatus")).toEqual(["status_id", "schema_id"]);
  });

  it("gives seeded tasks a status, a type and a priority, with the state of each status", async () => {
    const { data } = await session.query(
      `select status.name, status.state.short, type.name, priority.name from Task where id is ${DEMO.task.id}`,
    );
    expect(data[0]).toMatchObject({
      status: { name: "In progress", state: { short: "IN_PROGRESS" } },
      type: { name: "Compositing" },
      priority: { name: "None" },
    });
  });

  it("creates a project, a sequence, a shot and tasks the standard way", async () => {
    const [schema] = (await session.query("select id from ProjectSchema")).data;
    const projectId = randomUUID();
    const sequenceId = randomUUID();
    const shotId = randomUUID();
    const taskId = randomUUID();
    const [shotStatus] = await projectSchema.getStatuses(session, schema.id, "Shot");
    const taskType = (await session.query(`select id from Type where name is "Lighting"`)).data[0];
    const [taskStatus] = await projectSchema.getStatuses(session, schema.id, "Task", taskType.id);
    await session.call([
      {
        action: "create",
        entity_type: "Project",
        entity_data: {
          id: projectId,
          name: "delta",
          full_name: "Delta",
          project_schema: ref("ProjectSchema", schema.id),
        },
      },
      {
        action: "create",
        entity_type: "Sequence",
        entity_data: { id: sequenceId, name: "SQ001", parent: ref("Project", projectId) },
      },
      {
        action: "create",
        entity_type: "Shot",
        entity_data: {
          id: shotId,
          name: "SH001",
          parent: ref("Sequence", sequenceId),
          status: ref("Status", shotStatus.id),
        },
      },
      {
        action: "create",
        entity_type: "Task",
        entity_data: {
          id: taskId,
          name: "lighting",
          parent: ref("Shot", shotId),
          status: ref("Status", taskStatus.id),
          type: ref("Type", taskType.id),
        },
      },
    ] as never);
    const { data } = await session.query(
      `select project_id, project.name, status.name, type.name, priority.name, parent.parent.name from Task where id is ${taskId}`,
    );
    expect(data[0]).toMatchObject({
      project_id: projectId,
      project: { name: "delta" },
      status: { name: "Not started" },
      type: { name: "Lighting" },
      priority: { name: "None" },
      parent: { parent: { name: "SQ001" } },
    });
    // Left out, status and type come from the workflow: the first type, and for an overridden
    // type its own workflow's first status.
    const animation = randomUUID();
    await session.create("Task", {
      id: animation,
      name: "anim",
      parent: ref("Shot", shotId),
      type: ref("Type", DEMO.workflow.types.Animation),
    });
    const plain = (await session.create("Task", { name: "any", parent: ref("Project", projectId) })).data;
    const defaults = await session.query(
      `select type.name, status.name, project_id from Task where id in (${animation}, ${plain.id}) order by name`,
    );
    expect(defaults.data.map((t: Json) => [t.type.name, t.status.name, t.project_id])).toEqual([
      ["Animation", "Not started", projectId],
      ["Generic", "Not started", projectId],
    ]);
  });

  it("refuses a project without a schema, and statuses that do not exist", async () => {
    await expect(session.create("Project", { name: "nowhere" })).rejects.toThrow(/project_schema/);
    await expect(
      session.create("Task", { name: "x", parent: ref("Shot", DEMO.shot.id), status_id: randomUUID() }),
    ).rejects.toThrow(/no Status with id/);
  });
});

describe("AssetVersion numbering", () => {
  it("numbers new versions of an asset 1, 2, 3 after the last one", async () => {
    const assetId = randomUUID();
    await session.create("Asset", {
      id: assetId,
      name: "fx_smoke",
      parent: ref("Shot", DEMO.shot.id),
      type: ref("AssetType", DEMO.workflow.assetTypes.Upload),
    });
    const created = [];
    for (let i = 0; i < 3; i++) {
      created.push(
        (
          await session.create("AssetVersion", {
            asset: ref("Asset", assetId),
            task: ref("Task", DEMO.task.id),
          })
        ).data,
      );
    }
    expect(created.map((v) => v.version)).toEqual([1, 2, 3]);
    // Versions created in one batch, and after existing ones.
    const [a, b] = (await session.call([
      { action: "create", entity_type: "AssetVersion", entity_data: { asset_id: DEMO.asset.id } },
      { action: "create", entity_type: "AssetVersion", entity_data: { asset_id: DEMO.asset.id } },
    ] as never)) as Json[];
    expect([a.data.version, b.data.version]).toEqual([4, 5]);
    // The creator publishes it, in the version workflow's first status; a given number is kept.
    const { data } = await session.query(
      `select version, user.username, status.name, is_latest_version from AssetVersion where asset_id is ${assetId} order by version desc`,
    );
    expect(data[0]).toMatchObject({
      version: 3,
      user: { username: emulator.apiUser },
      status: { name: "Pending review" },
      is_latest_version: true,
    });
    const given = await session.create("AssetVersion", { asset_id: assetId, version: 10 });
    expect(given.data.version).toBe(10);
  });
});

describe("unquoted values", () => {
  it("reads a bare word as a string, as ftrack does: where username is jenkins", async () => {
    const { data } = await session.query(
      `select id from User where username is ${DEMO.users.alice.username}`,
    );
    expect(data.map((u: Json) => u.id)).toEqual([DEMO.users.alice.id]);
    const tasks = await session.query(
      `select id from Task where name is Compositing and parent_id is ${DEMO.shot.id}`,
    );
    expect(tasks.data.map((t: Json) => t.id)).toEqual([DEMO.task.id]);
  });
});

describe("create replies", () => {
  it("list the attributes that have a value, never unset ones as null", async () => {
    const id = randomUUID();
    const { data } = await session.create("User", {
      id,
      username: `user-${id}`,
      first_name: "first",
      last_name: "last",
      is_active: false,
    });
    expect(data).toEqual({
      __entity_type__: "User",
      id,
      username: `user-${id}`,
      first_name: "first",
      last_name: "last",
      is_active: false,
      resource_type: "user",
    });
    expect(Object.values(data)).not.toContain(null);
    if (hasReference) {
      // The real server's reply to the same create has no nulls either, and the same common keys.
      const real = readReference<{ data: Record<string, unknown> }>("create_user.json").data;
      expect(Object.values(real)).not.toContain(null);
      expect(Object.keys(real)).toEqual(expect.arrayContaining(Object.keys(data)));
    }
    const task = (await session.create("Task", { name: "roto", parent: ref("Shot", DEMO.shot.id) })).data;
    expect(Object.values(task)).not.toContain(null);
    expect(task).not.toHaveProperty("thumbnail_id");
    expect(task).not.toHaveProperty("description");
    expect(task).toMatchObject({ context_type: "task", project_id: DEMO.projects.aurora.id, name: "roto" });
  });

  it("let the client fetch server values later instead of caching none", async () => {
    // What a client caches from the reply is what it reads back: no attribute it must refetch is null.
    const { data } = await session.create("FileComponent", { name: "thumbnail", file_type: ".png" });
    expect(data).toMatchObject({ system_type: "file", size: 0, name: "thumbnail" });
    expect(data).not.toHaveProperty("version_id");
    expect(data).not.toHaveProperty("container_id");
  });
});

describe("scaled PNG thumbnails", () => {
  it("keep a palette PNG's palette, as ftrack's scaled answer does", async () => {
    const id = await serverComponent(await image768x576());
    const scaled = Buffer.from(await (await componentRoute("thumbnail", id, { size: 10 })).arrayBuffer());
    const meta = await sharp(scaled).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", 10, 8]);
    if (!hasReference) return;
    expect(meta.isPalette).toBe(true);
    const real = await sharp(`${REFERENCE_DIR}/thumbnail-resized-size-10.png`).metadata();
    expect([real.isPalette, real.width, real.height]).toEqual([true, 10, 8]);
    // Same look: every pixel within a small distance of the real server's.
    const pixels = async (input: Buffer | string) =>
      (await sharp(input).removeAlpha().raw().toBuffer({ resolveWithObject: true })).data;
    const ours = await pixels(scaled);
    const theirs = await pixels(`${REFERENCE_DIR}/thumbnail-resized-size-10.png`);
    const worst = Math.max(...ours.map((value, i) => Math.abs(value - theirs[i])));
    expect(worst).toBeLessThan(48);
  });

  it("keep a truecolor PNG truecolor", async () => {
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#3366cc" } })
      .png()
      .toBuffer();
    const id = await serverComponent(png);
    const response = await componentRoute("thumbnail", id, { size: 16 });
    const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect([meta.isPalette ?? false, meta.width, meta.height]).toEqual([false, 16, 12]);
  });
});
