import { describe, expect, it } from "vitest";
import { CallBatcher, isReadOperation, isTransientError } from "../../src/ftrack/call-batcher.js";
import {
  FtrackApiError,
  type FtrackOperation,
  FtrackUnavailableError,
} from "../../src/ftrack/ftrack.types.js";
import { unsafeExpression } from "../support/unsafe-expression.js";

const query = (expression: string): FtrackOperation => ({
  action: "query",
  expression: unsafeExpression(expression),
});
const update = (key: string): FtrackOperation => ({
  action: "update",
  entity_type: "Task",
  entity_key: [key],
  entity_data: { thumbnail_id: null },
});

/** A fake ftrack: records every POST and answers through `answer`. */
function fakeSend(answer: (ops: FtrackOperation[], n: number) => unknown[] | Error) {
  const posts: FtrackOperation[][] = [];
  const send = async (ops: FtrackOperation[]) => {
    posts.push(ops);
    await new Promise((r) => setTimeout(r, 1));
    const result = answer(ops, posts.length);
    if (result instanceof Error) throw result;
    return result;
  };
  return { posts, send };
}

const echo = (ops: FtrackOperation[]) =>
  ops.map((op) => ({ echo: op.action === "query" ? op.expression : op.action }));

describe("CallBatcher", () => {
  it("sends every operation of one tick as one POST, each caller getting its own result", async () => {
    const { posts, send } = fakeSend(echo);
    const batcher = new CallBatcher(send, { batching: true, retryDeadlineMs: 0 });
    const results = await Promise.all([
      batcher.call(query("a")),
      batcher.call(query("b")),
      batcher.callGroup([query("c"), query("d")]),
    ]);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toHaveLength(4);
    expect(results).toEqual([{ echo: "a" }, { echo: "b" }, [{ echo: "c" }, { echo: "d" }]]);
  });

  it("catches operations queued from process.nextTick and promise jobs in the same POST", async () => {
    const { posts, send } = fakeSend(echo);
    const batcher = new CallBatcher(send, { batching: true, retryDeadlineMs: 0 });
    const all: Promise<unknown>[] = [batcher.call(query("a"))];
    process.nextTick(() => {
      all.push(batcher.call(query("b")));
      process.nextTick(() => all.push(batcher.call(query("c"))));
    });
    await Promise.resolve().then(() => all.push(batcher.call(query("d"))));
    await new Promise((r) => setImmediate(r));
    await Promise.all(all);
    expect(posts).toHaveLength(1);
    expect(posts[0].map((op) => (op as { expression: string }).expression).sort()).toEqual([
      "a",
      "b",
      "c",
      "d",
    ]);
  });

  it("sends operations of different ticks separately", async () => {
    const { posts, send } = fakeSend(echo);
    const batcher = new CallBatcher(send, { batching: true, retryDeadlineMs: 0 });
    await batcher.call(query("a"));
    await batcher.call(query("b"));
    expect(posts).toHaveLength(2);
  });

  it("in naive mode sends every unit in its own POST", async () => {
    const { posts, send } = fakeSend(echo);
    const batcher = new CallBatcher(send, { retryDeadlineMs: 0, batching: false });
    await Promise.all([
      batcher.call(query("a")),
      batcher.call(query("b")),
      batcher.callGroup([query("c"), query("d")]),
    ]);
    expect(posts.map((p) => p.length)).toEqual([1, 1, 2]);
  });

  it("caps the operations per POST without splitting a group", async () => {
    const { posts, send } = fakeSend(echo);
    const batcher = new CallBatcher(send, { batching: true, retryDeadlineMs: 0, maxOpsPerPost: 2 });
    await Promise.all([
      batcher.call(query("a")),
      batcher.callGroup([query("b"), query("c"), query("d")]),
      batcher.call(query("e")),
      batcher.call(query("f")),
    ]);
    expect(posts.map((p) => p.length)).toEqual([1, 3, 2]);
  });

  it("after a batch fails with an ftrack error, retries each unit alone so only the bad one fails", async () => {
    const bad = (ops: FtrackOperation[]) =>
      ops.some((op) => op.action === "query" && op.expression === "bad");
    const { posts, send } = fakeSend((ops) =>
      bad(ops) ? new FtrackApiError("ValidationError", "bad query", null, 400) : echo(ops),
    );
    const batcher = new CallBatcher(send, { batching: true, retryDeadlineMs: 0 });
    const results = await Promise.allSettled([
      batcher.call(query("a")),
      batcher.call(query("bad")),
      batcher.callGroup([query("c"), update("x")]),
    ]);
    expect(results[0]).toEqual({ status: "fulfilled", value: { echo: "a" } });
    expect(results[1].status).toBe("rejected");
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(FtrackApiError);
    expect(results[2]).toEqual({ status: "fulfilled", value: [{ echo: "c" }, { echo: "update" }] });
    expect(posts.map((p) => p.length)).toEqual([4, 1, 1, 2]);
  });

  it("does not split a batch failing for bad credentials", async () => {
    const { posts, send } = fakeSend(() => new FtrackApiError("InvalidCredentialsError", "no", null, 401));
    const batcher = new CallBatcher(send, { batching: true, retryDeadlineMs: 0 });
    const results = await Promise.allSettled([batcher.call(query("a")), batcher.call(query("b"))]);
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    expect(posts).toHaveLength(1);
  });

  it("retries reads after transient failures, within the deadline", async () => {
    const { posts, send } = fakeSend((ops, n) =>
      n < 3 ? new FtrackUnavailableError("http", "ftrack answered HTTP 503", 503) : echo(ops),
    );
    const batcher = new CallBatcher(send, { batching: true, retryDeadlineMs: 5_000, baseDelayMs: 1 });
    await expect(batcher.call(query("a"))).resolves.toEqual({ echo: "a" });
    expect(posts).toHaveLength(3);
  });

  it("gives up once the retry deadline would be passed", async () => {
    let clock = 0;
    const { posts, send } = fakeSend(() => {
      clock += 400;
      return new FtrackUnavailableError("timeout", "slow");
    });
    const batcher = new CallBatcher(send, {
      batching: true,
      retryDeadlineMs: 1_000,
      baseDelayMs: 1,
      now: () => clock,
    });
    await expect(batcher.call(query("a"))).rejects.toBeInstanceOf(FtrackUnavailableError);
    expect(posts).toHaveLength(3); // attempts start at 0, 400, 800; the next would start at 1200
  });

  it("never retries a unit with a write, but retries the reads sent with it", async () => {
    const { posts, send } = fakeSend((ops, n) =>
      n === 1 ? new FtrackUnavailableError("network", "down") : echo(ops),
    );
    const batcher = new CallBatcher(send, { batching: true, retryDeadlineMs: 5_000, baseDelayMs: 1 });
    const [read, write, mixed] = await Promise.allSettled([
      batcher.call(query("a")),
      batcher.call(update("x")),
      batcher.callGroup([query("b"), update("y")]),
    ]);
    expect(read).toEqual({ status: "fulfilled", value: { echo: "a" } });
    expect(write.status).toBe("rejected");
    expect(mixed.status).toBe("rejected");
    expect(posts.map((p) => p.length)).toEqual([4, 1]);
  });

  it("does not retry ftrack errors or non-transient HTTP failures", async () => {
    for (const error of [
      new FtrackApiError("ServerError", "boom", null, 500),
      new FtrackUnavailableError("http", "ftrack answered HTTP 400", 400),
    ]) {
      const { posts, send } = fakeSend(() => error);
      const batcher = new CallBatcher(send, { batching: true, retryDeadlineMs: 5_000, baseDelayMs: 1 });
      await expect(batcher.call(query("a"))).rejects.toBe(error);
      expect(posts).toHaveLength(1);
    }
  });

  it("classifies operations and errors", () => {
    expect(isReadOperation(query("a"))).toBe(true);
    expect(isReadOperation({ action: "query_schemas" })).toBe(true);
    expect(isReadOperation(update("x"))).toBe(false);
    expect(
      isReadOperation({ action: "get_upload_metadata", component_id: "a", file_name: "f", file_size: 1 }),
    ).toBe(false);
    expect(isTransientError(new FtrackUnavailableError("timeout", "t"))).toBe(true);
    expect(isTransientError(new FtrackUnavailableError("http", "h", 502))).toBe(true);
    expect(isTransientError(new FtrackUnavailableError("http", "h", 429))).toBe(true);
    expect(isTransientError(new FtrackUnavailableError("http", "h", 404))).toBe(false);
    expect(isTransientError(new FtrackApiError("ServerError", "x", null, 500))).toBe(false);
  });
});
