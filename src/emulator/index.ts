/**
 * The embedded ftrack-compatible server: `startEmulator()` opens the store, seeds it, and serves
 * ftrack's HTTP API on a port (0 picks a free one). Tests drive it over real HTTP and read its
 * store, knobs and counters directly.
 */
import type { AddressInfo } from "node:net";
import {
  createCounters,
  createKnobs,
  type EmulatorCounters,
  type EmulatorKnobs,
  FailurePlan,
  type FailureRule,
} from "./emulator.knobs.js";
import type { Role } from "./emulator.permissions.js";
import { createEventHub, type EventHubKnobs, type EventHubOptions } from "./event-hub.server.js";
import { concreteTypes } from "./schemas.js";
import { DEMO_ROLES, seedStore } from "./seed.js";
import { createEmulatorServer } from "./server.js";
import { type EmulatorStore, openStore } from "./store.js";
import { UploadRegistry } from "./upload.registry.js";

export type { EmulatorCounters, EmulatorKnobs, FailureMode, FailureRule, Route } from "./emulator.knobs.js";
export type { Role } from "./emulator.permissions.js";
export type { EventHubKnobs } from "./event-hub.server.js";
export { DEMO, demoId } from "./seed.js";
export type { EmulatorStore } from "./store.js";

/** The version the emulator reports in query_server_information. */
const EMULATOR_VERSION = "4.13.8-emulator";

export interface EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** The user the server API key belongs to; created when missing. Default "pipeline". */
  apiUser?: string;
  /** The server API key: may act as any existing user. Default "emulator-demo-key". */
  apiKey?: string;
  /** Folder for the SQLite file and uploads, or ":memory:" (the default). */
  dataDir?: string;
  /** Seed the demo studio into an empty store (default true); `bulkTasks` adds a load-test project. */
  seed?: boolean | { bulkTasks?: number };
  /** Largest POST /api body in bytes (default 10 MiB). */
  maxBodyBytes?: number;
  /** Heartbeat timing of the event hub (tests shorten it). */
  eventHub?: Pick<EventHubOptions, "heartbeatIntervalMs" | "heartbeatTimeoutMs">;
  /** Permission roles by username (read-only, visible projects); default: the demo studio's roles. */
  roles?: Readonly<Record<string, Role>>;
  log?: (line: string) => void;
}

export interface RunningEmulator {
  url: string;
  port: number;
  apiUser: string;
  apiKey: string;
  knobs: EmulatorKnobs;
  counters: EmulatorCounters;
  /** Makes the next matching request(s) fail; see FailureRule. */
  injectFailure(rule: FailureRule): void;
  /** Drops injected failures that have not fired yet. */
  clearFailures(): void;
  store: EmulatorStore;
  /** ftrack's event hub on the same port: stop() / start() it without stopping the HTTP API. */
  eventHub: EventHubKnobs;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const apiUser = options.apiUser ?? "pipeline";
  const apiKey = options.apiKey ?? "emulator-demo-key";
  const host = options.host ?? "127.0.0.1";
  const seed = options.seed ?? true;
  const store = openStore(options.dataDir ?? ":memory:");
  try {
    await seedStore(store, {
      apiUser,
      demo: seed !== false,
      bulkTasks: typeof seed === "object" ? seed.bulkTasks : undefined,
    });
  } catch (error) {
    store.close();
    throw error;
  }

  const knobs = createKnobs();
  const counters = createCounters();
  const failures = new FailurePlan(knobs);
  const eventHub = createEventHub({ store, apiKey, ...options.eventHub, log: options.log });
  const server = createEmulatorServer({
    store,
    apiKey,
    knobs,
    counters,
    failures,
    uploads: new UploadRegistry(),
    componentTypes: concreteTypes("Component"),
    serverVersion: EMULATOR_VERSION,
    eventHub,
    maxBodyBytes: options.maxBodyBytes,
    roles: options.roles ?? DEMO_ROLES,
    log: options.log,
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;

  let closed: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    apiUser,
    apiKey,
    knobs,
    counters,
    injectFailure: (rule) => failures.inject(rule),
    clearFailures: () => failures.clear(),
    store,
    eventHub,
    close() {
      closed ??= new Promise<void>((resolve) => {
        // Upgraded WebSockets are no longer the HTTP server's connections: end them first.
        eventHub.close();
        server.close(() => {
          store.close();
          resolve();
        });
        // Hanging requests (the "hang" knob) and idle keep-alive sockets would hold close() forever.
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
