/**
 * Starts OpenTelemetry's Node SDK when tracing is configured (config.ts decides). The SDK reads the
 * standard variables itself: exporter, endpoint, protocol, headers, service name, resource
 * attributes, sampler, propagators. Off, the SDK is never even loaded.
 *
 * Traces only: metrics stay on /metrics (Prometheus) and logs on stdout. No automatic
 * instrumentation: spans are made at the service's own seams (tracing.ts), since instrumented
 * outgoing HTTP would record ftrack's URLs, whose query carries the API key.
 */
import type { NodeSDKConfiguration } from "@opentelemetry/sdk-node";
import type { TracingConfig } from "../config.js";
import { setTracingEnabled } from "./tracing.js";

export interface Tracing {
  /** Exports the spans still buffered, then stops. */
  shutdown(): Promise<void>;
}

/** The service's name unless OTEL_SERVICE_NAME or OTEL_RESOURCE_ATTRIBUTES gives one. */
const DEFAULT_SERVICE_NAME = "ftrack-thumbnail-graph";

/**
 * Undefined when tracing is off. `overrides` replace parts of the SDK's configuration (tests give
 * their own span processor).
 */
export async function startTracing(
  config: TracingConfig,
  overrides: Partial<NodeSDKConfiguration> = {},
): Promise<Tracing | undefined> {
  if (!config.enabled) return undefined;
  const { NodeSDK } = await import("@opentelemetry/sdk-node");
  const sdk = new NodeSDK({
    serviceName: config.serviceNamed ? undefined : DEFAULT_SERVICE_NAME,
    instrumentations: [],
    metricReaders: [],
    logRecordProcessors: [],
    ...overrides,
  });
  sdk.start();
  setTracingEnabled(true);
  return {
    async shutdown() {
      setTracingEnabled(false);
      await sdk.shutdown();
    },
  };
}
