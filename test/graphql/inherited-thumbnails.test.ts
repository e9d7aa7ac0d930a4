/**
 * Inherited thumbnails over HTTP, one rule at a time, on the demo studio plus a small tree written
 * through ftrack's API: a task takes its latest version's (highest version, then newest) that has a
 * thumbnail, else its nearest ancestor's own; any context its nearest ancestor's own; a version its
 * asset's parent's (or that parent's nearest ancestor's); projects and users never inherit, and a
 * project passes nothing on. `inherit: false` answers exactly as leaving the argument out.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/emulator/index.js";
import {
  InheritComparisonDocument,
  InheritedThumbnailDocument,
  type InheritedThumbnailQuery,
  type ThumbnailableType,
} from "../generated/graphql.js";
import { create, datetime, ftrackCall } from "../support/emulator.api.js";
import { graphql, type Harness, startHarness } from "../support/service.harness.js";

let harness: Harness;

/** Server-stored images of the demo studio, used as the thumbnails of the tree below. */
const image = (n: number) =>
  DEMO.thumbnails[[...DEMO.asset.versionIds, ...DEMO.assetOnAssetBuild.versionIds][n]!]!;
const IMAGES = {
  sequence: image(0),
  a1: image(1),
  a2: image(2),
  b2: image(3),
  c1: image(4),
};

/** The tree: Aurora / EP01 / SQ900 (image) / SH900 (none) / {Paint, FX} (none). */
const T = {
  sequence: randomUUID(),
  shot: randomUUID(),
  paint: randomUUID(),
  fx: randomUUID(),
  folder: randomUUID(),
  bareProject: randomUUID(),
  // FX's versions: fx_a v1, v2 (images), v3 (none, the highest); fx_b v2 (newer than fx_a v2); fx_c v1 (newest).
  assets: {
    a: randomUUID(),
    b: randomUUID(),
    c: randomUUID(),
    onSh010: randomUUID(),
    onProject: randomUUID(),
  },
  versions: {
    a1: randomUUID(),
    a2: randomUUID(),
    a3: randomUUID(),
    b2: randomUUID(),
    c1: randomUUID(),
    onSh010: randomUUID(),
    onProject: randomUUID(),
  },
};

beforeAll(async () => {
  harness = await startHarness();
  const aurora = DEMO.projects.aurora.id;
  const asset = (id: string, name: string, contextId: string) =>
    create("Asset", { id, name, context_id: contextId, type_id: DEMO.workflow.assetTypes.Upload });
  const version = (
    id: string,
    assetId: string,
    n: number,
    day: string,
    thumbnail: string | null,
    taskId: string | null = T.fx,
  ) =>
    create("AssetVersion", {
      id,
      asset_id: assetId,
      task_id: taskId,
      version: n,
      date: datetime(`2024-01-${day}T10:00:00`),
      thumbnail_id: thumbnail,
    });
  await ftrackCall(harness.emulator, [
    create("Sequence", {
      id: T.sequence,
      name: "SQ900",
      parent_id: DEMO.episode.id,
      thumbnail_id: IMAGES.sequence,
    }),
    create("Shot", { id: T.shot, name: "SH900", parent_id: T.sequence }),
    create("Task", { id: T.paint, name: "Paint", parent_id: T.shot }),
    create("Task", { id: T.fx, name: "FX", parent_id: T.shot }),
    create("Folder", { id: T.folder, name: "Empty", parent_id: aurora }),
    create("Project", {
      id: T.bareProject,
      name: "bare",
      full_name: "A project without a thumbnail",
      project_schema_id: DEMO.workflow.projectSchema,
    }),
    asset(T.assets.a, "fx_a", T.shot),
    asset(T.assets.b, "fx_b", T.shot),
    asset(T.assets.c, "fx_c", T.shot),
    asset(T.assets.onSh010, "comp_extra", DEMO.shots.sh010.id),
    asset(T.assets.onProject, "project_wide", aurora),
    version(T.versions.a1, T.assets.a, 1, "01", IMAGES.a1),
    version(T.versions.a2, T.assets.a, 2, "02", IMAGES.a2),
    version(T.versions.a3, T.assets.a, 3, "09", null),
    version(T.versions.b2, T.assets.b, 2, "03", IMAGES.b2),
    version(T.versions.c1, T.assets.c, 1, "20", IMAGES.c1),
    version(T.versions.onSh010, T.assets.onSh010, 1, "04", null, null),
    version(T.versions.onProject, T.assets.onProject, 1, "05", null, null),
  ]);
});
afterAll(() => harness?.close());

type Inherited = NonNullable<InheritedThumbnailQuery["thumbnailable"]>;

async function inherited(type: ThumbnailableType, id: string): Promise<Inherited> {
  const res = await graphql(harness, InheritedThumbnailDocument, { type, id });
  expect(res.errors).toBeUndefined();
  expect(res.data!.thumbnailable, `${type} ${id}`).not.toBeNull();
  return res.data!.thumbnailable!;
}

/** The thumbnail is `componentId`, inherited from `source`; thumbnailUrl serves the same image. */
function expectFrom(entity: Inherited, componentId: string, source: { __typename: string; id: string }) {
  expect(entity.thumbnail).toMatchObject({ id: componentId, inherited: source.id !== entity.id, source });
  expect(entity.thumbnailUrl).toContain(`/thumbnails/${componentId}/100?`);
  expect(entity.thumbnail!.url).toBe(entity.thumbnailUrl);
}

function expectNone(entity: Inherited) {
  expect(entity.thumbnail).toBeNull();
  expect(entity.thumbnailUrl).toBeNull();
}

describe("a task without a thumbnail of its own", () => {
  it("gets its latest version's that has one: the highest version, then the newest", async () => {
    // fx_a v3 is the highest but has none; fx_b v2 beats fx_a v2 by date and fx_c v1 (newer) by number.
    const fx = await inherited("TASK", T.fx);
    expectFrom(fx, IMAGES.b2, { __typename: "AssetVersion", id: T.versions.b2 });
    expect(fx.thumbnail!.source).toEqual({ __typename: "AssetVersion", id: T.versions.b2, version: 2 });
  });

  it("without versions that have one, gets its nearest ancestor's own, skipping those without", async () => {
    const paint = await inherited("TASK", T.paint);
    expectFrom(paint, IMAGES.sequence, { __typename: "Sequence", id: T.sequence });
    expect(paint.thumbnail!.source).toMatchObject({ name: "SQ900" });
    // The demo's Lighting task on SH030 has no versions: SH030's own.
    const lighting = await inherited("TASK", DEMO.taskWithoutThumbnail.id);
    expectFrom(lighting, DEMO.thumbnails[DEMO.shots.sh030.id]!, {
      __typename: "Shot",
      id: DEMO.shots.sh030.id,
    });
  });
});

describe("a context without a thumbnail of its own", () => {
  it("gets its nearest ancestor's own", async () => {
    const shot = await inherited("SHOT", T.shot);
    expectFrom(shot, IMAGES.sequence, { __typename: "Sequence", id: T.sequence });
    expect(shot.thumbnail!.inherited).toBe(true);
  });

  it("directly under a project gets none: a project passes nothing on", async () => {
    expectNone(await inherited("FOLDER", T.folder));
  });
});

describe("a version without a thumbnail of its own", () => {
  it("gets its asset's parent's own", async () => {
    const version = await inherited("ASSET_VERSION", T.versions.onSh010);
    expectFrom(version, DEMO.thumbnails[DEMO.shots.sh010.id]!, {
      __typename: "Shot",
      id: DEMO.shots.sh010.id,
    });
  });

  it("whose asset's parent has none, gets that parent's nearest ancestor's", async () => {
    const version = await inherited("ASSET_VERSION", T.versions.a3);
    expectFrom(version, IMAGES.sequence, { __typename: "Sequence", id: T.sequence });
  });

  it("whose asset hangs on a project gets none", async () => {
    expectNone(await inherited("ASSET_VERSION", T.versions.onProject));
  });
});

describe("never inherited", () => {
  it("an entity with a thumbnail of its own shows it, its own source", async () => {
    for (const [type, id] of [
      ["TASK", DEMO.task.id], // it has versions with images too: its own comes first
      ["SHOT", DEMO.shots.sh010.id],
      ["ASSET_VERSION", T.versions.a2],
      ["PROJECT", DEMO.projects.aurora.id],
      ["USER", DEMO.users.alice.id],
    ] as const) {
      const entity = await inherited(type, id);
      expectFrom(entity, DEMO.thumbnails[id] ?? IMAGES.a2, { __typename: entity.__typename, id });
      expect(entity.thumbnail!.inherited).toBe(false);
    }
  });

  it("projects and users without one get none", async () => {
    expectNone(await inherited("PROJECT", T.bareProject));
    expectNone(await inherited("USER", DEMO.userWithoutThumbnail.id));
  });
});

describe("inherit: false", () => {
  const entities: [ThumbnailableType, string][] = [
    ["TASK", T.fx],
    ["TASK", T.paint],
    ["TASK", DEMO.task.id],
    ["SHOT", T.shot],
    ["SHOT", DEMO.shots.sh010.id],
    ["ASSET_VERSION", T.versions.a3],
    ["ASSET_VERSION", T.versions.b2],
    ["PROJECT", T.bareProject],
    ["USER", DEMO.users.alice.id],
  ];

  it("answers exactly as leaving the argument out: each entity's own thumbnail or null", async () => {
    for (const [type, id] of entities) {
      const [left, off] = await Promise.all([
        graphql(harness, InheritComparisonDocument, { type, id }),
        graphql(harness, InheritComparisonDocument, { type, id, inherit: false }),
      ]);
      expect(left.errors).toBeUndefined();
      expect(off).toMatchObject({ data: left.data, status: left.status });
      expect(off.headers.get("cache-control")).toBe(left.headers.get("cache-control"));
      const own = DEMO.thumbnails[id] ?? (id === T.versions.b2 ? IMAGES.b2 : undefined);
      expect(off.data!.thumbnailable!.thumbnail?.id ?? null, `${type} ${id}`).toBe(own ?? null);
    }
  });

  it("and inherit: true differs only where an entity has none of its own", async () => {
    for (const [type, id] of entities) {
      const [off, on] = await Promise.all([
        graphql(harness, InheritComparisonDocument, { type, id, inherit: false }),
        graphql(harness, InheritComparisonDocument, { type, id, inherit: true }),
      ]);
      const own = off.data!.thumbnailable!.thumbnail;
      if (own) expect(on.data, `${type} ${id}`).toEqual(off.data);
      else if (id !== T.bareProject)
        expect(on.data!.thumbnailable!.thumbnail, `${type} ${id}`).not.toBeNull();
    }
  });
});

describe("the source", () => {
  it("costs no round trip more: inheriting read it already", async () => {
    const ask = async (selection: string) => {
      harness.emulator.counters.reset();
      const res = await graphql(
        harness,
        `{ task(id: "${T.paint}") { thumbnail(inherit: true) { ${selection} } } }`,
      );
      expect(res.errors).toBeUndefined();
      return { data: res.data, requests: harness.emulator.counters.requests };
    };
    const plain = await ask("id");
    const withSource = await ask(
      "id source { __typename id ... on Context { name } ... on TypedContext { objectType parent { id name } } }",
    );
    expect(withSource.data).toEqual({
      task: {
        thumbnail: {
          id: IMAGES.sequence,
          source: {
            __typename: "Sequence",
            id: T.sequence,
            name: "SQ900",
            objectType: "Sequence",
            parent: { id: DEMO.episode.id, name: "EP01" },
          },
        },
      },
    });
    expect(withSource.requests).toBe(plain.requests);
  });

  it("is cached like the entity it is; inherited URLs like every thumbnail URL", async () => {
    const res = await graphql(
      harness,
      `{ task(id: "${T.paint}") { thumbnail(inherit: true) { inherited source { id } } } }`,
    );
    expect(res.headers.get("cache-control")).toBe("max-age=60, private");
    const url = await graphql(harness, `{ task(id: "${T.paint}") { thumbnailUrl(inherit: true) } }`);
    expect(url.headers.get("cache-control")).toBe("max-age=60, private");
  });
});
