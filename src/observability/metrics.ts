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

export const thumbnailCacheHits = new Counter({
  name: "thumbnail_cache_hits_total",
  help: "Thumbnail deliveries answered from the in-memory cache.",
  registers: [registry],
});

export const thumbnailCacheMisses = new Counter({
  name: "thumbnail_cache_misses_total",
  help: "Thumbnail deliveries that had to fetch from ftrack.",
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
