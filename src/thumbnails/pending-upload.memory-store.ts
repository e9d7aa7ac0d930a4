/**
 * The pending uploads of one replica, in memory: bounded in count and in checked-image bytes (the
 * oldest uploads make room for new ones), and forgetting each upload at its expiresAt. A PUT and the
 * completion of one upload must reach the same replica (see the README's two-step upload).
 */
import type {
  PendingUpload,
  PendingUploadEntry,
  PendingUploadStore,
  StartPutRefusal,
} from "./pending-upload.store.js";
import type { ValidImage } from "./thumbnail.rules.js";

type Received = PendingUploadEntry & { state: "received" };

export interface MemoryPendingUploadStoreOptions {
  /** Most uploads kept (default 1000). */
  maxUploads?: number;
  /** Most bytes of checked images kept (default 256 MiB). */
  maxImageBytes?: number;
  /** Milliseconds since the epoch, like Date.now. */
  now?: () => number;
}

export class MemoryPendingUploadStore implements PendingUploadStore {
  /** In insertion order: the first entries are the oldest. */
  readonly #entries = new Map<string, PendingUploadEntry>();
  readonly #maxUploads: number;
  readonly #maxImageBytes: number;
  readonly #now: () => number;
  #imageBytes = 0;

  constructor(options: MemoryPendingUploadStoreOptions = {}) {
    this.#maxUploads = options.maxUploads ?? 1000;
    this.#maxImageBytes = options.maxImageBytes ?? 256 * 1024 * 1024;
    this.#now = options.now ?? (() => Date.now());
  }

  async add(upload: PendingUpload): Promise<void> {
    this.#dropExpired();
    this.#makeRoom(1, 0);
    this.#entries.set(upload.id, { upload, state: "reserved" });
  }

  async get(id: string): Promise<PendingUploadEntry | null> {
    return this.#live(id);
  }

  async startPut(id: string): Promise<PendingUpload | StartPutRefusal> {
    const entry = this.#live(id);
    if (!entry) return "missing";
    if (entry.state !== "reserved") return "used";
    this.#entries.set(id, { upload: entry.upload, state: "receiving" });
    return entry.upload;
  }

  async finishPut(id: string, image: ValidImage): Promise<void> {
    const entry = this.#live(id);
    if (entry?.state !== "receiving") return;
    this.#makeRoom(0, image.bytes.length, id);
    this.#entries.set(id, { upload: entry.upload, state: "received", image });
    this.#imageBytes += image.bytes.length;
  }

  async take(id: string): Promise<Received | null> {
    const entry = this.#live(id);
    if (entry?.state !== "received") return null;
    this.#remove(id);
    return entry;
  }

  async putBack(entry: Received): Promise<void> {
    if (entry.upload.expiresAt <= this.#now()) return;
    this.#makeRoom(1, entry.image.bytes.length);
    this.#entries.set(entry.upload.id, entry);
    this.#imageBytes += entry.image.bytes.length;
  }

  async delete(id: string): Promise<void> {
    this.#remove(id);
  }

  /** The entry, unless it has expired (then it is dropped). */
  #live(id: string): PendingUploadEntry | null {
    const entry = this.#entries.get(id);
    if (!entry) return null;
    if (entry.upload.expiresAt > this.#now()) return entry;
    this.#remove(id);
    return null;
  }

  #remove(id: string): void {
    const entry = this.#entries.get(id);
    if (entry?.state === "received") this.#imageBytes -= entry.image.bytes.length;
    this.#entries.delete(id);
  }

  #dropExpired(): void {
    const now = this.#now();
    for (const [id, entry] of this.#entries) if (entry.upload.expiresAt <= now) this.#remove(id);
  }

  /** Drops the oldest uploads (never `keep`) until `uploads` more and `bytes` more fit. */
  #makeRoom(uploads: number, bytes: number, keep?: string): void {
    for (const id of this.#entries.keys()) {
      const fits =
        this.#entries.size + uploads <= this.#maxUploads && this.#imageBytes + bytes <= this.#maxImageBytes;
      if (fits) return;
      if (id !== keep) this.#remove(id);
    }
  }
}
