/**
 * The rules of issued thumbnail URLs, over HTTP: on the service's origin (PUBLIC_URL respected),
 * never ftrack's; null without a thumbnail; size bounds and the size ladder; stable within a window;
 * key rotation across services configured with different THUMBNAIL_URL_SECRETS.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/emulator/index.js";
import {
  TaskThumbnailUrlsDocument,
  ThumbnailableLookupDocument,
  UserByIdDocument,
} from "../generated/graphql.js";
import { graphql, type Harness, startHarness } from "../support/service.harness.js";

const PUBLIC_URL = "https://thumbs.studio.example";

let harness: Harness;
let behindProxy: Harness;

beforeAll(async () => {
  [harness, behindProxy] = await Promise.all([startHarness(), startHarness({ env: { PUBLIC_URL } })]);
});
afterAll(async () => {
  await Promise.all([harness?.close(), behindProxy?.close()]);
});

async function urls(target: Harness, size: number | null, sizes = [100]) {
  const res = await graphql(target, TaskThumbnailUrlsDocument, { id: DEMO.task.id, size, sizes });
  return res;
}

const componentOf = (id: string) => DEMO.thumbnails[id]!;

describe("origin", () => {
  it("is the service's own, never ftrack's, and carries no credential", async () => {
    const { data, errors } = await urls(harness, 300, [100, 300]);
    expect(errors).toBeUndefined();
    const all = [
      data!.task!.thumbnailUrl!,
      data!.task!.thumbnail!.url,
      ...data!.task!.thumbnail!.srcset.split(", "),
    ];
    for (const url of all) {
      expect(url.startsWith(`${harness.url}/thumbnails/${componentOf(DEMO.task.id)}/`)).toBe(true);
      expect(url).not.toContain(harness.emulator.url);
      expect(url).not.toContain(String(harness.emulator.port));
      expect(url).not.toMatch(/apiKey|api_key|username/i);
      expect(url).not.toContain(harness.emulator.apiKey);
    }
  });

  it("follows PUBLIC_URL", async () => {
    const { data } = await urls(behindProxy, 300);
    expect(data!.task!.thumbnailUrl).toMatch(
      new RegExp(
        `^${PUBLIC_URL}/thumbnails/${componentOf(DEMO.task.id)}/300\\?exp=\\d+&kid=[\\w-]{8}&sig=[\\w-]{43}$`,
      ),
    );
    expect(data!.task!.thumbnail!.url.startsWith(`${PUBLIC_URL}/thumbnails/`)).toBe(true);
  });

  it("a URL issued for PUBLIC_URL is served by the service behind it", async () => {
    const { data } = await urls(behindProxy, 100);
    const url = new URL(data!.task!.thumbnailUrl!);
    const res = await fetch(`${behindProxy.url}${url.pathname}${url.search}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^image\//);
  });
});

describe("null without a thumbnail", () => {
  it("thumbnailUrl and thumbnail are null for a task and a user without one", async () => {
    const task = await graphql(harness, TaskThumbnailUrlsDocument, {
      id: DEMO.taskWithoutThumbnail.id,
      size: 100,
      sizes: [100],
    });
    expect(task.errors).toBeUndefined();
    expect(task.data!.task).toEqual({
      id: DEMO.taskWithoutThumbnail.id,
      thumbnailUrl: null,
      thumbnail: null,
    });
    const user = await graphql(harness, UserByIdDocument, { id: DEMO.userWithoutThumbnail.id });
    expect(user.data!.user).toMatchObject({ thumbnailUrl: null, thumbnail: null });
    const lookup = await graphql(harness, ThumbnailableLookupDocument, {
      type: "TASK",
      id: DEMO.taskWithoutThumbnail.id,
    });
    expect(lookup.data!.thumbnailable).toMatchObject({
      id: DEMO.taskWithoutThumbnail.id,
      thumbnailUrl: null,
    });
  });
});

describe("size", () => {
  it.each([0, -1, 4097])("%i is BAD_USER_INPUT on thumbnailUrl, url and srcset", async (size) => {
    const thumbnailUrl = await graphql(
      harness,
      `{ task(id: "${DEMO.task.id}") { thumbnailUrl(size: ${size}) } }`,
    );
    const url = await graphql(
      harness,
      `{ task(id: "${DEMO.task.id}") { thumbnail { url(size: ${size}) } } }`,
    );
    const srcset = await graphql(
      harness,
      `{ task(id: "${DEMO.task.id}") { thumbnail { srcset(sizes: [100, ${size}]) } } }`,
    );
    for (const res of [thumbnailUrl, url, srcset]) {
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]!.extensions?.code).toBe("BAD_USER_INPUT");
      expect(res.errors![0]!.message).toMatch(/1 to 4096/);
    }
  });

  it.each([
    [1, 32],
    [32, 32],
    [33, 64],
    [101, 150],
    [300, 300],
    [301, 500],
    [2049, 4096],
    [4096, 4096],
  ])("%i rounds up to the ladder: %i", async (size, rung) => {
    const { data, errors } = await urls(harness, size, [size]);
    expect(errors).toBeUndefined();
    const path = `/thumbnails/${componentOf(DEMO.task.id)}/${rung}?`;
    expect(data!.task!.thumbnailUrl).toContain(path);
    expect(data!.task!.thumbnail!.url).toContain(path);
    // The task's image is 320 x 180 and never enlarged: its width is the rung, at most 320.
    expect(data!.task!.thumbnail!.srcset).toMatch(new RegExp(`/${rung}\\?[^ ]+ ${Math.min(rung, 320)}w$`));
  });

  it("defaults to 300; srcset lists one URL per size with the width delivered", async () => {
    const { data } = await graphql(
      harness,
      `{ task(id: "${DEMO.task.id}") { thumbnailUrl thumbnail { url srcset } } }`,
    );
    const task = (data as { task: { thumbnailUrl: string; thumbnail: { url: string; srcset: string } } })
      .task;
    expect(task.thumbnailUrl).toContain("/300?");
    expect(task.thumbnail.url).toBe(task.thumbnailUrl);
    const entries = task.thumbnail.srcset.split(", ").map((entry) => entry.split(" "));
    expect(entries.map(([, width]) => width)).toEqual(["100w", "300w", "320w"]);
    expect(entries.map(([url]) => new URL(url!).pathname.split("/").at(-1))).toEqual(["100", "300", "500"]);
  });

  it("the size is bound by the signature: editing it in a URL is refused", async () => {
    const { data } = await urls(harness, 150);
    const url = new URL(data!.task!.thumbnailUrl!);
    url.pathname = url.pathname.replace(/\/150$/, "/151");
    const res = await fetch(url);
    expect(res.status).toBe(403);
  });
});

describe("stability and rotation", () => {
  it("the same URL is issued within a window, across requests", async () => {
    const a = await urls(harness, 100);
    const b = await urls(harness, 100);
    const [first, second] = [new URL(a.data!.task!.thumbnailUrl!), new URL(b.data!.task!.thumbnailUrl!)];
    const windows = (Number(second.searchParams.get("exp")) - Number(first.searchParams.get("exp"))) / 600;
    // Identical, unless the two requests straddled a window boundary (then exactly one window apart).
    if (windows === 0) expect(second.href).toBe(first.href);
    else expect(windows).toBe(1);
    expect(a.data!.task!.thumbnail!.url).toBe(a.data!.task!.thumbnailUrl);
  });

  it("URLs signed with an old key still verify after rotation; dropping the key breaks them", async () => {
    const [before, rotated, dropped] = await Promise.all([
      startHarness({ env: { THUMBNAIL_URL_SECRETS: "old-key-0123456789-abcdefghijklmnop" } }),
      startHarness({
        env: {
          THUMBNAIL_URL_SECRETS: "new-key-9876543210-abcdefghijklmnop,old-key-0123456789-abcdefghijklmnop",
        },
      }),
      startHarness({ env: { THUMBNAIL_URL_SECRETS: "new-key-9876543210-abcdefghijklmnop" } }),
    ]);
    try {
      const issued = new URL((await urls(before, 100)).data!.task!.thumbnailUrl!);
      const at = (target: Harness) => fetch(`${target.url}${issued.pathname}${issued.search}`);

      expect((await at(before)).status).toBe(200);
      expect((await at(rotated)).status).toBe(200);
      const refused = await at(dropped);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({
        code: expect.stringMatching(/^THUMBNAIL_URL_/),
        message: expect.any(String),
      });

      // The rotated service signs with its first (new) key: another kid, verified by both new services.
      const fresh = new URL((await urls(rotated, 100)).data!.task!.thumbnailUrl!);
      expect(fresh.searchParams.get("kid")).not.toBe(issued.searchParams.get("kid"));
      expect((await fetch(`${dropped.url}${fresh.pathname}${fresh.search}`)).status).toBe(200);
      expect((await fetch(`${before.url}${fresh.pathname}${fresh.search}`)).status).toBe(403);
    } finally {
      await Promise.all([before.close(), rotated.close(), dropped.close()]);
    }
  });
});
