/**
 * The request a piece of code runs for, carried by AsyncLocalStorage, so every log line written
 * while serving a request (by any module, with the shared logger) carries its request id.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export interface RequestScope {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs fn (and everything it starts) inside the scope. */
export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
