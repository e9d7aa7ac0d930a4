/**
 * Starts the real stack for end-to-end tests: the embedded ftrack-compatible server (in memory,
 * seeded) and the GraphQL service on it, both on random loopback ports. Logs are kept for assertions.
 */
import { Writable } from "node:stream";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { loadConfig } from "../../src/config.js";
import { type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { createLogger } from "../../src/observability/logger.js";
import { type RunningService, startService } from "../../src/service.js";

/** The service's THUMBNAIL_URL_SECRETS, so a test can sign a URL itself. */
export const HARNESS_URL_SECRETS =
  "test-secret-one-for-signing-urls-0001,test-secret-two-for-signing-urls-0002";

export interface Harness {
  url: string;
  graphqlUrl: string;
  emulator: RunningEmulator;
  service: RunningService;
  logs: string[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  bulkTasks?: number;
  /** The API key the service is configured with; the emulator's own by default. */
  serviceApiKey?: string;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const emulator = await startEmulator({
    port: 0,
    dataDir: ":memory:",
    seed: options.bulkTasks ? { bulkTasks: options.bulkTasks } : true,
  });
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    THUMBNAIL_URL_SECRETS: HARNESS_URL_SECRETS,
    ...options.env,
  });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger("debug", sink);
  const service = await startService(
    config,
    { server: emulator.url, apiUser: emulator.apiUser, apiKey: options.serviceApiKey ?? emulator.apiKey },
    logger,
  );
  // Its log line lands now, not in the middle of a test's own log assertions. And the event hub
  // listener's first ftrack request (its schemas) is made before a test counts ftrack requests.
  if ((await service.ftrackChecked).ok) await until(() => service.eventHubState === "connected", 5000);
  return {
    url: service.url,
    graphqlUrl: `${service.url}/graphql`,
    emulator,
    service,
    logs,
    async close() {
      await service.close();
      await emulator.close();
    },
  };
}

/** Polls `probe` every 10 ms until it holds; throws after `timeoutMs`. */
export async function until(
  probe: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what = "the condition",
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; [k: string]: unknown } }[];
  headers: Headers;
}

/** POSTs a typed document (or a query string) to the service and returns the parsed answer. */
export async function graphql<T = Record<string, unknown>, V = Record<string, unknown>>(
  harness: Pick<Harness, "graphqlUrl">,
  document: TypedDocumentNode<T, V> | string,
  variables?: V,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const query = typeof document === "string" ? document : print(document);
  const res = await fetch(harness.graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Omit<GraphQLResponse<T>, "status" | "headers">;
  return { ...body, status: res.status, headers: res.headers };
}
