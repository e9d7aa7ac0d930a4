/** Text tables and ratios for the console; the same numbers go to bench/results/latest.json. */
import type { LoadResult } from "./load.js";
import type { Shape } from "./scenarios.js";

export interface ContenderResult {
  name: string;
  /** POST /api requests ftrack received for one request of this contender (measured alone). */
  roundTrips: number;
  /** Operations in those requests. */
  operations: number;
  shape: Shape;
  /** By emulator latency in ms. */
  load: Record<number, LoadResult & { ftrackRequestsPerOp: number }>;
}

export interface ScenarioResult {
  id: string;
  title: string;
  clientPlan: string;
  contenders: ContenderResult[];
}

export interface DeliveryResult {
  mode: "cached" | "uncached";
  latencyMs: number;
  distinctUrls: number;
  /** GET /component/thumbnail requests ftrack received per delivered image. */
  ftrackFetchesPerRequest: number;
  result: LoadResult;
}

const n = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "-");
/** Requests per second, flagged when some requests failed. */
const rps = (l: LoadResult) => `${l.errors ? `(${l.errors} failed) ` : ""}${n(l.rps)}`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(a / b >= 10 ? 0 : 1)}x` : "-");

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  // The first column is a label (left-aligned); the rest are numbers (right-aligned).
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function formatScenario(s: ScenarioResult, latencies: number[]): string {
  const header = ["contender", "round trips", "ops"];
  for (const ms of latencies) header.push(`rps @${ms}ms`, `p50 ms`, `p99 ms`);
  const rows = s.contenders.map((c) => {
    const row = [c.name, String(c.roundTrips), String(c.operations)];
    for (const ms of latencies) {
      const l = c.load[ms];
      row.push(rps(l), n(l.p50), n(l.p99));
    }
    return row;
  });
  const shapes = new Set(s.contenders.map((c) => `${c.shape.entities} entities, ${c.shape.urls} urls`));
  const fetched =
    shapes.size === 1 ? `${[...shapes][0]} (all contenders agree)` : `MISMATCH: ${[...shapes].join(" / ")}`;
  const [batched, ...others] = s.contenders;
  const ratios = others.map((o) => {
    const rps = latencies
      .map((ms) => `${ratio(batched.load[ms].rps, o.load[ms].rps)} rps @${ms}ms`)
      .join(", ");
    return `  ${batched.name} vs ${o.name}: ${rps}; round trips ${batched.roundTrips} vs ${o.roundTrips}`;
  });
  return [
    `(${s.id}) ${s.title}`,
    `  fetched: ${fetched}`,
    `  @ftrack/api plan: ${s.clientPlan}`,
    table(header, rows).replace(/^/gm, "  "),
    ...ratios,
  ].join("\n");
}

export function formatDelivery(results: DeliveryResult[]): string {
  const rows = results.map((d) => [
    `${d.mode} @${d.latencyMs}ms`,
    String(d.distinctUrls),
    n(d.ftrackFetchesPerRequest, 2),
    rps(d.result),
    n(d.result.p50),
    n(d.result.p99),
  ]);
  const lines = [
    table(["delivery route", "urls", "ftrack GETs/req", "rps", "p50 ms", "p99 ms"], rows).replace(
      /^/gm,
      "  ",
    ),
  ];
  for (const ms of new Set(results.map((d) => d.latencyMs))) {
    const cached = results.find((d) => d.mode === "cached" && d.latencyMs === ms);
    const uncached = results.find((d) => d.mode === "uncached" && d.latencyMs === ms);
    if (cached && uncached)
      lines.push(`  cached vs uncached @${ms}ms: ${ratio(cached.result.rps, uncached.result.rps)} rps`);
  }
  return lines.join("\n");
}

const kinds = (l: LoadResult) =>
  `${l.errors} failed (${Object.entries(l.errorKinds ?? {})
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(", ")})`;

/** Every cell with failed requests, so a broken run cannot pass for a slow one. */
export function failures(scenarios: ScenarioResult[], delivery: DeliveryResult[]): string[] {
  const out: string[] = [];
  for (const s of scenarios)
    for (const c of s.contenders)
      for (const [ms, l] of Object.entries(c.load))
        if (l.errors) out.push(`(${s.id}) ${c.name} @${ms}ms: ${kinds(l)}`);
  for (const d of delivery)
    if (d.result.errors) out.push(`delivery ${d.mode} @${d.latencyMs}ms: ${kinds(d.result)}`);
  return out;
}
