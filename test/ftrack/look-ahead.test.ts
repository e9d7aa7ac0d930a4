/**
 * The ftrack side of look-ahead, against a fake POST: the expressions a plan adds (dotted
 * projections, typed paths for a context's parent, subqueries without limit), and what is primed
 * when a speculative query comes back whole, cut at its cap, or refused.
 */
import { describe, expect, it } from "vitest";
import type { RecordKind } from "../../src/ftrack/entity.mappers.js";
import { eq, id, inSubquery, select } from "../../src/ftrack/expression.js";
import type { FtrackEntity } from "../../src/ftrack/ftrack.types.js";
import { type LookAheadTarget, readAhead, SPECULATIVE_ROW_CAP } from "../../src/ftrack/look-ahead.js";
import { emptyPlan, planWith as plan, type ReadPlan } from "../../src/ftrack/read-plan.js";

const PROJECT = "aaaaaaaa-0000-5000-8000-000000000001";
const TASK_A = "bbbbbbbb-0000-5000-8000-000000000002";
const TASK_B = "cccccccc-0000-5000-8000-000000000003";

const task = (taskId: string) => ({
  __entity_type__: "Task",
  id: taskId,
  name: "Compositing",
  parent_id: PROJECT,
  project_id: PROJECT,
  thumbnail_id: null,
  object_type: { __entity_type__: "ObjectType", id: "1a", name: "Task" },
  project: {
    __entity_type__: "Project",
    id: PROJECT,
    name: "aurora",
    full_name: "Aurora",
    thumbnail_id: null,
  },
  ancestors: [],
});
const version = (n: number, taskId: string) => ({
  __entity_type__: "AssetVersion",
  id: `${n.toString(16).padStart(8, "0")}-0000-5000-8000-000000000009`,
  version: n,
  task_id: taskId,
});

/** A fake POST: answers each expression with `answer(expression)` (throwing refuses it). */
function target(answer: (expression: string) => unknown[]) {
  const expressions: string[] = [];
  const primed: [RecordKind, string][] = [];
  const lists = new Map<string, unknown[]>();
  const lacks = new Map<string, ReadonlySet<string>>();
  const t: LookAheadTarget = {
    async query(expression) {
      expressions.push(expression);
      return { action: "query", data: answer(expression) };
    },
    prime: (kind, record) => primed.push([kind, record.id]),
    primeList: (key, list) => {
      lists.set(key, list.records);
      lacks.set(key, list.lacks);
    },
  };
  return { t, expressions, primed, lists, lacks };
}

const tasksOfProject = () =>
  select("id", "name", "parent_id", "project_id", "thumbnail_id", "object_type.name")
    .from("TypedContext")
    .where(eq("project_id", id(PROJECT)))
    .orderBy("name")
    .offset(0)
    .limit(51);

/** Versions under each row, showing properties `fields` of theirs ("all": any). */
const versionsShowing = (fields: ReadPlan["fields"], one: ReadPlan["one"] = {}) =>
  plan({ lists: [{ list: "versions", filter: {}, limit: 5, plan: plan({ one, fields }) }] });
const versionsPlan = versionsShowing("all");
/** What a page of 51 tasks (limit 51) asking 5 versions each may bring: 4 times the 51 x 6 rows it needs. */
const VERSIONS_CAP = 51 * 6 * 4;

describe("readAhead", () => {
  it("projects to-one relations into the query and primes what they bring", async () => {
    const { t, expressions, primed } = target(() => [task(TASK_A)]);
    const rows = await readAhead(
      t,
      "TypedContext",
      tasksOfProject(),
      plan({ one: { project: emptyPlan() } }),
    );
    expect(rows.map((r) => r.id)).toEqual([TASK_A]);
    expect(expressions).toEqual([
      `select id, name, parent_id, project_id, thumbnail_id, object_type.name, project.id, project.name, ` +
        `project.full_name, project.thumbnail_id from TypedContext where project_id is ${PROJECT} ` +
        "order by name asc offset 0 limit 51",
    ]);
    expect(primed).toEqual([["Project", PROJECT]]);
  });

  it("reads a context's parent through its typed project and ancestors, never parent.<attribute>", async () => {
    const { t, expressions } = target(() => [task(TASK_A)]);
    await readAhead(
      t,
      "TypedContext",
      tasksOfProject(),
      plan({ one: { parent: plan({ one: { thumbnail: emptyPlan() } }) } }),
    );
    expect(expressions[0]).toMatch(/ ancestors\.object_type\.name, /);
    expect(expressions[0]).toMatch(/ ancestors\.thumbnail\.id, /);
    expect(expressions[0]).toMatch(/ project\.full_name, /);
    expect(expressions[0]).toMatch(/ project\.thumbnail\.size, /);
    expect(expressions[0]).not.toMatch(/parent\./);
  });

  it("asks a list under the rows in the same POST, from their condition, with no limit inside the subquery", async () => {
    const { t, expressions, lists } = target((e) =>
      e.includes("from AssetVersion")
        ? [version(1, TASK_A), version(2, TASK_A)]
        : [task(TASK_A), task(TASK_B)],
    );
    await readAhead(t, "TypedContext", tasksOfProject(), versionsPlan);
    expect(expressions[1]).toBe(
      "select id, version, comment, asset_id, task_id, user_id, is_latest_version, thumbnail_id " +
        "from AssetVersion " +
        `where task_id in (select id from TypedContext where project_id is ${PROJECT}) ` +
        `order by version asc, id asc limit ${VERSIONS_CAP + 1}`,
    );
    // Every row's list is whole, an empty one included.
    expect([...lists.keys()]).toEqual([`versionsByTask||${TASK_A}`, `versionsByTask||${TASK_B}`]);
    expect((lists.get(`versionsByTask||${TASK_A}`) as { version: number }[]).map((v) => v.version)).toEqual([
      1, 2,
    ]);
    expect(lists.get(`versionsByTask||${TASK_B}`)).toEqual([]);
  });

  it("reads a list's records with only what their selection shows, and keeps them out of the loaders", async () => {
    const { t, expressions, lists, lacks, primed } = target((e) =>
      e.includes("from AssetVersion") ? [version(1, TASK_A)] : [task(TASK_A)],
    );
    await readAhead(
      t,
      "TypedContext",
      tasksOfProject(),
      versionsShowing(new Set(["version", "thumbnailId"])),
    );
    expect(expressions[1]).toMatch(/^select id, version, task_id, thumbnail_id from AssetVersion where/);
    const key = `versionsByTask||${TASK_A}`;
    expect(lists.get(key)).toEqual([
      expect.objectContaining({ id: version(1, TASK_A).id, version: 1, comment: null, userId: null }),
    ]);
    expect(lacks.get(key)).toEqual(new Set(["comment", "assetId", "userId", "isLatestVersion"]));
    expect(primed.filter(([kind]) => kind === "AssetVersion")).toEqual([]);
  });

  it("reads the attributes a selection shows and the ids of the relations it follows", async () => {
    const { t, expressions } = target(() => []);
    await readAhead(
      t,
      "TypedContext",
      tasksOfProject(),
      versionsShowing(new Set(["comment"]), { user: emptyPlan() }),
    );
    expect(expressions[1]).toMatch(
      /^select id, version, comment, task_id, user_id, thumbnail_id, user\.id, user\.username, /,
    );
  });

  it("assumes nothing of a list whose speculative query reached its cap, but keeps the records", async () => {
    const many = Array.from({ length: VERSIONS_CAP + 1 }, (_, i) => version(i + 1, TASK_A));
    const { t, lists, primed } = target((e) => (e.includes("from AssetVersion") ? many : [task(TASK_A)]));
    await readAhead(t, "TypedContext", tasksOfProject(), versionsPlan);
    expect(lists.size).toBe(0);
    expect(primed.filter(([kind]) => kind === "AssetVersion")).toHaveLength(VERSIONS_CAP);
  });

  it("sizes a speculative list by the page: parents read by id may bring the whole cap", async () => {
    const { t, expressions } = target(() => []);
    const byId = select("id", "name")
      .from("TypedContext")
      .where(eq("id", id(TASK_A)));
    await readAhead(t, "TypedContext", byId, versionsPlan);
    expect(expressions[1]).toMatch(new RegExp(`limit ${SPECULATIVE_ROW_CAP + 1}$`));
    const small = select("id", "name")
      .from("TypedContext")
      .where(eq("project_id", id(PROJECT)))
      .limit(2);
    await readAhead(t, "TypedContext", small, versionsPlan);
    // 2 x 6 x 4 = 48 rows would do; no list is asked for fewer than 100.
    expect(expressions[3]).toMatch(/limit 101$/);
  });

  it("answers the rows when ftrack refuses a speculative query, and assumes nothing of its list", async () => {
    const { t, lists } = target((e) => {
      if (e.includes("from AssetVersion")) throw new Error("ValidationError: subqueries are not allowed");
      return [task(TASK_A)];
    });
    const rows = await readAhead(t, "TypedContext", tasksOfProject(), versionsPlan);
    expect(rows.map((r) => r.id)).toEqual([TASK_A]);
    expect(lists.size).toBe(0);
  });

  it("reads an asset's parent (a Project or a TypedContext) with a query per kind", async () => {
    const { t, expressions } = target(() => []);
    const versions = select("id", "asset_id")
      .from("AssetVersion")
      .where(eq("task_id", id(TASK_A)));
    await readAhead(
      t,
      "AssetVersion",
      versions,
      plan({ one: { asset: plan({ one: { parent: emptyPlan() } }) } }),
    );
    const parents = `(select context_id from Asset where id in (select asset_id from AssetVersion where task_id is ${TASK_A}))`;
    expect(expressions.slice(1)).toEqual([
      `select id, name, full_name, thumbnail_id from Project where id in ${parents} limit ${SPECULATIVE_ROW_CAP + 1}`,
      `select id, name, context_type, parent_id, project_id, thumbnail_id, object_type.name from TypedContext where id in ${parents} limit ${SPECULATIVE_ROW_CAP + 1}`,
    ]);
  });

  it("sends the query alone when there is no plan", async () => {
    const { t, expressions } = target((): FtrackEntity[] => []);
    await readAhead(t, "TypedContext", tasksOfProject(), emptyPlan());
    expect(expressions).toHaveLength(1);
  });
});

describe("subqueries", () => {
  it("carry no order, offset or limit, and select one attribute", () => {
    const base = select("id")
      .from("Task")
      .where(eq("project_id", id(PROJECT)));
    expect(inSubquery("task_id", base).toString()).toBe(
      `task_id in (select id from Task where project_id is ${PROJECT})`,
    );
    expect(() => inSubquery("task_id", select("id").from("Task").limit(1))).toThrow(
      /no order, offset or limit/,
    );
    expect(() => inSubquery("task_id", select("id").from("Task").orderBy("name"))).toThrow(/no order/);
    expect(() => inSubquery("task_id", select("id", "name").from("Task"))).toThrow(/exactly one attribute/);
    // subquery() keeps the condition and drops paging and order.
    expect(tasksOfProject().subquery().toString()).toBe(
      `select id from TypedContext where project_id is ${PROJECT}`,
    );
  });
});
