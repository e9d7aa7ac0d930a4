/**
 * The service as a federation subgraph, queried directly as a gateway would: its SDL, `_entities`
 * (batched through the same loaders: one ftrack round trip for a large mixed batch), and the
 * Cache-Control header its cache hints produce.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, demoId } from "../../src/emulator/index.js";
import { graphql, type Harness, startHarness } from "../support/service.harness.js";

const ENTITIES = `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      __typename
      ... on Thumbnailable { id thumbnailUrl(size: 100) }
      ... on Context { name }
      ... on AssetVersion { version }
      ... on User { username }
    }
  }
`;

type Entity = { __typename: string; id: string; name?: string; thumbnailUrl?: string | null } | null;
type Representation = { __typename: string; id: string };

const BULK_TASKS = 240;
const UNKNOWN_ID = "00000000-0000-4000-8000-00000000abcd";

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ bulkTasks: BULK_TASKS });
});
afterAll(() => harness?.close());

async function entities(representations: Representation[]) {
  const result = await graphql<{ _entities: Entity[] }>(harness, ENTITIES, { representations });
  expect(result.errors).toBeUndefined();
  return { entities: result.data!._entities, headers: result.headers };
}

describe("the subgraph SDL", () => {
  it("links federation v2.3 and keys every Thumbnailable type and interface by id", async () => {
    const result = await graphql<{ _service: { sdl: string } }>(harness, "{ _service { sdl } }");
    const sdl = result.data!._service.sdl;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.3"');
    const keyed = [...sdl.matchAll(/^(?:type|interface) (\w+)[^{]*?@key\(fields: "id"\)/gms)].map(
      (m) => m[1],
    );
    expect(keyed.sort()).toEqual(
      [
        "AssetBuild",
        "AssetVersion",
        "Context",
        "CustomContext",
        "Episode",
        "Folder",
        "Milestone",
        "Project",
        "Sequence",
        "Shot",
        "Task",
        "Thumbnailable",
        "TypedContext",
        "User",
      ].sort(),
    );
    expect(sdl).toMatch(
      /thumbnailUrl\(inherit: Boolean = false, size: Int = 300\): String @cacheControl\(maxAge: 300, scope: PRIVATE\)/,
    );
    expect(sdl).toContain("directive @cacheControl");
  });
});

describe("_entities", () => {
  it("resolves 500 mixed representations in one ftrack round trip", async () => {
    const tasks = Array.from({ length: BULK_TASKS }, (_, i) => ({
      __typename: "Task",
      id: demoId(`bulk:task:${i}`),
    }));
    const versions = Array.from({ length: BULK_TASKS }, (_, i) => ({
      __typename: "AssetVersion",
      id: demoId(`bulk:version:${i}:1`),
    }));
    const projects = [DEMO.projects.aurora.id, DEMO.projects.borealis.id, DEMO.bulk.project.id].map((id) => ({
      __typename: "Project",
      id,
    }));
    const users = [...Object.values(DEMO.users).map((u) => u.id), DEMO.apiUser.id].map((id) => ({
      __typename: "User",
      id,
    }));
    const known = [...tasks, ...versions, ...projects, ...users];
    const unknown = Array.from({ length: 500 - known.length }, (_, i) => ({
      __typename: ["Task", "Project", "AssetVersion", "User"][i % 4],
      id: UNKNOWN_ID.replace(/abcd$/, String(1000 + i)),
    }));
    // Interleave, as a query planner's batch would be.
    const representations = [...known, ...unknown].sort((a, b) => a.id.localeCompare(b.id));
    expect(representations).toHaveLength(500);

    harness.emulator.counters.reset();
    const { entities: resolved } = await entities(representations);
    expect(harness.emulator.counters.requests).toBe(1);

    expect(resolved).toHaveLength(500);
    resolved.forEach((entity, i) => {
      const asked = representations[i];
      if (asked.id.startsWith("00000000-")) expect(entity).toBeNull();
      else expect(entity).toMatchObject({ __typename: asked.__typename, id: asked.id });
    });
    expect(resolved.filter(Boolean)).toHaveLength(known.length);
  });

  it("gives null for unknown ids, malformed ids, and ids of another type than the representation names", async () => {
    const { entities: resolved } = await entities([
      { __typename: "Task", id: UNKNOWN_ID },
      { __typename: "Task", id: "not-an-id" },
      { __typename: "Task", id: DEMO.shot.id },
      { __typename: "Shot", id: DEMO.task.id },
      { __typename: "Project", id: DEMO.task.id },
      { __typename: "User", id: DEMO.projects.aurora.id },
      { __typename: "AssetVersion", id: DEMO.users.alice.id },
      { __typename: "TypedContext", id: DEMO.projects.aurora.id },
      { __typename: "Thumbnailable", id: UNKNOWN_ID },
    ]);
    expect(resolved).toEqual(Array(9).fill(null));
  });

  it("resolves the entity interfaces to each entity's concrete type", async () => {
    const version = DEMO.asset.versionIds[0];
    const { entities: resolved } = await entities([
      { __typename: "Thumbnailable", id: DEMO.task.id },
      { __typename: "Thumbnailable", id: DEMO.projects.aurora.id },
      { __typename: "Thumbnailable", id: version },
      { __typename: "Thumbnailable", id: DEMO.users.alice.id },
      { __typename: "Context", id: DEMO.projects.borealis.id },
      { __typename: "TypedContext", id: DEMO.shot.id },
      { __typename: "TypedContext", id: DEMO.scene.id },
    ]);
    expect(resolved.map((e) => e?.__typename)).toEqual([
      "Task",
      "Project",
      "AssetVersion",
      "User",
      "Project",
      "Shot",
      "CustomContext",
    ]);
    expect(resolved[0]).toMatchObject({ id: DEMO.task.id, name: "Compositing" });
    expect(resolved[0]?.thumbnailUrl).toMatch(/^http:\/\/localhost:\d+\/thumbnails\//);
  });

  it("sends a Cache-Control header from the entity types' hints", async () => {
    const { headers } = await entities([{ __typename: "Task", id: DEMO.task.id }]);
    // thumbnailUrl is in the selection: private.
    expect(headers.get("cache-control")).toBe("max-age=60, private");
  });
});

describe("cache hints", () => {
  const task = (fields: string) => `{ task(id: "${DEMO.task.id}") { ${fields} } }`;

  it("marks responses with thumbnail URLs private and short-lived", async () => {
    const result = await graphql(harness, task("name thumbnailUrl thumbnail { url srcset }"));
    expect(result.errors).toBeUndefined();
    expect(result.headers.get("cache-control")).toBe("max-age=60, private");
  });

  it("keeps responses without URLs private too: what a caller sees depends on their ftrack permissions", async () => {
    const result = await graphql(harness, task("name project { name }"));
    expect(result.headers.get("cache-control")).toBe("max-age=60, private");
  });

  it("never caches mutations", async () => {
    const result = await graphql(
      harness,
      `mutation { clearThumbnail(target: { type: TASK, id: "${UNKNOWN_ID}" }) { id } }`,
    );
    expect(result.headers.get("cache-control")).toBe("no-store");
  });
});
