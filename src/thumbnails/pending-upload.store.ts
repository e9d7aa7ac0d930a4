/**
 * Where two-step uploads wait between createThumbnailUpload, their PUT and their completion. Every
 * step that must happen once is one atomic call (a PUT starts once, a completion takes the upload
 * once), so two replicas sharing a store cannot both run it. An upload is gone after its expiresAt.
 */
import type { ThumbnailableKind } from "../ftrack/ftrack.types.js";
import type { ValidImage } from "./thumbnail.rules.js";

/** An upload as createThumbnailUpload reserved it. Nothing of it is in ftrack yet. */
export interface PendingUpload {
  id: string;
  /** The ftrack username that created it: the only one who may complete it. */
  owner: string;
  /** The entity whose thumbnail it becomes. */
  target: { kind: ThumbnailableKind; id: string };
  fileName: string;
  /** Declared: at most this many bytes are read from the PUT. */
  byteSize: number;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/**
 * reserved: waiting for its PUT; receiving: its PUT is being read and checked; received: the
 * checked image waits for the completion.
 */
export type PendingUploadEntry =
  | { upload: PendingUpload; state: "reserved" | "receiving" }
  | { upload: PendingUpload; state: "received"; image: ValidImage };

/** Why a PUT may not start: no such upload (never, expired, completed, failed), or it had its PUT. */
export type StartPutRefusal = "missing" | "used";

export interface PendingUploadStore {
  /** Keeps a new upload (reserved) until its expiresAt. */
  add(upload: PendingUpload): Promise<void>;
  /** The upload, while it has not expired. */
  get(id: string): Promise<PendingUploadEntry | null>;
  /** reserved -> receiving, once: a second PUT gets "used". */
  startPut(id: string): Promise<PendingUpload | StartPutRefusal>;
  /** receiving -> received, with the checked image. */
  finishPut(id: string, image: ValidImage): Promise<void>;
  /** Takes a received upload out, once: the caller completes it (or puts it back). Null otherwise. */
  take(id: string): Promise<(PendingUploadEntry & { state: "received" }) | null>;
  /** Puts a taken upload back, e.g. after ftrack failed its completion, so it can be retried. */
  putBack(entry: PendingUploadEntry & { state: "received" }): Promise<void>;
  delete(id: string): Promise<void>;
}
