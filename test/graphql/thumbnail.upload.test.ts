/** uploadThumbnail over real multipart HTTP: happy paths, every refused input, CSRF, metadata removal. */
import { connect } from "node:net";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, demoId } from "../../src/emulator/index.js";
import { type Harness, startHarness } from "../support/service.harness.js";
import {
  blankPng,
  exifHasGps,
  jpegWithGps,
  PDF,
  SVG,
  solid,
  TEXT,
  truncatedPng,
} from "../thumbnails/image.fixtures.js";
import {
  expectCode,
  snapshot,
  thumbnailIdOf,
  UPLOAD,
  uploadForm,
  uploadThumbnail,
} from "./thumbnail.helpers.js";

const MAX_BYTES = 256 * 1024;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ env: { UPLOAD_MAX_BYTES: String(MAX_BYTES) } });
});
afterAll(() => harness?.close());

const target = { type: "TASK", id: DEMO.task.id };

describe("uploadThumbnail", () => {
  it.each(["png", "jpeg", "gif", "webp"] as const)(
    "stores a %s as a FileComponent in ftrack.server",
    async (format) => {
      const res = await uploadThumbnail(harness, target, await solid(format, 120, 80), {
        filename: `shot.${format}`,
      });
      expect(res.errors).toBeUndefined();
      const entity = res.data!.uploadThumbnail;
      expect(entity).toMatchObject({
        __typename: "Task",
        id: DEMO.task.id,
        thumbnail: { name: "thumbnail" },
      });
      expect(entity.thumbnailUrl).toMatch(/\/thumbnails\//);

      const componentId = entity.thumbnail!.id;
      expect(thumbnailIdOf(harness, DEMO.task.id)).toBe(componentId);
      const { store } = harness.emulator;
      const component = store.get(["FileComponent"], componentId)!;
      expect(component.attrs).toMatchObject({
        name: "thumbnail",
        file_type: format === "jpeg" ? ".jpg" : `.${format}`,
      });
      const locations = store.findBy(["ComponentLocation"], "component_id", componentId);
      expect(locations.map((l) => l.attrs.location_id)).toEqual([DEMO.locations.server]);
      const stored = store.getBlob(componentId)!;
      expect(component.attrs.size).toBe(stored.length);
      expect(await sharp(stored).metadata()).toMatchObject({ format, width: 120, height: 80 });
    },
  );

  it("removes EXIF (GPS included) before storing", async () => {
    const input = await jpegWithGps(100, 70);
    expect(exifHasGps((await sharp(input).metadata()).exif)).toBe(true);
    const res = await uploadThumbnail(harness, target, input, {
      filename: "phone.jpg",
      mimetype: "image/jpeg",
    });
    expect(res.errors).toBeUndefined();
    const stored = harness.emulator.store.getBlob(res.data!.uploadThumbnail.thumbnail!.id)!;
    const metadata = await sharp(stored).metadata();
    expect(metadata.format).toBe("jpeg");
    expect(metadata.exif).toBeUndefined();
    expect(stored.includes(Buffer.from("PhoneCo"))).toBe(false);
  });

  it("uploads to other thumbnailable types (a user, a version, a project)", async () => {
    for (const t of [
      { type: "USER", id: DEMO.users.bob.id },
      { type: "ASSET_VERSION", id: DEMO.asset.versionIds[1] },
      { type: "PROJECT", id: DEMO.projects.borealis.id },
    ]) {
      const res = await uploadThumbnail(harness, t, await solid("png", 40, 40));
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      expect(thumbnailIdOf(harness, t.id)).toBe(res.data!.uploadThumbnail.thumbnail!.id);
    }
  });

  describe("refuses, and leaves ftrack as it was:", () => {
    it.each([
      ["non-image bytes", () => TEXT, "notes.png", "THUMBNAIL_UNSUPPORTED_TYPE"],
      ["a PDF renamed .png", () => PDF, "cover.png", "THUMBNAIL_UNSUPPORTED_TYPE"],
      ["an SVG", () => SVG, "logo.svg", "THUMBNAIL_UNSUPPORTED_TYPE"],
      ["a truncated PNG", truncatedPng, "cut.png", "THUMBNAIL_UNSUPPORTED_TYPE"],
      [
        "a 20000x20000 PNG of a few kilobytes",
        () => blankPng(20_000, 20_000),
        "bomb.png",
        "THUMBNAIL_BAD_RESOLUTION",
      ],
      ["an image under the minimum edge", () => solid("png", 8, 8), "tiny.png", "THUMBNAIL_BAD_RESOLUTION"],
      [
        "a file one byte over the limit",
        () => withPngHeader(MAX_BYTES + 1),
        "big.png",
        "THUMBNAIL_TOO_LARGE",
      ],
      ["a file far over the limit", () => withPngHeader(MAX_BYTES * 8), "huge.png", "THUMBNAIL_TOO_LARGE"],
      ["an empty file", () => Buffer.alloc(0), "empty.png", "THUMBNAIL_UNSUPPORTED_TYPE"],
    ])("%s", async (_name, make, filename, code) => {
      const bytes = await make();
      const before = snapshot(harness);
      harness.emulator.counters.reset();
      const res = await uploadThumbnail(harness, target, bytes, { filename });
      expectCode(res, code);
      // An upload over UPLOAD_MAX_BYTES is 413, as the README says; other refusals are GraphQL errors.
      expect(res.status).toBe(code === "THUMBNAIL_TOO_LARGE" ? 413 : 200);
      expect(snapshot(harness)).toEqual(before);
      // Refused before any ftrack write: no create, no upload.
      expect(harness.emulator.counters.byAction.create ?? 0).toBe(0);
      expect(harness.emulator.counters.uploads).toBe(0);
    });

    it("an unknown target", async () => {
      const before = snapshot(harness);
      const res = await uploadThumbnail(
        harness,
        { type: "TASK", id: demoId("no-such-task") },
        await solid("png"),
      );
      expectCode(res, "NOT_FOUND");
      expect(snapshot(harness)).toEqual(before);
    });

    it("a multipart request without the CSRF preflight header", async () => {
      const before = snapshot(harness);
      const res = await uploadThumbnail(harness, target, await solid("png"), { preflight: false });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.errors)).toMatch(/preflight|CSRF/i);
      expect(snapshot(harness)).toEqual(before);
    });

    it("a file over the limit that is still arriving when the resolver reads it", async () => {
      const before = snapshot(harness);
      harness.emulator.counters.reset();
      const file = withPngHeader(MAX_BYTES * 4);
      // Headers and the start of the file first; the rest once the resolver has read its target
      // from ftrack and is reading the file, so the limit trips mid-stream.
      const answer = await slowUpload(target, file, () => harness.emulator.counters.requests >= 1);
      expect(answer.status).toBe(413);
      expect(answer.body).toMatchObject({ errors: [{ extensions: { code: "THUMBNAIL_TOO_LARGE" } }] });
      expect(snapshot(harness)).toEqual(before);
      expect(harness.emulator.counters.byAction.create ?? 0).toBe(0);
      expect(harness.emulator.counters.uploads).toBe(0);
    });

    it("a multipart request whose map names a file it does not send", async () => {
      const form = new FormData();
      form.set("operations", JSON.stringify({ query: UPLOAD, variables: { target, file: null } }));
      form.set("map", JSON.stringify({ 0: ["variables.file"] }));
      const res = await fetch(harness.graphqlUrl, {
        method: "POST",
        body: form,
        headers: { "apollo-require-preflight": "true" },
      });
      const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]).toMatchObject({
        extensions: { code: "BAD_USER_INPUT" },
        message: expect.stringMatching(/no file/),
      });
    });

    it("a multipart request with two files", async () => {
      const before = snapshot(harness);
      const form = new FormData();
      form.set(
        "operations",
        JSON.stringify({
          query:
            "mutation ($t: ThumbnailTarget!, $f: Upload!) { uploadThumbnail(target: $t, file: $f) { id } }",
          variables: { t: target, f: null },
        }),
      );
      form.set("map", JSON.stringify({ 0: ["variables.f"], 1: ["variables.g"] }));
      form.set("0", new Blob([await solid("png")]), "a.png");
      form.set("1", new Blob([await solid("png")]), "b.png");
      const res = await fetch(harness.graphqlUrl, {
        method: "POST",
        body: form,
        headers: { "apollo-require-preflight": "true" },
      });
      expect(res.status).toBe(413);
      const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0].extensions.code).toBe("BAD_REQUEST");
      expect(snapshot(harness)).toEqual(before);
    });
  });
});

/**
 * Sends an upload over a raw socket: everything up to the file's first kilobyte, then (once `ready`
 * says so) the rest. Resolves with the HTTP status and parsed body of the answer.
 */
async function slowUpload(
  t: { type: string; id: string },
  file: Buffer,
  ready: () => boolean,
): Promise<{ status: number; body: unknown }> {
  const request = new Request("http://placeholder/", { method: "POST", body: uploadForm(t, file) });
  const body = Buffer.from(await request.arrayBuffer());
  const cut = body.indexOf(file.subarray(0, 64)) + 1024;
  const { hostname, port } = new URL(harness.graphqlUrl);
  const raw = await new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `POST /graphql HTTP/1.1\r\nHost: ${hostname}:${port}\r\n` +
          `Content-Type: ${request.headers.get("content-type")}\r\nContent-Length: ${body.length}\r\n` +
          "apollo-require-preflight: true\r\nConnection: close\r\n\r\n",
      );
      socket.write(body.subarray(0, cut));
      const poll = setInterval(() => {
        if (!ready()) return;
        clearInterval(poll);
        setTimeout(() => socket.write(body.subarray(cut)), 100);
      }, 10);
    });
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("end", () => resolve(Buffer.concat(chunks).toString()));
    socket.on("error", reject);
  });
  const [head, text] = raw.split("\r\n\r\n");
  return { status: Number(head!.split(" ")[1]), body: JSON.parse(text!) };
}

/** `size` bytes that start like a PNG: the size limit must refuse them before any inspection. */
function withPngHeader(size: number): Buffer {
  const bytes = Buffer.alloc(size, 7);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  return bytes;
}
