/**
 * Look-ahead and the compiled executor end to end: every query operation of the test suite
 * (test/graphql/operations), the README's and the bench's queries and deeper shapes answer exactly
 * what the layer answers without either (FTRACK_BATCHING=false reads everything one by one, with no
 * look-ahead; GRAPHQL_EXECUTOR=graphql-js runs graphql-js's interpreter instead of graphql-jit's
 * compiled operations), in the round trips each shape should cost, with the caller's identity on
 * every call.
 */
import { readdirSync, readFileSync } from "node:fs";
import { type DocumentNode, Kind, type OperationDefinitionNode, parse, print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scenarios } from "../../bench/scenarios.js";
import { DEMO } from "../../src/emulator/index.js";
import { encodeCursor } from "../../src/graphql/pagination.js";
import { graphql, type Harness, startHarness } from "../support/service.harness.js";

const BULK_TASKS = 60;
const MISSING = "00000000-0000-5000-8000-000000000000";

const OPERATIONS_DIR = new URL("../graphql/operations/", import.meta.url);
const documents = readdirSync(OPERATIONS_DIR)
  .filter((name) => name.endsWith(".graphql"))
  .map((name) => parse(readFileSync(new URL(name, OPERATIONS_DIR), "utf8")));
const fragments = documents.flatMap((d) =>
  d.definitions.filter((def) => def.kind === Kind.FRAGMENT_DEFINITION),
);
const queries = documents
  .flatMap((d) => d.definitions)
  .filter((def): def is OperationDefinitionNode => def.kind === Kind.OPERATION_DEFINITION)
  .filter((op) => op.operation === "query");

/** The variables each query of test/graphql/operations runs with here (a new query needs an entry). */
const VARIABLES: Record<string, Record<string, unknown>[]> = {
  ProjectById: [{ id: DEMO.projects.aurora.id }, { id: DEMO.projects.borealis.id }, { id: MISSING }],
  TaskById: [{ id: DEMO.task.id }, { id: DEMO.taskWithoutThumbnail.id }, { id: DEMO.shot.id }],
  ShotById: [{ id: DEMO.shot.id }, { id: DEMO.shots.sh100.id }],
  SequenceById: [{ id: DEMO.sequence.id }],
  EpisodeById: [{ id: DEMO.episode.id }],
  AssetBuildById: [{ id: DEMO.assetBuild.id }],
  FolderById: [{ id: DEMO.folder.id }],
  MilestoneById: [{ id: DEMO.milestone.id }],
  ContextById: [{ id: DEMO.projects.aurora.id }, { id: DEMO.scene.id }, { id: DEMO.task.id }, { id: "nope" }],
  AssetVersionById: [{ id: DEMO.asset.versionIds[0] }, { id: DEMO.assetOnAssetBuild.versionIds[2] }],
  AssetById: [{ id: DEMO.asset.id }, { id: DEMO.assetOnAssetBuild.id }],
  UserById: [{ id: DEMO.users.alice!.id }, { id: DEMO.users.dave!.id }],
  ThumbnailableLookup: [
    { type: "TASK", id: DEMO.task.id },
    { type: "CUSTOM_CONTEXT", id: DEMO.scene.id },
    { type: "SHOT", id: DEMO.task.id },
  ],
  Projects: [{}, { nameContains: "bor" }, { first: 1 }, { first: 1, after: encodeCursor(1) }],
  Contexts: [
    { projectId: DEMO.projects.aurora.id },
    { projectId: DEMO.projects.aurora.id, objectType: "Shot", first: 2 },
    { parentId: DEMO.shot.id },
    { projectId: DEMO.projects.aurora.id, nameContains: "SH0", first: 3, after: encodeCursor(3) },
  ],
  Tasks: [{ projectId: DEMO.projects.aurora.id }, { parentId: DEMO.shot.id }, { nameContains: "light" }],
  AssetVersions: [{ taskId: DEMO.task.id }, { assetId: DEMO.asset.id, first: 2 }],
  Users: [{}, { nameContains: "an" }],
  TaskVersionsPage: [
    { id: DEMO.task.id, first: 1 },
    { id: DEMO.task.id, first: 2, after: encodeCursor(1) },
  ],
  TaskThumbnailUrls: [{ id: DEMO.task.id, size: 100, sizes: [100, 300] }],
  InheritedThumbnail: [
    { type: "TASK", id: DEMO.taskWithoutThumbnail.id },
    { type: "ASSET_VERSION", id: DEMO.asset.versionIds[0] },
  ],
  InheritComparison: [
    { type: "TASK", id: DEMO.taskWithoutThumbnail.id, inherit: true },
    { type: "SHOT", id: DEMO.shot.id },
  ],
  TaskGridThumbnails: [{ projectId: DEMO.projects.aurora.id, first: 50, inherit: true }],
  TaskGridSources: [{ projectId: DEMO.projects.aurora.id, first: 50 }],
  TaskVersionGridThumbnails: [{ projectId: DEMO.bulk.project.id, first: BULK_TASKS, inherit: false }],
  BulkTaskThumbnails: [{ projectId: DEMO.bulk.project.id, first: BULK_TASKS }],
};

const T = DEMO.task.id;
const P = DEMO.projects.aurora.id;
/**
 * Shapes beyond the operations files, with the round trips look-ahead should bring them to: each
 * level's relations and lists are read with it, so one round trip, unless said otherwise.
 */
const SHAPES: { name: string; query: string; variables?: Record<string, unknown>; roundTrips: number }[] = [
  ...scenarios(BULK_TASKS).map((s) => ({
    name: `bench (${s.id}) ${s.title}`,
    query: s.graphql.query,
    variables: s.graphql.variables,
    roundTrips: 1,
  })),
  {
    name: "README quick start: a task, its thumbnail, its project and the project's shots",
    query: `{ task(id: "${T}") { name thumbnailUrl(size: 300) thumbnail { srcset(sizes: [100, 300, 500]) }
      project { name fullName thumbnailUrl(size: 100) contexts(objectType: "Shot", first: 3) { nodes { name thumbnailUrl } } } } }`,
    roundTrips: 1,
  },
  {
    name: "README: a task's versions with their asset's parent and their user",
    query: `{ task(id: "${T}") { name thumbnail { srcset(sizes: [100, 300, 500]) }
      versions(first: 5) { nodes { version isLatestVersion thumbnailUrl(size: 100)
        asset { name parent { name thumbnailUrl ... on TypedContext { objectType } ... on Project { fullName } } } user { username } } } } }`,
    roundTrips: 1,
  },
  {
    name: "tasks with their parent chain, the parent's children and the project",
    query: `{ tasks(projectId: "${P}", first: 40) { nodes { name objectType
      parent { name thumbnailUrl thumbnail { name } ... on TypedContext { objectType parent { name ... on TypedContext { parent { name } } } }
        children(first: 2) { nodes { name } } }
      project { fullName thumbnail { fileType } } } } }`,
    roundTrips: 1,
  },
  {
    name: "projects -> children -> children, with thumbnails",
    query: `{ projects { nodes { name thumbnail { byteSize } children(first: 5) { nodes { name thumbnail { name }
      children(first: 2) { nodes { name ... on TypedContext { objectType } } pageInfo { hasNextPage endCursor } } } } } } }`,
    roundTrips: 1,
  },
  {
    name: "a project's contexts, aliased with two filters, with versions of tasks",
    query: `{ project(id: "${P}") { shots: contexts(objectType: "Shot", first: 2) { nodes { name } pageInfo { hasNextPage } }
      named: contexts(nameContains: "ing", first: 50) { nodes { name ... on Task { versions(first: 1) { nodes { version user { username } } } } } }
      all: contexts { nodes { id } } } }`,
    roundTrips: 1,
  },
  {
    name: "versions with their task, its parent, and their asset's other versions",
    query: `{ assetVersions(taskId: "${T}") { nodes { version task { name parent { name } project { name } }
      asset { name versions(first: 2) { nodes { version thumbnailUrl } } } } } }`,
    roundTrips: 1,
  },
  {
    name: "context by id, fields behind type conditions",
    query: `{ context(id: "${T}") { name ... on Task { project { name } parent { name } versions { nodes { user { username thumbnailUrl } } } } }
      other: context(id: "${P}") { ... on Project { fullName contexts(objectType: "Task", first: 3) { nodes { name } } } } }`,
    roundTrips: 1,
  },
  {
    name: "versions read with only what they show: aliases and fragments showing different fields",
    query: `{ tasks(projectId: "${P}", first: 40) { nodes { name
      a: versions(first: 2) { nodes { version thumbnailUrl } }
      b: versions(first: 2) { nodes { comment isLatestVersion } }
      ... on Task { versions(first: 3) { nodes { ...Shown } } } } } }
      fragment Shown on AssetVersion { id user { username } asset { name } }`,
    roundTrips: 1,
  },
  {
    name: "a version list read in part, and the same versions asked whole: by id and by another root field",
    query: `{ task(id: "${T}") { versions { nodes { version } } }
      again: task(id: "${T}") { versions { nodes { comment user { username } } } }
      assetVersion(id: "${DEMO.asset.versionIds[0]}") { version comment isLatestVersion asset { name } user { username } } }`,
    roundTrips: 1,
  },
  {
    name: "users with thumbnails, and a later page of a task's versions (a paged query of its own)",
    query: `{ users { nodes { username thumbnail { name } } }
      task(id: "${T}") { versions(first: 1, after: "${encodeCursor(1)}") { nodes { version asset { name } } } } }`,
    roundTrips: 2,
  },
];

let batched: Harness;
let naive: Harness;

beforeAll(async () => {
  [batched, naive] = await Promise.all([
    startHarness({ bulkTasks: BULK_TASKS }),
    startHarness({
      bulkTasks: BULK_TASKS,
      env: { FTRACK_BATCHING: "false", GRAPHQL_EXECUTOR: "graphql-js" },
    }),
  ]);
});
afterAll(async () => {
  await Promise.all([batched?.close(), naive?.close()]);
});

/** The answer with the service's own origin taken out of its URLs, so two services compare. */
async function answer(harness: Harness, query: string, variables?: Record<string, unknown>) {
  harness.emulator.counters.reset();
  const res = await graphql(harness, query, variables);
  const roundTrips = harness.emulator.counters.requests;
  const text = JSON.stringify({
    data: res.data,
    errors: res.errors?.map((e) => [e.path, e.extensions?.code]),
  });
  return { body: JSON.parse(text.replaceAll(harness.url, "ORIGIN")), roundTrips, errors: res.errors };
}

const withFragments = (op: OperationDefinitionNode) =>
  print({ kind: Kind.DOCUMENT, definitions: [op, ...fragments] } as DocumentNode);

describe("look-ahead and compiled operations answer what the layer answers without them", () => {
  it("has variables for every query of test/graphql/operations", () => {
    expect(queries.map((q) => q.name!.value).filter((name) => !VARIABLES[name])).toEqual([]);
  });

  for (const op of queries) {
    const name = op.name!.value;
    it(`${name}: the same answer, in fewer or as many round trips`, async () => {
      for (const variables of VARIABLES[name] ?? []) {
        const [a, b] = await Promise.all([
          answer(batched, withFragments(op), variables),
          answer(naive, withFragments(op), variables),
        ]);
        expect(a.body, JSON.stringify(variables)).toEqual(b.body);
        expect(a.roundTrips).toBeLessThanOrEqual(Math.max(1, b.roundTrips));
        // One round trip: every level comes with its parent's query (a later page, or what an
        // inherited thumbnail is chosen from, is read after it: see inherited-round-trips.test.ts).
        const later = "after" in variables || withFragments(op).includes("inherit");
        if (!later) expect(a.roundTrips, JSON.stringify(variables)).toBeLessThanOrEqual(1);
      }
    });
  }

  for (const shape of SHAPES) {
    it(`${shape.name}: the same answer in ${shape.roundTrips} round trip(s)`, async () => {
      const [a, b] = await Promise.all([
        answer(batched, shape.query, shape.variables),
        answer(naive, shape.query, shape.variables),
      ]);
      expect(a.errors).toBeUndefined();
      expect(a.body).toEqual(b.body);
      expect(a.roundTrips).toBe(shape.roundTrips);
      expect(b.roundTrips).toBeGreaterThanOrEqual(shape.roundTrips);
    });
  }
});

describe("versions read in part", () => {
  it("serve no selection that shows what they lack: the same task's versions under another root field are read again", async () => {
    // The task by id reads its versions showing only their number, and its read lands after the
    // project's tasks' (a loader's batch goes out after the list query): its list is the one kept
    // for that task, and the project's tasks, which show each version's comment and user, read it again.
    const query = `{ tasks(projectId: "${P}", first: 40) { nodes { id versions(first: 5) { nodes { version comment isLatestVersion user { username } } } } }
      task(id: "${T}") { versions(first: 5) { nodes { version } } } }`;
    const [a, b] = await Promise.all([answer(batched, query), answer(naive, query)]);
    expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
    expect(a.body).toEqual(b.body);
    type Tasks = {
      data: { tasks: { nodes: { id: string; versions: { nodes: { comment: string | null }[] } }[] } };
    };
    const comments = (a.body as Tasks).data.tasks.nodes
      .find((t) => t.id === T)!
      .versions.nodes.map((v) => v.comment);
    expect(comments.length).toBeGreaterThan(0);
    expect(comments.every((comment) => typeof comment === "string" && comment !== "")).toBe(true);
    expect(a.roundTrips).toBe(2);
  });
});

describe("look-ahead and identity", () => {
  it("acts as the caller on every call, speculative ones included: carol sees only Borealis", async () => {
    const harness = await startHarness({ env: { AUTH_MODE: "ftrack-key" } });
    try {
      const carol = DEMO.users.carol!;
      const asCarol = { "ftrack-user": carol.username, "ftrack-api-key": carol.apiKey };
      // The key is checked with ftrack once, before this test watches.
      await graphql(harness, "{ __typename }", undefined, asCarol);
      const seen: (string | undefined)[] = [];
      let operations = 0;
      harness.emulator.knobs.onOperations = (ops, actingAs) => {
        seen.push(actingAs);
        operations += ops.length;
      };
      const query = `{ projects(first: 10) { nodes { name contexts(first: 20) { nodes { name project { name } } } } } }`;
      const res = await graphql<{ projects: { nodes: { name: string; contexts: { nodes: unknown[] } }[] } }>(
        harness,
        query,
        undefined,
        asCarol,
      );
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      expect(res.data!.projects.nodes.map((p) => p.name)).toEqual([DEMO.projects.borealis.name]);
      expect(res.data!.projects.nodes[0]!.contexts.nodes.length).toBeGreaterThan(0);
      // One POST: the projects and, speculatively, their contexts, both as carol.
      expect(seen).toEqual([carol.username]);
      expect(operations).toBe(2);
    } finally {
      await harness.close();
    }
  });
});
