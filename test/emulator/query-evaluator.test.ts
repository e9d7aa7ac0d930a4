import { describe, expect, it } from "vitest";
import { EmulatorError } from "../../src/emulator/emulator.errors.js";
import { entityRow, runQuery } from "../../src/emulator/query-evaluator.js";
import { OBJECT_TYPE_IDS } from "../../src/emulator/schemas.js";
import { errorOf, seededRandom } from "./emulator.helpers.js";
import { studio } from "./memory-reader.js";

const names = (rows: Record<string, unknown>[]) => rows.map((r) => r.name);

describe("runQuery", () => {
  it("returns projected rows with type, id and system attributes", () => {
    const { db, ids } = studio();
    const { data, next } = runQuery(`select name, created_at from Task where name is "comp"`, db);
    expect(next).toBeNull();
    expect(data).toEqual([
      {
        __entity_type__: "Task",
        id: ids.task1,
        name: "comp",
        created_at: "2024-01-05T10:30:00.000Z",
        context_type: "task",
        project_id: ids.project,
        object_type_id: OBJECT_TYPE_IDS.Task,
      },
    ]);
  });

  it("uses default projections without select, and resolves the Show alias", () => {
    const { db, ids } = studio();
    expect(runQuery(`from Show where name is "alpha"`, db).data).toEqual([
      { __entity_type__: "Project", id: ids.project, context_type: "show", name: "alpha" },
    ]);
  });

  it("returns every concrete type for base types", () => {
    const { db } = studio();
    const context = runQuery("select name from Context", db).data;
    expect(context.map((r) => r.__entity_type__)).toEqual([
      "Project",
      "Sequence",
      "Shot",
      "Shot",
      "Task",
      "Task",
      "Scene",
      "Project",
    ]);
    const typed = runQuery(
      `select name, object_type.name from TypedContext where object_type.name is "Scene"`,
      db,
    );
    expect(typed.data).toHaveLength(0); // the reader holds no ObjectType rows
    db.add("ObjectType", { id: OBJECT_TYPE_IDS.Scene, name: "Scene" });
    const scene = runQuery(
      `select name, object_type.name from TypedContext where object_type.name is "Scene"`,
      db,
    );
    expect(scene.data).toMatchObject([
      { __entity_type__: "Scene", name: "scene A", object_type: { name: "Scene" } },
    ]);
    expect(runQuery("select name from TypedContext where object_type.name is Scene", db).data).toEqual(
      scene.data.map(({ object_type: _, ...row }) => row),
    );
    const scenes = runQuery(
      `select name, object_type_id from TypedContext where object_type_id is ${OBJECT_TYPE_IDS.Scene}`,
      db,
    );
    expect(names(scenes.data)).toEqual(["scene A"]);
    expect(runQuery("select id, system_type from Component", db).data).toEqual([
      expect.objectContaining({ __entity_type__: "FileComponent", system_type: "file" }),
    ]);
    expect(
      runQuery('select name from Context where context_type is "show"', db).data.map((r) => r.name),
    ).toEqual(["alpha", "beta"]);
  });

  it("builds nested objects for dotted projections, arrays for collections", () => {
    const { db, ids } = studio();
    const [version] = runQuery(
      `select version, asset.name, asset.parent.name, asset.versions.version, task.parent.parent.name, thumbnail.component_locations.resource_identifier from AssetVersion where version is 1`,
      db,
    ).data;
    expect(version).toMatchObject({
      __entity_type__: "AssetVersion",
      id: ids.v1,
      version: 1,
      asset_id: ids.asset,
      asset: {
        __entity_type__: "Asset",
        id: ids.asset,
        context_id: ids.shot1,
        name: "plate",
        parent: { __entity_type__: "Shot", id: ids.shot1, name: "sh010" },
        versions: [
          { __entity_type__: "AssetVersion", id: ids.v1, version: 1 },
          { __entity_type__: "AssetVersion", id: ids.v3, version: 3 },
          { __entity_type__: "AssetVersion", id: ids.v2, version: 2 },
        ],
      },
      task: { __entity_type__: "Task", parent: { parent: { __entity_type__: "Sequence", name: "sq01" } } },
      thumbnail: null,
    });
    const [task] = runQuery(
      `select thumbnail.component_locations.resource_identifier, thumbnail.component_locations.location.name, parent from Task where id is ${ids.task1}`,
      db,
    ).data;
    expect(task.thumbnail).toMatchObject({
      __entity_type__: "FileComponent",
      id: ids.thumb,
      component_locations: [
        {
          __entity_type__: "ComponentLocation",
          resource_identifier: ids.thumb,
          location: { name: "ftrack.server" },
        },
      ],
    });
    expect(task.parent).toEqual({
      __entity_type__: "Shot",
      id: ids.shot1,
      context_type: "task",
      project_id: ids.project,
      object_type_id: OBJECT_TYPE_IDS.Shot,
    });
  });

  it("computes is_latest_version, latest_version, context_type and ancestors", () => {
    const { db, ids } = studio();
    const versions = runQuery(
      "select version, is_latest_version from AssetVersion order by version",
      db,
    ).data;
    expect(versions.map((v) => [v.version, v.is_latest_version])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    expect(runQuery("select latest_version.version from Asset", db).data[0].latest_version).toMatchObject({
      id: ids.v3,
      version: 3,
    });
    expect(
      runQuery("select id from AssetVersion where is_latest_version is true", db).data.map((r) => r.id),
    ).toEqual([ids.v3]);
    const [task] = runQuery(`select ancestors.name from Task where id is ${ids.task1}`, db).data;
    expect(names(task.ancestors as Record<string, unknown>[])).toEqual(["sq01", "sh010"]);
    expect(names(runQuery(`select name from Task where ancestors any (name is "sq01")`, db).data)).toEqual([
      "comp",
      "Anim_100%",
    ]);
  });

  it("pages with offset and limit and reports the next offset", () => {
    const { db } = studio();
    const q = (tail: string) => runQuery(`select name from Context order by name ${tail}`, db);
    expect(q("limit 3")).toMatchObject({
      next: 3,
      data: [{ name: "Anim_100%" }, { name: "alpha" }, { name: "beta" }],
    });
    expect(q("offset 3 limit 3")).toMatchObject({
      next: 6,
      data: [{ name: "comp" }, { name: "scene A" }, { name: "sh010" }],
    });
    expect(q("offset 6 limit 3")).toMatchObject({ next: null, data: [{ name: "sh020" }, { name: "sq01" }] });
    expect(q("offset 5 limit 3").next).toBeNull();
    expect(q("offset 20").data).toEqual([]);
    expect(q("").next).toBeNull();
  });

  it("sorts stably with none last, in either direction, by several keys and dotted paths", () => {
    const { db } = studio();
    expect(names(runQuery("select name, description from Shot order by description", db).data)).toEqual([
      "sh010",
      "sh020",
    ]);
    expect(names(runQuery("select name from Shot order by description desc", db).data)).toEqual([
      "sh010",
      "sh020",
    ]);
    expect(names(runQuery("select name from TypedContext order by parent.name desc, name", db).data)).toEqual(
      ["sh010", "sh020", "Anim_100%", "comp", "scene A", "sq01"],
    );
    expect(names(runQuery("select name from Context order by created_at desc limit 2", db).data)).toEqual([
      "scene A",
      "Anim_100%",
    ]);
  });

  it("supports each comparison operator", () => {
    const { db, ids } = studio();
    const v = (where: string) =>
      runQuery(`select version from AssetVersion where ${where} order by version`, db).data.map(
        (r) => r.version,
      );
    expect(v("version is 2")).toEqual([2]);
    expect(v("version = 2")).toEqual([2]);
    expect(v("version is_not 2")).toEqual([1, 3]);
    expect(v("version != 2")).toEqual([1, 3]);
    expect(v("version < 2")).toEqual([1]);
    expect(v("version > 2")).toEqual([3]);
    expect(v("version <= 2")).toEqual([1, 2]);
    expect(v("version >= 2")).toEqual([2, 3]);
    expect(v("version in (1, 3)")).toEqual([1, 3]);
    expect(v("version not_in (1, 3)")).toEqual([2]);
    expect(v(`date > "2024-02-01T12:00:00"`)).toEqual([2, 3]);
    expect(v(`date >= "2024-02-02 13:00:00+01:00"`)).toEqual([2, 3]);
    expect(v(`date after "2024-02-02"`)).toEqual([2, 3]);
    expect(v(`date before "2024-02-02"`)).toEqual([1]);
    expect(v(`date is "2024-02-03T12:00:00"`)).toEqual([3]);
    expect(v(`user.username is "jane" and asset.parent.name is "sh010"`)).toEqual([1, 2, 3]);
    expect(v(`asset.parent.id is ${ids.shot1}`)).toEqual([1, 2, 3]);
    expect(v(`not version is 1`)).toEqual([2, 3]);
    expect(v(`version is 1 or (version is 3 and not user_id is none)`)).toEqual([1, 3]);
  });

  it("matches like case-insensitively (as ftrack does) with % and _ and escapes", () => {
    const { db } = studio();
    const n = (where: string) =>
      names(runQuery(`select name from TypedContext where ${where} order by name`, db).data);
    expect(n(`name like "sh%"`)).toEqual(["sh010", "sh020"]);
    expect(n(`name like "sh0_0"`)).toEqual(["sh010", "sh020"]);
    expect(n(`name like "%ANIM%"`)).toEqual(["Anim_100%"]);
    expect(n(`name like "%nim%"`)).toEqual(["Anim_100%"]);
    expect(n(`name like "%\\\\_100\\\\%"`)).toEqual(["Anim_100%"]);
    expect(n(`name like "%\\\\%%"`)).toEqual(["Anim_100%"]);
    expect(n(`name not_like "s%"`)).toEqual(["Anim_100%", "comp"]);
    expect(n(`name like "%-(.*)[x]%"`)).toEqual([]);
    expect(n(`description like "%"`)).toEqual(["sh010"]);
  });

  it("handles none and broken reference chains", () => {
    const { db } = studio();
    expect(
      names(runQuery("select name from Context where parent_id is none order by name", db).data),
    ).toEqual(["alpha", "beta"]);
    expect(
      names(runQuery("select name from Context where parent.name is none order by name", db).data),
    ).toEqual(["alpha", "beta"]);
    expect(names(runQuery("select name from Context where parent is none order by name", db).data)).toEqual([
      "alpha",
      "beta",
    ]);
    expect(names(runQuery("select name from Task where thumbnail_id is_not none", db).data)).toEqual([
      "comp",
    ]);
    expect(names(runQuery("select name from Shot where description is none", db).data)).toEqual(["sh020"]);
  });

  it("supports has and any, nested and negated", () => {
    const { db, ids } = studio();
    expect(
      names(
        runQuery(
          `select name from Task where parent has (name is "sh010" and parent has (name is "sq01"))`,
          db,
        ).data,
      ),
    ).toEqual(["comp", "Anim_100%"]);
    expect(names(runQuery(`select name from Asset where versions any (version is 3)`, db).data)).toEqual([
      "plate",
    ]);
    expect(runQuery(`select name from Asset where versions any (version is 4)`, db).data).toEqual([]);
    expect(names(runQuery(`select name from Shot where not assets any (name is "plate")`, db).data)).toEqual([
      "sh020",
    ]);
    expect(
      names(
        runQuery(`select name from Shot where children any (thumbnail has (file_type is ".png"))`, db).data,
      ),
    ).toEqual(["sh010"]);
    expect(
      names(
        runQuery(`select name from Project where children any (children any (name like "sh%"))`, db).data,
      ),
    ).toEqual(["alpha"]);
    expect(
      runQuery(
        `select id from User where thumbnail.component_locations any (location.name is "ftrack.server")`,
        db,
      ).data.map((r) => r.id),
    ).toEqual([ids.user]);
  });

  it("evaluates subqueries once", () => {
    const { db } = studio();
    const rows = runQuery(
      `select name from Task where id in (select task_id from AssetVersion where version > 2)`,
      db,
    ).data;
    expect(names(rows)).toEqual(["comp"]);
    expect(
      names(runQuery(`select name from Task where id not_in (select task_id from AssetVersion)`, db).data),
    ).toEqual(["Anim_100%"]);
    expect(
      names(
        runQuery(
          `select name from Context where id in (select context_id from Asset where versions any (version is 1))`,
          db,
        ).data,
      ),
    ).toEqual(["sh010"]);
    db.calls.scan = 0;
    runQuery(`select name from Context where id in (select parent_id from Context)`, db);
    expect(db.calls.scan).toBe(2);
  });

  it("looks ids up instead of scanning", () => {
    const { db, ids } = studio();
    const many = Array.from(
      { length: 500 },
      (_, i) => `aaaaaaaa-0000-4000-8000-${String(i).padStart(12, "0")}`,
    );
    const list = [...many, ids.task2, ids.task1, ids.shot1].join(", ");
    const { data } = runQuery(
      `select name from Task where id in (${list}) and name is_not "x" order by name`,
      db,
    );
    expect(names(data)).toEqual(["Anim_100%", "comp"]);
    expect(db.calls.scan).toBe(0);
    expect(db.calls.get).toBe(503);
    expect(runQuery(`select name from Task where id is ${ids.task1}`, db).data).toHaveLength(1);
    expect(db.calls.scan).toBe(0);
    runQuery(`select version from AssetVersion where asset_id is ${ids.asset}`, db);
    expect(db.calls.scan).toBe(0);
  });

  it("rejects unknown types and attributes like ftrack", () => {
    const { db } = studio();
    expect(errorOf(() => runQuery("select id from Foo", db))).toMatchObject({
      exception: "ValidationError",
      message: 'Entity type "Foo" not found.',
    });
    expect(errorOf(() => runQuery("select bar from Task", db)).message).toBe(
      '"bar" is not a valid attribute of "Task".',
    );
    expect(errorOf(() => runQuery("select parent.description from Task", db)).message).toBe(
      '"description" is not a valid attribute of "Context".',
    );
    expect(errorOf(() => runQuery(`select id from Task where time_logged > 1`, db)).message).toMatch(
      /"time_logged" is not a valid attribute of "Task"/,
    );
    expect(errorOf(() => runQuery(`select id from Task where link like "%x%"`, db)).message).toMatch(
      /"link" of "Task" can be selected but not filtered or sorted on/,
    );
    expect(errorOf(() => runQuery("select id from Task order by thumbnail_url", db)).message).toMatch(
      /not filtered or sorted on/,
    );
    expect(errorOf(() => runQuery("select name.x from Task", db)).message).toMatch(/not a relation/);
    expect(errorOf(() => runQuery(`select id from Task where parent any (name is "x")`, db)).message).toMatch(
      /use "has"/,
    );
    expect(
      errorOf(() => runQuery(`select id from Asset where versions has (version is 1)`, db)).message,
    ).toMatch(/use "any"/);
    expect(errorOf(() => runQuery(`select id from Asset where versions is 1`, db)).message).toMatch(
      /collection/,
    );
    expect(
      errorOf(() => runQuery(`select id from Task where id in (select id, name from Task)`, db)).message,
    ).toMatch(/exactly one/);
    expect(
      errorOf(() => runQuery(`select id from Task where id in (select nope from Task)`, db)).message,
    ).toMatch(/"nope"/);
    expect(errorOf(() => runQuery("select id from Task order by nope", db)).message).toMatch(/"nope"/);
  });

  it("builds a row of the stored values for create answers, or of given projections", () => {
    const { db, ids } = studio();
    const component = db.entities.get(ids.thumb)!;
    expect(entityRow(db, component)).toEqual({
      __entity_type__: "FileComponent",
      id: ids.thumb,
      name: "thumbnail",
      file_type: ".png",
      size: 883,
      system_type: "file",
      version_id: ids.v1,
    });
    expect(entityRow(db, db.entities.get(ids.user)!, ["username"])).toEqual({
      __entity_type__: "User",
      id: ids.user,
      username: "jane",
      resource_type: "user",
    });
  });

  it("only ever throws EmulatorError on mutated queries (fuzz)", () => {
    const { db, ids } = studio();
    const random = seededRandom(7);
    const words = [
      "id",
      "name",
      "parent",
      "parent.name",
      "versions",
      "asset.versions.version",
      "is",
      "in",
      "any",
      "has",
      "not",
      "and",
      "or",
      "(",
      ")",
      `"sh%"`,
      "none",
      "1",
      ids.task1,
      "select",
      "from",
      "Context",
      "Asset",
      "order by",
      "limit 1",
      "like",
      ",",
    ];
    const samples = [
      `select name, parent.name from Context where (name like "sh%" or id in (${ids.shot1})) and not parent has (name is "sq01") order by name desc offset 1 limit 2`,
      `select version, asset.versions.version from AssetVersion where asset has (versions any (version > 1)) and task_id in (select id from Task)`,
    ];
    let answered = 0;
    for (let n = 0; n < 1500; n++) {
      const tokens = samples[n % 2].split(" ");
      for (let k = 0; k < 2; k++)
        tokens[Math.floor(random() * tokens.length)] = words[Math.floor(random() * words.length)];
      const text = tokens.join(" ");
      try {
        runQuery(text, db);
        answered++;
      } catch (e) {
        expect(e, text).toBeInstanceOf(EmulatorError);
      }
    }
    expect(answered).toBeGreaterThan(0);
  });
});
