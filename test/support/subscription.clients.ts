/**
 * Subscription clients for tests, as front ends use them: graphql-ws over a real WebSocket and
 * graphql-sse over a real event stream. Each collects what arrives, with the time it arrived.
 */
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { type ExecutionResult, print } from "graphql";
import { createClient as createSseClient } from "graphql-sse";
import { createClient as createWsClient } from "graphql-ws";
import WebSocket from "ws";

export interface Received<T> {
  results: { result: ExecutionResult<T>; at: number }[];
  /** Set when the stream failed (a close event, a network error). */
  error?: unknown;
  completed: boolean;
}

export interface Subscription<T> {
  received: Received<T>;
  /** Waits for the first result (from `since` on) that passes `test`, and returns it with its arrival time. */
  next(
    test: (result: ExecutionResult<T>) => boolean,
    timeoutMs?: number,
    since?: number,
  ): Promise<{ result: ExecutionResult<T>; at: number }>;
  /** Waits until the stream completes or fails. */
  ended(timeoutMs?: number): Promise<Received<T>>;
  dispose(): Promise<void>;
}

type Operation<T, V> = { document: TypedDocumentNode<T, V>; variables?: V };

async function poll<R>(probe: () => R | undefined, timeoutMs: number, what: string): Promise<R> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function collect<T>(
  start: (sink: {
    next(result: ExecutionResult<T>): void;
    error(error: unknown): void;
    complete(): void;
  }) => () => void,
  close: () => Promise<void> | void,
): Subscription<T> {
  const received: Received<T> = { results: [], completed: false };
  const stop = start({
    next: (result) => received.results.push({ result, at: Date.now() }),
    error: (error) => {
      received.error = error;
    },
    complete: () => {
      received.completed = true;
    },
  });
  return {
    received,
    next: (test, timeoutMs = 5000, since = 0) =>
      poll(() => received.results.slice(since).find(({ result }) => test(result)), timeoutMs, "a result"),
    ended: (timeoutMs = 5000) =>
      poll(
        () => (received.completed || received.error !== undefined ? received : undefined),
        timeoutMs,
        "the end",
      ),
    async dispose() {
      stop();
      await close();
    },
  };
}

/** A graphql-ws client on its own WebSocket, subscribed once. No retries: a refusal is final. */
export function subscribeOverWebSocket<T, V>(
  serviceUrl: string,
  { document, variables }: Operation<T, V>,
  options: { connectionParams?: Record<string, unknown>; origin?: string } = {},
): Subscription<T> {
  const client = createWsClient({
    url: `${serviceUrl.replace(/^http/, "ws")}/graphql`,
    connectionParams: options.connectionParams,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => {},
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, options.origin ? { origin: options.origin } : {});
      }
    },
  });
  return subscribeWith(client, { document, variables });
}

/** A graphql-sse client ("distinct connections": one event stream per subscription). */
export function subscribeOverSse<T, V>(
  serviceUrl: string,
  { document, variables }: Operation<T, V>,
  headers: Record<string, string> = {},
): Subscription<T> {
  const client = createSseClient({ url: `${serviceUrl}/graphql/stream`, headers, retryAttempts: 0 });
  return subscribeWith(client, { document, variables });
}

/** One operation on a graphql-ws or graphql-sse client (the same subscribe/dispose shape). */
function subscribeWith<T, V>(
  client: Pick<ReturnType<typeof createSseClient>, "subscribe" | "dispose">,
  { document, variables }: Operation<T, V>,
): Subscription<T> {
  return collect<T>(
    (sink) =>
      client.subscribe<T>(
        { query: print(document), variables: variables as Record<string, unknown> | undefined },
        sink,
      ),
    () => client.dispose(),
  );
}
