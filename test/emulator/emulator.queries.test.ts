/**
 * The query language as the service's next features use it, through ftrack's JS client and over raw
 * HTTP: walking up and down the tree (`ancestors`, `descendants`, `link`), several sort keys and
 * dotted sort paths, subqueries, and dotted projections through to-one relations, normalised and
 * denormalised as ftrack encodes them.
 */
import { Session } from "@ftrack/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, type RunningEmulator } from "../../src/emulator/index.js";
import type { StoredEntity } from "../../src/emulator/store.types.js";
import { type Json, postApi, startWithSession } from "./emulator.helpers.js";

let emulator: RunningEmulator;
let session: Session;

beforeAll(async () => {
  ({ emulator, session } = await startWithSession());
});
afterAll(() => emulator?.close());

const TYPED = ["Task", "Shot", "Sequence", "Episode", "AssetBuild", "Folder", "Milestone", "Scene"];
const stored = (id: string): StoredEntity => emulator.store.get([...TYPED, "Project"], id)!;

/** TypedContexts above an entity in the store, root first: what `ancestors` must answer. */
function storedAncestors(id: string): StoredEntity[] {
  const chain: StoredEntity[] = [];
  for (let parent = stored(stored(id).attrs.parent_id as string); parent.type !== "Project"; ) {
    chain.unshift(parent);
    parent = stored(parent.attrs.parent_id as string);
  }
  return chain;
}

const ids = (rows: Json[]) => rows.map((row) => row.id);

describe("walking up the tree", () => {
  it("projects ancestors with their thumbnails for many entities in one query", async () => {
    const entities = [
      DEMO.task.id,
      DEMO.taskWithoutThumbnail.id,
      DEMO.shot.id,
      DEMO.scene.id,
      DEMO.assetBuild.id,
    ];
    const { data } = await session.query(
      `select id, ancestors.id, ancestors.thumbnail_id from TypedContext where id in (${entities.join(", ")})`,
    );
    expect(new Set(ids(data))).toEqual(new Set(entities));
    for (const row of data) {
      const expected = storedAncestors(row.id);
      expect(ids(row.ancestors), row.id).toEqual(expected.map((e) => e.id));
      expect(row.ancestors.map((a: Json) => a.thumbnail_id)).toEqual(
        expected.map((e) => e.attrs.thumbnail_id),
      );
    }
    // The task without a thumbnail sits under SH030, SQ010, EP01: the nearest one with a thumbnail is SH030.
    const lighting = data.find((row: Json) => row.id === DEMO.taskWithoutThumbnail.id);
    expect(lighting?.ancestors.at(-1).thumbnail_id).toBe(
      DEMO.thumbnails[stored(DEMO.taskWithoutThumbnail.id).attrs.parent_id as string],
    );
  });

  it("filters on ancestors with any, and on to-one relations with has", async () => {
    const under = await session.query(`select id from Task where ancestors any (id is ${DEMO.sequence.id})`);
    const expected = emulator.store
      .findBy(["Task"], "project_id", DEMO.projects.aurora.id)
      .filter((task) => storedAncestors(task.id).some((a) => a.id === DEMO.sequence.id));
    expect(new Set(ids(under.data))).toEqual(new Set(expected.map((t) => t.id)));
    expect(expected.length).toBe(9);

    const named = await session.query(
      `select id from Task where ancestors any (name is "SH010") and name is "Compositing"`,
    );
    expect(ids(named.data)).toEqual([DEMO.task.id]);
    const byParent = await session.query(
      `select id from Task where parent has (name is "SH010" and thumbnail_id != none)`,
    );
    expect(new Set(ids(byParent.data))).toEqual(
      new Set(emulator.store.findBy(["Task"], "parent_id", DEMO.shot.id).map((t) => t.id)),
    );
    // ancestors is a collection: "has" is refused with a clear message.
    const wrong = await postApi(emulator, [
      { action: "query", expression: `select id from Task where ancestors has (name is "SH010")` },
    ]);
    expect(wrong.json.content).toMatch(/use "any"/);
  });

  it("walks down with descendants, from a context or a project", async () => {
    const { data } = await session.query(
      `select descendants.id from TypedContext where id is ${DEMO.sequence.id}`,
    );
    const below = emulator.store
      .findBy(TYPED, "project_id", DEMO.projects.aurora.id)
      .filter((c) => storedAncestors(c.id).some((a) => a.id === DEMO.sequence.id));
    expect(new Set(ids(data[0].descendants))).toEqual(new Set(below.map((c) => c.id)));
    const project = await session.query(
      `select descendants.id from Project where id is ${DEMO.projects.borealis.id}`,
    );
    expect(project.data[0].descendants.length).toBe(
      emulator.store.findBy(TYPED, "project_id", DEMO.projects.borealis.id).length,
    );
    const shots = await session.query(
      `select name from Sequence where descendants any (name is "Lighting" and thumbnail_id is none)`,
    );
    expect(shots.data.map((s: Json) => s.name)).toEqual([DEMO.sequence.name]);
  });

  it("selects link for many entities at once, each from its project down", async () => {
    const entities = [DEMO.task.id, DEMO.milestone.id, DEMO.shots.sh100.id];
    const { data } = await session.query(
      `select link from TypedContext where id in (${entities.join(", ")})`,
    );
    for (const row of data) {
      const chain = [
        stored(stored(row.id).attrs.project_id as string),
        ...storedAncestors(row.id),
        stored(row.id),
      ];
      expect(row.link).toEqual(
        chain.map((e) => ({
          id: e.id,
          name: e.attrs.name,
          type: e.type === "Project" ? "Project" : "TypedContext",
        })),
      );
    }
  });
});

describe("sorting and subqueries", () => {
  it("orders by several attributes and dotted paths", async () => {
    const { data } = await session.query(
      `select version, date, asset.name from AssetVersion where asset.context_id is ${DEMO.shot.id} order by asset.name, version desc, date desc`,
    );
    const keys = data.map((v: Json) => `${v.asset.name} ${v.version}`);
    expect(keys).toEqual([
      "SH010_anim 3",
      "SH010_anim 2",
      "SH010_anim 1",
      "SH010_comp 3",
      "SH010_comp 2",
      "SH010_comp 1",
    ]);
    const latest = await session.query(
      `select version from AssetVersion where task_id is ${DEMO.task.id} order by version desc, date desc limit 1`,
    );
    expect(latest.data.map((v: Json) => v.id)).toEqual([DEMO.asset.versionIds[2]]);
  });

  it("answers subqueries in in (select id from ... where ...)", async () => {
    const { data } = await session.query(
      `select id from AssetVersion where task_id in (select id from Task where parent_id is ${DEMO.shot.id} and name is "Compositing") order by version`,
    );
    expect(ids(data)).toEqual(DEMO.asset.versionIds);
    const none = await session.query(
      `select id from Task where id in (select parent_id from Task where name is "Nothing like this")`,
    );
    expect(none.data).toEqual([]);
    const notIn = await session.query(
      `select id from Task where parent_id is ${DEMO.shot.id} and id not_in (select task_id from AssetVersion)`,
    );
    expect(notIn.data.length).toBe(1);
  });
});

describe("dotted projections through to-one relations", () => {
  const TASKS = `select name, thumbnail_id, project.name, project.thumbnail_id, parent.name from Task where parent_id is ${DEMO.shot.id} order by name`;
  const VERSIONS = `select version, asset.parent.name, task.name, user.username from AssetVersion where asset_id is ${DEMO.asset.id} order by version`;

  it("normalises: a shared entity whole the first time, then as a stub; the client rebuilds the objects", async () => {
    const [raw] = (await postApi(emulator, [{ action: "query", expression: TASKS }])).json;
    const project = { __entity_type__: "Project", id: DEMO.projects.aurora.id };
    const [first, ...rest] = raw.data;
    expect(first.project).toEqual({
      ...project,
      context_type: "show",
      name: DEMO.projects.aurora.name,
      thumbnail_id: DEMO.thumbnails[DEMO.projects.aurora.id],
    });
    for (const row of rest) expect(row.project).toEqual(project);
    expect(rest.map((row: Json) => row.parent)).toEqual(
      rest.map(() => ({ __entity_type__: "Shot", id: DEMO.shot.id })),
    );

    const { data } = await session.query(TASKS);
    expect(data.map((t: Json) => [t.name, t.parent.name, t.project.name])).toEqual(
      ["Animation", "Compositing", "Lighting"].map((name) => [
        name,
        DEMO.shot.name,
        DEMO.projects.aurora.name,
      ]),
    );
    expect(data[0].project).toBe(data[2].project);
    expect(data[2].project.thumbnail_id).toBe(DEMO.thumbnails[DEMO.projects.aurora.id]);

    const versions = await session.query(VERSIONS);
    expect(
      versions.data.map((v: Json) => [v.version, v.asset.parent.name, v.task.name, v.user.username]),
    ).toEqual([1, 2, 3].map((n) => [n, DEMO.shot.name, DEMO.task.name, DEMO.users.alice.username]));
  });

  it("denormalises with ftrack-api-options denormalize:1: every occurrence whole", async () => {
    const headers = { "ftrack-api-options": "strict:1;denormalize:1" };
    const [raw] = (await postApi(emulator, [{ action: "query", expression: TASKS }], headers)).json;
    for (const row of raw.data) {
      expect(row.project).toMatchObject({
        name: DEMO.projects.aurora.name,
        thumbnail_id: DEMO.thumbnails[DEMO.projects.aurora.id],
      });
      expect(row.parent).toMatchObject({ __entity_type__: "Shot", name: DEMO.shot.name });
    }
    const [versions] = (await postApi(emulator, [{ action: "query", expression: VERSIONS }], headers)).json;
    for (const v of versions.data) {
      expect(v.asset.parent).toMatchObject({ name: DEMO.shot.name });
      expect(v.task).toMatchObject({ name: DEMO.task.name });
      expect(v.user).toMatchObject({ username: DEMO.users.alice.username, resource_type: "user" });
    }
    // The JS client asks for it with ensureSerializableResponse: no shared objects, no cycles.
    const plain = new Session(emulator.url, emulator.apiUser, emulator.apiKey, {
      ensureSerializableResponse: true,
    });
    const { data } = await plain.query(TASKS);
    expect(data[0].project).not.toBe(data[1].project);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});
