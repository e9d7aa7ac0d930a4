/** graphql-upload's errors, translated once (upload.stream.ts) into what the domain reads. */
import { Readable } from "node:stream";
import type { FileUpload } from "graphql-upload/processRequest.mjs";
import { describe, expect, it } from "vitest";
import { uploadStream } from "../../../src/graphql/upload/upload.stream.js";
import type { ThumbnailError } from "../../../src/thumbnails/thumbnail.errors.js";
import { readAtMost } from "../../../src/thumbnails/upload.reader.js";

function fileUpload(createReadStream: () => Readable): Promise<FileUpload> {
  return Promise.resolve({
    filename: "a.png",
    mimetype: "image/png",
    encoding: "7bit",
    createReadStream,
  } as FileUpload);
}

/** graphql-upload's errors are http-errors: a status, and `expose` on 4xx. */
const httpError = (status: number, message: string) =>
  Object.assign(new Error(message), { status, expose: true });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "ok",
    (error: ThumbnailError) => error.code,
  );
}

describe("uploadStream", () => {
  const limit = httpError(413, "File truncated as it exceeds the 10 byte size limit.");

  it("maps graphql-upload's size limit (HTTP 413) to THUMBNAIL_TOO_LARGE, before and during the read", async () => {
    const before = fileUpload(() => {
      throw limit;
    });
    expect(await codeOf(readAtMost(uploadStream(before), 10))).toBe("THUMBNAIL_TOO_LARGE");
    const during = fileUpload(
      () =>
        new Readable({
          read() {
            this.push(Buffer.alloc(4));
            this.destroy(limit);
          },
        }),
    );
    expect(await codeOf(readAtMost(uploadStream(during), 10))).toBe("THUMBNAIL_TOO_LARGE");
  });

  it("maps a disconnected request to BAD_USER_INPUT", async () => {
    const gone = httpError(499, "Request disconnected during file upload stream parsing.");
    expect(await codeOf(readAtMost(uploadStream(Promise.reject(gone)), 10))).toBe("BAD_USER_INPUT");
    const broken = fileUpload(() =>
      Readable.from(
        (async function* () {
          yield Buffer.from("ab");
          throw new Error("Unexpected end of form");
        })(),
      ),
    );
    expect(await codeOf(readAtMost(uploadStream(broken), 10))).toBe("BAD_USER_INPUT");
  });

  it("says so when the request holds no file for the variable", async () => {
    const missing = httpError(400, "File missing in the request.");
    const error = await readAtMost(uploadStream(Promise.reject(missing)), 10).catch((e: ThumbnailError) => e);
    expect(error).toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringMatching(/no file/) });
  });

  it("passes bytes through", async () => {
    const ok = fileUpload(() => Readable.from([Buffer.from("abc"), Buffer.from("de")]));
    expect((await readAtMost(uploadStream(ok), 10)).toString()).toBe("abcde");
  });
});
