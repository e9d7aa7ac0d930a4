/**
 * Live thumbnail changes for subscribers, fed by ftrack's event hub (one listener per replica, as
 * the service user). An event is only a cue (thumbnail-change.rules.ts): the entities it names are
 * read again from ftrack AS EACH SUBSCRIBER'S IDENTITY, so a subscriber gets exactly the changes to
 * entities it may read, in their current state, and a forged event can at most cause a re-read.
 *
 * Cues are gathered for a short burst, then each identity with subscribers reads every cued entity
 * its subscribers may want in one ftrack round trip (the session's call batcher merges the reads),
 * however many events and subscribers there were. Bursts are delivered one after another, in order.
 *
 * After the hub reconnects, every subscriber gets a "missed" event: changes made while it was down
 * were never announced, so a page should refetch. So do the subscribers of an identity whose
 * re-read failed (ftrack down); an identity ftrack no longer accepts gets "refused" and its streams end.
 */
import { Repeater, type RepeaterBuffer } from "@repeaterjs/repeater";
import type { EntityChange, EventGap } from "../ftrack/event-hub.types.js";
import type { FtrackSession } from "../ftrack/ftrack.session.js";
import { FtrackApiError, type FtrackIdentity, type ThumbnailableRecord } from "../ftrack/ftrack.types.js";
import { describeError } from "../observability/logger.js";
import { thumbnailSubscribers } from "../observability/metrics.js";
import {
  mayWant,
  readsVersionProject,
  type ThumbnailChangeFilter,
  type ThumbnailCue,
  thumbnailCue,
  wants,
} from "./thumbnail-change.rules.js";

export type ThumbnailChangeEvent =
  /** The entity's thumbnail was set (or replaced) or cleared; `readBy` read it as the subscriber. */
  | { kind: "set" | "cleared"; record: ThumbnailableRecord; readBy: FtrackSession }
  /** Changes since then may not have been delivered: refetch what is shown. */
  | { kind: "missed"; since: Date }
  /** ftrack no longer accepts the subscriber's identity; the stream ends after this event. */
  | { kind: "refused"; error: Error }
  /** The subscriber's credentials expired (a bearer token's `exp`); the stream ends after this event. */
  | { kind: "expired" };

/** What the feed listens to: the ftrack layer's event hub client. */
export interface ThumbnailChangeSource {
  onChanges(listener: (changes: EntityChange[]) => void): () => void;
  onGap(listener: (gap: EventGap) => void): () => void;
}

export interface ThumbnailChangeFeedOptions {
  source: ThumbnailChangeSource;
  /** A fresh session (its own loader cache) for reading as a subscriber's identity. */
  sessionFor: (identity: FtrackIdentity) => FtrackSession;
  /** How long cues are gathered before they are read (default 50 ms). */
  burstMs?: number;
  /** Events kept for a subscriber that reads slower than they come; beyond that it gets "missed". */
  maxQueued?: number;
  /** Entities one burst may read (default 1000); a larger burst is announced as "missed" instead. */
  maxCuesPerBurst?: number;
  logger?: {
    warn(details: Record<string, unknown>, message: string): void;
    error(details: Record<string, unknown>, message: string): void;
  };
}

interface Subscriber {
  identity: FtrackIdentity;
  filter: ThumbnailChangeFilter;
  push(event: ThumbnailChangeEvent): unknown;
  stop(): unknown;
}

const DEFAULT_BURST_MS = 50;
const DEFAULT_MAX_QUEUED = 100;
const DEFAULT_MAX_CUES_PER_BURST = 1000;
const MAX_TIMER_MS = 2 ** 31 - 1;

export class ThumbnailChangeFeed {
  readonly #sessionFor: (identity: FtrackIdentity) => FtrackSession;
  readonly #burstMs: number;
  readonly #maxQueued: number;
  readonly #maxCuesPerBurst: number;
  readonly #logger?: ThumbnailChangeFeedOptions["logger"];
  readonly #subscribers = new Set<Subscriber>();
  readonly #unlisten: (() => void)[];
  /** Cued entities of the burst being gathered, by id. */
  #cues = new Map<string, ThumbnailCue>();
  #burst?: NodeJS.Timeout;
  /** When the first cue of the burst being gathered came: its changes are no older. */
  #burstStart = new Date();
  /** Deliveries run one after another, so subscribers see bursts and gaps in order. */
  #deliveries: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(opts: ThumbnailChangeFeedOptions) {
    this.#sessionFor = opts.sessionFor;
    this.#burstMs = opts.burstMs ?? DEFAULT_BURST_MS;
    this.#maxQueued = opts.maxQueued ?? DEFAULT_MAX_QUEUED;
    this.#maxCuesPerBurst = opts.maxCuesPerBurst ?? DEFAULT_MAX_CUES_PER_BURST;
    this.#logger = opts.logger;
    this.#unlisten = [
      opts.source.onChanges((changes) => this.#cue(changes)),
      opts.source.onGap((gap) => this.#enqueue(async () => this.#announceGap(gap.since))),
    ];
  }

  /**
   * Changes this identity may read that pass the filter, until the iterator is returned, the feed
   * closes, or `until` (ms since the epoch: when the identity's credentials expire) passes.
   */
  subscribe(
    identity: FtrackIdentity,
    filter: ThumbnailChangeFilter,
    { until }: { until?: number } = {},
  ): AsyncIterableIterator<ThumbnailChangeEvent> {
    return new Repeater<ThumbnailChangeEvent>(async (push, stop) => {
      // A subscription that arrives while the service stops ends at once.
      if (this.#closed) return stop();
      const subscriber: Subscriber = { identity, filter, push, stop };
      this.#subscribers.add(subscriber);
      thumbnailSubscribers.inc();
      let expiry: NodeJS.Timeout | undefined;
      const expireAt = (at: number) => {
        // setTimeout takes at most about 24 days: wait in steps until then.
        expiry = setTimeout(
          () => {
            if (Date.now() < at) return expireAt(at);
            push({ kind: "expired" });
            stop();
          },
          Math.min(Math.max(0, at - Date.now()), MAX_TIMER_MS),
        );
      };
      if (until !== undefined) expireAt(until);
      await stop;
      clearTimeout(expiry);
      this.#subscribers.delete(subscriber);
      thumbnailSubscribers.dec();
    }, new MissedOnOverflow(this.#maxQueued));
  }

  /** Ends every subscriber's stream (and any later one's at once) and stops listening. */
  close(): void {
    this.#closed = true;
    for (const unlisten of this.#unlisten) unlisten();
    clearTimeout(this.#burst);
    this.#cues.clear();
    for (const subscriber of this.#subscribers) subscriber.stop();
  }

  #cue(changes: EntityChange[]): void {
    // Nobody listens: nothing to read.
    if (this.#subscribers.size === 0) return;
    for (const change of changes) {
      const cue = thumbnailCue(change);
      if (cue) this.#cues.set(cue.id, cue);
    }
    if (this.#cues.size === 0 || this.#burst) return;
    this.#burstStart = new Date();
    this.#burst = setTimeout(() => this.#endBurst(), this.#burstMs);
  }

  #endBurst(): void {
    this.#burst = undefined;
    const cues = [...this.#cues.values()];
    const since = this.#burstStart;
    this.#cues = new Map();
    // Events cost reads, and anyone with ftrack credentials may publish events: past a bound, a
    // burst is not read but announced as missed, so pages refetch once instead.
    if (cues.length > this.#maxCuesPerBurst) this.#enqueue(async () => this.#announceGap(since));
    else this.#enqueue(() => this.#deliverBurst(cues, since));
  }

  #enqueue(delivery: () => Promise<void>): void {
    this.#deliveries = this.#deliveries.then(delivery).catch((error: unknown) => {
      this.#logger?.error({ error: describeError(error) }, "live thumbnails: a delivery failed");
    });
  }

  async #announceGap(since: Date): Promise<void> {
    for (const subscriber of this.#subscribers) subscriber.push({ kind: "missed", since });
  }

  async #deliverBurst(cues: ThumbnailCue[], since: Date): Promise<void> {
    const byIdentity = new Map<string, Subscriber[]>();
    for (const subscriber of this.#subscribers) {
      const { username, apiKey } = subscriber.identity;
      const key = `${username}\n${apiKey}`;
      const group = byIdentity.get(key);
      if (group) group.push(subscriber);
      else byIdentity.set(key, [subscriber]);
    }
    await Promise.all(
      [...byIdentity.values()].map((subscribers) => this.#deliverTo(subscribers, cues, since)),
    );
  }

  /** One identity's subscribers: one read of what they may want, then each gets what it wants. */
  async #deliverTo(subscribers: Subscriber[], cues: ThumbnailCue[], since: Date): Promise<void> {
    const wanted = cues.filter((cue) => subscribers.some((s) => mayWant(s.filter, cue)));
    if (wanted.length === 0) return;
    const session = this.#sessionFor(subscribers[0].identity);
    const filters = subscribers.map((s) => s.filter);
    let reads: [ThumbnailableRecord | null, string | null | undefined][];
    try {
      // Asked for in one tick: the session's call batcher sends them as one request.
      reads = await Promise.all(
        wanted.map((cue) =>
          Promise.all([
            session.thumbnailable(cue.kind, cue.id),
            readsVersionProject(filters, cue) ? session.versionProjectId(cue.id) : undefined,
          ]),
        ),
      );
    } catch (error) {
      this.#readFailed(subscribers, error, since);
      return;
    }
    for (const [record, versionProjectId] of reads) {
      if (!record) continue; // gone, or not readable by this identity
      const event: ThumbnailChangeEvent = {
        kind: record.thumbnailId ? "set" : "cleared",
        record,
        readBy: session,
      };
      for (const subscriber of subscribers) {
        if (wants(subscriber.filter, record, versionProjectId)) subscriber.push(event);
      }
    }
  }

  #readFailed(subscribers: Subscriber[], error: unknown, since: Date): void {
    const refused = error instanceof FtrackApiError && error.isCredentials && !error.byService;
    if (refused) {
      for (const subscriber of subscribers) {
        subscriber.push({ kind: "refused", error });
        subscriber.stop();
      }
      return;
    }
    this.#logger?.warn(
      { error: describeError(error), subscribers: subscribers.length },
      "live thumbnails: reading changed entities failed; their subscribers are told they may have missed changes",
    );
    for (const subscriber of subscribers) subscriber.push({ kind: "missed", since });
  }
}

/**
 * A subscriber's queue of events not yet read. Pushes never wait (the hub does not slow down for a
 * slow reader); when the queue is full, it is replaced by one "missed" event, which tells the
 * subscriber to refetch and so stands for everything dropped.
 */
class MissedOnOverflow implements RepeaterBuffer<ThumbnailChangeEvent> {
  #queue: ThumbnailChangeEvent[] = [];
  /** When the oldest event still queued was added: dropped events are all younger. */
  #oldest = new Date();

  constructor(readonly capacity: number) {}

  get empty(): boolean {
    return this.#queue.length === 0;
  }

  get full(): boolean {
    return false;
  }

  add(event: ThumbnailChangeEvent): void {
    if (this.#queue.length === 0) this.#oldest = new Date();
    if (this.#queue.length < this.capacity) this.#queue.push(event);
    else this.#queue = [{ kind: "missed", since: this.#oldest }];
  }

  remove(): ThumbnailChangeEvent {
    const event = this.#queue.shift();
    if (!event) throw new Error("the queue is empty");
    return event;
  }
}
