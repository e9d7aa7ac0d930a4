/**
 * Graceful stop of the real entry point (`npm start` as a child process) on SIGTERM, against an
 * ftrack-compatible server in this test whose latency knob keeps a request in flight: that request
 * finishes with 200, new requests get 503 SHUTTING_DOWN and then new connections are refused,
 * /readyz answers not ready, idle keep-alive connections are closed, and the process exits 0. A
 * request slower than SHUTDOWN_TIMEOUT_MS is cut off at that time, and the process still exits 0.
 */
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { launchService, logLinesOf, type ServiceProcess } from "../support/service.process.js";

/** Two ftrack round trips one after the other: the second is in flight once the first is counted. */
// A task without a thumbnail of its own: the ancestors its inherited one comes from are read in a
// second round trip, after the task's.
const TWO_ROUND_TRIPS = `{ task(id: "${DEMO.taskWithoutThumbnail.id}") { name thumbnail(inherit: true) { inherited } } }`;

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, dataDir: ":memory:" });
});
afterAll(() => emulator?.close());

function launch(shutdownTimeoutMs: number): Promise<ServiceProcess> {
  return launchService(process.execPath, ["--import", "tsx", "src/main.ts"], {
    FTRACK_SERVER: emulator.url,
    FTRACK_API_USER: emulator.apiUser,
    FTRACK_API_KEY: emulator.apiKey,
    AUTH_MODE: "none",
    WEB_UI: "false",
    SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs),
  });
}

interface RawResponse {
  status: number;
  headers: string;
  body: string;
}

/** A keep-alive connection speaking HTTP/1.1 by hand, so requests can be pipelined on it. */
class RawConnection {
  readonly socket: Socket;
  received = Buffer.alloc(0);
  /** When the last bytes arrived (ms since the epoch). */
  receivedAt = 0;
  readonly closed: Promise<number>;

  constructor(port: number) {
    this.socket = connect(port, "127.0.0.1");
    this.socket.on("data", (chunk) => {
      this.received = Buffer.concat([this.received, chunk]);
      this.receivedAt = Date.now();
    });
    this.socket.on("error", () => {});
    this.closed = new Promise((resolve) => this.socket.once("close", () => resolve(Date.now())));
  }

  send(method: string, path: string, body?: string): void {
    const head = [`${method} ${path} HTTP/1.1`, "Host: 127.0.0.1", "Connection: keep-alive"];
    if (body !== undefined) {
      head.push("Content-Type: application/json", `Content-Length: ${Buffer.byteLength(body)}`);
    }
    this.socket.write(`${head.join("\r\n")}\r\n\r\n${body ?? ""}`);
  }

  /** The responses received so far, in order (every answer here has a Content-Length). */
  responses(): RawResponse[] {
    const responses: RawResponse[] = [];
    let rest = this.received;
    for (;;) {
      const end = rest.indexOf("\r\n\r\n");
      if (end === -1) return responses;
      const headers = rest.subarray(0, end).toString("latin1");
      const length = Number(/content-length: *(\d+)/i.exec(headers)?.[1] ?? 0);
      if (rest.length < end + 4 + length) return responses;
      const status = Number(headers.split(" ")[1]);
      responses.push({ status, headers, body: rest.subarray(end + 4, end + 4 + length).toString("utf8") });
      rest = rest.subarray(end + 4 + length);
    }
  }

  async waitFor(count: number, timeoutMs = 20_000): Promise<RawResponse[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.responses().length < count) {
      if (Date.now() > deadline) throw new Error(`${this.responses().length} of ${count} responses`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.responses();
  }
}

/**
 * A request on a new connection: its status ("SHUTTING_DOWN" for that 503), "refused" when nothing
 * took the connection, or "cut" when one was taken and closed (or held 5 s) without an answer.
 */
async function tryNewConnection(port: number): Promise<number | "SHUTTING_DOWN" | "refused" | "cut"> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`, {
      headers: { connection: "close" },
      signal: AbortSignal.timeout(5_000),
    });
    const body = (await res.json()) as { code?: string };
    return res.status === 503 && body.code === "SHUTTING_DOWN" ? "SHUTTING_DOWN" : res.status;
  } catch (error) {
    return (error as { cause?: { code?: string } }).cause?.code === "ECONNREFUSED" ? "refused" : "cut";
  }
}

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("SIGTERM", { timeout: 90_000 }, () => {
  it("finishes the request in flight, refuses new ones, says not ready, closes idle connections, exits 0", async () => {
    const service = await launch(15_000);
    const { port } = service;

    const idle = new RawConnection(port);
    idle.send("GET", "/healthz");
    expect((await idle.waitFor(1))[0]!.status).toBe(200);

    emulator.knobs.latencyMs = 2_000;
    try {
      const before = emulator.counters.requests;
      const busy = new RawConnection(port);
      busy.send("POST", "/graphql", JSON.stringify({ query: TWO_ROUND_TRIPS }));
      // Another request in flight, alone on its keep-alive connection.
      const lone = new RawConnection(port);
      lone.send("POST", "/graphql", JSON.stringify({ query: TWO_ROUND_TRIPS }));
      // The first round trip is done: the request is being served, its second round trip in flight.
      await until(() => emulator.counters.requests > before);
      const signalled = Date.now();
      service.child.kill("SIGTERM");

      // New requests are answered 503 SHUTTING_DOWN while subscriptions end, then new connections
      // are refused, while the request in flight still runs.
      // A new connection every 20 ms, each on its own, until one is refused. Once the stop shows
      // (the first request not served), /readyz and another request are sent on the open connection,
      // pipelined behind the request in flight: they are answered after it.
      const attempts: Promise<number | string>[] = [];
      let portClosed = false;
      let pipelined = false;
      const deadline = Date.now() + 30_000;
      while (!portClosed && Date.now() < deadline) {
        attempts.push(
          tryNewConnection(port).then((outcome) => {
            if (outcome !== 200 && !pipelined) {
              pipelined = true;
              expect(busy.responses()).toEqual([]);
              busy.send("GET", "/readyz");
              busy.send("GET", "/healthz");
            }
            if (outcome === "refused") portClosed = true;
            return outcome;
          }),
        );
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(portClosed).toBe(true);
      // Anything answered before the signal landed was still served; after it, nothing was: 503
      // SHUTTING_DOWN while subscriptions end, then refused; a connection that raced the port's
      // closing (taken, but its request not yet read) was cut.
      const outcomes = await Promise.all(attempts);
      const afterSignal = outcomes.slice(outcomes.findIndex((a) => a !== 200));
      expect(afterSignal.filter((a) => a !== "SHUTTING_DOWN" && a !== "cut" && a !== "refused")).toEqual([]);

      const [answer, readiness, refused] = await busy.waitFor(3);
      expect(answer!.status).toBe(200);
      expect(JSON.parse(answer!.body)).toEqual({
        data: { task: { name: "Lighting", thumbnail: { inherited: true } } },
      });
      expect(readiness!.status).toBe(503);
      expect(JSON.parse(readiness!.body)).toMatchObject({ status: "unavailable", reason: "shutting_down" });
      expect(refused!.status).toBe(503);
      expect(JSON.parse(refused!.body)).toMatchObject({ code: "SHUTTING_DOWN" });
      expect(refused!.headers).toMatch(/^connection: close$/im);
      // The lone request's answer keeps its connection alive, which is closed once the answer is
      // out, not after the server's 5 s keep-alive timeout.
      const [loneAnswer] = await lone.waitFor(1);
      expect(loneAnswer!.status).toBe(200);
      expect(loneAnswer!.headers).toMatch(/^connection: keep-alive$/im);
      expect((await lone.closed) - lone.receivedAt).toBeLessThan(1_000);

      // The idle keep-alive connection was closed at once, the busy one after its answers.
      expect(await idle.closed).toBeLessThan(signalled + 1_500);
      await busy.closed;
      expect(await service.exited).toBe(0);
      const messages = logLinesOf(service).map((line) => line.msg);
      expect(messages).toContain("stopping: new requests refused, requests in flight finishing");
      expect(messages).toContain("stopped");
    } finally {
      emulator.knobs.latencyMs = 0;
    }
  });

  it("cuts off a request slower than SHUTDOWN_TIMEOUT_MS, then exits 0", async () => {
    const service = await launch(500);
    emulator.knobs.latencyMs = 5_000;
    try {
      const before = emulator.counters.requests;
      const busy = new RawConnection(service.port);
      busy.send("POST", "/graphql", JSON.stringify({ query: TWO_ROUND_TRIPS }));
      await until(() => emulator.counters.requests > before);
      const signalled = Date.now();
      service.child.kill("SIGTERM");
      expect(await service.exited).toBe(0);
      const exitedAfter = Date.now() - signalled;
      // It waited for the request, but not for the 5 s its second round trip takes.
      expect(exitedAfter).toBeGreaterThanOrEqual(400);
      expect(exitedAfter).toBeLessThan(3_500);
      await busy.closed;
      expect(busy.responses()).toEqual([]);
    } finally {
      emulator.knobs.latencyMs = 0;
    }
  });
});
