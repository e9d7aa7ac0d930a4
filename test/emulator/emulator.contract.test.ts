/**
 * The emulator against recorded answers of a real ftrack server (../shared/ftrack-reference, skipped
 * when absent): schemas served over HTTP agree with the real ones, and ftrack's JS client decodes the
 * emulator's answers into the same shapes as the real answers.
 */
import { Session } from "@ftrack/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { postApi, readReference, referencePresent } from "./emulator.helpers.js";

const hasReference = referencePresent("emulator.contract.test");

interface Schema {
  id: string;
  primary_key: string[];
  properties: Record<string, Record<string, unknown>>;
}

let emulator: RunningEmulator;
let session: Session;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  session = new Session(emulator.url, emulator.apiUser, emulator.apiKey);
  await session.initializing;
});
afterAll(() => emulator?.close());

/** The client's own decoding (private in its types, public at run time). */
const decode = (value: unknown) => (session as unknown as { decode(v: unknown): unknown }).decode(value);

/**
 * A value's shape: scalars by type, dates as "datetime", objects by sorted keys, and an object met
 * again (the client merged an entity into one shared object) as a reference to its first path.
 */
function shape(value: unknown, seen = new Map<object, string>(), path = "$"): unknown {
  if (value === null) return "null";
  if (typeof value !== "object") return typeof value;
  const candidate = value as { toISOString?: unknown; isValid?: unknown };
  if (typeof candidate.toISOString === "function" && typeof candidate.isValid === "function")
    return "datetime";
  const first = seen.get(value);
  if (first) return `same object as ${first}`;
  seen.set(value, path);
  if (Array.isArray(value)) return value.map((item, i) => shape(item, seen, `${path}[${i}]`));
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, shape((value as Record<string, unknown>)[key], seen, `${path}.${key}`)]),
  );
}

describe.skipIf(!hasReference)("emulator contract with a real ftrack server", () => {
  it("serves schemas that agree with the real server's for every attribute it defines", async () => {
    const real = new Map(readReference<Schema[]>("query_schemas.json").map((s) => [s.id, s]));
    const [served] = (await postApi(emulator, [{ action: "query_schemas" }])).json as [Schema[]];
    expect(served.length).toBeGreaterThan(10);
    for (const schema of served) {
      const reference = real.get(schema.id);
      if (!reference) {
        // Studio-defined object types exist only on the studio's server.
        expect(schema.id).toBe("Scene");
        continue;
      }
      expect(schema.primary_key, schema.id).toEqual(reference.primary_key);
      for (const [name, property] of Object.entries(schema.properties)) {
        const realProperty = reference.properties[name];
        expect(realProperty, `${schema.id}.${name}`).toBeDefined();
        for (const key of ["type", "$ref", "format", "items"]) {
          expect(property[key], `${schema.id}.${name}.${key}`).toEqual(realProperty?.[key]);
        }
      }
    }
  });

  it("answers server information with the real keys", async () => {
    const real = readReference<Record<string, unknown>>("query_server_information.json");
    const [info] = (await postApi(emulator, [{ action: "query_server_information" }])).json;
    expect(Object.keys(info).sort()).toEqual(Object.keys(real).sort());
    expect(shape(info)).toEqual(shape(real));
  });

  it("decodes a query with datetimes like the real answer", async () => {
    const real = readReference("query_task_name_created_at_limit_1.json");
    const [ours] = (
      await postApi(emulator, [{ action: "query", expression: "select name, created_at from Task limit 1" }])
    ).json;
    expect(shape(ours)).toEqual(shape(real));
    expect(shape(decode(ours))).toEqual(shape(decode(real)));
    expect((decode(ours) as { data: { created_at: unknown }[] }).data[0].created_at).toBeTypeOf("object");
  });

  it("answers a task's status and its state in the real shape, the shared status as a stub", async () => {
    const real = readReference("query_task_status_limit_2.json");
    const [ours] = (
      await postApi(emulator, [
        {
          action: "query",
          expression: 'select status.state.short from Task where status.name is "Not started" limit 2',
        },
      ])
    ).json;
    expect(ours.data[0].status.state.short).toBe("NOT_STARTED");
    expect(shape(ours)).toEqual(shape(real));
    expect(shape(decode(ours))).toEqual(shape(decode(real)));
  });

  it("decodes a normalised answer with stubs into shared objects like the real answer", async () => {
    const real = readReference("query_assetversion_asset_versions_limit_1.json");
    const [ours] = (
      await postApi(emulator, [
        { action: "query", expression: "select version, asset.versions.version from AssetVersion limit 1" },
      ])
    ).json;
    expect(ours.data[0].id).toBe(DEMO.asset.versionIds[0]);
    // Raw: the version appears whole once, then as a stub inside its asset's versions.
    expect(shape(ours)).toEqual(shape(real));
    // Decoded: the stub became the very same object (a cycle), in both.
    const decoded = decode(ours) as { data: { asset: { versions: unknown[] } }[] };
    expect(decoded.data[0].asset.versions[0]).toBe(decoded.data[0]);
    expect(shape(decoded)).toEqual(shape(decode(real)));
  });

  it("answers update and get_upload_metadata in the real shapes", async () => {
    const [update, upload] = (
      await postApi(emulator, [
        {
          action: "update",
          entity_type: "User",
          entity_key: [DEMO.users.dave.id],
          entity_data: { username: "dave.d" },
        },
        {
          action: "get_upload_metadata",
          component_id: DEMO.components.spareServer,
          file_name: "data.json",
          file_size: 13,
        },
      ])
    ).json;
    expect(shape(update)).toEqual(shape(readReference("update_user.json")));
    expect(shape(upload)).toEqual(shape(readReference("get_upload_metadata.json")));
    expect(upload.headers).toEqual({ "Content-Type": "application/json", "Content-Length": "13" });
  });
});
