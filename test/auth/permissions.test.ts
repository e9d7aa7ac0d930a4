/**
 * ftrack's permissions apply per caller (the emulator's roles: carol sees only Borealis, dave may
 * not write), and one caller's data never reaches another's request, even when requests interleave.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/emulator/index.js";
import { graphql, type Harness, startHarness } from "../support/service.harness.js";
import {
  AUDIENCE,
  bearer,
  ISSUER,
  PROJECTS,
  projectIds,
  SECRET,
  TASK,
  TASKS,
  token,
} from "./auth.support.js";

const { alice, carol, dave } = DEMO.users;
const { aurora, borealis } = DEMO.projects;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({
    env: { AUTH_MODE: "jwt", AUTH_JWT_SECRET: SECRET, AUTH_JWT_ISSUER: ISSUER, AUTH_JWT_AUDIENCE: AUDIENCE },
  });
});
afterAll(() => harness?.close());

const as = async (username: string) => bearer(await token(username));
type TaskAnswer = { task: { id: string; project: { id: string } } | null };
type TasksAnswer = { tasks: { nodes: { id: string; project: { id: string } }[] } };

describe("a caller who cannot see a project (carol)", () => {
  it("gets null for its entities by id, where alice gets them", async () => {
    const carolTask = await graphql<TaskAnswer>(
      harness,
      TASK,
      { id: DEMO.task.id },
      await as(carol.username),
    );
    expect(carolTask.errors).toBeUndefined();
    expect(carolTask.data?.task).toBeNull();

    const aliceTask = await graphql<TaskAnswer>(
      harness,
      TASK,
      { id: DEMO.task.id },
      await as(alice.username),
    );
    expect(aliceTask.data?.task).toMatchObject({ id: DEMO.task.id, project: { id: aurora.id } });

    const project = await graphql<{ project: unknown }>(
      harness,
      "query P($id: ID!) { project(id: $id) { id } }",
      { id: aurora.id },
      await as(carol.username),
    );
    expect(project.data?.project).toBeNull();
  });

  it("gets lists without them", async () => {
    const headers = await as(carol.username);
    expect(projectIds(await graphql(harness, PROJECTS, {}, headers))).toEqual([borealis.id]);
    const inAurora = await graphql<TasksAnswer>(harness, TASKS, { projectId: aurora.id }, headers);
    expect(inAurora.data?.tasks.nodes).toEqual([]);
    const all = await graphql<TasksAnswer>(harness, TASKS, {}, headers);
    expect(all.data!.tasks.nodes.length).toBeGreaterThan(0);
    expect(new Set(all.data!.tasks.nodes.map((t) => t.project.id))).toEqual(new Set([borealis.id]));
  });

  it("cannot change a thumbnail in it", async () => {
    const res = await graphql(
      harness,
      SET_THUMBNAIL,
      { target: { type: "TASK", id: DEMO.task.id }, componentId: DEMO.components.spareServer },
      await as(carol.username),
    );
    expect(res.data?.setThumbnail ?? null).toBeNull();
    // As on ftrack, an entity the caller may not see does not exist for them.
    expect(res.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(thumbnailIdOf(DEMO.task.id)).toBe(DEMO.thumbnails[DEMO.task.id]);
  });
});

const SET_THUMBNAIL = `mutation Set($target: ThumbnailTarget!, $componentId: ID!) {
  setThumbnail(target: $target, componentId: $componentId) { id }
}`;
const CLEAR_THUMBNAIL = `mutation Clear($target: ThumbnailTarget!) { clearThumbnail(target: $target) { id } }`;

function thumbnailIdOf(taskId: string): unknown {
  return harness.emulator.store.get(["Task"], taskId)?.attrs.thumbnail_id;
}

describe("a read-only caller (dave)", () => {
  it("reads, but gets FORBIDDEN for thumbnail mutations, and ftrack is unchanged", async () => {
    const headers = await as(dave.username);
    const read = await graphql<TaskAnswer>(harness, TASK, { id: DEMO.task.id }, headers);
    expect(read.data?.task?.id).toBe(DEMO.task.id);

    const target = { type: "TASK", id: DEMO.task.id };
    const set = await graphql(
      harness,
      SET_THUMBNAIL,
      { target, componentId: DEMO.components.spareServer },
      headers,
    );
    expect(set.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const clear = await graphql(harness, CLEAR_THUMBNAIL, { target }, headers);
    expect(clear.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(thumbnailIdOf(DEMO.task.id)).toBe(DEMO.thumbnails[DEMO.task.id]);
  });

  it("does not stop a permitted caller doing the same", async () => {
    const target = { type: "TASK", id: DEMO.taskWithoutThumbnail.id };
    const res = await graphql(
      harness,
      SET_THUMBNAIL,
      { target, componentId: DEMO.components.spareServer },
      await as(alice.username),
    );
    expect(res.errors).toBeUndefined();
    expect(thumbnailIdOf(DEMO.taskWithoutThumbnail.id)).toBe(DEMO.components.spareServer);
  });
});

describe("isolation between callers", () => {
  it("never serves one caller's data to another, with requests interleaved", async () => {
    // Latency makes the requests overlap inside the service (sessions, loaders, batchers all live).
    harness.emulator.knobs.latencyMs = 15;
    try {
      const headers = { alice: await as(alice.username), carol: await as(carol.username) };
      const QUERY = `query Mixed($id: ID!) {
        task(id: $id) { id project { id } }
        projects(first: 50) { nodes { id } }
        tasks(first: 200) { nodes { id project { id } } }
      }`;
      type Answer = TaskAnswer & TasksAnswer & { projects: { nodes: { id: string }[] } };
      const callers = Array.from(
        { length: 24 },
        (_, i) => (i % 2 === 0 ? "alice" : "carol") as "alice" | "carol",
      );
      const answers = await Promise.all(
        callers.map(async (who) => ({
          who,
          res: await graphql<Answer>(harness, QUERY, { id: DEMO.task.id }, headers[who]),
        })),
      );
      for (const { who, res } of answers) {
        expect(res.errors, who).toBeUndefined();
        const data = res.data!;
        const projects = data.projects.nodes.map((p) => p.id).sort();
        const taskProjects = new Set(data.tasks.nodes.map((t) => t.project.id));
        if (who === "carol") {
          expect(data.task).toBeNull();
          expect(projects).toEqual([borealis.id]);
          expect(taskProjects).toEqual(new Set([borealis.id]));
        } else {
          expect(data.task?.id).toBe(DEMO.task.id);
          expect(projects).toEqual([aurora.id, borealis.id].sort());
          expect(taskProjects).toEqual(new Set([aurora.id, borealis.id]));
        }
      }
    } finally {
      harness.emulator.knobs.latencyMs = 0;
    }
  });

  it("does not carry a by-id result from one caller's request into the next caller's", async () => {
    // alice loads the task (her session caches it); carol asks for the same id right after.
    const [first, second] = await Promise.all([
      graphql<TaskAnswer>(harness, TASK, { id: DEMO.task.id }, await as(alice.username)),
      graphql<TaskAnswer>(harness, TASK, { id: DEMO.task.id }, await as(carol.username)),
    ]);
    expect(first.data?.task?.id).toBe(DEMO.task.id);
    expect(second.data?.task).toBeNull();
    const third = await graphql<TaskAnswer>(harness, TASK, { id: DEMO.task.id }, await as(carol.username));
    expect(third.data?.task).toBeNull();
  });
});
