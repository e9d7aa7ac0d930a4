/**
 * Inherited thumbnails cost at most two ftrack round trips more than the same grid without, however
 * many entities it shows: here 200 tasks, and their 400 versions, none with a thumbnail of its own.
 *
 * The bulk project after the changes below (through ftrack's API):
 * - tasks 1-100: their versions keep their images, so each task inherits its v2's;
 * - tasks 101-150: moved under Bulk SQ (an image) / Bulk SH (none), versions without images, so
 *   tasks and versions inherit Bulk SQ's;
 * - tasks 151-200: directly under the project, versions without images: nothing to inherit.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, demoId } from "../../src/emulator/index.js";
import {
  TaskGridSourcesDocument,
  TaskGridThumbnailsDocument,
  TaskVersionGridThumbnailsDocument,
} from "../generated/graphql.js";
import { create, ftrackCall, update } from "../support/emulator.api.js";
import { graphql, type Harness, startHarness } from "../support/service.harness.js";

const TASKS = 200;
const EXTRA_ROUND_TRIPS = 2;

const task = (i: number) => demoId(`bulk:task:${i}`);
const version = (i: number, v: number) => demoId(`bulk:version:${i}:${v}`);
const SEQUENCE = demoId("test:bulk-sequence");
const SHOT = demoId("test:bulk-shot");
const SEQUENCE_IMAGE = DEMO.thumbnails[DEMO.sequence.id]!;

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

let harness: Harness;
let naive: Harness;

/** The changes above, through ftrack's API. */
async function shape(target: Harness) {
  const project = DEMO.bulk.project.id;
  await ftrackCall(target.emulator, [
    create("Sequence", { id: SEQUENCE, name: "Bulk SQ", parent_id: project, thumbnail_id: SEQUENCE_IMAGE }),
    create("Shot", { id: SHOT, name: "Bulk SH", parent_id: SEQUENCE }),
    ...range(0, TASKS).map((i) => update("Task", task(i), { thumbnail_id: null })),
    ...range(100, 150).map((i) => update("Task", task(i), { parent_id: SHOT })),
    ...range(100, TASKS).flatMap((i) =>
      [1, 2].map((v) => update("AssetVersion", version(i, v), { thumbnail_id: null })),
    ),
  ]);
}

beforeAll(async () => {
  [harness, naive] = await Promise.all([
    startHarness({ bulkTasks: TASKS }),
    startHarness({ bulkTasks: TASKS, env: { FTRACK_BATCHING: "false" } }),
  ]);
  await Promise.all([shape(harness), shape(naive)]);
});
afterAll(() => Promise.all([harness?.close(), naive?.close()]));

/** Runs a document and returns its answer with the ftrack requests and operations it cost. */
async function measured<T, V>(document: Parameters<typeof graphql<T, V>>[1], variables: V) {
  harness.emulator.counters.reset();
  const res = await graphql(harness, document, variables);
  expect(res.errors).toBeUndefined();
  const { requests, operations } = harness.emulator.counters;
  return { data: res.data!, requests, operations };
}

const grid = { projectId: DEMO.bulk.project.id, first: TASKS };

describe(`a grid of ${TASKS} tasks without thumbnails of their own`, () => {
  it(`costs at most ${EXTRA_ROUND_TRIPS} round trips more with inherit: true`, async () => {
    const without = await measured(TaskGridThumbnailsDocument, { ...grid, inherit: false });
    const inheriting = await measured(TaskGridThumbnailsDocument, { ...grid, inherit: true });
    const nodes = inheriting.data.tasks.nodes;
    expect(nodes).toHaveLength(TASKS);
    expect(without.data.tasks.nodes.every((t) => t.thumbnail === null && t.thumbnailUrl === null)).toBe(true);
    expect(nodes.filter((t) => t.thumbnail?.inherited === true)).toHaveLength(150);
    expect(nodes.filter((t) => t.thumbnail === null && t.thumbnailUrl === null)).toHaveLength(50);
    expect(inheriting.requests).toBeLessThanOrEqual(without.requests + EXTRA_ROUND_TRIPS);
    console.info(
      `tasks: inherit false ${without.requests} POSTs / ${without.operations} operations, ` +
        `inherit true ${inheriting.requests} POSTs / ${inheriting.operations} operations`,
    );
  });

  it("inherits each task's latest version's, or its nearest ancestor's, and names the source", async () => {
    const { data, requests } = await measured(TaskGridSourcesDocument, grid);
    const byId = new Map(data.tasks.nodes.map((t) => [t.id, t.thumbnail]));
    for (const i of range(0, 100)) {
      expect(byId.get(task(i))).toMatchObject({
        inherited: true,
        source: { __typename: "AssetVersion", id: version(i, 2), version: 2 },
      });
    }
    for (const i of range(100, 150)) {
      expect(byId.get(task(i))).toEqual({
        id: SEQUENCE_IMAGE,
        inherited: true,
        source: { __typename: "Sequence", id: SEQUENCE, name: "Bulk SQ" },
      });
    }
    for (const i of range(150, TASKS)) expect(byId.get(task(i))).toBeNull();
    // The list, what is inherited from, the components: the sources were read on the way.
    expect(requests).toBeLessThanOrEqual(3);
  });

  it("answers the same with every read on its own (FTRACK_BATCHING=false)", async () => {
    const [batched, alone] = await Promise.all([
      graphql(harness, TaskGridSourcesDocument, grid),
      graphql(naive, TaskGridSourcesDocument, grid),
    ]);
    expect(alone.errors).toBeUndefined();
    expect(alone.data).toEqual(batched.data);
  });
});

describe(`the ${TASKS * 2} versions of those tasks`, () => {
  it(`cost at most ${EXTRA_ROUND_TRIPS} round trips more with inherit: true`, async () => {
    const without = await measured(TaskVersionGridThumbnailsDocument, { ...grid, inherit: false });
    const inheriting = await measured(TaskVersionGridThumbnailsDocument, { ...grid, inherit: true });
    const versions = (data: typeof without.data) => data.tasks.nodes.flatMap((t) => t.versions.nodes);
    expect(versions(inheriting.data)).toHaveLength(TASKS * 2);
    expect(versions(without.data).filter((v) => v.thumbnail)).toHaveLength(200);
    // A version's asset hangs on its task: tasks 101-150's versions inherit Bulk SQ's through it.
    const got = versions(inheriting.data);
    expect(got.filter((v) => v.thumbnail?.inherited === false)).toHaveLength(200);
    expect(
      got.filter((v) => v.thumbnail?.inherited === true && v.thumbnail.id === SEQUENCE_IMAGE),
    ).toHaveLength(100);
    expect(got.filter((v) => v.thumbnail === null)).toHaveLength(100);
    expect(inheriting.requests).toBeLessThanOrEqual(without.requests + EXTRA_ROUND_TRIPS);
    console.info(
      `versions: inherit false ${without.requests} POSTs / ${without.operations} operations, ` +
        `inherit true ${inheriting.requests} POSTs / ${inheriting.operations} operations`,
    );
  });
});
