/**
 * OpenTelemetry with an in-memory exporter, through the SDK set-up the service uses
 * (startTracing): a gateway's W3C `traceparent` is continued by the request's server span, the
 * GraphQL operation's span and every ftrack round trip beneath it, with the trace id on the
 * request's log lines. Spans never hold a key, a URL query or a variable.
 */
import { randomBytes } from "node:crypto";
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from "@opentelemetry/sdk-trace";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/emulator/index.js";
import { startTracing, type Tracing } from "../../src/observability/tracing.sdk.js";
import { graphql, HARNESS_URL_SECRETS, type Harness, startHarness } from "../support/service.harness.js";

const exporter = new InMemorySpanExporter();

/** What a gateway sends: a traceparent naming its own span, sampled. */
function gatewayTraceparent() {
  const traceId = randomBytes(16).toString("hex");
  const spanId = randomBytes(8).toString("hex");
  return { traceId, spanId, header: `00-${traceId}-${spanId}-01` };
}

// Two round trips: the second reads the ancestors the unthumbnailed task inherits from.
const QUERY = `query TaskThumbnails($id: ID!) {
  unthumbnailed: task(id: "${DEMO.taskWithoutThumbnail.id}") { thumbnail(inherit: true) { inherited } }
  task(id: $id) {
    name
    thumbnailUrl(size: 100)
    thumbnail { srcset(sizes: [100, 300, 500]) }
    project { name thumbnailUrl }
    versions(first: 5) { nodes { version thumbnailUrl(size: 100) user { username } } }
  }
}`;

/** The spans of one trace, once its server span (the last to end) has been exported. */
async function spansOf(traceId: string): Promise<ReadableSpan[]> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const spans = exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
    if (spans.some((span) => span.name.startsWith("POST ") || span.name.startsWith("GET "))) return spans;
    if (Date.now() > deadline) throw new Error(`no server span in trace ${traceId}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const idOf = (span: ReadableSpan) => span.spanContext().spanId;

function only(spans: ReadableSpan[], name: string): ReadableSpan {
  const found = spans.filter((span) => span.name === name);
  expect(found.map((span) => span.name)).toEqual([name]);
  return found[0]!;
}

/** Every attribute value and status message of the spans, as one text to search. */
function recordedText(spans: ReadableSpan[]): string {
  return JSON.stringify(spans.map((span) => [span.name, span.attributes, span.status]));
}

function logLines(harness: Harness): Record<string, unknown>[] {
  return harness.logs.flatMap((chunk) => chunk.split("\n").filter(Boolean)).map((line) => JSON.parse(line));
}

describe("OpenTelemetry tracing", () => {
  let tracing: Tracing | undefined;
  let harness: Harness;

  beforeAll(async () => {
    tracing = await startTracing(
      { enabled: true, serviceNamed: false },
      { spanProcessors: [new SimpleSpanProcessor({ exporter })] },
    );
    // Reads give up retrying soon, for the failure test.
    harness = await startHarness({ env: { FTRACK_RETRY_DEADLINE_MS: "300" } });
  });
  afterAll(async () => {
    await harness?.close();
    await tracing?.shutdown();
  });

  it("continues a gateway's traceparent through the operation down to each ftrack call", async () => {
    const gateway = gatewayTraceparent();
    exporter.reset();
    harness.emulator.counters.reset();
    harness.logs.length = 0;

    const answer = await graphql<{ task: { name: string } }>(
      harness,
      QUERY,
      { id: DEMO.task.id },
      { traceparent: gateway.header, "x-request-id": "traced-query" },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.task.name).toBe("Compositing");

    const spans = await spansOf(gateway.traceId);
    // Nothing the service did for this request left the gateway's trace.
    expect(exporter.getFinishedSpans().length).toBe(spans.length);

    const server = only(spans, "POST /graphql");
    expect(parentOf(server)).toBe(gateway.spanId);
    expect(server.attributes).toMatchObject({
      "http.request.method": "POST",
      "http.route": "/graphql",
      "http.response.status_code": 200,
    });

    const operation = only(spans, "query TaskThumbnails");
    expect(parentOf(operation)).toBe(idOf(server));
    expect(operation.attributes).toMatchObject({
      "graphql.operation.type": "query",
      "graphql.operation.name": "TaskThumbnails",
    });

    // Each POST /api ftrack received has its span under the operation, with its operation count.
    const posts = spans.filter((span) => span.name === "ftrack POST /api");
    const { counters } = harness.emulator;
    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(posts.length).toBe(counters.requests);
    for (const post of posts) {
      expect(parentOf(post)).toBe(idOf(operation));
      expect(post.attributes).toMatchObject({
        "http.request.method": "POST",
        "url.path": "/api",
        "server.address": "127.0.0.1",
        "http.response.status_code": 200,
        "ftrack.actions": ["query"],
      });
    }
    const operations = posts.reduce(
      (sum, post) => sum + Number(post.attributes["ftrack.operation.count"]),
      0,
    );
    expect(operations).toBe(counters.operations);

    // srcset's probe: a thumbnail cache miss under the operation, the ftrack GET under the miss.
    const gets = spans.filter((span) => span.name === "ftrack GET /component/thumbnail");
    expect(gets.length).toBe(counters.thumbnailRequests);
    expect(gets.length).toBeGreaterThanOrEqual(1);
    const misses = spans.filter((span) => span.name === "thumbnail.cache.miss");
    for (const get of gets) {
      const miss = misses.find((candidate) => idOf(candidate) === parentOf(get));
      expect(miss, "the GET's parent is a cache miss").toBeDefined();
      expect(parentOf(miss!)).toBe(idOf(operation));
      expect(get.attributes["ftrack.thumbnail.size"]).toBe(500);
    }

    const recorded = recordedText(spans);
    for (const secret of [
      harness.emulator.apiKey,
      "apiKey",
      "?",
      DEMO.task.id,
      ...HARNESS_URL_SECRETS.split(","),
    ]) {
      expect(recorded).not.toContain(secret);
    }

    // The request's log lines carry the gateway's trace id.
    const lines = logLines(harness).filter((line) => line.requestId === "traced-query");
    expect(lines.length).toBeGreaterThanOrEqual(1);
    for (const line of lines) expect(line.traceId, JSON.stringify(line)).toBe(gateway.traceId);
  });

  it("a thumbnail GET: its server span, the cache miss and the ftrack GET; then a hit without them", async () => {
    const issued = await graphql<{ task: { thumbnailUrl: string } }>(
      harness,
      "query Url($id: ID!) { task(id: $id) { thumbnailUrl(size: 64) } }",
      { id: DEMO.task.id },
    );
    const url = new URL(issued.data!.task.thumbnailUrl);
    const local = `${harness.url}${url.pathname}${url.search}`;
    harness.logs.length = 0;

    const first = gatewayTraceparent();
    const res = await fetch(local, {
      headers: { traceparent: first.header, "x-request-id": "traced-thumbnail" },
    });
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    const spans = await spansOf(first.traceId);
    const server = only(spans, "GET /thumbnails/:componentId/:size");
    expect(parentOf(server)).toBe(first.spanId);
    expect(server.attributes["url.path"]).toBe(url.pathname);
    const miss = only(spans, "thumbnail.cache.miss");
    expect(parentOf(miss)).toBe(idOf(server));
    const get = only(spans, "ftrack GET /component/thumbnail");
    expect(parentOf(get)).toBe(idOf(miss));
    expect(get.attributes["ftrack.thumbnail.size"]).toBe(64);
    const recorded = recordedText(spans);
    for (const secret of [harness.emulator.apiKey, url.searchParams.get("sig")!, "?"]) {
      expect(recorded).not.toContain(secret);
    }
    const lines = logLines(harness).filter((line) => line.requestId === "traced-thumbnail");
    expect(lines.length).toBeGreaterThanOrEqual(1);
    for (const line of lines) expect(line.traceId).toBe(first.traceId);

    const second = gatewayTraceparent();
    await (
      await fetch(local, { headers: { traceparent: second.header, "x-request-id": "traced-hit" } })
    ).arrayBuffer();
    // A hit is answered before Express: its span and log line all the same.
    const hit = await spansOf(second.traceId);
    expect(hit.map((span) => span.name)).toEqual(["GET /thumbnails/:componentId/:size"]);
    expect(hit[0]!.attributes).toMatchObject({ "url.path": url.pathname, "http.response.status_code": 200 });
    const [hitLine] = logLines(harness).filter((line) => line.requestId === "traced-hit");
    expect(hitLine?.traceId).toBe(second.traceId);
  });

  it("a request without traceparent starts its own trace, which its log lines carry", async () => {
    harness.logs.length = 0;
    exporter.reset();
    await graphql(harness, "{ __typename }", undefined, { "x-request-id": "untraced" });
    const [line] = logLines(harness).filter((l) => l.requestId === "untraced");
    expect(line?.traceId).toMatch(/^[0-9a-f]{32}$/);
    const spans = await spansOf(line!.traceId as string);
    expect(parentOf(only(spans, "POST /graphql"))).toBeUndefined();
  });

  it("a failed ftrack round trip is an error span, without URL or key", async () => {
    const gateway = gatewayTraceparent();
    harness.logs.length = 0;
    harness.emulator.injectFailure({ route: "api", mode: "5xx", times: 20 });
    try {
      const answer = await graphql(
        harness,
        "query One($id: ID!) { task(id: $id) { name } }",
        { id: DEMO.task.id },
        { traceparent: gateway.header, "x-request-id": "traced-failure" },
      );
      expect(answer.errors?.[0]?.extensions?.code).toBe("FTRACK_UNAVAILABLE");
    } finally {
      harness.emulator.clearFailures();
    }
    const spans = await spansOf(gateway.traceId);
    const posts = spans.filter((span) => span.name === "ftrack POST /api");
    expect(posts.length).toBeGreaterThanOrEqual(1);
    for (const post of posts) {
      expect(post.status.code).toBe(2); // SpanStatusCode.ERROR
      expect(post.attributes["error.type"]).toBe("FtrackUnavailableError");
      expect(post.attributes["http.response.status_code"]).toBe(503);
    }
    const operation = only(spans, "query One");
    expect(operation.attributes["graphql.error.codes"]).toEqual(["FTRACK_UNAVAILABLE"]);
    expect(recordedText(spans)).not.toContain(harness.emulator.url);

    // The ftrack layer's own warnings, logged deep inside the request, carry the trace id too.
    const lines = logLines(harness).filter((line) => line.requestId === "traced-failure");
    expect(lines.filter((line) => line.msg !== "request").length).toBeGreaterThanOrEqual(1);
    for (const line of lines) expect(line.traceId).toBe(gateway.traceId);
  });
});
