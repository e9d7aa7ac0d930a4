import sharp from "sharp";
import { describe, expect, it } from "vitest";
import type { UploadConfig } from "../../src/config.js";
import { ORIGIN_LOCATION_ID, SERVER_LOCATION_ID } from "../../src/ftrack/ftrack.types.js";
import { detectType } from "../../src/thumbnails/image.inspector.js";
import { interruptedError, ThumbnailError } from "../../src/thumbnails/thumbnail.errors.js";
import { assertThumbnailComponent, validateImage } from "../../src/thumbnails/thumbnail.rules.js";
import { readAtMost, UploadLimitError } from "../../src/thumbnails/upload.reader.js";
import { blankPng, exifHasGps, jpegWithGps, PDF, SVG, solid, TEXT, truncatedPng } from "./image.fixtures.js";

const limits: UploadConfig = {
  maxBytes: 1024 * 1024,
  maxPixels: 40_000_000,
  minEdge: 16,
  maxEdge: 8192,
  acceptedTypes: ["jpeg", "png", "gif", "webp"],
  urlTtlSeconds: 900,
};

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ThumbnailError) return error.code;
    throw error;
  }
  throw new Error("expected a ThumbnailError");
}

describe("detectType", () => {
  it("reads the type from magic bytes", async () => {
    expect(detectType(await solid("png"))).toBe("png");
    expect(detectType(await solid("jpeg"))).toBe("jpeg");
    expect(detectType(await solid("gif"))).toBe("gif");
    expect(detectType(await solid("webp"))).toBe("webp");
    expect(detectType(SVG)).toBe("svg");
    expect(detectType(Buffer.from("  <svg xmlns='x'></svg>"))).toBe("svg");
    expect(detectType(PDF)).toBe("pdf");
    expect(detectType(TEXT)).toBe("unknown");
    expect(detectType(Buffer.alloc(0))).toBe("unknown");
  });
});

describe("validateImage", () => {
  it.each(["png", "jpeg", "gif", "webp"] as const)("accepts %s and keeps the format", async (format) => {
    const image = await validateImage(await solid(format, 120, 90), limits);
    expect(image).toMatchObject({ format, width: 120, height: 90, frames: 1 });
    expect((await sharp(image.bytes).metadata()).format).toBe(format);
  });

  it("refuses SVG, PDF and non-image bytes as THUMBNAIL_UNSUPPORTED_TYPE", async () => {
    for (const bytes of [SVG, PDF, TEXT, Buffer.alloc(0)]) {
      expect(await codeOf(validateImage(bytes, limits))).toBe("THUMBNAIL_UNSUPPORTED_TYPE");
    }
  });

  it("refuses types left out of the accepted list", async () => {
    const pngOnly = { ...limits, acceptedTypes: ["png" as const] };
    expect(await codeOf(validateImage(await solid("webp"), pngOnly))).toBe("THUMBNAIL_UNSUPPORTED_TYPE");
  });

  it("refuses a truncated PNG", async () => {
    expect(await codeOf(validateImage(await truncatedPng(), limits))).toBe("THUMBNAIL_UNSUPPORTED_TYPE");
  });

  it("refuses a decompression bomb from its header, before decoding", async () => {
    const bomb = blankPng(20_000, 20_000);
    expect(bomb.length).toBeLessThan(64 * 1024);
    const error = await validateImage(bomb, limits).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThumbnailError);
    expect((error as ThumbnailError).code).toBe("THUMBNAIL_BAD_RESOLUTION");
    expect((error as ThumbnailError).message).toMatch(/20000x20000/);
  });

  it("refuses edges under the minimum and over the maximum", async () => {
    expect(await codeOf(validateImage(await solid("png", 8, 100), limits))).toBe("THUMBNAIL_BAD_RESOLUTION");
    expect(await codeOf(validateImage(await solid("png", 300, 20), { ...limits, maxEdge: 256 }))).toBe(
      "THUMBNAIL_BAD_RESOLUTION",
    );
  });

  it("drops EXIF (GPS included) when re-encoding", async () => {
    const input = await jpegWithGps();
    expect(exifHasGps((await sharp(input).metadata()).exif)).toBe(true);
    const image = await validateImage(input, limits);
    const after = await sharp(image.bytes).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.format).toBe("jpeg");
  });
});

describe("assertThumbnailComponent", () => {
  const base = { id: "c", name: "thumbnail", fileType: ".png", size: 1 };
  it("applies rules 1 and 2", () => {
    const code = (fn: () => void) => {
      try {
        fn();
        return "ok";
      } catch (error) {
        return (error as ThumbnailError).code;
      }
    };
    expect(code(() => assertThumbnailComponent(null, "c"))).toBe("NOT_FOUND");
    expect(
      code(() =>
        assertThumbnailComponent(
          { ...base, entityType: "ContainerComponent", locationIds: [SERVER_LOCATION_ID] },
          "c",
        ),
      ),
    ).toBe("THUMBNAIL_NOT_FILE_COMPONENT");
    expect(
      code(() =>
        assertThumbnailComponent(
          { ...base, entityType: "FileComponent", locationIds: [ORIGIN_LOCATION_ID] },
          "c",
        ),
      ),
    ).toBe("THUMBNAIL_NOT_IN_SERVER_LOCATION");
    expect(
      code(() =>
        assertThumbnailComponent(
          { ...base, entityType: "FileComponent", locationIds: [SERVER_LOCATION_ID] },
          "c",
        ),
      ),
    ).toBe("ok");
  });
});

describe("readAtMost", () => {
  async function* chunks(...sizes: number[]) {
    for (const size of sizes) yield new Uint8Array(size);
  }

  it("stops reading past the limit", async () => {
    let pulled = 0;
    async function* counted() {
      for (let i = 0; i < 100; i++) {
        pulled++;
        yield new Uint8Array(100);
      }
    }
    expect(await codeOf(readAtMost(counted(), 250))).toBe("THUMBNAIL_TOO_LARGE");
    expect(pulled).toBe(3);
    expect((await readAtMost(chunks(100, 150), 250)).length).toBe(250);
  });

  it("is THUMBNAIL_TOO_LARGE when the transport cut the file at its limit", async () => {
    async function* cut() {
      yield new Uint8Array(200);
      throw new UploadLimitError();
    }
    expect(await codeOf(readAtMost(cut(), 250))).toBe("THUMBNAIL_TOO_LARGE");
  });

  it("passes the stream's own errors through (its producer words them)", async () => {
    async function* broken() {
      yield new Uint8Array(10);
      throw interruptedError();
    }
    expect(await codeOf(readAtMost(broken(), 250))).toBe("BAD_USER_INPUT");
  });
});
