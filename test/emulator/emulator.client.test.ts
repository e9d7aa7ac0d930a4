/** ftrack's official JS client, unchanged, against the emulator over real HTTP. */
import { randomUUID } from "node:crypto";
import { Session } from "@ftrack/api";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, type RunningEmulator } from "../../src/emulator/index.js";
import { image768x576, type Json, startWithSession } from "./emulator.helpers.js";

const SERVER_LOCATION_ID = "3a372bde-05bc-11e4-8908-20c9d081909b";

let emulator: RunningEmulator;
let session: Session;

beforeAll(async () => {
  ({ emulator, session } = await startWithSession());
});
afterAll(() => emulator?.close());

describe("ftrack JS client against the emulator", () => {
  it("starts a session: server information and schemas", async () => {
    expect(session.initialized).toBe(true);
    expect(session.serverInformation?.is_timezone_support_enabled).toBe(true);
    expect(typeof session.serverVersion).toBe("string");
    expect(session.getPrimaryKeyAttributes("Task")).toEqual(["id"]);
    expect(session.getSchema("Project")?.alias_for).toBe("Show");
  });

  it("queries, pages with offset/limit and follows metadata.next", async () => {
    const ids: string[] = [];
    let offset: number | null = 0;
    let pages = 0;
    while (offset !== null) {
      const page: { data: Json[]; metadata: { next: { offset: number | null } } } = await session.query(
        `select id, name from Task order by name offset ${offset} limit 5`,
      );
      ids.push(...page.data.map((t: { id: string }) => t.id));
      offset = page.metadata.next.offset;
      pages++;
    }
    const all = await session.query("select id from Task");
    expect(all.metadata.next.offset).toBeNull();
    expect(new Set(ids)).toEqual(new Set(all.data.map((t) => t.id)));
    expect(pages).toBeGreaterThan(1);
  });

  it("decodes nested relations, stubs and datetimes", async () => {
    const { data } = await session.query(
      `select version, asset.name, asset.parent.name, task.name, user.username, date from AssetVersion where asset_id is ${DEMO.asset.id} order by version`,
    );
    expect(data.map((v) => v.version)).toEqual([1, 2, 3]);
    // The client merges repeated entities into one shared object.
    expect(data[0].asset).toBe(data[1].asset);
    expect(data[0].asset.parent.name).toBe(DEMO.shot.name);
    expect(data[0].task.name).toBe(DEMO.task.name);
    expect(data[0].user.username).toBe(DEMO.users.alice.username);
    expect(typeof data[0].date.toISOString).toBe("function");
  });

  it("creates, updates and deletes an entity", async () => {
    const id = randomUUID();
    const created = await session.create("Task", {
      id,
      name: "Roto",
      parent_id: DEMO.shot.id,
      project_id: DEMO.projects.aurora.id,
    });
    expect(created.data).toMatchObject({ __entity_type__: "Task", id, name: "Roto" });

    const updated = await session.update("Task", [id], { name: "Roto v2" });
    expect(updated.data).toMatchObject({ __entity_type__: "Task", id, name: "Roto v2" });
    const read = await session.query(`select name, parent.name from Task where id is ${id}`);
    expect(read.data[0].name).toBe("Roto v2");
    expect(read.data[0].parent.name).toBe(DEMO.shot.name);

    await session.delete("Task", [id]);
    const gone = await session.query(`select id from Task where id is ${id}`);
    expect(gone.data).toEqual([]);
  });

  it("sets an uploaded thumbnail the way a Node service does, and scales it on request", async () => {
    const bytes = await image768x576();
    const componentId = randomUUID();
    const [component, metadata] = await session.call([
      {
        action: "create",
        entity_type: "FileComponent",
        entity_data: {
          __entity_type__: "FileComponent",
          id: componentId,
          name: "thumbnail",
          file_type: ".png",
          size: bytes.length,
        },
      },
      {
        action: "get_upload_metadata",
        component_id: componentId,
        file_name: "thumbnail.png",
        file_size: bytes.length,
      },
    ] as never);
    expect((component as { data: Record<string, unknown> }).data).toMatchObject({
      __entity_type__: "FileComponent",
      id: componentId,
      system_type: "file",
    });
    const upload = metadata as { url: string; headers: Record<string, string>; component_id: string };
    expect(upload.component_id).toBe(componentId);
    expect(upload.headers["Content-Type"]).toBe("image/png");

    const put = await fetch(upload.url, { method: "PUT", headers: upload.headers, body: bytes });
    expect(put.status).toBe(200);
    // The upload URL is single use.
    const again = await fetch(upload.url, { method: "PUT", headers: upload.headers, body: bytes });
    expect(again.status).toBe(403);

    await session.create("ComponentLocation", {
      id: randomUUID(),
      component_id: componentId,
      location_id: SERVER_LOCATION_ID,
      resource_identifier: componentId,
    });
    await session.update("Task", [DEMO.taskWithoutThumbnail.id], { thumbnail_id: componentId });
    const task = await session.query(
      `select thumbnail_id, thumbnail.component_locations.location_id from Task where id is ${DEMO.taskWithoutThumbnail.id}`,
    );
    expect(task.data[0].thumbnail_id).toBe(componentId);
    expect(
      task.data[0].thumbnail.component_locations.map((l: { location_id: string }) => l.location_id),
    ).toEqual([SERVER_LOCATION_ID]);

    const response = await fetch(session.thumbnailUrl(componentId, { size: 10 }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    const scaled = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect([scaled.format, scaled.width, scaled.height]).toEqual(["png", 10, 8]);

    const original = await fetch(session.getComponentUrl(componentId)!);
    expect(Buffer.from(await original.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("serves seeded thumbnails and a placeholder for no thumbnail", async () => {
    const { data } = await session.query(
      `select thumbnail_id from Project where id is ${DEMO.projects.aurora.id}`,
    );
    const response = await fetch(session.thumbnailUrl(data[0].thumbnail_id, { size: 100 }));
    const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([100, 56]);
    const placeholder = await fetch(session.thumbnailUrl(null as unknown as string));
    expect(placeholder.status).toBe(200);
  });

  it("answers denormalised results for ensureSerializableResponse", async () => {
    const plain = new Session(emulator.url, emulator.apiUser, emulator.apiKey, {
      ensureSerializableResponse: true,
    });
    const { data } = await plain.query(
      `select asset.name from AssetVersion where asset_id is ${DEMO.asset.id} order by version`,
    );
    expect(data.map((v) => v.asset.name)).toEqual([DEMO.asset.name, DEMO.asset.name, DEMO.asset.name]);
  });
});
