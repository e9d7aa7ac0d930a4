/**
 * The round-trip test: 200 tasks with their project and their versions, each with a
 * thumbnailUrl, cost one ftrack round trip with the loaders on (the projects come as dotted
 * projections of the task query, the versions in the same POST: see ftrack/look-ahead.ts), one per
 * entity without.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/emulator/index.js";
import { BulkTaskThumbnailsDocument, type BulkTaskThumbnailsQuery } from "../generated/graphql.js";
import { graphql, type Harness, startHarness } from "../support/service.harness.js";

const TASKS = 200;
/** The operations of that one POST: the tasks with their projects, and the versions of the tasks. */
const OPERATIONS = 2;

let batched: Harness;
let naive: Harness;

beforeAll(async () => {
  [batched, naive] = await Promise.all([
    startHarness({ bulkTasks: TASKS }),
    startHarness({ bulkTasks: TASKS, env: { FTRACK_BATCHING: "false" } }),
  ]);
});
afterAll(async () => {
  await Promise.all([batched?.close(), naive?.close()]);
});

async function run(harness: Harness) {
  harness.emulator.counters.reset();
  const res = await graphql(harness, BulkTaskThumbnailsDocument, {
    projectId: DEMO.bulk.project.id,
    first: TASKS,
  });
  expect(res.errors).toBeUndefined();
  return { data: res.data!, counters: { ...harness.emulator.counters } };
}

function expectComplete(data: BulkTaskThumbnailsQuery, origin: string) {
  const tasks = data.tasks.nodes;
  expect(tasks).toHaveLength(TASKS);
  expect(new Set(tasks.map((t) => t.id)).size).toBe(TASKS);
  const url = new RegExp(`^${origin}/thumbnails/[0-9a-f-]+/100\\?exp=\\d+&kid=[\\w-]{8}&sig=[\\w-]{43}$`);
  for (const task of tasks) {
    expect(task.thumbnailUrl).toMatch(url);
    expect(task.project).toEqual({ id: DEMO.bulk.project.id, thumbnailUrl: expect.stringMatching(url) });
    expect(task.versions.nodes.map((v) => v.version)).toEqual([1, 2]);
    for (const version of task.versions.nodes) expect(version.thumbnailUrl).toMatch(url);
  }
}

describe(`${TASKS} tasks with their project and versions, each with thumbnailUrl`, () => {
  it("costs one ftrack round trip with the loaders on", async () => {
    const { data, counters } = await run(batched);
    expectComplete(data, batched.url);
    expect(counters.requests).toBe(1);
    // The versions of all tasks come from one query too.
    expect(counters.operations).toBe(OPERATIONS);
    // The thumbnail URLs are issued locally: no thumbnail request reaches ftrack.
    expect(counters.thumbnailRequests).toBe(0);
    console.info(`batched: ${counters.requests} POSTs, ${counters.operations} operations`);
  });

  it("costs one round trip per entity with FTRACK_BATCHING=false", async () => {
    const { data, counters } = await run(naive);
    expectComplete(data, naive.url);
    // The list, then one project read and one versions read per task.
    expect(counters.requests).toBeGreaterThanOrEqual(1 + TASKS + TASKS);
    console.info(`naive: ${counters.requests} POSTs, ${counters.operations} operations`);
  });

  it("answers the same data both ways", async () => {
    const [a, b] = await Promise.all([run(batched), run(naive)]);
    const shape = (d: BulkTaskThumbnailsQuery) =>
      d.tasks.nodes.map((t) => [t.id, t.name, t.project?.id, t.versions.nodes.map((v) => v.id)]);
    expect(shape(a.data)).toEqual(shape(b.data));
  });
});
