/** The emulator's permission roles (the demo's by default: carol sees only Borealis, dave may not write). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { postApi } from "./emulator.helpers.js";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator?.close());

const as = (username: string) => ({ "ftrack-user": username });
const query = (expression: string) => [{ action: "query", expression }];
const { alice, carol, dave } = DEMO.users;
const { aurora, borealis } = DEMO.projects;

describe("a user who sees one project (carol)", () => {
  it("gets only that project's entities from queries", async () => {
    const projects = await postApi(emulator, query("select id, name from Project"), as(carol.username));
    expect(projects.json[0].data.map((p: { id: string }) => p.id)).toEqual([borealis.id]);

    const tasks = await postApi(emulator, query("select project_id from Task"), as(carol.username));
    expect(tasks.json[0].data.length).toBeGreaterThan(0);
    expect(new Set(tasks.json[0].data.map((t: { project_id: string }) => t.project_id))).toEqual(
      new Set([borealis.id]),
    );
  });

  it("gets nothing for an id in another project, and sees no link into it", async () => {
    const byId = await postApi(
      emulator,
      query(`select id from Task where id is "${DEMO.task.id}"`),
      as(carol.username),
    );
    expect(byId.json[0].data).toEqual([]);
    const version = await postApi(
      emulator,
      query(`select id, asset.name from AssetVersion where id is "${DEMO.asset.versionIds[0]}"`),
      as(carol.username),
    );
    expect(version.json[0].data).toEqual([]);
    // Users and unscoped components stay visible.
    const users = await postApi(emulator, query("select username from User"), as(carol.username));
    expect(users.json[0].data.length).toBeGreaterThanOrEqual(4);
  });

  it("may not write to another project's entities", async () => {
    const { json } = await postApi(
      emulator,
      [
        {
          action: "update",
          entity_type: "Task",
          entity_key: [DEMO.task.id],
          entity_data: { thumbnail_id: null },
        },
      ],
      as(carol.username),
    );
    expect(json.exception).toBe("PermissionError");
    expect(emulator.store.get(["Task"], DEMO.task.id)?.attrs.thumbnail_id).toBe(
      DEMO.thumbnails[DEMO.task.id],
    );
  });

  it("leaves other users' view whole", async () => {
    const projects = await postApi(emulator, query("select id from Project"), as(alice.username));
    expect(projects.json[0].data.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining([aurora.id, borealis.id]),
    );
  });
});

describe("a read-only user (dave)", () => {
  it("reads everything", async () => {
    const { json } = await postApi(
      emulator,
      query(`select id from Task where id is "${DEMO.task.id}"`),
      as(dave.username),
    );
    expect(json[0].data).toHaveLength(1);
  });

  it("gets PermissionError for every write, and nothing changes", async () => {
    const writes = [
      {
        action: "update",
        entity_type: "Task",
        entity_key: [DEMO.task.id],
        entity_data: { thumbnail_id: null },
      },
      {
        action: "create",
        entity_type: "FileComponent",
        entity_data: { name: "x", file_type: ".png", size: 1 },
      },
      { action: "delete", entity_type: "FileComponent", entity_key: [DEMO.components.spareServer] },
    ];
    for (const write of writes) {
      const { json } = await postApi(emulator, [write], as(dave.username));
      expect(json.exception, write.action).toBe("PermissionError");
    }
    expect(emulator.store.get(["Task"], DEMO.task.id)?.attrs.thumbnail_id).toBe(
      DEMO.thumbnails[DEMO.task.id],
    );
    expect(emulator.store.get(["FileComponent"], DEMO.components.spareServer)).toBeDefined();
  });
});

describe("roles given to startEmulator", () => {
  it("replace the demo's roles", async () => {
    const custom = await startEmulator({ port: 0, roles: { [alice.username]: { readOnly: true } } });
    try {
      const update = (username: string) =>
        postApi(
          custom,
          [
            {
              action: "update",
              entity_type: "Task",
              entity_key: [DEMO.task.id],
              entity_data: { description: username },
            },
          ],
          as(username),
        );
      expect((await update(alice.username)).json.exception).toBe("PermissionError");
      // dave's demo role no longer applies.
      expect((await update(dave.username)).json[0].data.description).toBe(dave.username);
    } finally {
      await custom.close();
    }
  });
});
