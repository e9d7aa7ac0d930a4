/**
 * The inheritance loaders against a scripted runtime: the queries they send, lineage ordered by
 * parent ids whatever order ftrack lists `ancestors` in, a cut version answer completed task by task,
 * priming, and failures kept to their chunk.
 */
import { describe, expect, it } from "vitest";
import type { FtrackOperation } from "../../src/ftrack/ftrack.types.js";
import { createInheritanceLoaders } from "../../src/ftrack/inheritance.loaders.js";
import { GROUPED_LIST_ROW_CAP } from "../../src/ftrack/list.loaders.js";

const uuid = (n: number) => `${n.toString(16).padStart(8, "0")}-0000-5000-8000-000000000000`;
const PROJECT = uuid(1);
const EPISODE = uuid(2);
const SEQUENCE = uuid(3);
const SHOT = uuid(4);
const TASK = uuid(5);
const OTHER_TASK = uuid(6);

const context = (type: string, id: string, parentId: string, thumbnailId: string | null = null) => ({
  __entity_type__: type,
  id,
  name: type,
  parent_id: parentId,
  project_id: PROJECT,
  thumbnail_id: thumbnailId,
  object_type: { __entity_type__: "ObjectType", id: uuid(99), name: type },
});

const expressionOf = (ops: FtrackOperation[]) => (ops[0] as { expression: string }).expression;

function runtime(answer: (ops: FtrackOperation[]) => unknown[]) {
  const calls: FtrackOperation[][] = [];
  const primed: string[] = [];
  const rt = {
    idChunkSize: 2,
    batching: true,
    run: async (ops: FtrackOperation[]) => {
      calls.push(ops);
      return answer(ops);
    },
  };
  const loaders = createInheritanceLoaders(rt, {
    context: (record) => primed.push(record.id),
    version: (record) => primed.push(record.id),
  });
  return { loaders, calls, primed };
}

describe("lineage", () => {
  it("asks for the contexts with their ancestors in one query, and orders them by parent ids", async () => {
    // ftrack promises no order for ancestors: this answer lists them scrambled.
    const task = {
      ...context("Task", TASK, SHOT),
      ancestors: [
        context("Sequence", SEQUENCE, EPISODE, uuid(30)),
        context("Episode", EPISODE, PROJECT, uuid(20)),
        context("Shot", SHOT, SEQUENCE),
      ],
    };
    const { loaders, calls, primed } = runtime(() => [{ action: "query", data: [task] }]);
    const [lineage, missing, invalid] = await Promise.all([
      loaders.lineage.load(TASK),
      loaders.lineage.load(OTHER_TASK),
      loaders.lineage.load("not an id"),
    ]);
    expect(lineage!.map((c) => c.entityType)).toEqual(["Task", "Shot", "Sequence", "Episode"]);
    expect(lineage!.map((c) => c.thumbnailId)).toEqual([null, null, uuid(30), uuid(20)]);
    expect(missing).toBeNull();
    expect(invalid).toBeNull();
    expect(calls).toHaveLength(1);
    expect(expressionOf(calls[0]!)).toBe(
      "select id, name, context_type, parent_id, project_id, thumbnail_id, object_type.name, " +
        "ancestors.id, ancestors.name, ancestors.context_type, ancestors.parent_id, ancestors.project_id, " +
        `ancestors.thumbnail_id, ancestors.object_type.name from TypedContext where id in (${TASK}, ${OTHER_TASK})`,
    );
    expect(new Set(primed)).toEqual(new Set([TASK, SHOT, SEQUENCE, EPISODE]));
  });

  it("stops where the parent chain leaves the answer, and cannot loop", async () => {
    const looped = {
      ...context("Task", TASK, SHOT),
      ancestors: [context("Shot", SHOT, SEQUENCE), context("Sequence", SEQUENCE, SHOT)],
    };
    const { loaders } = runtime(() => [{ action: "query", data: [looped] }]);
    expect((await loaders.lineage.load(TASK))!.map((c) => c.id)).toEqual([TASK, SHOT, SEQUENCE]);
  });
});

const version = (n: number, taskId: string, v: number, thumbnail = true) => ({
  __entity_type__: "AssetVersion",
  id: uuid(1000 + n),
  version: v,
  task_id: taskId,
  date: "2024-01-01T10:00:00.000Z",
  thumbnail_id: thumbnail ? uuid(2000 + n) : null,
});

describe("versionsWithThumbnailByTask", () => {
  it("reads many tasks' versions with a thumbnail in one query, best first, split per task", async () => {
    const { loaders, calls, primed } = runtime(() => [
      { action: "query", data: [version(1, TASK, 3), version(2, OTHER_TASK, 2), version(3, TASK, 1)] },
    ]);
    const [task, other, invalid] = await Promise.all([
      loaders.versionsWithThumbnailByTask.load(TASK),
      loaders.versionsWithThumbnailByTask.load(OTHER_TASK),
      loaders.versionsWithThumbnailByTask.load("not an id"),
    ]);
    expect(task.map((v) => v.version)).toEqual([3, 1]);
    expect(other.map((v) => v.version)).toEqual([2]);
    expect(invalid).toEqual([]);
    expect(calls).toHaveLength(1);
    expect(expressionOf(calls[0]!)).toBe(
      "select id, version, comment, asset_id, task_id, user_id, is_latest_version, thumbnail_id, date " +
        `from AssetVersion where (task_id in (${TASK}, ${OTHER_TASK})) and (thumbnail_id != none) ` +
        `order by version desc, date desc, id desc limit ${GROUPED_LIST_ROW_CAP + 1}`,
    );
    expect(primed).toHaveLength(3);
  });

  it("completes a cut answer with one query per task it left without rows, in one call", async () => {
    const { loaders, calls } = runtime((ops) => {
      if (ops.length === 1 && expressionOf(ops).includes(" in (")) {
        // The cap is reached by TASK's versions alone: OTHER_TASK's best may lie beyond the cut.
        return [
          {
            action: "query",
            data: Array.from({ length: GROUPED_LIST_ROW_CAP + 1 }, (_, i) => version(i, TASK, 9000 - i)),
          },
        ];
      }
      return ops.map(() => ({ action: "query", data: [version(99_999, OTHER_TASK, 1)] }));
    });
    const [task, other] = await Promise.all([
      loaders.versionsWithThumbnailByTask.load(TASK),
      loaders.versionsWithThumbnailByTask.load(OTHER_TASK),
    ]);
    expect(task[0]!.version).toBe(9000);
    expect(other.map((v) => v.version)).toEqual([1]);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toHaveLength(1);
    expect(expressionOf(calls[1]!)).toBe(
      "select id, version, comment, asset_id, task_id, user_id, is_latest_version, thumbnail_id, date " +
        `from AssetVersion where (task_id is ${OTHER_TASK}) and (thumbnail_id != none) ` +
        "order by version desc, date desc, id desc limit 1",
    );
  });

  it("rejects the loads of a chunk whose query failed, only those", async () => {
    const third = uuid(7);
    const { loaders } = runtime((ops) => {
      if (expressionOf(ops).includes(third)) throw new Error("boom");
      return [{ action: "query", data: [version(1, TASK, 1)] }];
    });
    const [task, failed] = await Promise.allSettled([
      loaders.versionsWithThumbnailByTask.load(TASK),
      loaders.versionsWithThumbnailByTask.load(OTHER_TASK),
      loaders.versionsWithThumbnailByTask.load(third),
    ]).then((all) => [all[0], all[2]]);
    expect(task).toMatchObject({ status: "fulfilled" });
    expect(failed).toMatchObject({ status: "rejected", reason: new Error("boom") });
  });
});
