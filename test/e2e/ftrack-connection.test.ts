/**
 * The ftrack connection check at start and on /readyz: each misconfiguration is named as what it
 * is (refused connection, DNS, timeout, refused credentials, not an ftrack server), the service
 * starts anyway and becomes ready when ftrack comes up, and transport failures are logged with
 * their cause. Nothing logged or answered carries the ftrack URL's host or the key.
 */
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { createServer, type Server, type Socket } from "node:net";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/cluster.processes.js";
import { loadConfig } from "../../src/config.js";
import { startEmulator } from "../../src/emulator/index.js";
import { createLogger } from "../../src/observability/logger.js";
import { type FtrackConnection, type RunningService, startService } from "../../src/service.js";
import { graphql, until } from "../support/service.harness.js";

const API_KEY = "connection-test-key-do-not-log";
const cleanups: (() => Promise<unknown>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Started {
  service: RunningService;
  logs: () => { level: number; msg: string; [key: string]: unknown }[];
  text: () => string;
}

async function startOn(
  connection: Partial<FtrackConnection> & { server: string },
  env = {},
): Promise<Started> {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  // Long enough that a slow answer on a loaded machine is not taken for a timeout; the timeout
  // case sets a short one.
  const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", FTRACK_TIMEOUT_MS: "5000", ...env });
  const service = await startService(
    config,
    { apiUser: "pipeline", apiKey: API_KEY, ...connection },
    createLogger("info", sink),
  );
  cleanups.push(() => service.close());
  return {
    service,
    logs: () => lines.map((line) => JSON.parse(line)),
    text: () => lines.join(""),
  };
}

async function readyz(started: Started) {
  const res = await fetch(`${started.service.url}/readyz`);
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

function listen<T extends Server | HttpServer>(server: T): Promise<number> {
  cleanups.push(
    () =>
      new Promise((done) => {
        (server as HttpServer).closeAllConnections?.();
        server.close(done);
      }),
  );
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)),
  );
}

/** Checks the start check, its error log and /readyz all name `reason`, without the key or host. */
async function expectNamed(started: Started, reason: string, message: RegExp) {
  const status = await started.service.ftrackChecked;
  expect(status).toMatchObject({ ok: false, reason });
  const logged = started.logs().find((line) => line.ftrackProblem === reason);
  expect(logged?.level).toBe(50); // error
  expect(logged?.msg).toMatch(message);
  const ready = await readyz(started);
  expect(ready.status).toBe(503);
  expect(ready.body).toMatchObject({ status: "unavailable", reason });
  expect(ready.body.message).toMatch(message);
  for (const text of [started.text(), JSON.stringify(ready.body)]) {
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain("127.0.0.1:");
    expect(text).not.toContain("ftrack.invalid");
  }
}

describe("the ftrack connection check names the cause", () => {
  it("connection refused: nothing listens there", async () => {
    const started = await startOn({ server: `http://127.0.0.1:${await freePort()}` });
    await expectNamed(started, "connection_refused", /connection refused \(ECONNREFUSED\)/);
  });

  it("DNS: the host name does not resolve", async () => {
    const started = await startOn({ server: "http://ftrack.invalid" });
    await expectNamed(started, "dns_failure", /DNS lookup failed \((ENOTFOUND|EAI_AGAIN)\)/);
  });

  it("timeout: the server accepts and never answers", async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    const port = await listen(silent);
    // Cleanups run last first: the sockets go before the server waits for them to close.
    cleanups.push(async () => {
      for (const socket of sockets) socket.destroy();
    });
    const started = await startOn({ server: `http://127.0.0.1:${port}` }, { FTRACK_TIMEOUT_MS: "500" });
    await expectNamed(started, "timeout", /did not answer within 500 ms \(FTRACK_TIMEOUT_MS\)/);
  });

  it("credentials refused: the real (embedded) ftrack server does not take the key", async () => {
    const emulator = await startEmulator();
    cleanups.push(() => emulator.close());
    const started = await startOn({ server: emulator.url, apiKey: "not-the-emulator-key-0123" });
    await expectNamed(started, "credentials_refused", /refused the service's credentials.*FTRACK_API_KEY/);
    expect(started.text()).not.toContain("not-the-emulator-key-0123");
  });

  it.each([
    ["a 404 web page", 404, "text/html", "<html>Not here</html>"],
    ["a JSON API that is not ftrack", 200, "application/json", "[{}]"],
    ["a 200 HTML page", 200, "text/html", "<html>welcome</html>"],
  ])("not an ftrack server: %s", async (_label, status, type, body) => {
    const web = createHttpServer((req, res) => {
      req.resume();
      res.writeHead(status, { "content-type": type }).end(body);
    });
    const started = await startOn({ server: `http://127.0.0.1:${await listen(web)}` });
    await expectNamed(started, "not_ftrack", /not answer like ftrack|without ftrack's server information/);
  });
});

describe("ftrack down at start", () => {
  it("the service starts not ready, logs transport failures with their cause, and is ready once ftrack is up", async () => {
    const port = await freePort();
    const started = await startOn(
      { server: `http://127.0.0.1:${port}` },
      { FTRACK_RETRY_DEADLINE_MS: "200" },
    );
    expect((await started.service.ftrackChecked).ok).toBe(false);
    expect((await fetch(`${started.service.url}/healthz`)).status).toBe(200);

    // A query while ftrack is down: FTRACK_UNAVAILABLE for the caller, the cause in the log.
    const { errors } = await graphql(
      { graphqlUrl: `${started.service.url}/graphql` },
      "{ projects(first: 1) { nodes { id } } }",
      undefined,
      { "x-request-id": "down-query-1" },
    );
    expect(errors?.[0]?.extensions?.code).toBe("FTRACK_UNAVAILABLE");
    const failure = started.logs().find((line) => line.requestId === "down-query-1" && line.ftrackFailure);
    expect(failure).toMatchObject({
      level: 40,
      ftrackFailure: "network",
      code: "ECONNREFUSED",
      route: "/api",
      msg: "ftrack request failed: ftrack is unreachable (ECONNREFUSED)",
    });

    // ftrack comes up on its address: the next /readyz says ready, and the change is logged.
    const emulator = await startEmulator({ port, apiKey: API_KEY });
    cleanups.push(() => emulator.close());
    const ready = await readyz(started);
    // Ready for queries at once; live thumbnails follow once the event hub listener's backoff retries.
    expect(ready).toMatchObject({ status: 200, body: { status: "ready" } });
    expect(["connecting", "connected"]).toContain(ready.body.eventHub);
    await until(() => started.service.eventHubState === "connected", 20_000, "the event hub listener");
    expect(await readyz(started)).toEqual({ status: 200, body: { status: "ready", eventHub: "connected" } });
    expect(started.logs().some((line) => line.level === 30 && /ftrack connection ok/.test(line.msg))).toBe(
      true,
    );
    expect(started.text()).not.toContain(API_KEY);
  });
});
