/** Impersonation, all-or-nothing batches, persistence, test knobs, counters and injected failures. */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { postApi } from "./emulator.helpers.js";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator?.close());

const SERVER_LOCATION_ID = "3a372bde-05bc-11e4-8908-20c9d081909b";
const whoAmI = [{ action: "query_server_information", values: ["user"] }];

describe("authentication", () => {
  it("lets the server key act as any existing user", async () => {
    const { json } = await postApi(emulator, whoAmI, { "ftrack-user": DEMO.users.carol.username });
    expect(json[0].user).toEqual({ id: DEMO.users.carol.id, username: DEMO.users.carol.username });
  });

  it("lets a personal key act as its own user only", async () => {
    const own = await postApi(emulator, whoAmI, {
      "ftrack-user": DEMO.users.alice.username,
      "ftrack-api-key": DEMO.users.alice.apiKey,
    });
    expect(own.json[0].user.id).toBe(DEMO.users.alice.id);
    const other = await postApi(emulator, whoAmI, {
      "ftrack-user": emulator.apiUser,
      "ftrack-api-key": DEMO.users.alice.apiKey,
    });
    expect(other.json.exception).toBe("InvalidCredentialsError");
  });
});

describe("batches", () => {
  it("store nothing when any operation fails", async () => {
    const id = randomUUID();
    const before = emulator.store.size;
    const { json } = await postApi(emulator, [
      {
        action: "create",
        entity_type: "FileComponent",
        entity_data: { id, name: "thumbnail", file_type: ".png" },
      },
      {
        action: "update",
        entity_type: "Task",
        entity_key: [DEMO.task.id],
        entity_data: { thumbnail_id: id },
      },
      { action: "query", expression: "select broken from Task" },
    ]);
    expect(json.exception).toBe("ValidationError");
    expect(emulator.store.size).toBe(before);
    expect(emulator.store.get(["FileComponent"], id)).toBeUndefined();
    expect(emulator.store.get(["Task"], DEMO.task.id)?.attrs.thumbnail_id).toBe(
      DEMO.thumbnails[DEMO.task.id],
    );
  });

  it("accept entity_key as a plain string and echo type, id, system attributes and changes", async () => {
    const { json } = await postApi(emulator, [
      {
        action: "update",
        entity_type: "Shot",
        entity_key: DEMO.shots.sh020.id,
        entity_data: { description: "hero" },
      },
    ]);
    expect(json[0]).toEqual({
      action: "update",
      data: {
        __entity_type__: "Shot",
        id: DEMO.shots.sh020.id,
        description: "hero",
        context_type: "task",
        object_type_id: DEMO.objectTypes.Shot,
        project_id: DEMO.projects.aurora.id,
      },
    });
  });

  it("delete a component with its locations and bytes, and unset it as thumbnail", async () => {
    const componentId = DEMO.thumbnails[DEMO.shots.sh020.id];
    expect(emulator.store.getBlob(componentId)).toBeDefined();
    const { json } = await postApi(emulator, [
      { action: "delete", entity_type: "FileComponent", entity_key: [componentId] },
    ]);
    expect(json).toEqual([{ action: "delete", data: true }]);
    expect(emulator.store.getBlob(componentId)).toBeUndefined();
    expect(emulator.store.findBy(["ComponentLocation"], "component_id", componentId)).toEqual([]);
    expect(emulator.store.get(["Shot"], DEMO.shots.sh020.id)?.attrs.thumbnail_id).toBeNull();
  });

  it("supports multipart uploads", async () => {
    const componentId = randomUUID();
    const bytes = Buffer.from("0123456789abcdef".repeat(1000));
    const [, meta] = (
      await postApi(emulator, [
        {
          action: "create",
          entity_type: "FileComponent",
          entity_data: { id: componentId, name: "data", file_type: ".bin" },
        },
        {
          action: "get_upload_metadata",
          component_id: componentId,
          file_name: "data.bin",
          file_size: bytes.length,
          parts: 3,
        },
      ])
    ).json;
    expect(meta.urls.map((u: { part_number: number }) => u.part_number)).toEqual([1, 2, 3]);
    const size = Math.ceil(bytes.length / 3);
    const parts = [];
    for (const { signed_url, part_number } of meta.urls) {
      const response = await fetch(signed_url, {
        method: "PUT",
        body: bytes.subarray((part_number - 1) * size, part_number * size),
      });
      expect(response.status).toBe(200);
      parts.push({ part_number, e_tag: response.headers.get("etag")!.replaceAll('"', "") });
    }
    const complete = {
      action: "complete_multipart_upload",
      upload_id: meta.upload_id,
      parts,
      component_id: componentId,
    };
    // A batch that fails after completing stores nothing and leaves the upload open.
    const failed = await postApi(emulator, [
      complete,
      { action: "delete", entity_type: "Task", entity_key: "nope" },
    ]);
    expect(failed.json.exception).toBe("ValidationError");
    expect(emulator.store.getBlob(componentId)).toBeUndefined();
    const { json } = await postApi(emulator, [
      complete,
      {
        action: "create",
        entity_type: "ComponentLocation",
        entity_data: {
          component_id: componentId,
          location_id: SERVER_LOCATION_ID,
          resource_identifier: componentId,
        },
      },
    ]);
    expect(json[1].data.__entity_type__).toBe("ComponentLocation");
    expect(emulator.store.getBlob(componentId)?.equals(bytes)).toBe(true);
    // Not an image: the thumbnail route refuses it instead of failing.
    const thumbnail = await fetch(
      `${emulator.url}/component/thumbnail?id=${componentId}&username=${emulator.apiUser}&apiKey=${emulator.apiKey}`,
    );
    expect(thumbnail.status).toBe(415);
  });
});

describe("knobs, counters and injected failures", () => {
  it("counts requests, operations by action, uploads and thumbnail requests", async () => {
    emulator.counters.reset();
    await postApi(emulator, [
      { action: "query", expression: "select id from Project" },
      { action: "query", expression: "select id from Task limit 1" },
      { action: "query_schemas" },
    ]);
    const thumb = DEMO.thumbnails[DEMO.task.id];
    await fetch(
      `${emulator.url}/component/thumbnail?id=${thumb}&size=20&username=${emulator.apiUser}&apiKey=${emulator.apiKey}`,
    );
    expect(emulator.counters).toMatchObject({
      requests: 1,
      operations: 3,
      byAction: { query: 2, query_schemas: 1 },
      uploads: 0,
      thumbnailRequests: 1,
    });
    emulator.counters.reset();
    expect(emulator.counters.requests).toBe(0);
    expect(emulator.counters.byAction).toEqual({});
  });

  it("fails one matching request with 5xx, then recovers", async () => {
    emulator.injectFailure({ route: "api", action: "update", entityType: "Task", mode: "5xx" });
    const query = [{ action: "query", expression: "select id from Project" }];
    expect((await postApi(emulator, query)).status).toBe(200); // does not match
    const update = [
      {
        action: "update",
        entity_type: "Task",
        entity_key: [DEMO.task.id],
        entity_data: { description: "x" },
      },
    ];
    const failed = await postApi(emulator, update);
    expect(failed.status).toBe(503);
    expect(failed.json.exception).toBe("ServerError");
    expect(emulator.store.get(["Task"], DEMO.task.id)?.attrs.description).not.toBe("x");
    expect((await postApi(emulator, update)).status).toBe(200);
  });

  it("resets the connection", async () => {
    emulator.injectFailure({ route: "api", mode: "reset", times: 2 });
    await expect(postApi(emulator, [{ action: "query_schemas" }])).rejects.toThrow();
    await expect(postApi(emulator, [{ action: "query_schemas" }])).rejects.toThrow();
    expect((await postApi(emulator, [{ action: "query_schemas" }])).status).toBe(200);
  });

  it("hangs until the client gives up", async () => {
    emulator.injectFailure({ route: "thumbnail", mode: "hang" });
    const url = `${emulator.url}/component/thumbnail?id=${DEMO.thumbnails[DEMO.task.id]}&username=${emulator.apiUser}&apiKey=${emulator.apiKey}`;
    await expect(fetch(url, { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect((await fetch(url)).status).toBe(200);
  });

  it("fails uploads on request", async () => {
    const componentId = randomUUID();
    const [, meta] = (
      await postApi(emulator, [
        {
          action: "create",
          entity_type: "FileComponent",
          entity_data: { id: componentId, name: "x", file_type: ".txt" },
        },
        { action: "get_upload_metadata", component_id: componentId, file_name: "x.txt", file_size: 5 },
      ])
    ).json;
    emulator.injectFailure({ route: "upload", mode: "5xx" });
    expect((await fetch(meta.url, { method: "PUT", headers: meta.headers, body: "hello" })).status).toBe(503);
    // The token survives a failed attempt, so a retry works.
    expect((await fetch(meta.url, { method: "PUT", headers: meta.headers, body: "hello" })).status).toBe(200);
    expect(emulator.store.getBlob(componentId)?.toString()).toBe("hello");
  });

  it("applies a random failure rate and latency", async () => {
    emulator.knobs.failureRate = 1;
    emulator.knobs.failureMode = "5xx";
    emulator.knobs.latencyMs = 20;
    expect((await postApi(emulator, [{ action: "query_schemas" }])).status).toBe(503);
    emulator.knobs.failureRate = 0;
    emulator.knobs.latencyMs = 0;
    expect((await postApi(emulator, [{ action: "query_schemas" }])).status).toBe(200);
  });
});

describe("file-backed emulator", () => {
  it("keeps data and uploads across a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "emulator-data-"));
    try {
      const first = await startEmulator({ port: 0, dataDir: dir });
      const componentId = randomUUID();
      const [, meta] = (
        await postApi(first, [
          {
            action: "create",
            entity_type: "FileComponent",
            entity_data: { id: componentId, name: "n", file_type: ".txt" },
          },
          { action: "get_upload_metadata", component_id: componentId, file_name: "n.txt", file_size: 4 },
          {
            action: "update",
            entity_type: "Project",
            entity_key: [DEMO.projects.borealis.id],
            entity_data: { full_name: "Renamed" },
          },
        ])
      ).json;
      expect((await fetch(meta.url, { method: "PUT", headers: meta.headers, body: "kept" })).status).toBe(
        200,
      );
      const size = first.store.size;
      await first.close();

      const second = await startEmulator({ port: 0, dataDir: dir });
      try {
        expect(second.store.size).toBe(size); // not seeded twice
        const { json } = await postApi(second, [
          {
            action: "query",
            expression: `select full_name from Project where id is ${DEMO.projects.borealis.id}`,
          },
        ]);
        expect(json[0].data[0].full_name).toBe("Renamed");
        const bytes = await fetch(
          `${second.url}/component/get?id=${componentId}&username=${second.apiUser}&apiKey=${second.apiKey}`,
        );
        expect(await bytes.text()).toBe("kept");
        // Personal keys persist too.
        const own = await postApi(second, whoAmI, {
          "ftrack-user": DEMO.users.bob.username,
          "ftrack-api-key": DEMO.users.bob.apiKey,
        });
        expect(own.json[0].user.id).toBe(DEMO.users.bob.id);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
