/**
 * The list queries with their filters, and cursor pagination walked to the end, over HTTP against
 * the embedded ftrack-compatible server; expected members come from the emulator's store.
 */
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/emulator/index.js";
import {
  AssetVersionsDocument,
  ContextsDocument,
  ProjectsDocument,
  TasksDocument,
  TaskVersionsPageDocument,
  UsersDocument,
} from "../generated/graphql.js";
import { graphql, type Harness, startHarness } from "../support/service.harness.js";
import { StoreView } from "../support/store.view.js";

let harness: Harness;
let store: StoreView;

beforeAll(async () => {
  harness = await startHarness();
  store = new StoreView(harness.emulator);
});
afterAll(() => harness?.close());

interface Connection {
  nodes: { id: string }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}
type PageVariables = { first?: number | null; after?: string | null };

const ids = (entities: { id: string }[]) => entities.map((e) => e.id);

/** Follows endCursor until hasNextPage is false; returns every node in order and the page count. */
async function walk<V extends PageVariables>(
  document: TypedDocumentNode<Record<string, unknown>, V>,
  variables: V,
  pick: (data: Record<string, unknown>) => Connection,
): Promise<{ ids: string[]; pages: number }> {
  const seen: string[] = [];
  let after: string | null = null;
  for (let pages = 1; pages < 1000; pages++) {
    const { data, errors } = await graphql(harness, document, { ...variables, after });
    expect(errors).toBeUndefined();
    const page = pick(data!);
    expect(page.nodes.length).toBeLessThanOrEqual(variables.first ?? 50);
    seen.push(...ids(page.nodes));
    if (!page.pageInfo.hasNextPage) {
      expect(page.pageInfo.endCursor).toBeNull();
      return { ids: seen, pages };
    }
    // A page that says more follows is full and hands out a cursor.
    expect(page.nodes.length).toBe(variables.first);
    expect(page.pageInfo.endCursor).toEqual(expect.any(String));
    after = page.pageInfo.endCursor!;
  }
  throw new Error("pagination did not end");
}

describe("projects", () => {
  it("lists every project, by name", async () => {
    const { data } = await graphql(harness, ProjectsDocument, {});
    const projects = store
      .all("Project")
      .sort((a, b) => String(a.attrs.name).localeCompare(String(b.attrs.name)));
    expect(data!.projects.nodes).toEqual(
      projects.map((p) => ({ id: p.id, name: p.attrs.name, fullName: p.attrs.full_name })),
    );
    expect(data!.projects.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });

  it("filters by name or full name", async () => {
    const byName = await graphql(harness, ProjectsDocument, { nameContains: "auror" });
    expect(ids(byName.data!.projects.nodes)).toEqual([DEMO.projects.aurora.id]);
    const byFullName = await graphql(harness, ProjectsDocument, { nameContains: "Commercial" });
    expect(ids(byFullName.data!.projects.nodes)).toEqual([DEMO.projects.borealis.id]);
    const none = await graphql(harness, ProjectsDocument, { nameContains: "no such project" });
    expect(none.data!.projects.nodes).toEqual([]);
  });

  it("takes LIKE wildcards in the filter literally", async () => {
    for (const text of ["%", "_", "\\", '"']) {
      const { data, errors } = await graphql(harness, ProjectsDocument, { nameContains: text });
      expect(errors).toBeUndefined();
      expect(data!.projects.nodes).toEqual([]);
    }
  });
});

describe("contexts", () => {
  it("of a project (any depth) are exactly the store's typed contexts of that project", async () => {
    const { data } = await graphql(harness, ContextsDocument, {
      projectId: DEMO.projects.aurora.id,
      first: 500,
    });
    const expected = store.contextsOfProject(DEMO.projects.aurora.id);
    expect(new Set(ids(data!.contexts.nodes))).toEqual(new Set(ids(expected)));
    expect(data!.contexts.nodes).toHaveLength(expected.length);
    for (const node of data!.contexts.nodes) {
      const entity = store.context(node.id);
      expect(node.name).toBe(entity.attrs.name);
      expect(node.__typename).toBe(entity.type === "Scene" ? "CustomContext" : entity.type);
      expect(node.objectType).toBe(store.get("ObjectType", entity.attrs.object_type_id as string).attrs.name);
    }
  });

  it("directly under a parent", async () => {
    const { data } = await graphql(harness, ContextsDocument, { parentId: DEMO.sequence.id });
    expect(new Set(ids(data!.contexts.nodes))).toEqual(new Set(ids(store.children(DEMO.sequence.id))));
    expect(ids(data!.contexts.nodes)).toEqual(
      expect.arrayContaining([DEMO.shots.sh010.id, DEMO.shots.sh020.id, DEMO.shots.sh030.id]),
    );
  });

  it("of one object type, including a studio-defined one", async () => {
    const shots = await graphql(harness, ContextsDocument, {
      projectId: DEMO.projects.aurora.id,
      objectType: "Shot",
    });
    expect(new Set(ids(shots.data!.contexts.nodes))).toEqual(
      new Set(ids(store.contextsOfProject(DEMO.projects.aurora.id, "Shot"))),
    );
    expect(shots.data!.contexts.nodes.every((n) => n.__typename === "Shot")).toBe(true);
    const scenes = await graphql(harness, ContextsDocument, { objectType: "Scene" });
    expect(scenes.data!.contexts.nodes).toEqual([
      { __typename: "CustomContext", id: DEMO.scene.id, name: "Opening Scene", objectType: "Scene" },
    ]);
  });

  it("by name, combined with the project", async () => {
    const { data } = await graphql(harness, ContextsDocument, {
      projectId: DEMO.projects.aurora.id,
      nameContains: "SH02",
    });
    expect(ids(data!.contexts.nodes)).toEqual([DEMO.shots.sh020.id]);
  });

  it("an id filter that names nothing, or is not an ftrack id, gives an empty list", async () => {
    for (const projectId of ["00000000-0000-5000-8000-000000000000", "not an id"]) {
      const { data, errors } = await graphql(harness, ContextsDocument, { projectId });
      expect(errors).toBeUndefined();
      expect(data!.contexts).toEqual({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
    }
  });
});

describe("tasks", () => {
  it("of a project are the store's tasks of that project", async () => {
    const { data } = await graphql(harness, TasksDocument, {
      projectId: DEMO.projects.aurora.id,
      first: 500,
    });
    expect(new Set(ids(data!.tasks.nodes))).toEqual(
      new Set(ids(store.contextsOfProject(DEMO.projects.aurora.id, "Task"))),
    );
    expect(data!.tasks.nodes.every((t) => t.objectType === "Task")).toBe(true);
  });

  it("directly under a shot, by name", async () => {
    const { data } = await graphql(harness, TasksDocument, { parentId: DEMO.shot.id });
    expect(data!.tasks.nodes.map((t) => t.name)).toEqual(["Animation", "Compositing", "Lighting"]);
    const comp = await graphql(harness, TasksDocument, { parentId: DEMO.shot.id, nameContains: "Comp" });
    expect(ids(comp.data!.tasks.nodes)).toEqual([DEMO.task.id]);
  });
});

describe("assetVersions", () => {
  it("of an asset, lowest first, with the latest flagged", async () => {
    const { data } = await graphql(harness, AssetVersionsDocument, { assetId: DEMO.asset.id });
    expect(data!.assetVersions.nodes).toEqual(
      DEMO.asset.versionIds.map((id, i) => ({ id, version: i + 1, isLatestVersion: i === 2 })),
    );
  });

  it("of a task", async () => {
    const { data } = await graphql(harness, AssetVersionsDocument, { taskId: DEMO.task.id });
    expect(ids(data!.assetVersions.nodes)).toEqual(ids(store.versionsOf("task_id", DEMO.task.id)));
  });

  it("of an asset and a task that do not match is empty", async () => {
    const { data } = await graphql(harness, AssetVersionsDocument, {
      assetId: DEMO.asset.id,
      taskId: DEMO.taskWithoutThumbnail.id,
    });
    expect(data!.assetVersions.nodes).toEqual([]);
  });
});

describe("users", () => {
  it("lists every user, filters by username or names", async () => {
    const all = await graphql(harness, UsersDocument, {});
    expect(new Set(ids(all.data!.users.nodes))).toEqual(new Set(ids(store.all("User"))));
    const alice = await graphql(harness, UsersDocument, { nameContains: "alice" });
    expect(alice.data!.users.nodes).toEqual([
      { id: DEMO.users.alice.id, username: "alice.anders", firstName: "Alice", lastName: "Anders" },
    ]);
    const byLastName = await graphql(harness, UsersDocument, { nameContains: "Berg" });
    expect(ids(byLastName.data!.users.nodes)).toEqual([DEMO.users.bob.id]);
  });
});

describe("cursor pagination, walked to the end: no duplicates, no gaps", () => {
  it.each([1, 2, 3, 7])("contexts of a project, %i per page", async (first) => {
    const all = await graphql(harness, ContextsDocument, { projectId: DEMO.projects.aurora.id, first: 500 });
    const expected = ids(all.data!.contexts.nodes);
    const walked = await walk(
      ContextsDocument,
      { projectId: DEMO.projects.aurora.id, first },
      (d) => (d as { contexts: Connection }).contexts,
    );
    expect(walked.ids).toEqual(expected);
    expect(new Set(walked.ids).size).toBe(walked.ids.length);
    expect(walked.pages).toBe(Math.max(1, Math.ceil(expected.length / first)));
  });

  it("projects, users, tasks and versions", async () => {
    const cases: [
      TypedDocumentNode<Record<string, unknown>, PageVariables>,
      PageVariables,
      string,
      string[],
    ][] = [
      [ProjectsDocument, { first: 1 }, "projects", ids(store.all("Project"))],
      [UsersDocument, { first: 2 }, "users", ids(store.all("User"))],
      [
        TasksDocument as TypedDocumentNode<Record<string, unknown>, PageVariables>,
        { projectId: DEMO.projects.aurora.id, first: 4 } as PageVariables,
        "tasks",
        ids(store.contextsOfProject(DEMO.projects.aurora.id, "Task")),
      ],
      [
        AssetVersionsDocument as TypedDocumentNode<Record<string, unknown>, PageVariables>,
        { assetId: DEMO.asset.id, first: 2 } as PageVariables,
        "assetVersions",
        DEMO.asset.versionIds,
      ],
    ];
    for (const [document, variables, field, expected] of cases) {
      const walked = await walk(document, variables, (d) => d[field] as Connection);
      expect(new Set(walked.ids), field).toEqual(new Set(expected));
      expect(walked.ids, field).toHaveLength(expected.length);
    }
  });

  it("a task's versions, one per page", async () => {
    const walked = await walk(
      TaskVersionsPageDocument,
      { id: DEMO.task.id, first: 1 },
      (d) => (d as { task: { versions: Connection } }).task.versions,
    );
    expect(walked.ids).toEqual(ids(store.versionsOf("task_id", DEMO.task.id)));
    expect(walked.pages).toBe(3);
  });

  it("a page exactly at the end says there is no next page", async () => {
    const { data } = await graphql(harness, AssetVersionsDocument, { assetId: DEMO.asset.id, first: 3 });
    expect(data!.assetVersions.nodes).toHaveLength(3);
    expect(data!.assetVersions.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});

describe("bad first / after", () => {
  it.each([0, -1, 501])("first: %i is BAD_USER_INPUT", async (first) => {
    for (const document of [ProjectsDocument, UsersDocument, ContextsDocument] as TypedDocumentNode<
      Record<string, unknown>,
      PageVariables
    >[]) {
      const { data, errors } = await graphql(harness, document, { first });
      expect(data).toBeNull();
      expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(errors?.[0]?.message).toMatch(/first/);
    }
    const nested = await graphql(harness, TaskVersionsPageDocument, { id: DEMO.task.id, first });
    expect(nested.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it.each([
    "garbage",
    Buffer.from("offset:-1").toString("base64url"),
    Buffer.from("offset:1e3").toString("base64url"),
    Buffer.from("page:2").toString("base64url"),
    "",
  ])("after: %j is BAD_USER_INPUT (or, when empty, the first page)", async (after) => {
    const { data, errors } = await graphql(harness, ProjectsDocument, { first: 1, after });
    if (after === "") {
      expect(errors).toBeUndefined();
      expect(data!.projects.nodes).toHaveLength(1);
      return;
    }
    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors?.[0]?.message).toMatch(/after/);
  });

  it("a cursor past the end gives an empty last page", async () => {
    const after = Buffer.from("offset:9999").toString("base64url");
    const { data, errors } = await graphql(harness, ProjectsDocument, { after });
    expect(errors).toBeUndefined();
    expect(data!.projects).toEqual({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it("first that is not an Int is a validation error", async () => {
    const res = await graphql(harness, "{ projects(first: 1.5) { nodes { id } } }");
    expect(res.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});
