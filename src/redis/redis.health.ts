/**
 * Whether Redis can be used right now, decided in one place for every user of it (the thumbnail
 * tier, its locks, the srcset dimensions, persisted queries). A failed or timed-out command marks
 * Redis degraded: from then on callers skip it (memory and ftrack serve) instead of each waiting
 * for its own timeout, until a probe answers again. An outage is logged once, and so is recovery.
 */
import { Counter } from "prom-client";
import { describeError, type Logger } from "../observability/logger.js";
import { registry } from "../observability/metrics.js";

const redisErrors = new Counter({
  name: "redis_errors_total",
  help: "Failed or timed-out Redis commands and lost connections, by operation.",
  labelNames: ["operation"] as const,
  registers: [registry],
});

export type RedisState =
  | { status: "ok" }
  | { status: "connecting" }
  | { status: "degraded"; reason: string; sinceMs: number };

/** While degraded, how often to ask Redis whether it is back. */
const PROBE_EVERY_MS = 1000;

export class RedisHealth {
  #state: RedisState = { status: "connecting" };
  #probeTimer: NodeJS.Timeout | undefined;
  readonly #onDegraded = new Set<() => void>();

  constructor(
    private readonly logger: Logger,
    /** A cheap command (PING) that resolves only when Redis answers in time. */
    private readonly probe: () => Promise<unknown>,
    private readonly now: () => number = Date.now,
  ) {
    this.#startProbing();
  }

  get state(): RedisState {
    return this.#state;
  }

  get usable(): boolean {
    return this.#state.status === "ok";
  }

  /** Called when something waits on Redis (a lock's result) and must stop waiting once it fails. */
  onDegraded(listener: () => void): () => void {
    this.#onDegraded.add(listener);
    return () => this.#onDegraded.delete(listener);
  }

  /** A command failed or timed out, or the connection dropped. */
  failed(operation: string, error: unknown): void {
    redisErrors.inc({ operation });
    if (this.#state.status === "degraded") return;
    const reason = describeError(error);
    this.#state = { status: "degraded", reason, sinceMs: this.now() };
    this.logger.warn(
      { redisProblem: reason, operation },
      "Redis unavailable: serving from memory and ftrack until it answers again",
    );
    for (const listener of this.#onDegraded) listener();
    this.#startProbing();
  }

  /**
   * Asks Redis now (on connecting, and on a timer until it answers); an answer makes it usable. No
   * answer changes nothing: a probe from before a reconnect may fail after it.
   */
  async check(): Promise<void> {
    try {
      await this.probe();
    } catch {
      return;
    }
    this.#recovered();
  }

  /** Runs `command` when Redis is usable; its failure (or Redis being degraded) gives `fallback`. */
  async attempt<T, F>(operation: string, command: () => Promise<T>, fallback: F): Promise<T | F> {
    if (!this.usable) return fallback;
    try {
      return await command();
    } catch (error) {
      this.failed(operation, error);
      return fallback;
    }
  }

  stop(): void {
    clearInterval(this.#probeTimer);
    this.#probeTimer = undefined;
  }

  #startProbing(): void {
    this.#probeTimer ??= setInterval(() => void this.check(), PROBE_EVERY_MS).unref();
  }

  #recovered(): void {
    const previous = this.#state;
    if (previous.status === "ok") return;
    this.#state = { status: "ok" };
    this.stop();
    if (previous.status === "degraded") {
      this.logger.info({ downForMs: this.now() - previous.sinceMs }, "Redis available again");
    } else {
      this.logger.info("Redis connected");
    }
  }
}
