/**
 * OpenTelemetry spans at the service's seams: one per HTTP request (continuing the caller's W3C
 * `traceparent`, e.g. a gateway's), one per GraphQL operation, one per ftrack round trip, one per
 * thumbnail cache miss. Spans name what was done, never a key, token, URL query, variable or image.
 *
 * Off unless configured (tracing.sdk.ts turns it on): every helper is then one test of a boolean and
 * allocates nothing. Within a request the current span travels in the request scope (the body
 * parsers lose OTel's own async context, and Apollo's plugins hook around execution instead of
 * wrapping it); outside one, in OTel's context.
 */
import type { ServerResponse } from "node:http";
import {
  type Attributes,
  type Context,
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from "@opentelemetry/api";
import { describeError } from "./logger.js";
import { currentRequestScope, runInRequestScope } from "./request-scope.js";

export { SpanKind };

const tracer = trace.getTracer("ftrack-thumbnail-graph");
let enabled = false;

export function setTracingEnabled(on: boolean): void {
  enabled = on;
}

export function tracingEnabled(): boolean {
  return enabled;
}

/** The context whose span is the parent of a span started now. */
function currentContext(): Context {
  return currentRequestScope()?.trace ?? context.active();
}

function withContext<T>(ctx: Context, fn: () => T): T {
  const scope = currentRequestScope();
  return scope ? runInRequestScope({ ...scope, trace: ctx }, fn) : context.with(ctx, fn);
}

/** Status error, with the error's name and a URL-free description (never a stack). */
function markFailed(span: Span, error: unknown): void {
  span.setAttribute("error.type", error instanceof Error ? error.name : typeof error);
  span.setStatus({ code: SpanStatusCode.ERROR, message: describeError(error) });
}

/**
 * Runs fn inside a new span, a child of the current one, that ends when fn settles. `attributes` is
 * only called with tracing on. Off: fn(undefined), nothing else.
 */
export async function inSpan<T>(
  name: string,
  kind: SpanKind,
  attributes: (() => Attributes) | undefined,
  fn: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  if (!enabled) return fn(undefined);
  const parent = currentContext();
  const span = tracer.startSpan(name, { kind, attributes: attributes?.() }, parent);
  try {
    return await withContext(trace.setSpan(parent, span), () => fn(span));
  } catch (error) {
    markFailed(span, error);
    throw error;
  } finally {
    span.end();
  }
}

export interface EnteredSpan {
  span: Span;
  /** Ends the span; the request's current span is its parent again. */
  end(): void;
}

/**
 * Starts a span that is the request's current span until `end`, for code that can hook before and
 * after some work but not wrap it (an Apollo plugin around an operation). Undefined when off.
 */
export function enterSpan(name: string, kind: SpanKind): EnteredSpan | undefined {
  if (!enabled) return undefined;
  const scope = currentRequestScope();
  const parent = currentContext();
  const span = tracer.startSpan(name, { kind }, parent);
  const entered = trace.setSpan(parent, span);
  if (scope) scope.trace = entered;
  return {
    span,
    end() {
      if (scope?.trace === entered) scope.trace = parent;
      span.end();
    },
  };
}

export interface RequestSpan {
  traceId: string;
  /** The context to run the request in: its server span is the parent of what the request does. */
  context: Context;
  /**
   * Ends the span when the connection is done with the answer: with its status, or without one when
   * the client left before it was sent; named after `route()` (the route that answered, if known).
   */
  endWhenClosed(res: ServerResponse, route: () => string | undefined): void;
}

/**
 * The server span of an incoming HTTP request, continuing the trace its `traceparent` header names
 * (a new trace without one). Undefined when off.
 */
export function startRequestSpan(
  method: string,
  path: string,
  headers: Record<string, string | string[] | undefined>,
): RequestSpan | undefined {
  if (!enabled) return undefined;
  const parent = propagation.extract(ROOT_CONTEXT, headers);
  const span = tracer.startSpan(
    method,
    { kind: SpanKind.SERVER, attributes: { "http.request.method": method, "url.path": path } },
    parent,
  );
  return {
    traceId: span.spanContext().traceId,
    context: trace.setSpan(parent, span),
    endWhenClosed(res, route) {
      res.once("close", () => {
        const name = route();
        if (name) {
          span.updateName(`${method} ${name}`);
          span.setAttribute("http.route", name);
        }
        if (!res.writableFinished) {
          span.setAttribute("error.type", "client_closed");
        } else {
          span.setAttribute("http.response.status_code", res.statusCode);
          if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        }
        span.end();
      });
    },
  };
}
