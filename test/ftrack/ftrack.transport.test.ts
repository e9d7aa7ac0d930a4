/**
 * Transport error decoding and timeouts against a tiny node:http stand-in: these tests need exact
 * failure shapes (hanging, non-JSON 502s, refused connections) that a faithful server never gives.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/cluster.processes.js";
import { select } from "../../src/ftrack/expression.js";
import { decodeDates, FtrackTransport } from "../../src/ftrack/ftrack.transport.js";
import { FtrackAbortedError, FtrackApiError, FtrackUnavailableError } from "../../src/ftrack/ftrack.types.js";
import { registry } from "../../src/observability/metrics.js";

const KEY = "secret-key-6f1c2b";
const identity = { username: "pipeline", apiKey: KEY };
type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

let server: Server;
let url: string;
let handler: Handler;
const seen: { url: string; headers: IncomingMessage["headers"]; method: string; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      seen.push({ url: req.url ?? "", headers: req.headers, method: req.method ?? "", body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
};

const transport = (timeoutMs = 2_000) => new FtrackTransport({ server: `${url}/`, timeoutMs });

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a failure");
}

function expectNoSecret(error: Error) {
  const text = `${error.message} ${error.stack} ${JSON.stringify(error)} ${String(error.cause ?? "")}`;
  expect(text).not.toContain(KEY);
  expect(text).not.toContain("apiKey=");
}

describe("FtrackTransport.post", () => {
  it("sends the operations with ftrack's headers and decodes dates", async () => {
    handler = (_req, res, body) =>
      json(
        res,
        200,
        (JSON.parse(body) as unknown[]).map(() => ({
          action: "query",
          data: [
            {
              __entity_type__: "Task",
              id: "a1",
              created_at: { __type__: "datetime", value: "2022-10-10T10:12:09" },
            },
          ],
          metadata: { next: { offset: null } },
        })),
      );
    const ops = [{ action: "query" as const, expression: select("id").from("Task").toString() }];
    const [result] = await transport().post(ops, identity);
    const last = seen.at(-1)!;
    expect(last.method).toBe("POST");
    expect(last.url).toBe("/api");
    expect(JSON.parse(last.body)).toEqual(ops);
    expect(last.headers["content-type"]).toBe("application/json");
    expect(last.headers.accept).toBe("application/json");
    expect(last.headers["ftrack-user"]).toBe("pipeline");
    expect(last.headers["ftrack-api-key"]).toBe(KEY);
    expect(last.headers["ftrack-strict-api"]).toBe("true");
    expect(last.headers["ftrack-api-options"]).toBe("strict:1;denormalize:1");
    expect((result as { data: { created_at: string }[] }).data[0].created_at).toBe(
      "2022-10-10T10:12:09.000Z",
    );
  });

  it("decodes ftrack's error object, with strict (non-2xx) and lax (200) status", async () => {
    for (const status of [400, 200]) {
      handler = (_req, res) =>
        json(res, status, { exception: "ValidationError", content: "bad query", error_code: null });
      const error = await failure(transport().post([{ action: "query_schemas" }], identity));
      expect(error).toBeInstanceOf(FtrackApiError);
      expect((error as FtrackApiError).exception).toBe("ValidationError");
      expect(error.message).toBe("bad query");
      expect((error as FtrackApiError).status).toBe(status);
    }
  });

  it("never repeats the API key a server echoes back", async () => {
    handler = (_req, res) =>
      json(res, 401, {
        exception: "InvalidCredentialsError",
        content: `The key ${KEY} is not valid.`,
        error_code: "x",
      });
    const error = (await failure(
      transport().post([{ action: "query_schemas" }], identity),
    )) as FtrackApiError;
    expect(error.isCredentials).toBe(true);
    expect(error.errorCode).toBe("x");
    expectNoSecret(error);
  });

  it("turns non-2xx answers without ftrack's shape into FtrackUnavailableError(http)", async () => {
    handler = (_req, res) => {
      res.writeHead(502, { "Content-Type": "text/html" });
      res.end("<html>bad gateway</html>");
    };
    const error = await failure(transport().post([{ action: "query_schemas" }], identity));
    expect(error).toBeInstanceOf(FtrackUnavailableError);
    expect((error as FtrackUnavailableError).kind).toBe("http");
    expect((error as FtrackUnavailableError).status).toBe(502);
  });

  it("treats 502/503/504/429 as unavailable even with ftrack's error object, but not 500", async () => {
    for (const status of [429, 502, 503, 504]) {
      handler = (_req, res) =>
        json(res, status, { exception: "ServerError", content: "busy", error_code: null });
      const error = await failure(transport().post([{ action: "query_schemas" }], identity));
      expect(error).toBeInstanceOf(FtrackUnavailableError);
      expect((error as FtrackUnavailableError).status).toBe(status);
    }
    handler = (_req, res) => json(res, 500, { exception: "ServerError", content: "boom", error_code: null });
    expect(await failure(transport().post([{ action: "query_schemas" }], identity))).toBeInstanceOf(
      FtrackApiError,
    );
  });

  it("rejects a 200 answer that is not one result per operation", async () => {
    handler = (_req, res) => json(res, 200, [{}, {}]);
    const error = await failure(transport().post([{ action: "query_schemas" }], identity));
    expect(error).toBeInstanceOf(FtrackUnavailableError);
  });

  it("times out a hanging server", async () => {
    handler = () => {}; // never answers
    const error = await failure(transport(100).post([{ action: "query_schemas" }], identity));
    expect(error).toBeInstanceOf(FtrackUnavailableError);
    expect((error as FtrackUnavailableError).kind).toBe("timeout");
  });

  it("times out a server that stalls mid-body", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.write("[");
    };
    const error = await failure(transport(150).post([{ action: "query_schemas" }], identity));
    expect((error as FtrackUnavailableError).kind).toBe("timeout");
  });

  it("reports an unreachable server as a network error without the URL", async () => {
    const port = await freePort();
    const t = new FtrackTransport({ server: `http://127.0.0.1:${port}`, timeoutMs: 2_000 });
    const error = await failure(t.post([{ action: "query_schemas" }], identity));
    expect(error).toBeInstanceOf(FtrackUnavailableError);
    expect((error as FtrackUnavailableError).kind).toBe("network");
    expect(error.message).not.toContain(String(port));
    expectNoSecret(error);
    const thumb = await failure(t.getThumbnail("abc", 100, identity));
    expect((thumb as FtrackUnavailableError).kind).toBe("network");
    expectNoSecret(thumb);
  });

  it("passes the caller's abort through as FtrackAbortedError, not as a timeout", async () => {
    handler = () => {};
    const controller = new AbortController();
    const pending = failure(
      transport(5_000).post([{ action: "query_schemas" }], identity, controller.signal),
    );
    setTimeout(() => controller.abort(), 20);
    const error = await pending;
    expect(error).toBeInstanceOf(FtrackAbortedError);
    expect(error).not.toBeInstanceOf(FtrackUnavailableError);
  });

  it("counts requests and errors in the metrics", async () => {
    handler = (_req, res) =>
      json(res, 403, { exception: "PermissionError", content: "no", error_code: null });
    await failure(transport().post([{ action: "query_schemas" }], identity));
    const text = await registry.metrics();
    expect(text).toMatch(/ftrack_api_requests_total\{outcome="error"\} [1-9]/);
    expect(text).toMatch(/ftrack_api_errors_total\{kind="permission"\} [1-9]/);
    expect(text).toMatch(/ftrack_api_operations_total\{action="query_schemas"\} [1-9]/);
  });
});

describe("FtrackTransport.getThumbnail", () => {
  it("fetches with the credentials as ftrack's clients send them and returns the bytes", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "Content-Type": "image/png" });
      res.end(Buffer.from([1, 2, 3]));
    };
    const result = await transport().getThumbnail("abc-123", 100, identity);
    expect(result).toEqual({ body: Buffer.from([1, 2, 3]), contentType: "image/png" });
    const last = seen.at(-1)!;
    const query = new URL(last.url, url).searchParams;
    expect(new URL(last.url, url).pathname).toBe("/component/thumbnail");
    expect(Object.fromEntries(query)).toEqual({
      id: "abc-123",
      size: "100",
      username: "pipeline",
      apiKey: KEY,
    });
    expect(last.headers["ftrack-api-key"]).toBe(KEY);
  });

  it("answers null for 404 and FtrackUnavailableError for 5xx and timeouts", async () => {
    handler = (_req, res) => json(res, 404, { error: "not found" });
    expect(await transport().getThumbnail("abc", 100, identity)).toBeNull();

    handler = (_req, res) => json(res, 500, { exception: "ServerError", content: "boom", error_code: null });
    const error = await failure(transport().getThumbnail("abc", 100, identity));
    expect(error).toBeInstanceOf(FtrackUnavailableError);
    expect((error as FtrackUnavailableError).status).toBe(500);
    expectNoSecret(error);

    handler = () => {};
    const timeout = await failure(transport(100).getThumbnail("abc", 100, identity));
    expect((timeout as FtrackUnavailableError).kind).toBe("timeout");
    expectNoSecret(timeout);
  });
});

describe("FtrackTransport.upload", () => {
  it("PUTs the bytes with exactly the given headers", async () => {
    handler = (_req, res) => {
      res.writeHead(200);
      res.end();
    };
    await transport().upload(
      { url: `${url}/upload/x?sig=abc`, headers: { "Content-Type": "image/png", "x-extra": "1" } },
      Buffer.from("png!"),
    );
    const last = seen.at(-1)!;
    expect(last.method).toBe("PUT");
    expect(last.body).toBe("png!");
    expect(last.headers["content-type"]).toBe("image/png");
    expect(last.headers["x-extra"]).toBe("1");
    expect(last.headers["ftrack-api-key"]).toBeUndefined();
  });

  it("reports a refused upload without its URL", async () => {
    handler = (_req, res) => {
      res.writeHead(403);
      res.end("denied");
    };
    const error = await failure(
      transport().upload({ url: `${url}/upload/x?sig=s3cr3t`, headers: {} }, Buffer.from("x")),
    );
    expect(error).toBeInstanceOf(FtrackUnavailableError);
    expect(error.message).not.toContain("s3cr3t");
  });
});

describe("decodeDates", () => {
  it("turns datetime and date objects into ISO strings anywhere", () => {
    expect(
      decodeDates({
        a: [{ __type__: "datetime", value: "2024-03-04T09:30:00" }],
        b: { __type__: "datetime", value: "2024-03-04T09:30:00+01:00" },
        c: { __type__: "date", value: "2024-03-04" },
        d: { __type__: "datetime", value: "garbage" },
        e: null,
      }),
    ).toEqual({
      a: ["2024-03-04T09:30:00.000Z"],
      b: "2024-03-04T08:30:00.000Z",
      c: "2024-03-04",
      d: "garbage",
      e: null,
    });
  });
});
