/** The grouped list loaders: one query for many parents, split per parent, null when cut. */
import { describe, expect, it } from "vitest";
import type { PlannedLoaderRuntime } from "../../src/ftrack/entity.loaders.js";
import type { Query } from "../../src/ftrack/expression.js";
import type { FtrackEntity } from "../../src/ftrack/ftrack.types.js";
import { createListLoaders, GROUPED_LIST_ROW_CAP } from "../../src/ftrack/list.loaders.js";

const TASK_A = "aaaaaaaa-0000-5000-8000-000000000001";
const TASK_B = "bbbbbbbb-0000-5000-8000-000000000002";
const TASK_C = "cccccccc-0000-5000-8000-000000000003";

const version = (n: number, taskId: string) => ({
  __entity_type__: "AssetVersion",
  id: `${n.toString(16).padStart(8, "0")}-0000-5000-8000-00000000000${n % 10}`,
  version: n,
  task_id: taskId,
});

/** A runtime whose reads answer `rows(expression)`, recording each expression. */
function runtime(rows: (expression: string) => FtrackEntity[], idChunkSize = 2) {
  const calls: string[] = [];
  const rt: PlannedLoaderRuntime = {
    idChunkSize,
    batching: true,
    run: () => Promise.reject(new Error("the grouped loaders read through read()")),
    takePlan: () => undefined,
    read: async (_kind, query: Query) => {
      const expression = query.toString();
      calls.push(expression);
      return rows(expression);
    },
  };
  return { calls, rt };
}

describe("versionsByTask", () => {
  it("reads many tasks' versions with one query per chunk of ids and splits them per task", async () => {
    const { rt, calls } = runtime((expression) => {
      return [version(1, TASK_A), version(2, TASK_A), version(1, TASK_B), version(1, TASK_C)].filter((v) =>
        expression.includes(v.task_id),
      );
    });
    const loaders = createListLoaders(rt);
    const [a, b, c, bad] = await Promise.all([
      loaders.versionsByTask.load(TASK_A),
      loaders.versionsByTask.load(TASK_B),
      loaders.versionsByTask.load(TASK_C),
      loaders.versionsByTask.load("not an id"),
    ]);
    expect(a!.map((v) => v.version)).toEqual([1, 2]);
    expect(b!.map((v) => v.taskId)).toEqual([TASK_B]);
    expect(c).toHaveLength(1);
    expect(bad).toEqual([]);
    // idChunkSize 2: two queries for three tasks, each `task_id in (...)`, ordered, capped.
    expect(calls).toHaveLength(2);
    expect(calls[0]).toBe(
      "select id, version, comment, asset_id, task_id, user_id, is_latest_version, thumbnail_id " +
        "from AssetVersion " +
        `where task_id in (${TASK_A}, ${TASK_B}) order by version asc, id asc limit ${GROUPED_LIST_ROW_CAP + 1}`,
    );
  });

  it("answers null (read each on its own) when the grouped query reaches its row cap", async () => {
    const { rt } = runtime(() =>
      Array.from({ length: GROUPED_LIST_ROW_CAP + 1 }, (_, i) => version(i + 1, TASK_A)),
    );
    const loaders = createListLoaders(rt);
    expect(await loaders.versionsByTask.load(TASK_A)).toBeNull();
  });

  it("rejects the loads of a chunk whose query failed, only those", async () => {
    const { rt } = runtime((expression) => {
      if (expression.includes(TASK_B)) throw new Error("boom");
      return [version(1, TASK_A)];
    }, 1);
    const loaders = createListLoaders(rt);
    const [a, b] = await Promise.allSettled([
      loaders.versionsByTask.load(TASK_A),
      loaders.versionsByTask.load(TASK_B),
    ]);
    expect(a).toMatchObject({ status: "fulfilled", value: [{ taskId: TASK_A }] });
    expect(b).toMatchObject({ status: "rejected", reason: { message: "boom" } });
  });
});
