/**
 * Every by-id query and the `thumbnailable(type, id)` lookup, over HTTP against the embedded
 * ftrack-compatible server; answers are compared with what the emulator's store holds.
 */
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, demoId } from "../../src/emulator/index.js";
import type { StoredEntity } from "../../src/emulator/store.types.js";
import {
  AssetBuildByIdDocument,
  AssetByIdDocument,
  AssetVersionByIdDocument,
  ContextByIdDocument,
  EpisodeByIdDocument,
  FolderByIdDocument,
  MilestoneByIdDocument,
  ProjectByIdDocument,
  SequenceByIdDocument,
  ShotByIdDocument,
  TaskByIdDocument,
  ThumbnailableLookupDocument,
  type ThumbnailableType,
  type ThumbnailFieldsFragment,
  type TypedContextFieldsFragment,
  UserByIdDocument,
} from "../generated/graphql.js";
import { graphql, type Harness, startHarness } from "../support/service.harness.js";
import { StoreView } from "../support/store.view.js";

/** Any of the by-id documents: one field named after the query, one `id` variable. */
type ByIdDocument = TypedDocumentNode<Record<string, unknown>, { id: string }>;

let harness: Harness;
let store: StoreView;

beforeAll(async () => {
  harness = await startHarness();
  store = new StoreView(harness.emulator);
});
afterAll(() => harness?.close());

/** A well-formed ftrack id that names nothing. */
const MISSING_ID = "00000000-0000-5000-8000-000000000000";
const SCENE_TASK_ID = demoId("context:aurora/EP01/Opening Scene/Layout");

function expectThumbnail(thumbnail: ThumbnailFieldsFragment | null | undefined, entity: StoredEntity) {
  const component = store.thumbnailOf(entity);
  expect(component, "the seeded entity has a thumbnail").not.toBeNull();
  expect(thumbnail).toEqual({
    id: component!.id,
    name: component!.attrs.name,
    fileType: component!.attrs.file_type,
    byteSize: component!.attrs.size,
    url: expect.stringMatching(new RegExp(`^${harness.url}/thumbnails/${component!.id}/300\\?exp=\\d+&kid=`)),
    // The seeded images are 320 x 180 or 256 x 256: never enlarged, so 500 delivers 320 or 256.
    srcset: expect.stringMatching(/^\S+ 100w, (\S+ 300w, \S+ 320w|\S+ 256w)$/),
  });
  expect(component!.attrs.size).toBeGreaterThan(0);
}

function expectTypedContext(
  node: TypedContextFieldsFragment | null | undefined,
  id: string,
  typename: string,
) {
  const entity = store.context(id);
  const parent = store.context(entity.attrs.parent_id as string);
  const project = store.context(entity.attrs.project_id as string);
  const objectType = store.get("ObjectType", entity.attrs.object_type_id as string);
  expect(node).toMatchObject({
    __typename: typename,
    id,
    name: entity.attrs.name,
    objectType: objectType.attrs.name,
    parent: { id: parent.id, name: parent.attrs.name, __typename: expect.any(String) },
    project: { id: project.id, name: project.attrs.name, fullName: project.attrs.full_name },
  });
  expect(node!.thumbnailUrl).toMatch(
    new RegExp(`^${harness.url}/thumbnails/${entity.attrs.thumbnail_id}/300\\?`),
  );
  expectThumbnail(node!.thumbnail, entity);
  const children = store.children(id);
  expect(node!.children.nodes.map((c) => [c.id, c.name, c.__typename])).toEqual(
    children.map((c) => [c.id, c.attrs.name, c.type === "Scene" ? "CustomContext" : c.type]),
  );
  expect(node!.children.pageInfo.hasNextPage).toBe(false);
}

describe("queries by id", () => {
  it("project: names, full name, children, thumbnail", async () => {
    const { data, errors } = await graphql(harness, ProjectByIdDocument, { id: DEMO.projects.aurora.id });
    expect(errors).toBeUndefined();
    const entity = store.context(DEMO.projects.aurora.id);
    const project = data!.project!;
    expect(project).toMatchObject({
      __typename: "Project",
      id: DEMO.projects.aurora.id,
      name: "aurora",
      fullName: "Aurora Feature Film",
    });
    expect(project.fullName).toBe(entity.attrs.full_name);
    expect(project.thumbnailUrl).toMatch(
      new RegExp(`^${harness.url}/thumbnails/${entity.attrs.thumbnail_id}/300\\?`),
    );
    expectThumbnail(project.thumbnail, entity);
    const children = store.children(DEMO.projects.aurora.id);
    expect(children.length).toBeGreaterThan(0);
    expect(project.children.nodes.map((c) => c.id)).toEqual(children.map((c) => c.id));
  });

  it.each([
    ["task", TaskByIdDocument, DEMO.task.id, "Task"],
    ["shot", ShotByIdDocument, DEMO.shot.id, "Shot"],
    ["sequence", SequenceByIdDocument, DEMO.sequence.id, "Sequence"],
    ["episode", EpisodeByIdDocument, DEMO.episode.id, "Episode"],
    ["assetBuild", AssetBuildByIdDocument, DEMO.assetBuild.id, "AssetBuild"],
    ["folder", FolderByIdDocument, DEMO.folder.id, "Folder"],
    ["milestone", MilestoneByIdDocument, DEMO.milestone.id, "Milestone"],
  ] as [string, ByIdDocument, string, string][])(
    "%s: name, object type, parent, project, children, thumbnail",
    async (field, document, id, typename) => {
      const { data, errors } = await graphql(harness, document, { id });
      expect(errors).toBeUndefined();
      expectTypedContext((data as Record<string, TypedContextFieldsFragment | null>)[field], id, typename);
    },
  );

  it("task: its versions, lowest first", async () => {
    const { data } = await graphql(harness, TaskByIdDocument, { id: DEMO.task.id });
    const expected = store.versionsOf("task_id", DEMO.task.id);
    expect(expected.length).toBe(3);
    expect(data!.task!.versions.nodes).toEqual(expected.map((v) => ({ id: v.id, version: v.attrs.version })));
  });

  it("a task under a studio-defined object type has a CustomContext parent", async () => {
    const { data } = await graphql(harness, TaskByIdDocument, { id: SCENE_TASK_ID });
    expect(data!.task!.parent).toEqual({
      __typename: "CustomContext",
      id: DEMO.scene.id,
      name: DEMO.scene.name,
    });
  });

  it("context: a project, a typed context, a studio-defined one", async () => {
    const project = await graphql(harness, ContextByIdDocument, { id: DEMO.projects.borealis.id });
    expect(project.data!.context).toMatchObject({
      __typename: "Project",
      id: DEMO.projects.borealis.id,
      name: "borealis",
      fullName: DEMO.projects.borealis.fullName,
    });
    const shot = await graphql(harness, ContextByIdDocument, { id: DEMO.shot.id });
    expect(shot.data!.context).toMatchObject({
      __typename: "Shot",
      name: "SH010",
      objectType: "Shot",
      parent: { __typename: "Sequence", id: DEMO.sequence.id, name: "SQ010" },
      project: { id: DEMO.projects.aurora.id },
    });
    const scene = await graphql(harness, ContextByIdDocument, { id: DEMO.scene.id });
    expect(scene.data!.context).toMatchObject({
      __typename: "CustomContext",
      id: DEMO.scene.id,
      name: "Opening Scene",
      objectType: "Scene",
      parent: { __typename: "Episode", id: DEMO.episode.id },
    });
  });

  it("assetVersion: version, comment, asset and its parent, task, user, latest flag, thumbnail", async () => {
    const ids = DEMO.asset.versionIds;
    for (const [index, id] of ids.entries()) {
      const { data, errors } = await graphql(harness, AssetVersionByIdDocument, { id });
      expect(errors).toBeUndefined();
      const entity = store.get("AssetVersion", id);
      const version = data!.assetVersion!;
      expect(version).toMatchObject({
        __typename: "AssetVersion",
        id,
        version: entity.attrs.version,
        comment: entity.attrs.comment,
        isLatestVersion: index === ids.length - 1,
        asset: { id: DEMO.asset.id, name: DEMO.asset.name, parent: { __typename: "Shot", id: DEMO.shot.id } },
        task: { id: DEMO.task.id, name: DEMO.task.name },
        user: { id: DEMO.users.alice.id, username: DEMO.users.alice.username },
      });
      expect(version.version).toBe(index + 1);
      expectThumbnail(version.thumbnail, entity);
    }
  });

  it("asset: name, parent, versions", async () => {
    const { data } = await graphql(harness, AssetByIdDocument, { id: DEMO.assetOnAssetBuild.id });
    expect(data!.asset).toEqual({
      id: DEMO.assetOnAssetBuild.id,
      name: DEMO.assetOnAssetBuild.name,
      parent: { __typename: "AssetBuild", id: DEMO.assetBuild.id, name: DEMO.assetBuild.name },
      versions: {
        nodes: DEMO.assetOnAssetBuild.versionIds.map((id, i) => ({
          id,
          version: i + 1,
          isLatestVersion: i === 2,
        })),
        pageInfo: { hasNextPage: false, endCursor: null },
      },
    });
  });

  it("user: username, names, thumbnail; null thumbnail for a user without one", async () => {
    const alice = await graphql(harness, UserByIdDocument, { id: DEMO.users.alice.id });
    const entity = store.get("User", DEMO.users.alice.id);
    expect(alice.data!.user).toMatchObject({
      __typename: "User",
      id: DEMO.users.alice.id,
      username: "alice.anders",
      firstName: entity.attrs.first_name,
      lastName: entity.attrs.last_name,
    });
    expectThumbnail(alice.data!.user!.thumbnail, entity);
    const dave = await graphql(harness, UserByIdDocument, { id: DEMO.userWithoutThumbnail.id });
    expect(dave.data!.user).toMatchObject({ username: "dave.diaz", thumbnail: null, thumbnailUrl: null });
  });
});

const BY_ID: [string, ByIdDocument][] = [
  ["project", ProjectByIdDocument],
  ["task", TaskByIdDocument],
  ["shot", ShotByIdDocument],
  ["sequence", SequenceByIdDocument],
  ["episode", EpisodeByIdDocument],
  ["assetBuild", AssetBuildByIdDocument],
  ["folder", FolderByIdDocument],
  ["milestone", MilestoneByIdDocument],
  ["context", ContextByIdDocument],
  ["assetVersion", AssetVersionByIdDocument],
  ["asset", AssetByIdDocument],
  ["user", UserByIdDocument],
];

describe("ids that name nothing of the asked type answer null, not an error", () => {
  it.each(BY_ID)("%s(id: <missing>) is null", async (field, document) => {
    const { data, errors } = await graphql(harness, document, { id: MISSING_ID });
    expect(errors).toBeUndefined();
    expect((data as Record<string, unknown>)[field]).toBeNull();
  });

  it.each([
    ["shot", ShotByIdDocument, DEMO.task.id],
    ["task", TaskByIdDocument, DEMO.shot.id],
    ["task", TaskByIdDocument, DEMO.projects.aurora.id],
    ["project", ProjectByIdDocument, DEMO.task.id],
    ["sequence", SequenceByIdDocument, DEMO.episode.id],
    ["episode", EpisodeByIdDocument, DEMO.sequence.id],
    ["assetBuild", AssetBuildByIdDocument, DEMO.folder.id],
    ["folder", FolderByIdDocument, DEMO.assetBuild.id],
    ["milestone", MilestoneByIdDocument, DEMO.shot.id],
    ["context", ContextByIdDocument, DEMO.users.alice.id],
    ["assetVersion", AssetVersionByIdDocument, DEMO.asset.id],
    ["asset", AssetByIdDocument, DEMO.asset.versionIds[0]!],
    ["user", UserByIdDocument, DEMO.task.id],
  ] as [string, ByIdDocument, string][])(
    "%s(id: <id of another type>) is null",
    async (field, document, id) => {
      const { data, errors } = await graphql(harness, document, { id });
      expect(errors).toBeUndefined();
      expect((data as Record<string, unknown>)[field]).toBeNull();
    },
  );

  it.each(["not-an-id", "' or 1=1 or id is '", "ABCDEF", "x".repeat(100)])(
    "an id that is not an ftrack id (%j) answers null for every query, without asking ftrack",
    async (id) => {
      const before = harness.emulator.counters.requests;
      for (const [field, document] of BY_ID) {
        const { data, errors } = await graphql(harness, document, { id });
        expect(errors, field).toBeUndefined();
        expect((data as Record<string, unknown>)[field], field).toBeNull();
      }
      expect(harness.emulator.counters.requests).toBe(before);
    },
  );
});

describe("thumbnailable(type, id)", () => {
  const cases: [ThumbnailableType, string, Record<string, unknown>][] = [
    ["PROJECT", DEMO.projects.aurora.id, { __typename: "Project", name: "aurora" }],
    ["TASK", DEMO.task.id, { __typename: "Task", name: "Compositing", objectType: "Task" }],
    ["SHOT", DEMO.shot.id, { __typename: "Shot", name: "SH010", objectType: "Shot" }],
    ["SEQUENCE", DEMO.sequence.id, { __typename: "Sequence", name: "SQ010" }],
    ["EPISODE", DEMO.episode.id, { __typename: "Episode", name: "EP01" }],
    ["ASSET_BUILD", DEMO.assetBuild.id, { __typename: "AssetBuild", name: "Hero Ship" }],
    ["FOLDER", DEMO.folder.id, { __typename: "Folder", name: "Assets" }],
    ["MILESTONE", DEMO.milestone.id, { __typename: "Milestone", name: "First Look" }],
    [
      "CUSTOM_CONTEXT",
      DEMO.scene.id,
      { __typename: "CustomContext", name: "Opening Scene", objectType: "Scene" },
    ],
    ["ASSET_VERSION", DEMO.asset.versionIds[1]!, { __typename: "AssetVersion", version: 2 }],
    ["USER", DEMO.users.bob.id, { __typename: "User", username: "bob.berg" }],
  ];

  it("covers every ThumbnailableType value", async () => {
    const { data } = await graphql<{ __type: { enumValues: { name: string }[] } }>(
      harness,
      '{ __type(name: "ThumbnailableType") { enumValues { name } } }',
    );
    expect(data!.__type.enumValues.map((v) => v.name).sort()).toEqual(cases.map(([type]) => type).sort());
  });

  it.each(cases)("%s finds the entity with its thumbnail URL", async (type, id, expected) => {
    const { data, errors } = await graphql(harness, ThumbnailableLookupDocument, { type, id });
    expect(errors).toBeUndefined();
    expect(data!.thumbnailable).toMatchObject({ id, ...expected });
    const thumbnailId = DEMO.thumbnails[id];
    expect(thumbnailId).toBeDefined();
    expect(data!.thumbnailable!.thumbnailUrl).toMatch(
      new RegExp(`^${harness.url}/thumbnails/${thumbnailId}/300\\?`),
    );
  });

  it.each([
    ["CUSTOM_CONTEXT", DEMO.task.id],
    ["TASK", DEMO.scene.id],
    ["SHOT", DEMO.task.id],
    ["PROJECT", DEMO.shot.id],
    ["USER", DEMO.projects.aurora.id],
    ["ASSET_VERSION", DEMO.users.alice.id],
    ["TASK", MISSING_ID],
    ["USER", "not-an-id"],
  ] as [ThumbnailableType, string][])("%s with the id %s answers null", async (type, id) => {
    const { data, errors } = await graphql(harness, ThumbnailableLookupDocument, { type, id });
    expect(errors).toBeUndefined();
    expect(data!.thumbnailable).toBeNull();
  });

  it("an unknown type name is a validation error", async () => {
    const res = await graphql(harness, `{ thumbnailable(type: SPACESHIP, id: "${DEMO.task.id}") { id } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});
