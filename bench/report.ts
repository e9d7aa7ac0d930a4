/** Text tables and ratios for the console; the same numbers go to bench/results/latest.json. */
import type { LoadResult } from "./load.js";
import type { Shape } from "./scenarios.js";

export interface LoadCell extends LoadResult {
  ftrackRequestsPerOp: number;
  /** CPU time (user + system) of the process serving the requests, per request, in the measured window. */
  cpuMsPerRequest?: number;
  /** Each round's cell, when this one's figures are their medians. */
  rounds?: LoadCell[];
}

export interface ContenderResult {
  name: string;
  /** POST /api requests ftrack received for one request of this contender (measured alone). */
  roundTrips: number;
  /** Operations in those requests. */
  operations: number;
  shape: Shape;
  /** By emulator latency in ms. */
  load: Record<number, LoadCell>;
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

type Served = LoadResult & { cpuMsPerRequest: number };

/** The cached thumbnail route against nginx serving the same bytes, one round of each. */
export interface NginxRound {
  service: Served;
  /** nginx as a plain file server: the bytes, their type and a Cache-Control. */
  nginx: Served;
  /** nginx answering the service's own request (signed URL) with the service's headers. */
  nginxSameExchange: Served;
  /** The cluster's nginx in front of the service, answering from its thumbnail cache. */
  proxyCache: Served;
}

/** A round's contenders, in the order they run and are printed. */
const ROUND_ROWS: [keyof NginxRound, string][] = [
  ["service", "service, cached hit"],
  ["nginx", "nginx, same bytes"],
  ["nginxSameExchange", "nginx, same request and headers"],
  ["proxyCache", "nginx's cache in front of the service"],
];

export interface NginxComparison {
  /** What ran, or why the comparison was skipped. */
  note: string;
  loadGenerator: string;
  /** X-Cache-Status of one more request through the proxy cache after its rounds (HIT: none reached the service). */
  proxyCacheStatus?: string;
  rounds: NginxRound[];
}

const n = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "-");
/** Requests per second, flagged when some requests failed. */
const rps = (l: LoadResult) => `${l.errors ? `(${l.errors} failed) ` : ""}${n(l.rps)}`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(a / b >= 10 ? 0 : 2)}x` : "-");

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  // The first column is a label (left-aligned); the rest are numbers (right-aligned).
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function formatScenario(s: ScenarioResult, latencies: number[]): string {
  const header = ["contender", "round trips", "ops"];
  for (const ms of latencies) header.push(`rps @${ms}ms`, "p50 ms", "p99 ms", "cpu ms/req");
  const rows = s.contenders.map((c) => {
    const row = [c.name, String(c.roundTrips), String(c.operations)];
    for (const ms of latencies) {
      const l = c.load[ms];
      row.push(rps(l), n(l.p50), n(l.p99), n(l.cpuMsPerRequest ?? Number.NaN, 2));
    }
    return row;
  });
  const shapes = new Set(s.contenders.map((c) => `${c.shape.entities} entities, ${c.shape.urls} urls`));
  const fetched =
    shapes.size === 1 ? `${[...shapes][0]} (all contenders agree)` : `MISMATCH: ${[...shapes].join(" / ")}`;
  const [batched, ...others] = s.contenders;
  const ratios = others.map((o) => {
    const rpsRatios = latencies
      .map((ms) => `${ratio(batched.load[ms].rps, o.load[ms].rps)} rps @${ms}ms`)
      .join(", ");
    const p50Ratios = latencies
      .map((ms) => `${ratio(batched.load[ms].p50, o.load[ms].p50)} p50 @${ms}ms`)
      .join(", ");
    return `  ${batched.name} vs ${o.name}: ${rpsRatios}; ${p50Ratios}; round trips ${batched.roundTrips} vs ${o.roundTrips}`;
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

export function formatNginx(c: NginxComparison): string {
  if (c.rounds.length === 0) return `  ${c.note}`;
  const row = (label: string, served: Served) => [
    label,
    rps(served),
    n(served.p50, 2),
    n(served.p99, 2),
    n(served.cpuMsPerRequest, 3),
  ];
  const rows = c.rounds.flatMap((r, i) =>
    ROUND_ROWS.map(([key, label]) => row(`${label} (round ${i + 1})`, r[key])),
  );
  const against = (r: NginxRound, nginx: Served) =>
    `${ratio(r.service.rps, nginx.rps)} rps, CPU per request ${ratio(nginx.cpuMsPerRequest, r.service.cpuMsPerRequest)}`;
  return [
    `  ${c.note}; load generator: ${c.loadGenerator}; the proxy cache's last answer: ${c.proxyCacheStatus}`,
    table(["server", "rps", "p50 ms", "p99 ms", "cpu ms/req"], rows).replace(/^/gm, "  "),
    ...c.rounds.map(
      (r, i) =>
        `  round ${i + 1}: service vs nginx ${against(r, r.nginx)}; vs nginx with the same request and headers ` +
        `${against(r, r.nginxSameExchange)} (CPU: nginx/service, the rps each could reach on a core of its own)`,
    ),
  ].join("\n");
}

/** The issue's targets, each with the figure measured in this run and whether it is met. */
export function formatTargets(
  scenarios: ScenarioResult[],
  nginx: NginxComparison,
  latencies: number[],
): string {
  const lines: string[] = [];
  const mark = (ok: boolean) => (ok ? "met" : "NOT met");
  const slow = latencies.find((ms) => ms > 0) ?? latencies[0];
  for (const s of scenarios) {
    const [layer, ...others] = s.contenders;
    const client = others.find((c) => c.name.startsWith("@ftrack/api"));
    if (!client) continue;
    const limit = s.id === "c" ? 2 : 1;
    lines.push(
      `  (${s.id}) round trips: layer ${layer.roundTrips}, by hand ${client.roundTrips} (target <= ${limit}): ${mark(layer.roundTrips <= limit)}`,
    );
    const p50 = layer.load[slow].p50 / client.load[slow].p50;
    lines.push(
      `  (${s.id}) p50 @${slow}ms: layer ${n(layer.load[slow].p50)} ms, by hand ${n(client.load[slow].p50)} ms = ${n(p50, 2)}x (target <= 1.5x, goal 1.2x): ${mark(p50 <= 1.5)}`,
    );
    if (s.id === "c") {
      for (const ms of latencies) {
        const cpu = layer.load[ms].cpuMsPerRequest ?? Number.NaN;
        lines.push(
          `  (c) service CPU per request @${ms}ms: ${n(cpu, 2)} ms (target: at most half of 26-31 ms): ${mark(cpu <= 15.5)}`,
        );
      }
    }
  }
  const overhead = scenarios.find((s) => s.id === "e");
  if (overhead) {
    const [layer, bare] = overhead.contenders;
    for (const ms of latencies) {
      const r = layer.load[ms].rps / bare.load[ms].rps;
      lines.push(
        `  (e) { __typename } rps @${ms}ms: layer ${n(layer.load[ms].rps)}, bare Apollo ${n(bare.load[ms].rps)} = ${n(r, 2)}x (target >= 0.8): ${mark(r >= 0.8)}`,
      );
    }
  }
  if (nginx.rounds.length === 0) lines.push(`  cached hit vs nginx: ${nginx.note}`);
  nginx.rounds.forEach((round, i) => {
    const r = round.service.rps / round.nginx.rps;
    const cpu = round.nginx.cpuMsPerRequest / round.service.cpuMsPerRequest;
    lines.push(
      `  cached hit vs nginx, round ${i + 1}: ${n(round.service.rps)} vs ${n(round.nginx.rps)} rps = ${n(r, 2)}x (target >= 0.5): ${mark(r >= 0.5)}; ` +
        `CPU per hit ${n(round.service.cpuMsPerRequest * 1000, 0)} vs ${n(round.nginx.cpuMsPerRequest * 1000, 0)} us = ${n(cpu, 2)}x`,
    );
    const same = round.nginxSameExchange;
    lines.push(
      `    (not the target, like for like: nginx answering the same signed URL with the same headers ${n(same.rps)} rps = ` +
        `${n(round.service.rps / same.rps, 2)}x; CPU per hit ${n(same.cpuMsPerRequest * 1000, 0)} us = ` +
        `${n(same.cpuMsPerRequest / round.service.cpuMsPerRequest, 2)}x)`,
    );
    lines.push(
      `    (not the target, a deployment: nginx's cache in front of the service, THUMBNAIL_CACHE_SCOPE=public, ` +
        `${n(round.proxyCache.rps)} rps = ${n(round.proxyCache.rps / round.nginx.rps, 2)}x of nginx serving the file)`,
    );
  });
  return lines.join("\n");
}

const kinds = (l: LoadResult) =>
  `${l.errors} failed (${Object.entries(l.errorKinds ?? {})
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(", ")})`;

/** Every cell with failed requests, so a broken run cannot pass for a slow one. */
export function failures(
  scenarios: ScenarioResult[],
  delivery: DeliveryResult[],
  nginx: NginxComparison,
): string[] {
  const out: string[] = [];
  for (const s of scenarios)
    for (const c of s.contenders)
      for (const [ms, l] of Object.entries(c.load))
        if (l.errors) out.push(`(${s.id}) ${c.name} @${ms}ms: ${kinds(l)}`);
  for (const d of delivery)
    if (d.result.errors) out.push(`delivery ${d.mode} @${d.latencyMs}ms: ${kinds(d.result)}`);
  nginx.rounds.forEach((r, i) => {
    for (const [key, label] of ROUND_ROWS)
      if (r[key].errors) out.push(`${label} (round ${i + 1}): ${kinds(r[key])}`);
  });
  return out;
}
