/**
 * The two-step upload, for clients that can send only JSON to GraphQL (through a gateway):
 *   1. reserve: createThumbnailUpload checks what is declared (type, size, name) and the caller's
 *      right to change the target, and hands out a signed, expiring URL for one PUT;
 *   2. receive: the PUT's bytes get the checks of uploadThumbnail (type from the bytes, resolution
 *      from the header before decoding, re-encoded without metadata); the checked image waits in the
 *      PendingUploadStore;
 *   3. complete: completeThumbnailUpload, by the identity that reserved it, stores the image in
 *      ftrack and sets it as the thumbnail, all or nothing (ThumbnailService.store).
 * Nothing reaches ftrack's data before step 3; an upload never completed is dropped at its expiry.
 * Knows nothing of GraphQL or HTTP: refusals are ThumbnailErrors with public codes.
 */
import { randomUUID } from "node:crypto";
import type { ImageFormat, UploadConfig } from "../config.js";
import { ErrorCode } from "../error-codes.js";
import type { FtrackSession } from "../ftrack/ftrack.session.js";
import type { ThumbnailableKind, ThumbnailableRecord } from "../ftrack/ftrack.types.js";
import type { PendingUploadStore } from "./pending-upload.store.js";
import { ThumbnailError, tooLargeError } from "./thumbnail.errors.js";
import { validateImage } from "./thumbnail.rules.js";
import type { TargetEntity, ThumbnailService } from "./thumbnail.service.js";
import { readAtMost } from "./upload.reader.js";
import { type SignedUploadParams, UPLOAD_ID, type UploadUrlSigner } from "./upload-url.signer.js";

/** What createThumbnailUpload declares about the file. */
export interface DeclaredFile {
  fileName: string;
  contentType: string;
  byteSize: number;
}

/** Where and how to send the file: one request of `method` to `url` with `headers`. */
export interface UploadTicket {
  id: string;
  url: string;
  method: "PUT";
  headers: { name: string; value: string }[];
  expiresAt: Date;
}

export interface ThumbnailUploadFlowOptions {
  limits: UploadConfig;
  store: PendingUploadStore;
  signer: UploadUrlSigner;
  thumbnails: ThumbnailService;
  /** Milliseconds since the epoch, like Date.now. */
  now?: () => number;
}

const MAX_FILE_NAME_LENGTH = 255;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

export class ThumbnailUploadFlow {
  readonly #limits: UploadConfig;
  readonly #store: PendingUploadStore;
  readonly #signer: UploadUrlSigner;
  readonly #thumbnails: ThumbnailService;
  readonly #now: () => number;

  constructor(opts: ThumbnailUploadFlowOptions) {
    this.#limits = opts.limits;
    this.#store = opts.store;
    this.#signer = opts.signer;
    this.#thumbnails = opts.thumbnails;
    this.#now = opts.now ?? (() => Date.now());
  }

  /** Step 1: checks the declaration and the caller's right to change the target; nothing is written. */
  async reserve(
    session: FtrackSession,
    target: { kind: ThumbnailableKind; entity: TargetEntity },
    file: DeclaredFile,
  ): Promise<UploadTicket> {
    const contentType = this.#acceptedContentType(file.contentType);
    if (!Number.isInteger(file.byteSize) || file.byteSize < 1) {
      throw new ThumbnailError(
        ErrorCode.BAD_USER_INPUT,
        "byteSize must be the file's size in bytes, 1 or more.",
        { argumentName: "byteSize" },
      );
    }
    if (file.byteSize > this.#limits.maxBytes) {
      const { message, details } = tooLargeError(this.#limits.maxBytes);
      throw new ThumbnailError(ErrorCode.THUMBNAIL_TOO_LARGE, message, details);
    }
    const fileName = file.fileName.trim();
    if (fileName === "" || fileName.length > MAX_FILE_NAME_LENGTH || CONTROL_CHARACTERS.test(fileName)) {
      throw new ThumbnailError(
        ErrorCode.BAD_USER_INPUT,
        `fileName must be the file's name: 1 to ${MAX_FILE_NAME_LENGTH} characters, no control characters.`,
        { argumentName: "fileName" },
      );
    }
    await session.checkThumbnailWritable(target.entity);

    const id = randomUUID();
    // Whole seconds, as the URL carries them.
    const expiresAt = (Math.floor(this.#now() / 1000) + this.#limits.urlTtlSeconds) * 1000;
    await this.#store.add({
      id,
      owner: session.identity.username,
      target: { kind: target.kind, id: target.entity.id },
      fileName,
      byteSize: file.byteSize,
      expiresAt,
    });
    return {
      id,
      url: this.#signer.issue(id, expiresAt),
      method: "PUT",
      headers: [{ name: "Content-Type", value: contentType }],
      expiresAt: new Date(expiresAt),
    };
  }

  /**
   * Step 2: the one PUT of an upload. Reads at most the declared byteSize (`contentLength`, when the
   * request states it, is checked first), then checks the image as uploadThumbnail does. Any
   * refusal ends the upload: the client creates a new one.
   */
  async receive(params: SignedUploadParams, body: AsyncIterable<Uint8Array>, contentLength?: number) {
    const verdict = this.#signer.verify(params);
    if (!verdict.ok) throw urlRefusal(verdict.reason);
    const upload = await this.#store.startPut(verdict.uploadId);
    if (upload === "missing") throw missingUpload(verdict.uploadId);
    if (upload === "used") {
      throw new ThumbnailError(
        ErrorCode.THUMBNAIL_UPLOAD_USED,
        "This upload already received its file. Complete it with completeThumbnailUpload, or create a new upload.",
      );
    }
    const { byteSize } = upload;
    const moreThanDeclared = () =>
      new ThumbnailError(
        ErrorCode.THUMBNAIL_TOO_LARGE,
        `The request carries more than the ${byteSize} bytes declared (byteSize) when the upload was created. ` +
          "Create a new upload with the file's size.",
        { byteSize },
      );
    try {
      if (contentLength !== undefined && contentLength > byteSize) throw moreThanDeclared();
      const bytes = await readAtMost(body, byteSize, moreThanDeclared);
      await this.#store.finishPut(upload.id, await validateImage(bytes, this.#limits));
    } catch (error) {
      await this.#store.delete(upload.id);
      throw error;
    }
  }

  /**
   * Step 3: by the identity that reserved the upload, stores its image and sets it as the target's
   * thumbnail (all or nothing); returns the target as it was before. If ftrack fails, the upload
   * stays pending, so the completion can be retried until it expires.
   */
  async complete(session: FtrackSession, uploadId: string): Promise<ThumbnailableRecord> {
    if (!UPLOAD_ID.test(uploadId)) {
      throw new ThumbnailError(
        ErrorCode.BAD_USER_INPUT,
        `"${uploadId}" is not an upload id. Pass the id createThumbnailUpload returned.`,
        { argumentName: "id" },
      );
    }
    const entry = await this.#store.get(uploadId);
    if (!entry) throw missingUpload(uploadId);
    if (entry.upload.owner !== session.identity.username) {
      throw new ThumbnailError(
        ErrorCode.FORBIDDEN,
        "This upload was created by another user: only the user who created it can complete it.",
      );
    }
    if (entry.state !== "received") {
      throw new ThumbnailError(
        ErrorCode.THUMBNAIL_UPLOAD_NOT_RECEIVED,
        entry.state === "receiving"
          ? "The file is still arriving. Complete the upload once its PUT has answered 204."
          : "The file has not been sent yet. PUT it to the upload's url with its headers, then complete the upload.",
      );
    }
    // Taken once: a concurrent completion of the same upload finds nothing.
    const taken = await this.#store.take(uploadId);
    if (!taken) throw missingUpload(uploadId);
    const { kind, id } = taken.upload.target;
    const target = await session.thumbnailable(kind, id);
    if (!target) {
      throw new ThumbnailError(
        ErrorCode.NOT_FOUND,
        `The ${kind} "${id}" this upload was for no longer exists.`,
        { target: { id } },
      );
    }
    try {
      await this.#thumbnails.store(session, target, taken.image, taken.upload.fileName);
    } catch (error) {
      await this.#store.putBack(taken);
      throw error;
    }
    return target;
  }

  /** The declared MIME type, normalised, when it names an accepted image type. */
  #acceptedContentType(declared: string): string {
    const type = declared.split(";")[0]!.trim().toLowerCase();
    const format = (type === "image/jpg" ? "jpeg" : type.replace(/^image\//, "")) as ImageFormat;
    if (type.startsWith("image/") && this.#limits.acceptedTypes.includes(format)) return `image/${format}`;
    const accepted = this.#limits.acceptedTypes.map((t) => `image/${t}`).join(", ");
    throw new ThumbnailError(
      ErrorCode.THUMBNAIL_UNSUPPORTED_TYPE,
      `contentType "${declared.slice(0, 100)}" is not an accepted image type. Use one of: ${accepted}.`,
      { contentType: declared.slice(0, 100), acceptedTypes: this.#limits.acceptedTypes },
    );
  }
}

function urlRefusal(reason: "malformed" | "tampered" | "expired"): ThumbnailError {
  switch (reason) {
    case "malformed":
      return new ThumbnailError(ErrorCode.THUMBNAIL_URL_MALFORMED, "Invalid upload link.");
    case "tampered":
      return new ThumbnailError(ErrorCode.THUMBNAIL_URL_INVALID_SIGNATURE, "Invalid upload link.");
    case "expired":
      return new ThumbnailError(
        ErrorCode.THUMBNAIL_URL_EXPIRED,
        "This upload link has expired. Create a new upload.",
      );
  }
}

function missingUpload(uploadId: string): ThumbnailError {
  return new ThumbnailError(
    ErrorCode.NOT_FOUND,
    `No pending upload "${uploadId}": it expired, was completed, or its file was refused. Create a new upload.`,
    { uploadId },
  );
}
