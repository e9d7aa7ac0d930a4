/**
 * A client that hangs up stops the work done for it: its ftrack requests in flight are aborted and
 * none follow. A failed upload's cleanup still runs to the end, on a session of its own, so nothing
 * is left behind when its client has gone. Real HTTP; the embedded ftrack server's counters.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/emulator/index.js";
import { snapshot, thumbnailIdOf, uploadForm } from "../graphql/thumbnail.helpers.js";
import { type Harness, startHarness } from "../support/service.harness.js";
import { solid } from "../thumbnails/image.fixtures.js";

// Three ftrack round trips: the tasks, then two levels of second pages (`after`), which each need a
// paged query per parent (what the service reads ahead comes with the first pages only).
const PAGE_2 = Buffer.from("offset:1").toString("base64url");
const DEEP = `{
  tasks(first: 20) { nodes { id versions(first: 5, after: "${PAGE_2}") { nodes { id
    asset { id versions(first: 2, after: "${PAGE_2}") { nodes { id } } } } } } }
}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const hasAction = (ops: readonly unknown[], action: string) =>
  ops.some((op) => (op as { action?: unknown } | null)?.action === action);

function post(
  harness: Harness,
  body: RequestInit["body"],
  headers: Record<string, string>,
  signal: AbortSignal,
) {
  return fetch(harness.graphqlUrl, { method: "POST", body, headers, signal }).catch((error: Error) => error);
}

describe("a client that hangs up mid-query", () => {
  let harness: Harness;
  beforeAll(async () => {
    // A hung ftrack request times out, and a read is retried, after two seconds: without
    // cancellation, the reads that follow a hang-up would show within the wait below. (Not shorter:
    // a slow answer on a loaded machine would be retried too, and the counts below would change.)
    harness = await startHarness({ env: { FTRACK_TIMEOUT_MS: "2000" } });
  });
  afterEach(() => {
    harness.emulator.knobs.onOperations = undefined;
    harness.emulator.clearFailures();
  });
  afterAll(() => harness?.close());

  /** The service's count of ftrack requests it aborted, from /metrics. */
  async function abortedRequests(): Promise<number> {
    const text = await (await fetch(`${harness.url}/metrics`)).text();
    return Number(/^ftrack_api_errors_total\{kind="aborted"\} (\d+)/m.exec(text)?.[1] ?? 0);
  }

  it("costs three ftrack round trips when it stays", async () => {
    harness.emulator.counters.reset();
    const res = await fetch(harness.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: DEEP }),
    });
    expect(((await res.json()) as { errors?: unknown }).errors).toBeUndefined();
    expect(harness.emulator.counters.requests).toBe(3);
  });

  it("aborts its ftrack read in flight, and sends no further read", async () => {
    harness.emulator.counters.reset();
    const aborted = await abortedRequests();
    const client = new AbortController();
    // The second read hangs at ftrack, and the client hangs up while it is in flight.
    harness.emulator.knobs.onOperations = () => {
      if (harness.emulator.counters.requests !== 2) return;
      harness.emulator.injectFailure({ route: "api", mode: "hang" });
      client.abort();
    };

    const answer = await post(
      harness,
      JSON.stringify({ query: DEEP }),
      { "content-type": "application/json" },
      client.signal,
    );
    expect(answer).toBeInstanceOf(Error); // the client gave up waiting

    await sleep(3000);
    expect(harness.emulator.counters.requests).toBe(2);
    expect(await abortedRequests()).toBe(aborted + 1);
  });
});

describe("a failed upload whose client has gone", () => {
  let harness: Harness;
  // ftrack's default timeout (10 s): only the hang-up can end the hung step within this test.
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterEach(() => {
    harness.emulator.knobs.onOperations = undefined;
    harness.emulator.clearFailures();
  });
  afterAll(() => harness?.close());

  const target = { type: "TASK", id: DEMO.task.id };

  it.each([
    ["while its bytes are stored (the component exists)", "upload" as const],
    ["while its thumbnail_id is set", "update" as const],
  ])("is cleaned up to the end: %s", async (_name, step) => {
    const before = snapshot(harness);
    const old = thumbnailIdOf(harness, target.id);
    harness.emulator.counters.reset();
    const client = new AbortController();
    if (step === "upload") {
      // The PUT of the bytes hangs; the client hangs up once it has been sent.
      harness.emulator.injectFailure({ route: "upload", mode: "hang" });
      harness.emulator.knobs.onOperations = (ops) => {
        if (hasAction(ops, "get_upload_metadata")) setTimeout(() => client.abort(), 200);
      };
    } else {
      // The thumbnail_id update hangs at ftrack, and the client hangs up while it is in flight.
      harness.emulator.knobs.onOperations = (ops) => {
        if (!hasAction(ops, "update") || client.signal.aborted) return;
        harness.emulator.injectFailure({ route: "api", mode: "hang" });
        client.abort();
      };
    }

    const started = Date.now();
    const answer = await post(
      harness,
      uploadForm(target, await solid("png", 64, 64, "#00aa55")),
      { "apollo-require-preflight": "true" },
      client.signal,
    );
    expect(answer).toBeInstanceOf(Error);

    // The cleanup deletes the new component and puts the old thumbnail back, though nobody waits.
    const restored = () => JSON.stringify(snapshot(harness)) === JSON.stringify(before);
    while (!restored() && Date.now() - started < 5000) await sleep(50);
    expect(snapshot(harness)).toEqual(before);
    expect(thumbnailIdOf(harness, target.id)).toBe(old);
    expect(harness.emulator.counters.byAction.create).toBeGreaterThanOrEqual(1);
    expect(harness.emulator.counters.byAction.delete).toBeGreaterThanOrEqual(1);
    if (step === "update") expect(harness.emulator.counters.byAction.update).toBe(2); // the set, then the restore
  });
});
