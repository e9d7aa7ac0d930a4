/** Prometheus metrics of the service, in one registry served at /metrics. */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const ftrackRequests = new Counter({
  name: "ftrack_api_requests_total",
  help: "HTTP POSTs sent to ftrack's /api endpoint.",
  labelNames: ["outcome"] as const,
  registers: [registry],
});

export const ftrackOperations = new Counter({
  name: "ftrack_api_operations_total",
  help: "Operations sent to ftrack's /api endpoint, by action.",
  labelNames: ["action"] as const,
  registers: [registry],
});

export const ftrackLatency = new Histogram({
  name: "ftrack_api_request_duration_seconds",
  help: "Latency of ftrack /api requests.",
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const ftrackErrors = new Counter({
  name: "ftrack_api_errors_total",
  help: "Failed ftrack requests, by kind (network, timeout, http_5xx, validation, permission, ...).",
  labelNames: ["kind"] as const,
  registers: [registry],
});

/**
 * Thumbnail cache lookups by tier: `memory` (this process; a request joining another's fetch in
 * flight counts as a hit), then `redis` (shared by the replicas, with REDIS_URL). A miss at the
 * last tier asked is a fetch from ftrack (or a wait for another replica's fetch of it).
 */
export const thumbnailCacheHits = new Counter({
  name: "thumbnail_cache_hits_total",
  help: "Thumbnail cache lookups answered by a tier (memory, redis).",
  labelNames: ["tier"] as const,
  registers: [registry],
});

export const thumbnailCacheMisses = new Counter({
  name: "thumbnail_cache_misses_total",
  help: "Thumbnail cache lookups a tier (memory, redis) could not answer.",
  labelNames: ["tier"] as const,
  registers: [registry],
});

export const thumbnailDeliveries = new Counter({
  name: "thumbnail_deliveries_total",
  help: "Responses of the signed thumbnail route, by HTTP status.",
  labelNames: ["status"] as const,
  registers: [registry],
});

export const thumbnailSubscribers = new Gauge({
  name: "thumbnail_subscriptions_active",
  help: "Open thumbnailChanged subscriptions (WebSocket and server-sent events) on this replica.",
  registers: [registry],
});
