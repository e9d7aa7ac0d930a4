/** FtrackSession and its loaders over real HTTP against the embedded emulator. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO, demoId, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import {
  createFtrackClient,
  type FtrackClient,
  type FtrackClientConfig,
} from "../../src/ftrack/ftrack.client.js";
import type { FtrackSession } from "../../src/ftrack/ftrack.session.js";
import {
  FtrackAbortedError,
  FtrackApiError,
  FtrackUnavailableError,
  SERVER_LOCATION_ID,
} from "../../src/ftrack/ftrack.types.js";
import { planWith, type ReadPlan } from "../../src/ftrack/read-plan.js";

const BULK = 50;
const bulkTask = (i: number) => demoId(`bulk:task:${i}`);
const bulkVersion = (i: number, v: number) => demoId(`bulk:version:${i}:${v}`);
const MISSING = "00000000-0000-4000-8000-000000000000";

let emulator: RunningEmulator;
let client: FtrackClient;

/** A client of the emulator; `overrides` change the config the tests otherwise share. */
const clientWith = (overrides: Partial<FtrackClientConfig> = {}) =>
  createFtrackClient({
    server: emulator.url,
    apiUser: emulator.apiUser,
    apiKey: emulator.apiKey,
    // Generous: on a loaded CI machine a slow answer must not turn into a retry the counters see.
    timeoutMs: 10_000,
    retryDeadlineMs: 15_000,
    idChunkSize: 200,
    batching: true,
    ...overrides,
  });

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, dataDir: ":memory:", seed: { bulkTasks: BULK } });
  client = clientWith();
});

afterAll(async () => {
  await emulator?.close();
});

beforeEach(() => {
  emulator.knobs.failureRate = 0;
  emulator.clearFailures();
  emulator.counters.reset();
});

const session = (): FtrackSession => client.sessionFor();

describe("loading by id", () => {
  it("maps projects and typed contexts into ContextRecords", async () => {
    const s = session();
    const [project, task, shot, scene] = await Promise.all([
      s.context(DEMO.projects.aurora.id),
      s.context(DEMO.task.id),
      s.context(DEMO.shot.id),
      s.context(DEMO.scene.id),
    ]);
    expect(project).toEqual({
      entityType: "Project",
      id: DEMO.projects.aurora.id,
      name: "aurora",
      fullName: "Aurora Feature Film",
      parentId: null,
      projectId: DEMO.projects.aurora.id,
      thumbnailId: DEMO.thumbnails[DEMO.projects.aurora.id],
      objectTypeName: null,
    });
    expect(task).toEqual({
      entityType: "Task",
      id: DEMO.task.id,
      name: "Compositing",
      fullName: null,
      parentId: DEMO.shot.id,
      projectId: DEMO.projects.aurora.id,
      thumbnailId: DEMO.thumbnails[DEMO.task.id],
      objectTypeName: "Task",
    });
    expect(shot?.objectTypeName).toBe("Shot");
    expect(scene?.objectTypeName).toBe("Scene");
    expect(emulator.counters.requests).toBe(1);
  });

  it("maps assets, versions, users and components", async () => {
    const s = session();
    const version = DEMO.asset.versionIds[0];
    const [asset, assetVersion, versionProjectId, user, component] = await Promise.all([
      s.asset(DEMO.asset.id),
      s.assetVersion(version),
      s.versionProjectId(version),
      s.user(DEMO.users.alice.id),
      s.component(DEMO.components.originOnly),
    ]);
    expect(asset).toEqual({
      entityType: "Asset",
      id: DEMO.asset.id,
      name: "SH010_comp",
      contextId: DEMO.shot.id,
    });
    expect(assetVersion).toMatchObject({
      entityType: "AssetVersion",
      id: version,
      version: 1,
      assetId: DEMO.asset.id,
      taskId: DEMO.task.id,
      userId: DEMO.users.alice.id,
      isLatestVersion: false,
      thumbnailId: DEMO.thumbnails[version],
    });
    // Read apart from the record, through its asset's context (a shot of Aurora).
    expect(versionProjectId).toBe(DEMO.projects.aurora.id);
    expect(user).toEqual({
      entityType: "User",
      id: DEMO.users.alice.id,
      username: "alice.anders",
      firstName: "Alice",
      lastName: "Anders",
      thumbnailId: DEMO.thumbnails[DEMO.users.alice.id],
    });
    expect(component).toEqual({
      entityType: "FileComponent",
      id: DEMO.components.originOnly,
      name: "plate",
      fileType: ".exr",
      size: 52_428_800,
      locationIds: [DEMO.locations.origin],
    });
    expect(emulator.counters.requests).toBe(1);
  });

  it("answers null for missing and invalid ids; invalid ones never reach ftrack", async () => {
    const s = session();
    expect(await Promise.all([s.context(MISSING), s.user(MISSING), s.component(MISSING)])).toEqual([
      null,
      null,
      null,
    ]);
    expect(emulator.counters.requests).toBe(1);
    emulator.counters.reset();
    const invalid = ['x" or id like "%', "NOT-AN-ID", "", `${DEMO.task.id})`];
    expect(await Promise.all(invalid.map((id) => s.context(id)))).toEqual([null, null, null, null]);
    expect(emulator.counters.requests).toBe(0);
  });

  it("thumbnailable() loads by kind and answers null for an entity of another kind", async () => {
    const s = session();
    const [project, task, notProject, version, user] = await Promise.all([
      s.thumbnailable("Project", DEMO.projects.borealis.id),
      s.thumbnailable("TypedContext", DEMO.task.id),
      s.thumbnailable("Project", DEMO.task.id),
      s.thumbnailable("AssetVersion", DEMO.asset.versionIds[2]),
      s.thumbnailable("User", DEMO.users.bob.id),
    ]);
    expect(project?.entityType).toBe("Project");
    expect(task?.entityType).toBe("Task");
    expect(notProject).toBeNull();
    expect(version?.entityType).toBe("AssetVersion");
    expect(user?.entityType).toBe("User");
    expect(emulator.counters.requests).toBe(1);
  });
});

describe("round trips", () => {
  const loadAll = (s: FtrackSession) =>
    Promise.all(
      Array.from({ length: BULK }, (_, i) =>
        Promise.all([
          s.typedContext(bulkTask(i)),
          s.project(DEMO.bulk.project.id),
          s.assetVersion(bulkVersion(i, 1)),
          s.assetVersion(bulkVersion(i, 2)),
        ]),
      ),
    );

  it("loads 50 tasks, their project and 100 versions in ONE POST", async () => {
    const rows = await loadAll(session());
    expect(emulator.counters.requests).toBe(1);
    expect(rows.every(([task, project, v1, v2]) => task && project && v1 && v2)).toBe(true);
    expect(rows[7][0]?.projectId).toBe(rows[7][1]?.id);
  });

  it("still uses one POST when ids are chunked into several queries", async () => {
    const chunked = clientWith({ retryDeadlineMs: 0, idChunkSize: 7 }).sessionFor();
    const rows = await loadAll(chunked);
    expect(emulator.counters.requests).toBe(1);
    expect(emulator.counters.byAction.query).toBe(Math.ceil(BULK / 7) + 1 + Math.ceil((BULK * 2) / 7));
    expect(rows.every(([task]) => task !== null)).toBe(true);
  });

  it("in naive mode sends one POST per load", async () => {
    const rows = await loadAll(clientWith({ batching: false }).sessionFor());
    expect(emulator.counters.requests).toBe(BULK * 4);
    expect(rows.every(([task, project, v1, v2]) => task && project && v1 && v2)).toBe(true);
  });

  it("in naive mode neither merges nor caches loads of the same id", async () => {
    const naive = clientWith({ retryDeadlineMs: 0, batching: false });
    const ids = [DEMO.users.alice.id, DEMO.users.bob.id, DEMO.users.alice.id];
    await Promise.all(ids.map((id) => naive.sessionFor().user(id)));
    expect(emulator.counters.requests).toBe(3);
  });

  it("a context of unknown type costs one POST, and later loads of it none", async () => {
    const s = session();
    await s.context(DEMO.sequence.id);
    expect(emulator.counters.requests).toBe(1);
    expect(await s.typedContext(DEMO.sequence.id)).toMatchObject({ entityType: "Sequence" });
    expect(await s.project(DEMO.sequence.id)).toBeNull();
    expect(await s.context(DEMO.sequence.id)).toMatchObject({ entityType: "Sequence" });
    expect(emulator.counters.requests).toBe(1);
  });

  it("list results prime the loaders", async () => {
    const s = session();
    const page = await s.listContexts({ projectId: DEMO.bulk.project.id, offset: 0, limit: 20 });
    const versions = await s.listAssetVersions({ taskId: bulkTask(0), offset: 0, limit: 10 });
    const users = await s.listUsers({ offset: 0, limit: 10 });
    expect(emulator.counters.requests).toBe(3);
    await Promise.all([
      ...page.items.map((c) => s.context(c.id)),
      ...page.items.map((c) => s.typedContext(c.id)),
      ...versions.items.map((v) => s.assetVersion(v.id)),
      ...users.items.map((u) => s.user(u.id)),
    ]);
    expect(emulator.counters.requests).toBe(3);
  });
});

describe("lists read in part", () => {
  const showing = (fields: string[]): ReadPlan => planWith({ fields: new Set(fields) });
  const withVersionsShowing = (fields: string[]): ReadPlan =>
    planWith({ lists: [{ list: "versions", filter: {}, limit: 5, plan: showing(fields) }] });

  it("serve the selections they cover; by id, or for a selection showing more, versions are read whole", async () => {
    const s = session();
    const tasks = await s.listContexts(
      { projectId: DEMO.bulk.project.id, offset: 0, limit: 20 },
      withVersionsShowing(["version", "thumbnailId"]),
    );
    expect(tasks.items.map((t) => t.id)).toContain(bulkTask(0));
    const page = await s.listAssetVersions(
      { taskId: bulkTask(0), offset: 0, limit: 5 },
      showing(["version"]),
    );
    expect(emulator.counters.requests).toBe(1);
    expect(page.items.map((v) => [v.version, v.userId])).toEqual([
      [1, null],
      [2, null],
    ]);

    const whole = await s.assetVersion(bulkVersion(0, 1));
    expect(emulator.counters.requests).toBe(2);
    expect(whole).toMatchObject({ version: 1, userId: expect.any(String), assetId: demoId("bulk:asset:0") });

    const more = await s.listAssetVersions({ taskId: bulkTask(0), offset: 0, limit: 5 }, showing(["userId"]));
    expect(emulator.counters.requests).toBe(3);
    expect(more.items.map((v) => v.userId)).toEqual([whole!.userId, expect.any(String)]);
  });
});

describe("lists", () => {
  it("pages with nextOffset until the last page", async () => {
    const s = session();
    const seen: string[] = [];
    let offset: number | null = 0;
    let pages = 0;
    while (offset !== null) {
      const page = await s.listContexts({
        projectId: DEMO.bulk.project.id,
        objectTypeName: "Task",
        offset,
        limit: 20,
      });
      seen.push(...page.items.map((c) => c.id));
      offset = page.nextOffset;
      pages++;
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(BULK);
    expect(seen).toContain(bulkTask(49));
  });

  it("filters contexts by parent, object type and name", async () => {
    const s = session();
    const children = await s.listChildren(DEMO.shot.id, { offset: 0, limit: 10 });
    expect(children.items.map((c) => c.name).sort()).toEqual(["Animation", "Compositing", "Lighting"]);
    expect(children.nextOffset).toBeNull();
    const shots = await s.listContexts({
      projectId: DEMO.projects.aurora.id,
      objectTypeName: "Shot",
      offset: 0,
      limit: 10,
    });
    expect(shots.items.map((c) => c.name)).toEqual(["SH010", "SH020", "SH030"]);
    const named = await s.listContexts({
      projectId: DEMO.projects.aurora.id,
      nameContains: "Hero",
      offset: 0,
      limit: 10,
    });
    expect(named.items.map((c) => c.name)).toEqual(["Hero Ship"]);
  });

  it("takes name filters literally: quotes, wildcards and injection attempts match nothing", async () => {
    const s = session();
    for (const text of ['" or id like "%', "%", "_", "\\", 'x") or (name like "%']) {
      const page = await s.listContexts({ nameContains: text, offset: 0, limit: 5 });
      expect(page.items).toEqual([]);
    }
    expect((await s.listProjects({ nameContains: "%", offset: 0, limit: 5 })).items).toEqual([]);
  });

  it("answers an empty page for a filter id that is not an id, without a round trip", async () => {
    const s = session();
    expect(await s.listContexts({ projectId: 'x" or 1', offset: 0, limit: 5 })).toEqual({
      items: [],
      nextOffset: null,
    });
    expect(await s.listAssetVersions({ taskId: "nope", offset: 0, limit: 5 })).toEqual({
      items: [],
      nextOffset: null,
    });
    expect(emulator.counters.requests).toBe(0);
  });

  it("lists projects, versions (by version) and users", async () => {
    const s = session();
    const projects = await s.listProjects({ offset: 0, limit: 10 });
    expect(projects.items.map((p) => p.name)).toEqual(["aurora", "borealis", "bulk"]);
    expect(
      (await s.listProjects({ nameContains: "Commercial", offset: 0, limit: 10 })).items.map((p) => p.name),
    ).toEqual(["borealis"]);
    const versions = await s.listAssetVersions({ assetId: DEMO.asset.id, offset: 0, limit: 2 });
    expect(versions.items.map((v) => v.version)).toEqual([1, 2]);
    expect(versions.nextOffset).toBe(2);
    const latestFirst = await s.listAssetVersions({
      assetId: DEMO.asset.id,
      order: "desc",
      offset: 0,
      limit: 5,
    });
    expect(latestFirst.items.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(latestFirst.items[0].isLatestVersion).toBe(true);
    const users = await s.listUsers({ nameContains: "Chen", offset: 0, limit: 10 });
    expect(users.items.map((u) => u.username)).toEqual(["carol.chen"]);
  });
});

describe("writes", () => {
  it("sets and clears thumbnails of several entities in one POST; later reads see it", async () => {
    const s = session();
    const targets = [
      { entityType: "Task", id: DEMO.taskWithoutThumbnail.id },
      { entityType: "AssetVersion", id: DEMO.assetOnAssetBuild.versionIds[0] },
      { entityType: "User", id: DEMO.userWithoutThumbnail.id },
    ];
    expect((await s.context(targets[0].id))?.thumbnailId).toBeNull();
    emulator.counters.reset();
    await s.setThumbnailIds(targets, DEMO.components.spareServer);
    expect(emulator.counters.requests).toBe(1);
    expect(emulator.counters.byAction.update).toBe(3);
    const [task, version, user] = await Promise.all([
      s.context(targets[0].id),
      s.assetVersion(targets[1].id),
      s.user(targets[2].id),
    ]);
    expect([task?.thumbnailId, version?.thumbnailId, user?.thumbnailId]).toEqual(
      Array(3).fill(DEMO.components.spareServer),
    );
    await s.setThumbnailIds(targets, null);
    expect((await s.user(targets[2].id))?.thumbnailId).toBeNull();
  });

  it("rejects invalid ids and type names before sending anything", async () => {
    const s = session();
    await expect(s.setThumbnailIds([{ entityType: "User", id: "nope" }], null)).rejects.toThrow(
      /valid ftrack id/,
    );
    await expect(
      s.setThumbnailIds([{ entityType: "User where", id: DEMO.users.bob.id }], null),
    ).rejects.toThrow();
    await expect(
      s.setThumbnailIds([{ entityType: "User", id: DEMO.users.bob.id }], "bad id"),
    ).rejects.toThrow();
    expect(emulator.counters.requests).toBe(0);
  });

  it("creates, uploads, locates, serves and deletes a component", async () => {
    const s = session();
    const bytes = (await client.transport.getThumbnail(
      DEMO.thumbnails[DEMO.task.id],
      64,
      client.serviceIdentity,
    ))!.body;
    const upload = await s.createFileComponent({ name: "thumbnail", fileType: ".png", size: bytes.length });
    expect(emulator.counters.requests).toBe(1);
    const componentId = upload.componentId;
    await s.uploadBytes(upload, bytes);
    await s.createServerComponentLocation(componentId);
    expect(await s.component(componentId)).toMatchObject({
      entityType: "FileComponent",
      name: "thumbnail",
      fileType: ".png",
      locationIds: [SERVER_LOCATION_ID],
    });
    const image = await client.fetchThumbnail(componentId, 16);
    expect(image?.contentType).toMatch(/^image\//);
    expect(image?.body.length).toBeGreaterThan(0);

    expect(await s.deleteComponent(componentId)).toBe(true);
    expect(await s.component(componentId)).toBeNull();
    expect(await client.fetchThumbnail(componentId, 16)).toBeNull();
    expect(await s.deleteComponent(componentId)).toBe(false);
  });

  it("fetchThumbnail answers null for missing and invalid component ids", async () => {
    expect(await client.fetchThumbnail(MISSING, 100)).toBeNull();
    expect(await client.fetchThumbnail("../../etc", 100)).toBeNull();
    expect(emulator.counters.thumbnailRequests).toBe(1);
  });
});

describe("failures", () => {
  it("one bad operation does not fail the loads sharing its POST", async () => {
    const s = session();
    const [bad, task, user] = await Promise.allSettled([
      s.setThumbnailIds([{ entityType: "User", id: MISSING }], null),
      s.context(DEMO.task.id),
      s.user(DEMO.users.bob.id),
    ]);
    expect(emulator.counters.requests).toBeGreaterThan(1); // merged, refused, then sent apart
    expect(bad.status).toBe("rejected");
    expect((bad as PromiseRejectedResult).reason).toBeInstanceOf(FtrackApiError);
    expect(task).toMatchObject({ status: "fulfilled", value: { id: DEMO.task.id } });
    expect(user).toMatchObject({ status: "fulfilled", value: { id: DEMO.users.bob.id } });
  });

  it("retries reads after a transient failure", async () => {
    emulator.injectFailure({ route: "api", mode: "5xx", times: 2 });
    const s = session();
    expect(await s.context(DEMO.task.id)).toMatchObject({ id: DEMO.task.id });
    expect(emulator.counters.requests).toBe(3);
    emulator.injectFailure({ route: "api", mode: "reset" });
    expect(await s.listUsers({ offset: 0, limit: 1 })).toMatchObject({ nextOffset: 1 });
  });

  it("retries a read whose request timed out", async () => {
    // Short enough to wait out the hang, long enough that the retry is not cut as well when loaded.
    const quick = clientWith({ timeoutMs: 2_000 });
    emulator.injectFailure({ route: "api", mode: "hang" });
    expect(await quick.sessionFor().user(DEMO.users.carol.id)).toMatchObject({ username: "carol.chen" });
    expect(emulator.counters.requests).toBe(2);
  });

  it("does not retry writes", async () => {
    emulator.injectFailure({ route: "api", action: "update", mode: "5xx" });
    const s = session();
    const error = await s
      .setThumbnailIds([{ entityType: "User", id: DEMO.users.dave.id }], DEMO.components.spareServer)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FtrackUnavailableError);
    expect(emulator.counters.requests).toBe(1);
  });

  it("gives up on reads after the retry deadline", async () => {
    const impatient = clientWith({ retryDeadlineMs: 0 });
    emulator.injectFailure({ route: "api", mode: "5xx" });
    await expect(impatient.sessionFor().context(DEMO.task.id)).rejects.toBeInstanceOf(FtrackUnavailableError);
    expect(emulator.counters.requests).toBe(1);
  });

  it("sends nothing for a caller that has gone, and aborts what is in flight", async () => {
    const gone = client.sessionFor(undefined, { signal: AbortSignal.abort() });
    await expect(gone.context(DEMO.task.id)).rejects.toBeInstanceOf(FtrackAbortedError);
    await expect(gone.fetchComponentFile(DEMO.components.spareServer, 1024)).rejects.toBeInstanceOf(
      FtrackAbortedError,
    );
    expect(emulator.counters.requests).toBe(0);

    const caller = new AbortController();
    const s = client.sessionFor(undefined, { signal: caller.signal });
    emulator.injectFailure({ route: "api", mode: "hang" });
    const pending = s.user(DEMO.users.bob.id);
    while (emulator.counters.requests === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    caller.abort();
    await expect(pending).rejects.toBeInstanceOf(FtrackAbortedError);
    await expect(s.user(DEMO.users.alice.id)).rejects.toBeInstanceOf(FtrackAbortedError);
    expect(emulator.counters.requests).toBe(1); // not retried, nothing more sent
  });

  it("reports bad credentials as FtrackApiError without the key", async () => {
    const s = client.sessionFor({ username: emulator.apiUser, apiKey: "wrong-key-123" });
    const error = (await Promise.resolve(s.context(DEMO.task.id)).catch((e: unknown) => e)) as FtrackApiError;
    expect(error).toBeInstanceOf(FtrackApiError);
    expect(error.isCredentials).toBe(true);
    expect(error.message).not.toContain("wrong-key-123");
  });

  it("acts as another user with the service key", async () => {
    const s = client.sessionFor(client.actingAs(DEMO.users.alice.username));
    expect(await s.user(DEMO.users.alice.id)).toMatchObject({ username: "alice.anders" });
  });
});
