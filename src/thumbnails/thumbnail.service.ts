/**
 * Changing thumbnails: set (an existing component), upload (a new image), store (an image already
 * checked, as the two-step upload's completion has it), copy (one entity's thumbnail onto others)
 * and clear. The rules live in thumbnail.rules.ts; every ftrack call goes
 * through the caller's FtrackSession, but an upload's cleanup through a session of its own (see
 * cleanupSession). Knows nothing of GraphQL or HTTP.
 *
 * Upload is atomic: once the component is created, any failure (ftrack error, timeout, a PUT cut
 * off) deletes what was created and puts the old thumbnail_id back, retrying the cleanup a few times.
 */
import { createHash, randomUUID } from "node:crypto";
import type { UploadConfig } from "../config.js";
import { ErrorCode } from "../error-codes.js";
import { isFtrackId } from "../ftrack/expression.js";
import type { FtrackSession } from "../ftrack/ftrack.session.js";
import type { ThumbnailableRecord } from "../ftrack/ftrack.types.js";
import { describeError } from "../observability/logger.js";
import { FILE_TYPES } from "./image.inspector.js";
import { ThumbnailError, tooLargeError } from "./thumbnail.errors.js";
import { assertThumbnailComponent, type ValidImage, validateImage } from "./thumbnail.rules.js";
import { readAtMost, type UploadedFile } from "./upload.reader.js";

/** A target entity's record as loaded: what to update, and the thumbnail it has now. */
export type TargetEntity = Pick<ThumbnailableRecord, "entityType" | "id" | "thumbnailId">;

interface CleanupLogger {
  error(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
}

export interface ThumbnailServiceOptions {
  limits: UploadConfig;
  logger?: CleanupLogger;
  /**
   * The session an upload's cleanup runs on: the caller's identity without the caller's abort
   * signal, so a client hanging up mid-upload stops the upload but not its cleanup.
   */
  cleanupSession: (session: FtrackSession) => FtrackSession;
  /** Attempts at cleaning up after a failed upload (default 4), the first delay (default 200 ms, doubling). */
  cleanupAttempts?: number;
  cleanupDelayMs?: number;
}

/** A file name without folders or extension ("thumbnail" when nothing is left). */
function stemOf(fileName: string): string {
  return (
    fileName
      .split(/[\\/]/)
      .at(-1)!
      .replace(/\.[^.]*$/, "") || "thumbnail"
  );
}

/** Largest number of entities one copyThumbnail may update. */
const MAX_COPY_TARGETS = 500;

export class ThumbnailService {
  readonly #limits: UploadConfig;
  readonly #logger?: CleanupLogger;
  readonly #cleanupSession: (session: FtrackSession) => FtrackSession;
  readonly #cleanupAttempts: number;
  readonly #cleanupDelayMs: number;

  constructor(opts: ThumbnailServiceOptions) {
    this.#limits = opts.limits;
    this.#logger = opts.logger;
    this.#cleanupSession = opts.cleanupSession;
    this.#cleanupAttempts = Math.max(1, opts.cleanupAttempts ?? 4);
    this.#cleanupDelayMs = opts.cleanupDelayMs ?? 200;
  }

  /** Makes an existing component the target's thumbnail, after checking all three rules. */
  async set(session: FtrackSession, target: TargetEntity, componentId: string): Promise<string> {
    if (!isFtrackId(componentId)) {
      throw new ThumbnailError(
        ErrorCode.BAD_USER_INPUT,
        `"${componentId}" is not an ftrack id. Pass a component's id.`,
        { componentId },
      );
    }
    const component = await session.component(componentId);
    assertThumbnailComponent(component, componentId);
    const file = await session.fetchComponentFile(componentId, this.#limits.maxBytes);
    if (!file) {
      throw new ThumbnailError(
        ErrorCode.THUMBNAIL_NOT_IN_SERVER_LOCATION,
        `ftrack.server holds no file for component "${componentId}". Upload the image with uploadThumbnail instead.`,
        { componentId },
      );
    }
    if (file.truncated) throw tooLargeError(this.#limits.maxBytes);
    // Only the verdict matters: the stored component is used as it is.
    await validateImage(file.body, this.#limits);
    await session.setThumbnailIds([target], componentId);
    return componentId;
  }

  /** Validates and re-encodes an uploaded image, stores it in ftrack.server and sets it; returns its id. */
  async upload(session: FtrackSession, target: TargetEntity, file: UploadedFile): Promise<string> {
    const bytes = await readAtMost(file.stream, this.#limits.maxBytes);
    const image = await validateImage(bytes, this.#limits);
    return this.store(session, target, image);
  }

  /** Puts the source's thumbnail on every target in one ftrack round trip; returns the component id. */
  async copy(session: FtrackSession, source: TargetEntity, targets: TargetEntity[]): Promise<string> {
    if (targets.length === 0) {
      throw new ThumbnailError(
        ErrorCode.BAD_USER_INPUT,
        "targets is empty. Name at least one entity to copy the thumbnail to.",
      );
    }
    if (targets.length > MAX_COPY_TARGETS) {
      throw new ThumbnailError(
        ErrorCode.BAD_USER_INPUT,
        `At most ${MAX_COPY_TARGETS} targets per copyThumbnail; split the list into several calls.`,
        { maxTargets: MAX_COPY_TARGETS },
      );
    }
    if (!source.thumbnailId) {
      throw new ThumbnailError(
        ErrorCode.SOURCE_HAS_NO_THUMBNAIL,
        `The source ${source.entityType} "${source.id}" has no thumbnail to copy. Pick a source that has one.`,
        { sourceId: source.id },
      );
    }
    const unique = [...new Map(targets.map((t) => [t.id, t])).values()];
    await session.setThumbnailIds(unique, source.thumbnailId);
    return source.thumbnailId;
  }

  /** Removes the target's thumbnail (the component itself stays: other entities may use it). */
  async clear(session: FtrackSession, target: TargetEntity): Promise<void> {
    await session.setThumbnailIds([target], null);
  }

  /**
   * Stores an image validateImage passed in ftrack.server and sets it as the target's thumbnail;
   * returns its id. On any failure after the component exists, what was created is deleted.
   * `fileName` is what ftrack records as the uploaded file's name, with the image's real extension.
   */
  async store(
    session: FtrackSession,
    target: TargetEntity,
    image: ValidImage,
    fileName = "thumbnail",
  ): Promise<string> {
    const componentId = randomUUID();
    let thumbnailIdSent = false;
    try {
      // The component may exist even when this call fails (e.g. a timeout after ftrack committed),
      // so everything from here on is covered by the cleanup.
      const upload = await session.createFileComponent({
        id: componentId,
        name: "thumbnail",
        fileType: FILE_TYPES[image.format],
        fileName: `${stemOf(fileName)}${FILE_TYPES[image.format]}`,
        size: image.bytes.length,
        checksum: createHash("md5").update(image.bytes).digest("base64"),
      });
      await session.uploadBytes(upload, image.bytes);
      await session.createServerComponentLocation(componentId);
      thumbnailIdSent = true;
      await session.setThumbnailIds([target], componentId);
    } catch (error) {
      await this.#rollback(session, target, componentId, thumbnailIdSent);
      throw error;
    }
    return componentId;
  }

  /** Puts the old thumbnail_id back (if it may have changed) and deletes the new component. */
  async #rollback(
    session: FtrackSession,
    target: TargetEntity,
    componentId: string,
    restoreThumbnail: boolean,
  ): Promise<void> {
    const cleanup = this.#cleanupSession(session);
    for (let attempt = 1; ; attempt++) {
      try {
        if (restoreThumbnail) await cleanup.setThumbnailIds([target], target.thumbnailId);
        await cleanup.deleteComponent(componentId);
        break;
      } catch (error) {
        if (attempt >= this.#cleanupAttempts) {
          this.#logger?.error(
            { componentId, targetId: target.id, attempts: attempt, error: describeError(error) },
            "thumbnail upload failed and its cleanup failed too: delete this component in ftrack",
          );
          break;
        }
        this.#logger?.warn(
          { componentId, attempt, error: describeError(error) },
          "thumbnail upload cleanup failed; retrying",
        );
        await new Promise((resolve) => setTimeout(resolve, this.#cleanupDelayMs * 2 ** (attempt - 1)));
      }
    }
    session.invalidate(target.id, componentId);
  }
}
