/**
 * The two-step upload against the service over real HTTP: createThumbnailUpload, the signed PUT,
 * completeThumbnailUpload. What it accepts sets the thumbnail and serves the image; everything it
 * refuses (at creation, at the PUT, at completion) leaves ftrack exactly as it was.
 */

import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/emulator/index.js";
import { UploadUrlSigner } from "../../src/thumbnails/upload-url.signer.js";
import { ftrackKey } from "../auth/auth.support.js";
import { HARNESS_URL_SECRETS, type Harness, startHarness } from "../support/service.harness.js";
import {
  completeUpload,
  createUpload,
  putChunked,
  putFile,
  reserve,
  type Target,
} from "../support/two-step.client.js";
import { blankPng, exifHasGps, jpegWithGps, SVG, solid } from "../thumbnails/image.fixtures.js";
import { expectCode, snapshot, thumbnailIdOf } from "./thumbnail.helpers.js";

const MAX_BYTES = 256 * 1024;
const FRONT_END = "http://front-end.example";
const { alice, bob, dave } = DEMO.users;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({
    env: { UPLOAD_MAX_BYTES: String(MAX_BYTES), AUTH_MODE: "ftrack-key", CORS_ORIGINS: FRONT_END },
  });
});
afterEach(() => harness.emulator.clearFailures());
afterAll(() => harness?.close());

const target: Target = { type: "TASK", id: DEMO.task.id };
const alices = ftrackKey(alice);

/** What a refused step must leave: no ftrack write of any kind, every entity as it was. */
function expectFtrackUntouched(before: ReturnType<typeof snapshot>) {
  expect(snapshot(harness)).toEqual(before);
  const { byAction, uploads } = harness.emulator.counters;
  expect({ create: byAction.create ?? 0, delete: byAction.delete ?? 0, uploads }).toEqual({
    create: 0,
    delete: 0,
    uploads: 0,
  });
}

function startWatching() {
  harness.emulator.counters.reset();
  return snapshot(harness);
}

describe("a two-step upload, as a front end does it", () => {
  it("create, PUT, complete: the target's new thumbnail is the checked image, and its URL serves it", async () => {
    const png = await solid("png", 120, 80, "#22aa44");
    const before = startWatching();
    const ticket = await reserve(harness, target, png, alices);
    expect(ticket).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      method: "PUT",
      headers: [{ name: "Content-Type", value: "image/png" }],
    });
    expect(new URL(ticket.url).origin).toBe(harness.url);
    expect(ticket.url).toMatch(/\/thumbnail-uploads\/[0-9a-f-]{36}\?exp=\d+&kid=[\w-]+&sig=[\w-]{43}$/);
    expect(Date.parse(ticket.expiresAt) - Date.now()).toBeGreaterThan(800_000);

    const put = await putFile(ticket, png);
    expect(put.status).toBe(204);
    expect(put.headers.get("cache-control")).toBe("no-store");
    // Nothing reached ftrack before the completion (its reads and the permission check aside).
    expectFtrackUntouched(before);

    const done = await completeUpload(harness, ticket.id, alices);
    expect(done.errors).toBeUndefined();
    const entity = done.data!.completeThumbnailUpload;
    expect(entity).toMatchObject({ __typename: "Task", id: DEMO.task.id, thumbnail: { fileType: ".png" } });
    expect(thumbnailIdOf(harness, DEMO.task.id)).toBe(entity.thumbnail!.id);
    const locations = harness.emulator.store.findBy(
      ["ComponentLocation"],
      "component_id",
      entity.thumbnail!.id,
    );
    expect(locations.map((l) => l.attrs.location_id)).toEqual([DEMO.locations.server]);

    const image = await fetch(entity.thumbnailUrl!, { headers: { accept: "image/png" } });
    expect(image.status).toBe(200);
    expect(await sharp(Buffer.from(await image.arrayBuffer())).metadata()).toMatchObject({
      width: 120,
      height: 80,
    });
  });

  it("re-encodes without metadata: the stored JPEG has no EXIF GPS", async () => {
    const jpeg = await jpegWithGps(100, 70);
    const ticket = await reserve(harness, target, jpeg, alices, "image/jpeg");
    expect((await putFile(ticket, jpeg)).status).toBe(204);
    const done = await completeUpload(harness, ticket.id, alices);
    expect(done.errors).toBeUndefined();
    const stored = harness.emulator.store.getBlob(done.data!.completeThumbnailUpload.thumbnail!.id)!;
    const metadata = await sharp(stored).metadata();
    expect(metadata.format).toBe("jpeg");
    expect(exifHasGps(metadata.exif)).toBe(false);
    expect(stored.includes(Buffer.from("PhoneCo"))).toBe(false);
  });

  it("answers the browser's CORS preflight for the PUT, for origins in CORS_ORIGINS only", async () => {
    const png = await solid("png", 40, 40);
    const ticket = await reserve(harness, target, png, alices);
    const preflight = await fetch(ticket.url, {
      method: "OPTIONS",
      headers: {
        origin: FRONT_END,
        "access-control-request-method": "PUT",
        "access-control-request-headers": "content-type",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(FRONT_END);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("PUT");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("content-type");

    const put = await putFile(ticket, png, { origin: FRONT_END });
    expect(put.status).toBe(204);
    expect(put.headers.get("access-control-allow-origin")).toBe(FRONT_END);

    const elsewhere = await fetch(ticket.url, {
      method: "OPTIONS",
      headers: { origin: "http://elsewhere.example", "access-control-request-method": "PUT" },
    });
    expect(elsewhere.status).toBe(403);
    expect(await elsewhere.json()).toMatchObject({ code: "CORS_ORIGIN_NOT_ALLOWED" });
  });
});

describe("createThumbnailUpload refuses at once, and writes nothing", () => {
  it.each<[string, Parameters<typeof createUpload>[2], string]>([
    ["an SVG", { contentType: "image/svg+xml", byteSize: SVG.length }, "THUMBNAIL_UNSUPPORTED_TYPE"],
    ["a PDF", { contentType: "application/pdf", byteSize: 1000 }, "THUMBNAIL_UNSUPPORTED_TYPE"],
    ["more than UPLOAD_MAX_BYTES", { byteSize: MAX_BYTES + 1 }, "THUMBNAIL_TOO_LARGE"],
    ["an empty file", { byteSize: 0 }, "BAD_USER_INPUT"],
    ["a negative size", { byteSize: -5 }, "BAD_USER_INPUT"],
    ["an empty file name", { fileName: "  ", byteSize: 100 }, "BAD_USER_INPUT"],
    ["a file name with control characters", { fileName: "a\nb.png", byteSize: 100 }, "BAD_USER_INPUT"],
  ])("%s: %s", async (_name, file, code) => {
    const before = startWatching();
    const res = await createUpload(harness, target, file, alices);
    expectCode(res, code);
    expect(res.data).toBeNull();
    expectFtrackUntouched(before);
  });

  it("an entity that does not exist: NOT_FOUND", async () => {
    const before = startWatching();
    const res = await createUpload(
      harness,
      { type: "TASK", id: DEMO.shots.sh010.id },
      { byteSize: 100 },
      alices,
    );
    expectCode(res, "NOT_FOUND");
    expectFtrackUntouched(before);
  });

  it("a caller who may not change the target (read-only dave): FORBIDDEN, asked of ftrack without a write", async () => {
    const before = startWatching();
    const res = await createUpload(harness, target, { byteSize: 100 }, ftrackKey(dave));
    expectCode(res, "FORBIDDEN");
    expectFtrackUntouched(before);
    // alice may: the same check lets her through, and still writes nothing.
    await reserve(harness, target, new Uint8Array(100), alices);
    expectFtrackUntouched(before);
  });
});

describe("the PUT refuses, with the codes of uploadThumbnail, and nothing reaches ftrack", () => {
  async function refusedPut(bytes: Uint8Array, declared = bytes.length) {
    const ticket = await reserve(harness, target, new Uint8Array(declared), alices);
    const before = startWatching();
    const put = await putFile(ticket, bytes);
    // The upload is spent: completing it finds nothing.
    const done = await completeUpload(harness, ticket.id, alices);
    expectCode(done, "NOT_FOUND");
    expectFtrackUntouched(before);
    return put;
  }

  it.each<[string, () => Promise<Uint8Array> | Uint8Array, number, string]>([
    ["an SVG (type read from the bytes)", () => Buffer.from(SVG), 415, "THUMBNAIL_UNSUPPORTED_TYPE"],
    ["text named .png", () => Buffer.from("definitely not an image"), 415, "THUMBNAIL_UNSUPPORTED_TYPE"],
    ["an image smaller than UPLOAD_MIN_EDGE", () => solid("png", 8, 8), 422, "THUMBNAIL_BAD_RESOLUTION"],
    [
      "a decompression bomb (read from the header)",
      () => blankPng(20_000, 20_000),
      422,
      "THUMBNAIL_BAD_RESOLUTION",
    ],
  ])("%s", async (_name, make, status, code) => {
    const put = await refusedPut(await make());
    expect(put.status).toBe(status);
    expect(put.body).toMatchObject({ code, message: expect.stringMatching(/.{20}/) });
  });

  it("more bytes than declared, by Content-Length: 413 before reading", async () => {
    const png = await solid("png", 64, 64);
    const put = await refusedPut(png, png.length - 1);
    expect(put.status).toBe(413);
    expect(put.body).toMatchObject({ code: "THUMBNAIL_TOO_LARGE" });
    expect(put.body?.message).toContain(`${png.length - 1} bytes declared`);
  });

  it("more bytes than declared, streamed without a length: 413 once byteSize + 1 arrived", async () => {
    const png = await solid("png", 64, 64);
    const ticket = await reserve(harness, target, png, alices);
    const before = startWatching();
    const put = await putChunked(ticket.url, [png, Buffer.alloc(64 * 1024)]);
    expect(put.status).toBe(413);
    expect(put.body).toMatchObject({ code: "THUMBNAIL_TOO_LARGE" });
    expect(put.headers.get("connection")).toBe("close");
    expectCode(await completeUpload(harness, ticket.id, alices), "NOT_FOUND");
    expectFtrackUntouched(before);
  });

  it("a second PUT: 409 THUMBNAIL_UPLOAD_USED, and the first file is what completes", async () => {
    const first = await solid("png", 50, 50, "#0000ff");
    const ticket = await reserve(harness, target, first, alices);
    expect((await putFile(ticket, first)).status).toBe(204);
    const before = startWatching();
    const second = await putFile(ticket, first);
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: "THUMBNAIL_UPLOAD_USED" });
    expectFtrackUntouched(before);
    const done = await completeUpload(harness, ticket.id, alices);
    expect(done.errors).toBeUndefined();
  });

  it("a tampered or malformed URL: 403", async () => {
    const png = await solid("png", 40, 40);
    const ticket = await reserve(harness, target, png, alices);
    const before = startWatching();
    const url = new URL(ticket.url);
    const tampered = new URL(url);
    tampered.searchParams.set("exp", String(Number(url.searchParams.get("exp")) + 3600));
    expect((await putFile({ ...ticket, url: tampered.href }, png)).body).toMatchObject({
      code: "THUMBNAIL_URL_INVALID_SIGNATURE",
    });
    const otherId = new URL(url);
    otherId.pathname = `/thumbnail-uploads/${crypto.randomUUID()}`;
    const refused = await putFile({ ...ticket, url: otherId.href }, png);
    expect(refused).toMatchObject({ status: 403, body: { code: "THUMBNAIL_URL_INVALID_SIGNATURE" } });
    const unsigned = new URL(url);
    unsigned.search = "";
    expect(await putFile({ ...ticket, url: unsigned.href }, png)).toMatchObject({
      status: 403,
      body: { code: "THUMBNAIL_URL_MALFORMED" },
    });
    expectFtrackUntouched(before);
    // The real URL still works: refusals of forged ones did not spend the upload.
    expect((await putFile(ticket, png)).status).toBe(204);
  });

  it("a validly signed URL of an upload this service does not hold: 404", async () => {
    const signer = new UploadUrlSigner(HARNESS_URL_SECRETS.split(","), harness.url);
    const url = signer.issue(crypto.randomUUID(), Date.now() + 60_000);
    const put = await putFile({ url, method: "PUT", headers: [] }, await solid("png", 40, 40));
    expect(put).toMatchObject({ status: 404, body: { code: "NOT_FOUND" } });
  });
});

describe("an upload expires", () => {
  let short: Harness;
  beforeAll(async () => {
    short = await startHarness({ env: { UPLOAD_URL_TTL_SECONDS: "2" } });
  });
  afterAll(() => short?.close());

  it("its PUT is refused after expiresAt (410), and so is its completion; nothing reaches ftrack", async () => {
    const png = await solid("png", 40, 40);
    // Expiry is a whole second: reserving as a second begins leaves `early` its whole TTL for its PUT.
    await new Promise((resolve) => setTimeout(resolve, 1010 - (Date.now() % 1000)));
    const early = await reserve(short, target, png);
    expect((await putFile(early, png)).status).toBe(204);
    const late = await reserve(short, target, png);
    short.emulator.counters.reset();
    const before = snapshot(short);
    await new Promise((resolve) => setTimeout(resolve, Date.parse(late.expiresAt) - Date.now() + 50));

    const put = await putFile(late, png);
    expect(put).toMatchObject({ status: 410, body: { code: "THUMBNAIL_URL_EXPIRED" } });
    expectCode(await completeUpload(short, early.id), "NOT_FOUND");
    expect(snapshot(short)).toEqual(before);
    expect(short.emulator.counters.byAction.create ?? 0).toBe(0);
  });
});

describe("completeThumbnailUpload", () => {
  it("by another user: FORBIDDEN; the creator can still complete it", async () => {
    const png = await solid("png", 40, 40);
    const ticket = await reserve(harness, target, png, alices);
    expect((await putFile(ticket, png)).status).toBe(204);
    const before = startWatching();
    const other = await completeUpload(harness, ticket.id, ftrackKey(bob));
    expectCode(other, "FORBIDDEN");
    expectFtrackUntouched(before);
    expect((await completeUpload(harness, ticket.id, alices)).errors).toBeUndefined();
  });

  it("before its PUT: THUMBNAIL_UPLOAD_NOT_RECEIVED; once, then NOT_FOUND", async () => {
    const png = await solid("png", 40, 40);
    const ticket = await reserve(harness, target, png, alices);
    const before = startWatching();
    expectCode(await completeUpload(harness, ticket.id, alices), "THUMBNAIL_UPLOAD_NOT_RECEIVED");
    expectFtrackUntouched(before);
    expect((await putFile(ticket, png)).status).toBe(204);
    expect((await completeUpload(harness, ticket.id, alices)).errors).toBeUndefined();
    expectCode(await completeUpload(harness, ticket.id, alices), "NOT_FOUND");
  });

  it("an id that is not an upload id: BAD_USER_INPUT", async () => {
    expectCode(await completeUpload(harness, "not-an-id", alices), "BAD_USER_INPUT");
  });

  it("is all or nothing: ftrack failing leaves nothing, and the completion can be retried", async () => {
    const png = await solid("png", 40, 40, "#ff00ff");
    const ticket = await reserve(harness, target, png, alices);
    expect((await putFile(ticket, png)).status).toBe(204);
    const old = thumbnailIdOf(harness, DEMO.task.id);
    const before = snapshot(harness);
    harness.emulator.injectFailure({ route: "api", action: "update", mode: "5xx" });

    expectCode(await completeUpload(harness, ticket.id, alices), "FTRACK_UNAVAILABLE");
    expect(snapshot(harness)).toEqual(before);
    expect(thumbnailIdOf(harness, DEMO.task.id)).toBe(old);

    const retried = await completeUpload(harness, ticket.id, alices);
    expect(retried.errors).toBeUndefined();
    expect(thumbnailIdOf(harness, DEMO.task.id)).toBe(retried.data!.completeThumbnailUpload.thumbnail!.id);
  });
});
