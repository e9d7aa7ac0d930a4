/**
 * The production path: `npm run build` compiles to dist/ (and builds the web page when stale), and
 * `npm run start:prod` (`node dist/main.js`, no TypeScript tooling) serves the embedded ftrack
 * server's studio: a GraphQL query, a thumbnail, the web page and the playground's files (read at
 * run time from paths that must resolve from dist/). Traces go to an OTLP receiver through the
 * standard variables alone, and SIGTERM exports the last of them before the process exits 0.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/emulator/index.js";
import { launchService, REPO_ROOT } from "../support/service.process.js";

const run = promisify(execFile);

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
}

interface OtlpExport {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans: { spans: OtlpSpan[] }[];
  }[];
}

/** An OpenTelemetry collector's OTLP/HTTP JSON traces endpoint, keeping what it receives. */
function startOtlpReceiver(): Promise<{ server: Server; url: string; exports: OtlpExport[] }> {
  const exports: OtlpExport[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => {
      if (req.method === "POST" && req.url === "/v1/traces") {
        exports.push(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}`, exports });
    });
  });
}

describe("npm run build, then npm run start:prod", { timeout: 300_000 }, () => {
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });
  afterAll(() => new Promise((done) => receiver?.server.close(done)));

  it("serves a query, a thumbnail, the web page and the playground from dist/, and exports its traces", async () => {
    await run("npm", ["run", "build"], { cwd: REPO_ROOT, timeout: 240_000 });

    const scripts = JSON.parse(readFileSync(`${REPO_ROOT}package.json`, "utf8")).scripts;
    expect(scripts["start:prod"]).toBe("node dist/main.js");
    const service = await launchService(process.execPath, ["dist/main.js"], {
      EMULATOR_PORT: "0",
      EMULATOR_DATA_DIR: ":memory:",
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
      OTEL_SERVICE_NAME: "thumbnails-prod-test",
    });
    const base = `http://127.0.0.1:${service.port}`;

    const traceId = randomBytes(16).toString("hex");
    const gatewaySpanId = randomBytes(8).toString("hex");
    const res = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", traceparent: `00-${traceId}-${gatewaySpanId}-01` },
      body: JSON.stringify({
        query: "query Task($id: ID!) { task(id: $id) { name thumbnailUrl(size: 100) } }",
        variables: { id: DEMO.task.id },
      }),
    });
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: { task: { name: string; thumbnailUrl: string } } };
    expect(data.task.name).toBe("Compositing");

    const thumbnailUrl = new URL(data.task.thumbnailUrl);
    const thumbnail = await fetch(`${base}${thumbnailUrl.pathname}${thumbnailUrl.search}`);
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers.get("content-type")).toMatch(/^image\//);
    expect((await thumbnail.arrayBuffer()).byteLength).toBeGreaterThan(100);

    // The web page (web/dist/) and the playground's files (altair's package) are found from dist/.
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<script");
    const playground = await fetch(`${base}/graphql`, { headers: { accept: "text/html" } });
    expect(playground.status).toBe(200);
    // Altair's page names its scripts relative to <base href="/playground/">.
    const script = /<script type="module" src="([^"/]+\.js)"/.exec(await playground.text())?.[1];
    expect(script).toBeDefined();
    expect((await fetch(`${base}/playground/${script}`)).status).toBe(200);

    service.child.kill("SIGTERM");
    expect(await service.exited).toBe(0);

    // The spans were exported on the way out, under the gateway's trace and the service's name.
    const resources = receiver.exports.flatMap((e) => e.resourceSpans);
    const names = resources.flatMap((r) =>
      r.resource.attributes.filter((a) => a.key === "service.name").map((a) => a.value.stringValue),
    );
    expect(new Set(names)).toEqual(new Set(["thumbnails-prod-test"]));
    const spans = resources.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
    const traced = spans.filter((span) => span.traceId === traceId);
    const server = traced.find((span) => span.name === "POST /graphql");
    expect(server?.parentSpanId).toBe(gatewaySpanId);
    const operation = traced.find((span) => span.name === "query Task");
    expect(operation?.parentSpanId).toBe(server?.spanId);
    const posts = traced.filter((span) => span.name === "ftrack POST /api");
    expect(posts.length).toBeGreaterThanOrEqual(1);
    for (const post of posts) expect(post.parentSpanId).toBe(operation?.spanId);
  });
});
