/**
 * Test knobs (latency, random failures, targeted one-shot failures) and request counters.
 * All off by default; tests change them at runtime on the running emulator.
 */

export type FailureMode = "5xx" | "hang" | "reset";
export type Route = "api" | "upload" | "thumbnail" | "get" | "remove";

export interface EmulatorKnobs {
  /** Added to every request before it is handled. */
  latencyMs: number;
  /** Probability (0..1) that a request fails with failureMode. */
  failureRate: number;
  failureMode: FailureMode;
  /** Probability (0..1) that a request hangs (is never answered), besides failureRate's failures. */
  hangRate: number;
  /**
   * Test hook: sees every POST /api batch as received (e.g. to check the query expressions), with
   * the user it acts as (`ftrack-user`).
   */
  onOperations?: (operations: readonly unknown[], actingAs: string | undefined) => void;
}

export interface FailureRule {
  route?: Route;
  /** For "api": matches when any operation of the batch has this action. */
  action?: string;
  /** For "api": matches when any operation of the batch has this entity_type. */
  entityType?: string;
  mode: FailureMode;
  /** How many matching requests fail; 1 when omitted. */
  times?: number;
}

export interface EmulatorCounters {
  /** POST /api requests received (failed ones too). */
  requests: number;
  /** Operations in those requests. */
  operations: number;
  /** Operations by action: { query: n, create: n, ... }. */
  byAction: Record<string, number>;
  /** PUT upload requests received. */
  uploads: number;
  /** GET /component/thumbnail requests received. */
  thumbnailRequests: number;
  /** Sets every counter back to zero. */
  reset(): void;
}

export function createKnobs(): EmulatorKnobs {
  return { latencyMs: 0, failureRate: 0, failureMode: "5xx", hangRate: 0 };
}

export function createCounters(): EmulatorCounters {
  const counters: EmulatorCounters = {
    requests: 0,
    operations: 0,
    byAction: {},
    uploads: 0,
    thumbnailRequests: 0,
    reset() {
      counters.requests = 0;
      counters.operations = 0;
      counters.byAction = {};
      counters.uploads = 0;
      counters.thumbnailRequests = 0;
    },
  };
  return counters;
}

/** What the server should do with one request, decided by the knobs and injected rules. */
export class FailurePlan {
  private rules: { rule: FailureRule; left: number }[] = [];

  constructor(private readonly knobs: EmulatorKnobs) {}

  inject(rule: FailureRule): void {
    if (!["5xx", "hang", "reset"].includes(rule.mode)) throw new Error(`Unknown failure mode "${rule.mode}"`);
    this.rules.push({ rule: { ...rule }, left: rule.times ?? 1 });
  }

  clear(): void {
    this.rules = [];
  }

  /** The failure for this request, if any; consumes one use of a matching injected rule. */
  take(route: Route, operations: readonly unknown[] = []): FailureMode | undefined {
    const index = this.rules.findIndex(({ rule }) => matches(rule, route, operations));
    if (index >= 0) {
      const entry = this.rules[index];
      entry.left -= 1;
      if (entry.left <= 0) this.rules.splice(index, 1);
      return entry.rule.mode;
    }
    if (this.knobs.failureRate > 0 && Math.random() < this.knobs.failureRate) return this.knobs.failureMode;
    if (this.knobs.hangRate > 0 && Math.random() < this.knobs.hangRate) return "hang";
    return undefined;
  }
}

function matches(rule: FailureRule, route: Route, operations: readonly unknown[]): boolean {
  if (rule.route && rule.route !== route) return false;
  if (rule.action === undefined && rule.entityType === undefined) return true;
  if (route !== "api") return false;
  return operations.some((op) => {
    if (!op || typeof op !== "object") return false;
    const { action, entity_type } = op as { action?: unknown; entity_type?: unknown };
    return (
      (rule.action === undefined || rule.action === action) &&
      (rule.entityType === undefined || rule.entityType === entity_type)
    );
  });
}
