/**
 * Atomic uploads: ftrack failures injected at each step of the upload sequence, and an upload cut
 * off mid-stream, leave no orphan component and keep the old thumbnail.
 */
import { connect } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO, type FailureRule } from "../../src/emulator/index.js";
import { type Harness, startHarness } from "../support/service.harness.js";
import { solid } from "../thumbnails/image.fixtures.js";
import { expectCode, snapshot, thumbnailIdOf, uploadForm, uploadThumbnail } from "./thumbnail.helpers.js";

let harness: Harness;
beforeAll(async () => {
  // A short ftrack timeout so the "hang" cases end quickly.
  harness = await startHarness({ env: { FTRACK_TIMEOUT_MS: "2000" } });
});
afterEach(() => harness.emulator.clearFailures());
afterAll(() => harness?.close());

const target = { type: "TASK", id: DEMO.task.id };

describe("an ftrack failure during the upload sequence", () => {
  it.each<[string, FailureRule[]]>([
    [
      "create + get_upload_metadata answers 5xx",
      [{ route: "api", action: "get_upload_metadata", mode: "5xx" }],
    ],
    [
      "create + get_upload_metadata: connection reset",
      [{ route: "api", action: "get_upload_metadata", mode: "reset" }],
    ],
    ["the PUT answers 5xx", [{ route: "upload", mode: "5xx" }]],
    ["the PUT is cut off (connection reset)", [{ route: "upload", mode: "reset" }]],
    ["the PUT times out", [{ route: "upload", mode: "hang" }]],
    [
      "the ComponentLocation create answers 5xx",
      [{ route: "api", action: "create", entityType: "ComponentLocation", mode: "5xx" }],
    ],
    ["the thumbnail_id update answers 5xx", [{ route: "api", action: "update", mode: "5xx" }]],
    ["the thumbnail_id update times out", [{ route: "api", action: "update", mode: "hang" }]],
    [
      "the ComponentLocation create fails, and so does the first cleanup attempt",
      [
        { route: "api", action: "create", entityType: "ComponentLocation", mode: "5xx" },
        { route: "api", action: "delete", mode: "5xx" },
      ],
    ],
  ])("%s: no orphan, old thumbnail kept", async (_name, rules) => {
    const before = snapshot(harness);
    const old = thumbnailIdOf(harness, DEMO.task.id);
    harness.emulator.counters.reset();
    for (const rule of rules) harness.emulator.injectFailure(rule);

    const res = await uploadThumbnail(harness, target, await solid("png", 64, 64, "#aa0000"));

    expectCode(res, "FTRACK_UNAVAILABLE");
    expect(harness.emulator.counters.byAction.create ?? 0).toBeGreaterThanOrEqual(1);
    expect(snapshot(harness)).toEqual(before);
    expect(thumbnailIdOf(harness, DEMO.task.id)).toBe(old);
  });

  it("logs the component when every cleanup attempt fails", async () => {
    const before = snapshot(harness);
    harness.emulator.injectFailure({
      route: "api",
      action: "create",
      entityType: "ComponentLocation",
      mode: "5xx",
    });
    harness.emulator.injectFailure({ route: "api", action: "delete", mode: "5xx", times: 100 });
    const logged = harness.logs.length;

    const res = await uploadThumbnail(harness, target, await solid("png", 64, 64));

    expectCode(res, "FTRACK_UNAVAILABLE");
    const line = harness.logs.slice(logged).find((l) => l.includes("cleanup failed too"));
    expect(line).toBeDefined();
    const { componentId } = JSON.parse(line!) as { componentId: string };
    expect(harness.emulator.store.get(["FileComponent"], componentId)).toBeDefined();
    expect(thumbnailIdOf(harness, DEMO.task.id)).toBe(before.thumbnails[DEMO.task.id]);
    expect(line).not.toContain(harness.emulator.apiKey);

    // Tidy up the orphan by hand, as an operator would, so later tests start clean.
    harness.emulator.clearFailures();
    const { store } = harness.emulator;
    for (const location of store.findBy(["ComponentLocation"], "component_id", componentId)) {
      store.remove("ComponentLocation", location.id);
    }
    store.remove("FileComponent", componentId);
    store.deleteBlob(componentId);
    expect(snapshot(harness)).toEqual(before);
  });

  it("succeeds once ftrack is healthy again", async () => {
    const res = await uploadThumbnail(harness, target, await solid("png", 64, 64));
    expect(res.errors).toBeUndefined();
    expect(thumbnailIdOf(harness, DEMO.task.id)).toBe(res.data!.uploadThumbnail.thumbnail!.id);
  });
});

describe("an upload cut off mid-stream", () => {
  it("writes nothing to ftrack", async () => {
    const before = snapshot(harness);
    harness.emulator.counters.reset();
    const image = await solid("png", 900, 700);
    const request = new Request("http://placeholder/", { method: "POST", body: uploadForm(target, image) });
    const body = Buffer.from(await request.arrayBuffer());
    const contentType = request.headers.get("content-type")!;
    const cut = body.indexOf(image.subarray(0, 64)) + Math.floor(image.length / 2);

    const { hostname, port } = new URL(harness.graphqlUrl);
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => {
        socket.write(
          `POST /graphql HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: ${contentType}\r\n` +
            `Content-Length: ${body.length}\r\napollo-require-preflight: true\r\n\r\n`,
        );
        socket.write(body.subarray(0, cut), () => {
          // Let the server start parsing the file part, then hang up.
          setTimeout(() => {
            socket.destroy();
            resolve();
          }, 200);
        });
      });
      socket.on("error", reject);
    });

    // The resolver ran (it read the target before the file) and gave up on the stream; nothing written.
    for (let i = 0; i < 100 && harness.emulator.counters.requests === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(harness.emulator.counters.requests).toBeGreaterThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const healthy = await fetch(`${harness.url}/healthz`);
    expect(healthy.status).toBe(200);
    expect(harness.emulator.counters.byAction.create ?? 0).toBe(0);
    expect(harness.emulator.counters.uploads).toBe(0);
    expect(snapshot(harness)).toEqual(before);
  });
});
