import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { DEMO, demoId, seedStore } from "../../src/emulator/seed.js";
import { openStore } from "../../src/emulator/store.js";

const SERVER = DEMO.locations.server;

async function seeded(options: Partial<Parameters<typeof seedStore>[1]> = {}) {
  const store = openStore(":memory:");
  await seedStore(store, { apiUser: "pipeline", demo: true, ...options });
  return store;
}

describe("demo seed", () => {
  it("holds every entity DEMO names, with the documented relations", async () => {
    const store = await seeded();
    expect(store.get(["Location"], DEMO.locations.server)?.attrs.name).toBe("ftrack.server");
    expect(store.get(["Location"], DEMO.locations.origin)?.attrs.name).toBe("ftrack.origin");
    for (const project of Object.values(DEMO.projects)) {
      expect(store.get(["Project"], project.id)?.attrs.full_name).toBe(project.fullName);
    }
    expect(store.get(["Episode"], DEMO.episode.id)).toBeDefined();
    expect(store.get(["Sequence"], DEMO.sequence.id)?.attrs.parent_id).toBe(DEMO.episode.id);
    expect(store.get(["Shot"], DEMO.shot.id)?.attrs.parent_id).toBe(DEMO.sequence.id);
    expect(store.get(["Folder"], DEMO.folder.id)).toBeDefined();
    expect(store.get(["AssetBuild"], DEMO.assetBuild.id)?.attrs.parent_id).toBe(DEMO.folder.id);
    expect(store.get(["Milestone"], DEMO.milestone.id)).toBeDefined();
    expect(store.get(["Scene"], DEMO.scene.id)?.attrs.object_type_id).toBe(DEMO.objectTypes.Scene);
    expect(store.get(["Task"], DEMO.task.id)?.attrs.parent_id).toBe(DEMO.shot.id);

    const asset = store.get(["Asset"], DEMO.asset.id);
    expect(asset?.attrs.context_id).toBe(DEMO.shot.id);
    const versions = store.findBy(["AssetVersion"], "asset_id", DEMO.asset.id);
    expect(versions.map((v) => v.id)).toEqual(DEMO.asset.versionIds);
    expect(versions.map((v) => v.attrs.version)).toEqual([1, 2, 3]);
    expect(new Set(versions.map((v) => v.attrs.task_id))).toEqual(new Set([DEMO.task.id]));
    expect(new Set(versions.map((v) => v.attrs.user_id))).toEqual(new Set([DEMO.users.alice.id]));
    expect(store.findBy(["AssetVersion"], "asset_id", DEMO.assetOnAssetBuild.id)).toHaveLength(3);

    for (const user of Object.values(DEMO.users)) {
      expect(store.get(["User"], user.id)?.attrs.username).toBe(user.username);
      expect(store.usernameForApiKey(user.apiKey)).toBe(user.username);
    }
    expect(store.get(["User"], DEMO.apiUser.id)?.attrs.username).toBe("pipeline");
    expect(store.get(["Task"], DEMO.taskWithoutThumbnail.id)?.attrs.thumbnail_id).toBeNull();
    expect(store.get(["User"], DEMO.userWithoutThumbnail.id)?.attrs.thumbnail_id).toBeNull();
  });

  it("gives most entities a real image thumbnail in the server location", async () => {
    const store = await seeded();
    expect(Object.keys(DEMO.thumbnails).length).toBeGreaterThan(30);
    for (const [entityId, componentId] of Object.entries(DEMO.thumbnails)) {
      const holder = [
        ...store.scan([
          "Project",
          "Task",
          "Shot",
          "Sequence",
          "Episode",
          "AssetBuild",
          "Folder",
          "Milestone",
          "Scene",
          "AssetVersion",
          "User",
        ]),
      ].find((e) => e.id === entityId);
      expect(holder?.attrs.thumbnail_id).toBe(componentId);
      const component = store.get(["FileComponent"], componentId);
      expect(component?.attrs.system_type).toBe("file");
      const locations = store.findBy(["ComponentLocation"], "component_id", componentId);
      expect(locations.map((l) => [l.attrs.location_id, l.attrs.resource_identifier])).toEqual([
        [SERVER, componentId],
      ]);
      expect(store.getBlob(componentId)?.length).toBe(component?.attrs.size);
    }
    const image = await sharp(store.getBlob(DEMO.thumbnails[DEMO.task.id])!).metadata();
    expect([image.format, image.width, image.height]).toEqual(["png", 320, 180]);
    const version = await sharp(store.getBlob(DEMO.thumbnails[DEMO.asset.versionIds[0]])!).metadata();
    expect(version.format).toBe("jpeg");
  });

  it("has the special components tests need", async () => {
    const store = await seeded();
    const origin = store.findBy(["ComponentLocation"], "component_id", DEMO.components.originOnly);
    expect(store.get(["FileComponent"], DEMO.components.originOnly)).toBeDefined();
    expect(origin.map((l) => l.attrs.location_id)).toEqual([DEMO.locations.origin]);
    expect(store.getBlob(DEMO.components.originOnly)).toBeUndefined();
    expect(store.get(["ContainerComponent"], DEMO.components.container)).toBeDefined();
    const spare = DEMO.components.spareServer;
    expect(store.get(["FileComponent"], spare)).toBeDefined();
    expect(
      store.findBy(["ComponentLocation"], "component_id", spare).map((l) => l.attrs.location_id),
    ).toEqual([SERVER]);
    expect(store.getBlob(spare)?.length).toBeGreaterThan(0);
    expect(Object.values(DEMO.thumbnails)).not.toContain(spare);
  });

  it("is deterministic, and seeds only an empty store", async () => {
    const a = await seeded();
    const b = await seeded();
    expect([...a.scan(["Task"])].map((t) => t.id)).toEqual([...b.scan(["Task"])].map((t) => t.id));
    expect(demoId("x")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const size = a.size;
    await seedStore(a, { apiUser: "pipeline", demo: true });
    expect(a.size).toBe(size);
  });

  it("creates the API user and system rows even without the demo", async () => {
    const store = await seeded({ demo: false, apiUser: "svc.thumbnails" });
    expect(store.findBy(["User"], "username", "svc.thumbnails")).toHaveLength(1);
    expect(store.get(["Location"], SERVER)).toBeDefined();
    expect([...store.scan(["ObjectType"])].length).toBeGreaterThanOrEqual(8);
    expect([...store.scan(["Task"])]).toEqual([]);
  });

  it("adds a bulk project of N tasks with an asset and 2 versions each", async () => {
    const store = await seeded({ bulkTasks: 250 });
    const tasks = store.findBy(["Task"], "project_id", DEMO.bulk.project.id);
    expect(tasks).toHaveLength(250);
    for (const task of tasks.slice(0, 10)) {
      const [asset] = store.findBy(["Asset"], "context_id", task.id);
      expect(store.findBy(["AssetVersion"], "asset_id", asset.id)).toHaveLength(2);
      expect(store.getBlob(task.attrs.thumbnail_id as string)).toBeDefined();
    }
  });
});
