/**
 * Merges every operation issued in the same tick into ONE `POST /api`.
 *
 * Units: `call(op)` submits a unit of one operation; `callGroup(ops)` a unit whose operations travel
 * together and succeed or fail together (ftrack runs one POST as one transaction).
 *
 * Failure policy:
 * - FtrackApiError on a merged POST (ftrack fails the whole batch for one bad operation, and
 *   applies nothing): each unit is sent again alone (except for InvalidCredentialsError, which
 *   would fail them all), so one bad unit cannot fail the others. This
 *   re-send is safe for writes too, because the failed POST changed nothing.
 * - Transient failure (FtrackUnavailableError: network, timeout, HTTP 5xx/429): units made only of
 *   reads (`query`, `query_schemas`, `query_server_information`) are retried with exponential backoff
 *   and jitter while within `retryDeadlineMs` of their first attempt. Units with any write are NOT
 *   retried (the write may have been applied): they reject with the error.
 */
import { FtrackApiError, type FtrackOperation, FtrackUnavailableError } from "./ftrack.types.js";

export type SendOperations = (ops: FtrackOperation[]) => Promise<unknown[]>;

export interface CallBatcherOptions {
  /** Total time a read unit may spend retrying transient failures (0 = no retry). */
  retryDeadlineMs: number;
  /** Largest number of operations in one POST (a larger group still goes whole). Default: no limit. */
  maxOpsPerPost?: number;
  /** false = every unit is sent at once in its own POST (naive mode, for comparison). */
  batching: boolean;
  /** First backoff delay; doubles per attempt, capped at maxDelayMs, then jittered. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** For tests: randomness and clock. */
  random?: () => number;
  now?: () => number;
}

const READ_ACTIONS = new Set<FtrackOperation["action"]>([
  "query",
  "query_schemas",
  "query_server_information",
]);

/** Operations safe to repeat: they change nothing on the server. */
export function isReadOperation(op: FtrackOperation): boolean {
  return READ_ACTIONS.has(op.action);
}

/** Failures worth retrying: ftrack unreachable, slow, or answering 5xx / 429 without its error shape. */
export function isTransientError(error: unknown): boolean {
  if (!(error instanceof FtrackUnavailableError)) return false;
  if (error.kind !== "http") return true;
  return error.status >= 500 || error.status === 429 || error.status === 0;
}

interface Unit {
  ops: FtrackOperation[];
  resolve: (results: unknown[]) => void;
  reject: (error: unknown) => void;
  firstAttemptAt: number;
  attempt: number;
}

export class CallBatcher {
  readonly #send: SendOperations;
  readonly #retryDeadlineMs: number;
  readonly #maxOps: number;
  readonly #batching: boolean;
  readonly #baseDelayMs: number;
  readonly #maxDelayMs: number;
  readonly #random: () => number;
  readonly #now: () => number;
  #queue: Unit[] = [];
  #scheduled = false;

  constructor(send: SendOperations, opts: CallBatcherOptions) {
    this.#send = send;
    this.#retryDeadlineMs = opts.retryDeadlineMs;
    this.#maxOps = opts.maxOpsPerPost ?? Number.POSITIVE_INFINITY;
    this.#batching = opts.batching;
    this.#baseDelayMs = opts.baseDelayMs ?? 50;
    this.#maxDelayMs = opts.maxDelayMs ?? 1000;
    this.#random = opts.random ?? Math.random;
    this.#now = opts.now ?? Date.now;
  }

  /** One operation, merged with the others of this tick; resolves with its own result. */
  async call(op: FtrackOperation): Promise<unknown> {
    const [result] = await this.callGroup([op]);
    return result;
  }

  /** Operations that must travel in one POST and share one outcome. */
  callGroup(ops: FtrackOperation[]): Promise<unknown[]> {
    if (ops.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      const unit: Unit = { ops, resolve, reject, firstAttemptAt: this.#now(), attempt: 0 };
      if (!this.#batching) {
        void this.#sendBatch([unit]);
        return;
      }
      this.#queue.push(unit);
      if (!this.#scheduled) {
        this.#scheduled = true;
        // setImmediate runs after every process.nextTick and promise job, so DataLoaders of several
        // types (which dispatch on nextTick) all land in the same POST.
        setImmediate(() => this.#flush());
      }
    });
  }

  #flush(): void {
    const units = this.#queue;
    this.#queue = [];
    this.#scheduled = false;
    for (const batch of this.#split(units)) void this.#sendBatch(batch);
  }

  /** Packs units into POSTs of at most maxOps operations, never splitting a unit. */
  #split(units: Unit[]): Unit[][] {
    const batches: Unit[][] = [];
    let current: Unit[] = [];
    let size = 0;
    for (const unit of units) {
      if (current.length > 0 && size + unit.ops.length > this.#maxOps) {
        batches.push(current);
        current = [];
        size = 0;
      }
      current.push(unit);
      size += unit.ops.length;
    }
    if (current.length > 0) batches.push(current);
    return batches;
  }

  async #sendBatch(units: Unit[]): Promise<void> {
    let results: unknown[];
    try {
      results = await this.#send(units.flatMap((u) => u.ops));
    } catch (error) {
      await this.#handleFailure(units, error);
      return;
    }
    let at = 0;
    for (const unit of units) {
      unit.resolve(results.slice(at, at + unit.ops.length));
      at += unit.ops.length;
    }
  }

  async #handleFailure(units: Unit[], error: unknown): Promise<void> {
    if (error instanceof FtrackApiError && units.length > 1 && !error.isCredentials) {
      // Nothing was applied; isolate the bad unit by sending each alone (concurrently).
      await Promise.all(units.map((unit) => this.#sendBatch([unit])));
      return;
    }
    if (!isTransientError(error)) {
      for (const unit of units) unit.reject(error);
      return;
    }
    const retry: Unit[] = [];
    let wait = Number.POSITIVE_INFINITY;
    for (const unit of units) {
      const delay = this.#delay(unit.attempt);
      const withinDeadline = this.#now() + delay - unit.firstAttemptAt < this.#retryDeadlineMs;
      if (unit.ops.every(isReadOperation) && withinDeadline) {
        retry.push(unit);
        wait = Math.min(wait, delay);
      } else {
        unit.reject(error);
      }
    }
    if (retry.length === 0) return;
    await sleep(wait);
    for (const unit of retry) unit.attempt += 1;
    await this.#sendBatch(retry);
  }

  /** Exponential backoff with jitter: base * 2^attempt, capped, then scaled by 50-100%. */
  #delay(attempt: number): number {
    const exponential = Math.min(this.#maxDelayMs, this.#baseDelayMs * 2 ** attempt);
    return Math.round(exponential * (0.5 + this.#random() / 2));
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
