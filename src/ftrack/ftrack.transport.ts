/**
 * HTTP to ftrack: `POST /api` with a list of operations, `GET /component/thumbnail` and
 * `/component/get`, and the upload `PUT`. Decodes ftrack's error object into FtrackApiError and transport failures into
 * FtrackUnavailableError. Nothing thrown here carries the API key or a URL (URLs can carry it).
 * Each exchange is one span (with tracing on), named by method and route, never with its URL query.
 */
import type { Attributes } from "@opentelemetry/api";
import type { Logger } from "../observability/logger.js";
import { ftrackErrors, ftrackLatency, ftrackOperations, ftrackRequests } from "../observability/metrics.js";
import { inSpan, SpanKind } from "../observability/tracing.js";
import {
  FtrackAbortedError,
  FtrackApiError,
  type FtrackIdentity,
  type FtrackOperation,
  FtrackUnavailableError,
  type UploadMetadata,
} from "./ftrack.types.js";

export interface FtrackTransportOptions {
  /** Base URL of the ftrack server, without trailing slash. */
  server: string;
  /** Timeout of one HTTP request (headers and body). */
  timeoutMs: number;
  fetch?: typeof fetch;
  /** Where failures to reach ftrack are logged, with their cause. */
  logger?: Pick<Logger, "warn">;
}

/** Statuses saying the server (or a proxy before it) did not handle the request: transient, whatever
 * the body says. A 500 with ftrack's error object stays an FtrackApiError (often one bad operation). */
const UNAVAILABLE_STATUSES = new Set([429, 502, 503, 504]);

/** ftrack exception name -> metrics kind. */
function errorKind(exception: string): string {
  switch (exception) {
    case "ValidationError":
      return "validation";
    case "PermissionError":
    case "FTAuthenticationError":
      return "permission";
    case "InvalidCredentialsError":
      return "credentials";
    case "AbortError":
      return "abort";
    default:
      return "server";
  }
}

function unavailableKind(error: FtrackUnavailableError): string {
  if (error.kind !== "http") return error.kind;
  return error.status >= 500 ? "http_5xx" : "http_4xx";
}

/**
 * Turns ftrack's `{__type__: "datetime" | "date", value}` into ISO strings, everywhere in `data`.
 * In place (`data` is a body just parsed for this call): copying every object of a large answer
 * only to replace a few dates made garbage in proportion to the answer.
 */
export function decodeDates(data: unknown): unknown {
  if (data === null || typeof data !== "object") return data;
  const object = data as Record<string, unknown>;
  if (object.__type__ === "datetime" && typeof object.value === "string") return isoDateTime(object.value);
  if (object.__type__ === "date" && typeof object.value === "string") return object.value;
  for (const key of Object.keys(object)) {
    const value = object[key];
    // Only objects can hold dates; writing back only what changed leaves every other key untouched.
    if (value === null || typeof value !== "object") continue;
    const decoded = decodeDates(value);
    if (decoded !== value) object[key] = decoded;
  }
  return object;
}

/** ftrack sends naive datetimes (UTC when timezone support is on, as on current servers). */
function isoDateTime(value: string): string {
  const hasZone = /(?:Z|[+-]\d\d:?\d\d)$/.test(value);
  const date = new Date(hasZone ? value : `${value}Z`);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

function isErrorShape(body: unknown): body is { exception: string; content?: unknown; error_code?: unknown } {
  return (
    body !== null &&
    typeof body === "object" &&
    !Array.isArray(body) &&
    typeof (body as { exception?: unknown }).exception === "string"
  );
}

/** What the span of one exchange says: its name, and its attributes (computed only with tracing on). */
interface ExchangeSpan {
  name: string;
  attributes: () => Attributes;
}

/** The distinct actions of a batch, in order of first appearance. */
function actionsOf(ops: FtrackOperation[]): string[] {
  return [...new Set(ops.map((op) => op.action))];
}

export class FtrackTransport {
  readonly server: string;
  /** ftrack's host and port, as span attributes. */
  readonly #serverAttributes: Attributes;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;
  readonly #logger?: Pick<Logger, "warn">;

  constructor(opts: FtrackTransportOptions) {
    this.server = opts.server.replace(/\/+$/, "");
    const url = new URL(this.server);
    this.#serverAttributes = {
      "server.address": url.hostname,
      "server.port": Number(url.port) || (url.protocol === "https:" ? 443 : 80),
    };
    this.#timeoutMs = opts.timeoutMs;
    this.#fetch = opts.fetch ?? globalThis.fetch;
    this.#logger = opts.logger;
  }

  /** Sends `ops` as one POST; resolves with one result per operation, in order. */
  async post(ops: FtrackOperation[], identity: FtrackIdentity, signal?: AbortSignal): Promise<unknown[]> {
    for (const op of ops) ftrackOperations.inc({ action: op.action });
    const stopTimer = ftrackLatency.startTimer();
    try {
      const response = await this.#request(
        `${this.server}/api`,
        {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            Accept: "application/json",
            "ftrack-user": identity.username,
            "ftrack-api-key": identity.apiKey,
            "ftrack-strict-api": "true",
            "ftrack-api-options": "strict:1;denormalize:1",
          },
          body: JSON.stringify(ops),
        },
        signal,
        {
          name: "ftrack POST /api",
          attributes: () => ({
            ...this.#routeAttributes("POST", "/api"),
            "ftrack.operation.count": ops.length,
            "ftrack.actions": actionsOf(ops),
          }),
        },
        async (res) => {
          const { body, hasDates } = await readApiJson(res);
          if (isErrorShape(body) && !UNAVAILABLE_STATUSES.has(res.status)) {
            throw toApiError(body, res.status, identity);
          }
          if (!res.ok)
            throw new FtrackUnavailableError("http", `ftrack answered HTTP ${res.status}`, res.status);
          if (!Array.isArray(body) || body.length !== ops.length) {
            throw new FtrackUnavailableError(
              "http",
              `ftrack answered an unexpected body for ${ops.length} operation(s)`,
              res.status,
            );
          }
          return (hasDates ? decodeDates(body) : body) as unknown[];
        },
      );
      ftrackRequests.inc({ outcome: "ok" });
      return response;
    } catch (error) {
      ftrackRequests.inc({ outcome: "error" });
      throw error;
    } finally {
      stopTimer();
    }
  }

  /** The thumbnail of a component scaled to fit size x size; null when ftrack has no such component. */
  async getThumbnail(
    componentId: string,
    size: number,
    identity: FtrackIdentity,
    signal?: AbortSignal,
  ): Promise<{ body: Buffer; contentType: string } | null> {
    // ftrack's own clients authenticate this route by query parameters; headers are sent too.
    const query = new URLSearchParams({
      id: componentId,
      size: String(size),
      username: identity.username,
      apiKey: identity.apiKey,
    });
    return this.#request(
      `${this.server}/component/thumbnail?${query}`,
      { method: "GET", headers: { "ftrack-user": identity.username, "ftrack-api-key": identity.apiKey } },
      signal,
      {
        name: "ftrack GET /component/thumbnail",
        attributes: () => ({
          ...this.#routeAttributes("GET", "/component/thumbnail"),
          "ftrack.component_id": componentId,
          "ftrack.thumbnail.size": size,
        }),
      },
      async (res) => {
        if (await isMissingFile(res, "thumbnail", identity)) return null;
        const contentType = res.headers.get("content-type") ?? "application/octet-stream";
        return { body: Buffer.from(await res.arrayBuffer()), contentType };
      },
    );
  }

  /**
   * The original file of a component (`GET /component/get`), reading at most maxBytes of it:
   * `truncated` is true when the file is larger (the rest is never read). Null when ftrack has no
   * file for the component.
   */
  async getComponentFile(
    componentId: string,
    maxBytes: number,
    identity: FtrackIdentity,
    signal?: AbortSignal,
  ): Promise<{ body: Buffer; contentType: string; truncated: boolean } | null> {
    const query = new URLSearchParams({
      id: componentId,
      username: identity.username,
      apiKey: identity.apiKey,
    });
    return this.#request(
      `${this.server}/component/get?${query}`,
      // Credentials in the query only: ftrack may redirect to its file storage, and fetch would
      // forward custom headers (the key) to that other host; the redirect target gets no query.
      { method: "GET" },
      signal,
      {
        name: "ftrack GET /component/get",
        attributes: () => ({
          ...this.#routeAttributes("GET", "/component/get"),
          "ftrack.component_id": componentId,
        }),
      },
      async (res) => {
        if (await isMissingFile(res, "component file", identity)) return null;
        const contentType = res.headers.get("content-type") ?? "application/octet-stream";
        const truncated = { body: Buffer.alloc(0), contentType, truncated: true };
        if (Number(res.headers.get("content-length")) > maxBytes) {
          await res.body?.cancel();
          return truncated;
        }
        const chunks: Uint8Array[] = [];
        let length = 0;
        for await (const chunk of res.body ?? []) {
          length += chunk.length;
          if (length > maxBytes) {
            await res.body?.cancel().catch(() => {});
            return truncated;
          }
          chunks.push(chunk);
        }
        return { body: Buffer.concat(chunks, length), contentType, truncated: false };
      },
    );
  }

  /** PUTs bytes to the upload URL ftrack handed out, with exactly the headers it returned. */
  async upload(
    target: Pick<UploadMetadata, "url" | "headers">,
    bytes: Uint8Array,
    signal?: AbortSignal,
  ): Promise<void> {
    await this.#request(
      target.url,
      { method: "PUT", headers: target.headers, body: bytes },
      signal,
      // The upload URL is signed for its storage (and may be another host): none of it is recorded.
      {
        name: "ftrack PUT upload",
        attributes: () => ({ "http.request.method": "PUT", "http.request.body.size": bytes.length }),
      },
      async (res) => {
        await res.body?.cancel();
        if (!res.ok)
          throw new FtrackUnavailableError("http", `ftrack upload answered HTTP ${res.status}`, res.status);
      },
    );
  }

  #routeAttributes(method: string, path: string): Attributes {
    return { "http.request.method": method, ...this.#serverAttributes, "url.path": path };
  }

  /**
   * One HTTP exchange under the timeout, in its span; `read` consumes the response while the timeout
   * still runs. fetch's own errors are replaced (their messages and causes may hold the URL); every
   * failure is counted in the metrics here.
   */
  #request<T>(
    url: string,
    init: RequestInit,
    signal: AbortSignal | undefined,
    span: ExchangeSpan,
    read: (res: Response) => Promise<T>,
  ): Promise<T> {
    return inSpan(span.name, SpanKind.CLIENT, span.attributes, async (active) => {
      const timeout = AbortSignal.timeout(this.#timeoutMs);
      const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
      try {
        const res = await this.#fetch(url, { ...init, signal: combined, redirect: "follow" });
        active?.setAttribute("http.response.status_code", res.status);
        return await read(res);
      } catch (error) {
        const failure = this.#failure(error, signal, timeout);
        countError(failure);
        if (failure instanceof FtrackUnavailableError) {
          // The path of ftrack's own routes only: an upload URL's query signs for the bucket.
          const route = url.startsWith(`${this.server}/`) ? new URL(url).pathname : "upload";
          this.#logger?.warn(
            { ftrackFailure: failure.kind, code: failure.code, status: failure.status || undefined, route },
            `ftrack request failed: ${failure.message}`,
          );
        }
        throw failure;
      }
    });
  }

  /** What a failed exchange throws: our own errors as they are, fetch's replaced by URL-free ones. */
  #failure(error: unknown, signal: AbortSignal | undefined, timeout: AbortSignal): Error {
    if (error instanceof FtrackApiError || error instanceof FtrackUnavailableError) return error;
    if (signal?.aborted) return new FtrackAbortedError();
    if (timeout.aborted) {
      return new FtrackUnavailableError("timeout", `ftrack did not answer within ${this.#timeoutMs} ms`);
    }
    const code = networkCode(error);
    return new FtrackUnavailableError("network", `ftrack is unreachable${code ? ` (${code})` : ""}`, 0, code);
  }
}

/** The system error code of a failed fetch (e.g. ECONNREFUSED): short and URL-free. */
function networkCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = cause?.code ?? (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[A-Z_]+$/.test(code) ? code : undefined;
}

/**
 * For the file GETs: true on 404 (ftrack has no such component; the body is discarded). Any other
 * failure throws: ftrack's error object on a 4xx as FtrackApiError, anything else as unavailable.
 */
async function isMissingFile(res: Response, what: string, identity: FtrackIdentity): Promise<boolean> {
  if (res.status === 404) {
    await res.body?.cancel();
    return true;
  }
  if (res.ok) return false;
  const { body } = await readApiJson(res);
  if (isErrorShape(body) && res.status < 500 && !UNAVAILABLE_STATUSES.has(res.status))
    throw toApiError(body, res.status, identity);
  throw new FtrackUnavailableError("http", `ftrack ${what} answered HTTP ${res.status}`, res.status);
}

/** The body (undefined when it is not JSON), and whether it may hold dates to decode. */
async function readApiJson(res: Response): Promise<{ body: unknown; hasDates: boolean }> {
  const text = await res.text();
  // Most answers hold no date: finding none in the text spares walking every object of the body.
  const hasDates = text.includes('"__type__"');
  try {
    return { body: JSON.parse(text), hasDates };
  } catch {
    return { body: undefined, hasDates };
  }
}

function toApiError(
  body: { exception: string; content?: unknown; error_code?: unknown },
  status: number,
  identity: FtrackIdentity,
): FtrackApiError {
  let message = typeof body.content === "string" ? body.content : body.exception;
  // A server echoing the key back must not put it in our errors or logs.
  if (identity.apiKey) message = message.split(identity.apiKey).join("[redacted]");
  const code = typeof body.error_code === "string" ? body.error_code : null;
  return new FtrackApiError(body.exception, message, code, status, identity.service === true);
}

function countError(error: unknown): void {
  if (error instanceof FtrackApiError) ftrackErrors.inc({ kind: errorKind(error.exception) });
  else if (error instanceof FtrackUnavailableError) ftrackErrors.inc({ kind: unavailableKind(error) });
  else ftrackErrors.inc({ kind: "aborted" });
}
