/** setThumbnail, copyThumbnail, clearThumbnail and the seed's examples, over HTTP against the emulator. */
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, demoId } from "../../src/emulator/index.js";
import { graphql, type Harness, startHarness } from "../support/service.harness.js";
import { blankPng, PDF, solid } from "../thumbnails/image.fixtures.js";
import {
  enumOf,
  expectCode,
  snapshot,
  THUMBNAIL_FIELDS,
  type ThumbnailableResult,
  thumbnailIdOf,
  uploadThumbnail,
} from "./thumbnail.helpers.js";

const SET = `
  mutation Set($target: ThumbnailTarget!, $componentId: ID!) {
    setThumbnail(target: $target, componentId: $componentId) { ${THUMBNAIL_FIELDS} }
  }
`;
const COPY = `
  mutation Copy($source: ThumbnailTarget!, $targets: [ThumbnailTarget!]!) {
    copyThumbnail(source: $source, targets: $targets) { ${THUMBNAIL_FIELDS} }
  }
`;
const CLEAR = `
  mutation Clear($target: ThumbnailTarget!) {
    clearThumbnail(target: $target) { ${THUMBNAIL_FIELDS} }
  }
`;
const URLS = `
  query Urls($type: ThumbnailableType!, $id: ID!) {
    thumbnailable(type: $type, id: $id) {
      __typename id
      small: thumbnailUrl(size: 100)
      large: thumbnailUrl(size: 500)
      default: thumbnailUrl
    }
  }
`;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

/** Puts a component into the emulator as if a client had stored a file in ftrack.server. */
function storeServerFile(
  name: string,
  bytes: Buffer,
  fileType = ".png",
  entityType = "FileComponent",
): string {
  const { store } = harness.emulator;
  const id = demoId(`test-component:${name}`);
  store.insert({
    type: entityType,
    id,
    attrs: { id, name, file_type: fileType, size: bytes.length, system_type: "file" },
  });
  const locationId = demoId(`test-location:${name}`);
  store.insert({
    type: "ComponentLocation",
    id: locationId,
    attrs: { id: locationId, component_id: id, location_id: DEMO.locations.server, resource_identifier: id },
  });
  store.putBlob(id, bytes);
  return id;
}

/** Fetches a signed thumbnail URL from this harness (PUBLIC_URL is not set, so its origin is a placeholder). */
async function fetchImage(url: string) {
  const local = new URL(url);
  const res = await fetch(new URL(`${local.pathname}${local.search}`, harness.url));
  expect(res.status, url).toBe(200);
  return sharp(Buffer.from(await res.arrayBuffer())).metadata();
}

const task = (id: string) => ({ type: "TASK", id });

describe("setThumbnail", () => {
  it("sets a task's thumbnail to a component in the server location and returns the new data", async () => {
    const target = task(DEMO.taskWithoutThumbnail.id);
    const res = await graphql<{ setThumbnail: ThumbnailableResult }>(harness, SET, {
      target,
      componentId: DEMO.components.spareServer,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.setThumbnail).toMatchObject({
      __typename: "Task",
      id: DEMO.taskWithoutThumbnail.id,
      thumbnail: { id: DEMO.components.spareServer },
    });
    expect(res.data?.setThumbnail.thumbnailUrl).toMatch(/\/thumbnails\//);
    // Mutation answers are never cached, whatever the types they return may say.
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(thumbnailIdOf(harness, DEMO.taskWithoutThumbnail.id)).toBe(DEMO.components.spareServer);
    const image = await fetchImage(res.data!.setThumbnail.thumbnailUrl!);
    expect(Math.max(image.width!, image.height!)).toBeLessThanOrEqual(300);
  });

  it.each([
    [
      "a component that is not a FileComponent",
      () => DEMO.components.container,
      "THUMBNAIL_NOT_FILE_COMPONENT",
    ],
    [
      "a component only in the origin location",
      () => DEMO.components.originOnly,
      "THUMBNAIL_NOT_IN_SERVER_LOCATION",
    ],
    ["an unknown component", () => demoId("no-such-component"), "NOT_FOUND"],
    ["a malformed component id", () => "not an id", "BAD_USER_INPUT"],
    [
      "non-image bytes",
      () => storeServerFile("notes", Buffer.from("just text\n"), ".png"),
      "THUMBNAIL_UNSUPPORTED_TYPE",
    ],
    ["a PDF named .png", () => storeServerFile("pdf", PDF, ".png"), "THUMBNAIL_UNSUPPORTED_TYPE"],
    [
      "a 20000x20000 PNG",
      () => storeServerFile("bomb", blankPng(20_000, 20_000)),
      "THUMBNAIL_BAD_RESOLUTION",
    ],
  ])("refuses %s and changes nothing", async (_name, componentId, code) => {
    const id = componentId();
    const before = snapshot(harness);
    const res = await graphql(harness, SET, { target: task(DEMO.task.id), componentId: id });
    expectCode(res, code);
    expect(snapshot(harness)).toEqual(before);
  });

  it("refuses a stored file over the byte limit without reading all of it", async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 1);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(big);
    const id = storeServerFile("huge", big);
    const before = snapshot(harness);
    const res = await graphql(harness, SET, { target: task(DEMO.task.id), componentId: id });
    expectCode(res, "THUMBNAIL_TOO_LARGE");
    expect(res.status).toBe(413);
    expect(snapshot(harness)).toEqual(before);
  });

  it("answers FTRACK_UNAVAILABLE when ftrack cannot serve the component's bytes", async () => {
    const before = snapshot(harness);
    harness.emulator.injectFailure({ route: "get", mode: "5xx" });
    const res = await graphql(harness, SET, {
      target: task(DEMO.task.id),
      componentId: DEMO.components.spareServer,
    });
    expectCode(res, "FTRACK_UNAVAILABLE");
    expect(snapshot(harness)).toEqual(before);
  });

  it("refuses a tiny image (under the minimum edge) stored in the server location", async () => {
    const id = storeServerFile("tiny", await solid("png", 4, 4));
    const before = snapshot(harness);
    expectCode(
      await graphql(harness, SET, { target: task(DEMO.task.id), componentId: id }),
      "THUMBNAIL_BAD_RESOLUTION",
    );
    expect(snapshot(harness)).toEqual(before);
  });

  it("refuses an unknown target, or a target of another type, with NOT_FOUND", async () => {
    const before = snapshot(harness);
    for (const target of [task(demoId("no-such-task")), { type: "SHOT", id: DEMO.task.id }]) {
      expectCode(
        await graphql(harness, SET, { target, componentId: DEMO.components.spareServer }),
        "NOT_FOUND",
      );
    }
    expectCode(
      await graphql(harness, SET, { target: task("not an id"), componentId: DEMO.components.spareServer }),
      "BAD_USER_INPUT",
    );
    expect(snapshot(harness)).toEqual(before);
  });
});

describe("copyThumbnail", () => {
  it("copies onto many targets in one ftrack round trip for the write", async () => {
    const source = { type: "ASSET_VERSION", id: DEMO.asset.versionIds[0] };
    const targets = [
      { type: "SHOT", id: DEMO.shots.sh020.id },
      { type: "SHOT", id: DEMO.shots.sh030.id },
      { type: "USER", id: DEMO.users.carol.id },
    ];
    const expected = DEMO.thumbnails[DEMO.asset.versionIds[0]];
    harness.emulator.counters.reset();
    const lean = await graphql(
      harness,
      "mutation ($s: ThumbnailTarget!, $t: [ThumbnailTarget!]!) { copyThumbnail(source: $s, targets: $t) { id } }",
      { s: source, t: targets },
    );
    expect(lean.errors).toBeUndefined();
    // One POST reads source and targets, ONE POST writes all three, one POST reads them back.
    expect(harness.emulator.counters.byAction.update).toBe(3);
    expect(harness.emulator.counters.requests).toBe(3);

    const res = await graphql<{ copyThumbnail: ThumbnailableResult[] }>(harness, COPY, { source, targets });
    expect(res.errors).toBeUndefined();
    expect(res.data?.copyThumbnail.map((e) => [e.__typename, e.thumbnail?.id])).toEqual([
      ["Shot", expected],
      ["Shot", expected],
      ["User", expected],
    ]);
    for (const t of targets) expect(thumbnailIdOf(harness, t.id)).toBe(expected);
  });

  it("refuses a source without a thumbnail, an empty target list and an unknown target", async () => {
    const before = snapshot(harness);
    expectCode(
      await graphql(harness, COPY, {
        source: { type: "USER", id: DEMO.userWithoutThumbnail.id },
        targets: [task(DEMO.task.id)],
      }),
      "SOURCE_HAS_NO_THUMBNAIL",
    );
    expectCode(
      await graphql(harness, COPY, {
        source: { type: "ASSET_VERSION", id: DEMO.asset.versionIds[1] },
        targets: [],
      }),
      "BAD_USER_INPUT",
    );
    expectCode(
      await graphql(harness, COPY, {
        source: { type: "ASSET_VERSION", id: DEMO.asset.versionIds[1] },
        targets: [task(DEMO.task.id), task(demoId("missing-task"))],
      }),
      "NOT_FOUND",
    );
    expectCode(
      await graphql(harness, COPY, {
        source: { type: "ASSET_VERSION", id: demoId("missing-version") },
        targets: [task(DEMO.task.id)],
      }),
      "NOT_FOUND",
    );
    expect(snapshot(harness)).toEqual(before);
  });
});

describe("clearThumbnail", () => {
  it("clears the thumbnail and keeps the component", async () => {
    const target = { type: "SHOT", id: DEMO.shots.sh100.id };
    const old = thumbnailIdOf(harness, target.id);
    expect(old).not.toBeNull();
    const res = await graphql<{ clearThumbnail: ThumbnailableResult }>(harness, CLEAR, { target });
    expect(res.errors).toBeUndefined();
    expect(res.data?.clearThumbnail).toEqual({
      __typename: "Shot",
      id: target.id,
      thumbnailUrl: null,
      thumbnail: null,
    });
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(thumbnailIdOf(harness, target.id)).toBeNull();
    expect(harness.emulator.store.get(["FileComponent"], old!)).toBeDefined();
  });

  it("refuses an unknown target", async () => {
    const before = snapshot(harness);
    expectCode(
      await graphql(harness, CLEAR, { target: { type: "PROJECT", id: demoId("nope") } }),
      "NOT_FOUND",
    );
    expect(snapshot(harness)).toEqual(before);
  });
});

describe("the seed's examples", () => {
  async function urlsOf(type: string, id: string) {
    const res = await graphql<{ thumbnailable: { small: string; large: string; default: string } }>(
      harness,
      URLS,
      {
        type,
        id,
      },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.thumbnailable;
  }

  async function expectSizes(type: string, id: string, width: number, height: number) {
    const urls = await urlsOf(type, id);
    const fitted = (box: number) => {
      const scale = Math.min(1, box / Math.max(width, height));
      return [Math.round(width * scale), Math.round(height * scale)];
    };
    for (const [url, box] of [
      [urls.small, 100],
      [urls.large, 500],
      [urls.default, 300],
    ] as const) {
      const image = await fetchImage(url);
      expect([image.width, image.height], `size ${box}`).toEqual(fitted(box));
    }
  }

  it("creates a thumbnail on a task from a file, then serves it at 100, 500 and the default size", async () => {
    const taskId = demoId("context:aurora/EP01/SQ010/SH010/Animation");
    const res = await uploadThumbnail(harness, task(taskId), await solid("png", 800, 600, "#00aa55"));
    expect(res.errors).toBeUndefined();
    expect(res.data?.uploadThumbnail.thumbnail).toMatchObject({ name: "thumbnail", fileType: ".png" });
    await expectSizes("TASK", taskId, 800, 600);
  });

  it("sets a task's thumbnail to a component in the server location", async () => {
    const taskId = demoId("context:aurora/EP01/SQ010/SH020/Compositing");
    const res = await graphql<{ setThumbnail: ThumbnailableResult }>(harness, SET, {
      target: task(taskId),
      componentId: DEMO.components.spareServer,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.setThumbnail.thumbnail?.id).toBe(DEMO.components.spareServer);
    await expectSizes("TASK", taskId, 320, 180);
  });

  it("reuses a version's thumbnail for its asset's parent", async () => {
    const versionId = DEMO.asset.versionIds[2];
    const read = await graphql<{ assetVersion: { asset: { parent: { __typename: string; id: string } } } }>(
      harness,
      `query ($id: ID!) { assetVersion(id: $id) { asset { parent { __typename id } } } }`,
      { id: versionId },
    );
    const parent = read.data!.assetVersion.asset.parent;
    expect(parent.id).toBe(DEMO.asset.parentId);
    const res = await graphql<{ copyThumbnail: ThumbnailableResult[] }>(harness, COPY, {
      source: { type: "ASSET_VERSION", id: versionId },
      targets: [{ type: enumOf(parent.__typename), id: parent.id }],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.copyThumbnail[0]).toMatchObject({
      __typename: parent.__typename,
      id: parent.id,
      thumbnail: { id: DEMO.thumbnails[versionId] },
    });
    await expectSizes(enumOf(parent.__typename), parent.id, 320, 180);
  });
});
