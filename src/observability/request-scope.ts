/**
 * The request a piece of code runs for, carried by AsyncLocalStorage, so every log line written
 * while serving a request (by any module, with the shared logger) carries its request id, and
 * every span started for it hangs under the request's current span (see tracing.ts).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { Context } from "@opentelemetry/api";

export interface RequestScope {
  requestId: string;
  /** With tracing on: the trace the request belongs to (the gateway's, when it sent `traceparent`). */
  traceId?: string;
  /** With tracing on: the context whose span is the parent of spans started now. */
  trace?: Context;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs fn (and everything it starts) inside the scope. */
export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

/** What a log line says about the request it was written for. */
export type RequestLogFields = Pick<RequestScope, "requestId" | "traceId">;

export function requestLogFields(): Partial<RequestLogFields> {
  const scope = storage.getStore();
  if (!scope) return {};
  return scope.traceId
    ? { requestId: scope.requestId, traceId: scope.traceId }
    : { requestId: scope.requestId };
}
