import { Readable } from "node:stream";
import type { FileUpload } from "graphql-upload/processRequest.mjs";
import { describe, expect, it } from "vitest";
import { uploadStream } from "../../src/graphql/upload.stream.js";
import type { ThumbnailError } from "../../src/thumbnails/thumbnail.errors.js";
import { readAtMost } from "../../src/thumbnails/upload.reader.js";

function fileUpload(createReadStream: () => Readable): Promise<FileUpload> {
  return Promise.resolve({
    filename: "a.png",
    mimetype: "image/png",
    encoding: "7bit",
    createReadStream,
  } as FileUpload);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "ok",
    (error: ThumbnailError) => error.code,
  );
}

describe("uploadStream", () => {
  it("maps graphql-upload's size limit (HTTP 413) to THUMBNAIL_TOO_LARGE", async () => {
    const limit = Object.assign(new Error("File truncated as it exceeds the 11 byte size limit."), {
      status: 413,
    });
    const thrown = fileUpload(() => {
      throw limit;
    });
    expect(await codeOf(readAtMost(uploadStream(thrown, 10), 10))).toBe("THUMBNAIL_TOO_LARGE");
    const midway = fileUpload(
      () =>
        new Readable({
          read() {
            this.push(Buffer.alloc(4));
            this.destroy(limit);
          },
        }),
    );
    expect(await codeOf(readAtMost(uploadStream(midway, 10), 10))).toBe("THUMBNAIL_TOO_LARGE");
  });

  it("maps a disconnected request to BAD_USER_INPUT", async () => {
    const gone = Object.assign(new Error("Request disconnected during file upload stream parsing."), {
      status: 499,
    });
    expect(await codeOf(readAtMost(uploadStream(Promise.reject(gone), 10), 10))).toBe("BAD_USER_INPUT");
  });

  it("passes bytes through", async () => {
    const ok = fileUpload(() => Readable.from([Buffer.from("abc"), Buffer.from("de")]));
    expect((await readAtMost(uploadStream(ok, 10), 10)).toString()).toBe("abcde");
  });
});
