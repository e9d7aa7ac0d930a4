/**
 * In-memory LRU of delivered thumbnails, bounded by bytes, with single-flight loading: concurrent
 * misses for one key share one load, so a burst of requests costs ftrack one fetch. Behind it, an
 * optional shared tier (Redis, with REDIS_URL) that the replicas fill and read together.
 * Component ids are immutable in ftrack (a new thumbnail is a new component), so entries never
 * go stale; they only leave when the byte budget needs room.
 */
import { thumbnailCacheHits, thumbnailCacheMisses } from "../observability/metrics.js";
import { inSpan, SpanKind } from "../observability/tracing.js";

export type DeliveryVariant = "original" | "webp" | "avif";

export interface CachedThumbnail {
  body: Buffer;
  contentType: string;
  /** Strong ETag, quoted. */
  etag: string;
  /** Its width and height, when its header could be read. */
  size?: { width: number; height: number };
}

export type LoadOutcome = "hit" | "miss" | "coalesced";

/**
 * A tier shared by every replica, asked on a memory miss: its entry, or `loader`'s result fetched
 * once across the replicas and stored for all. It never fails because of itself: without its
 * store it runs `loader` alone.
 */
export interface SharedThumbnailTier {
  load(key: string, loader: () => Promise<CachedThumbnail | null>): Promise<CachedThumbnail | null>;
}

export class ThumbnailCache {
  // A Map iterates in insertion order: the first key is the least recently used.
  private readonly entries = new Map<string, CachedThumbnail>();
  private readonly inflight = new Map<string, Promise<CachedThumbnail | null>>();
  private usedBytes = 0;

  constructor(
    readonly maxBytes: number,
    private readonly shared?: SharedThumbnailTier,
  ) {}

  static key(componentId: string, size: number, variant: DeliveryVariant): string {
    return `${componentId}/${size}/${variant}`;
  }

  get bytes(): number {
    return this.usedBytes;
  }

  get count(): number {
    return this.entries.size;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Returns the entry and marks it most recently used. */
  get(key: string): CachedThumbnail | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** Stores an entry, evicting the least recently used; false when it alone exceeds the cap. */
  set(key: string, entry: CachedThumbnail): boolean {
    this.delete(key);
    const size = entry.body.length;
    if (size > this.maxBytes) return false;
    while (this.usedBytes + size > this.maxBytes) {
      const oldest = this.entries.keys().next().value as string;
      this.delete(oldest);
    }
    this.entries.set(key, entry);
    this.usedBytes += size;
    return true;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.usedBytes -= entry.body.length;
  }

  clear(): void {
    this.entries.clear();
    this.usedBytes = 0;
  }

  /**
   * The cached entry, or the shared tier's, or the result of `loader` run once for every concurrent
   * caller of this key. A null result (nothing to deliver) and a failure are shared with the
   * waiting callers but not stored, so the next request asks again.
   */
  async load(
    key: string,
    loader: () => Promise<CachedThumbnail | null>,
  ): Promise<{ value: CachedThumbnail | null; outcome: LoadOutcome }> {
    const cached = this.get(key);
    if (cached) {
      thumbnailCacheHits.inc({ tier: "memory" });
      return { value: cached, outcome: "hit" };
    }
    const pending = this.inflight.get(key);
    if (pending) {
      thumbnailCacheHits.inc({ tier: "memory" });
      return { value: await pending, outcome: "coalesced" };
    }
    thumbnailCacheMisses.inc({ tier: "memory" });

    // One span per load past this memory (the callers it serves share it), its fetch beneath it.
    const flight = inSpan(
      "thumbnail.cache.miss",
      SpanKind.INTERNAL,
      () => ({ "thumbnail.cache.key": key }),
      async () => {
        try {
          const value = this.shared ? await this.shared.load(key, loader) : await loader();
          if (value) this.set(key, value);
          return value;
        } finally {
          this.inflight.delete(key);
        }
      },
    );
    this.inflight.set(key, flight);
    return { value: await flight, outcome: "miss" };
  }
}
