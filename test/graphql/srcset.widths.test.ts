/**
 * srcset advertises the widths really delivered: a small original is never enlarged, a portrait one
 * is narrower than its box, and a size that delivers no wider image than a smaller one is left out.
 * Originals uploaded through the API; every advertised width checked against the image fetched.
 * Learning the widths costs no `POST /api` round trip, and the probe warms the delivery cache.
 */
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/emulator/index.js";
import { graphql, type Harness, startHarness } from "../support/service.harness.js";
import { uploadThumbnail } from "./thumbnail.helpers.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

const WEBP = { accept: "image/webp,image/*;q=0.8" };

async function png(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 60, b: 20 } } })
    .png()
    .toBuffer();
}

async function upload(target: { type: string; id: string }, width: number, height: number) {
  const res = await uploadThumbnail(harness, target, await png(width, height));
  expect(res.errors).toBeUndefined();
}

async function srcsetOf(id: string, sizes: number[]) {
  const { data, errors } = await graphql<{ task: { thumbnail: { srcset: string } } }>(
    harness,
    `query($id: ID!, $sizes: [Int!]!) { task(id: $id) { thumbnail { srcset(sizes: $sizes) } } }`,
    { id, sizes },
  );
  expect(errors).toBeUndefined();
  return data!.task.thumbnail.srcset.split(", ").map((entry) => {
    const [url, width] = entry.split(" ");
    return { url: url!, rung: Number(new URL(url!).pathname.split("/").at(-1)), width: width! };
  });
}

/** The width of the image a browser gets from `url`. */
async function deliveredWidth(url: string): Promise<number> {
  const res = await fetch(url, { headers: WEBP });
  expect(res.status).toBe(200);
  return (await sharp(Buffer.from(await res.arrayBuffer())).metadata()).width;
}

describe("srcset widths", () => {
  it("a 320 x 240 original: 500 is labelled 320w, and 800 (the same 320 px) is left out", async () => {
    const task = DEMO.task.id;
    await upload({ type: "TASK", id: task }, 320, 240);
    const entries = await srcsetOf(task, [800, 100, 500, 300]);
    expect(entries.map((e) => [e.rung, e.width])).toEqual([
      [100, "100w"],
      [300, "300w"],
      [500, "320w"],
    ]);
    for (const entry of entries) expect(`${await deliveredWidth(entry.url)}w`).toBe(entry.width);
  });

  it("a portrait 240 x 320 original: widths are the scaled widths, not the boxes", async () => {
    const task = DEMO.taskWithoutThumbnail.id;
    await upload({ type: "TASK", id: task }, 240, 320);
    const entries = await srcsetOf(task, [100, 300, 500, 4096]);
    expect(entries.map((e) => [e.rung, e.width])).toEqual([
      [100, "75w"],
      [300, "225w"],
      [500, "240w"],
    ]);
    for (const entry of entries) expect(`${await deliveredWidth(entry.url)}w`).toBe(entry.width);
  });

  it("a large original keeps every size, each labelled with the width delivered", async () => {
    const shot = DEMO.shots.sh020.id;
    await upload({ type: "SHOT", id: shot }, 700, 1000);
    const { data } = await graphql<{ shot: { thumbnail: { srcset: string } } }>(
      harness,
      `{ shot(id: "${shot}") { thumbnail { srcset(sizes: [100, 300, 500]) } } }`,
    );
    const entries = data!.shot.thumbnail.srcset.split(", ").map((e) => e.split(" "));
    expect(entries.map(([, width]) => width)).toEqual(["70w", "210w", "350w"]);
    for (const [url, width] of entries) expect(`${await deliveredWidth(url!)}w`).toBe(width);
  });

  it("costs no POST /api round trip; one thumbnail fetch the first time, which warms the cache", async () => {
    const shot = DEMO.shots.sh030.id;
    await upload({ type: "SHOT", id: shot }, 320, 240);
    const query = (field: string) => graphql(harness, `{ shot(id: "${shot}") { thumbnail { ${field} } } }`);

    const counters = harness.emulator.counters;
    let before = { ...counters };
    expect((await query("id")).errors).toBeUndefined();
    const plainPosts = counters.requests - before.requests;

    before = { ...counters };
    const first = await query("srcset(sizes: [100, 300, 500])");
    expect(first.errors).toBeUndefined();
    expect(counters.requests - before.requests).toBe(plainPosts);
    // One probe, at the largest size asked for.
    expect(counters.thumbnailRequests - before.thumbnailRequests).toBe(1);

    // The browser's request for that size is answered from the cache the probe filled.
    const srcset = (first.data as { shot: { thumbnail: { srcset: string } } }).shot.thumbnail.srcset;
    const largest = srcset.split(", ").at(-1)!.split(" ")[0]!;
    before = { ...counters };
    expect(await deliveredWidth(largest)).toBe(320);
    expect(counters.thumbnailRequests - before.thumbnailRequests).toBe(0);

    // Known now: the next query fetches nothing.
    before = { ...counters };
    expect((await query("srcset(sizes: [100, 300, 500])")).data).toEqual(first.data);
    expect(counters.requests - before.requests).toBe(plainPosts);
    expect(counters.thumbnailRequests - before.thumbnailRequests).toBe(0);
  });
});
