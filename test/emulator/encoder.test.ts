import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeEntityData, encodeResult, toUtcIso } from "../../src/emulator/encoder.js";
import { runQuery } from "../../src/emulator/query-evaluator.js";
import { errorOf, referencePresent } from "./emulator.helpers.js";
import { studio } from "./memory-reader.js";

// biome-ignore lint/suspicious/noExplicitAny: encoded answers are walked freely in assertions
type Json = Record<string, any>;

const REFERENCE = "../shared/ftrack-reference";
const REAL_ANSWER = "query_assetversion_asset_versions_limit_1.json";
const hasRealAnswer = referencePresent("encoder.test", REAL_ANSWER);

describe("encodeResult", () => {
  it("wraps datetimes as naive UTC without fractions", () => {
    const { db, ids } = studio();
    const { data } = runQuery(`select name, created_at from Task where id is ${ids.task1}`, db);
    expect(encodeResult(data, { denormalize: false })).toEqual([
      expect.objectContaining({ created_at: { __type__: "datetime", value: "2024-01-05T10:30:00" } }),
    ]);
    const offset = encodeResult(
      { __entity_type__: "AssetVersion", id: "x", date: "2024-02-01T12:00:00+02:00" },
      { denormalize: true },
    );
    expect(offset).toEqual({
      __entity_type__: "AssetVersion",
      id: "x",
      date: { __type__: "datetime", value: "2024-02-01T10:00:00" },
    });
  });

  it("normalises: an entity whole the first time, merged, then as a stub", () => {
    const { db, ids } = studio();
    const { data } = runQuery(
      "select version, asset.versions.version, asset.versions.date from AssetVersion order by version",
      db,
    );
    const encoded = encodeResult(data, { denormalize: false }) as Json[];
    // The first row carries v1 whole; its asset lists v1 again as a stub, v2 and v3 whole.
    expect(encoded[0]).toMatchObject({
      id: ids.v1,
      version: 1,
      date: { __type__: "datetime", value: "2024-02-01T12:00:00" },
    });
    expect(encoded[0].asset.versions[0]).toEqual({ __entity_type__: "AssetVersion", id: ids.v1 });
    expect(encoded[0].asset.versions[1]).toMatchObject({ id: ids.v3, version: 3, asset_id: ids.asset });
    // Later rows: already sent entities are stubs, and the asset is a stub.
    expect(encoded[1]).toEqual({ __entity_type__: "AssetVersion", id: ids.v2 });
    expect(encoded[2]).toEqual({ __entity_type__: "AssetVersion", id: ids.v3 });
    // The whole v1 carries the attributes seen for it anywhere (merged), so nothing is lost.
    expect(Object.keys(encoded[0]).sort()).toEqual([
      "__entity_type__",
      "asset",
      "asset_id",
      "date",
      "id",
      "version",
    ]);
  });

  it("repeats entities whole when denormalised", () => {
    const { db, ids } = studio();
    const { data } = runQuery("select version, asset.name from AssetVersion order by version", db);
    const encoded = encodeResult(data, { denormalize: true }) as Json[];
    for (const row of encoded)
      expect(row.asset).toEqual({
        __entity_type__: "Asset",
        id: ids.asset,
        context_id: ids.shot1,
        name: "plate",
      });
  });

  it("keeps non-entity values and the surrounding structure", () => {
    expect(
      encodeResult(
        { action: "query", data: [], metadata: { next: { offset: null } } },
        { denormalize: false },
      ),
    ).toEqual({
      action: "query",
      data: [],
      metadata: { next: { offset: null } },
    });
    expect(encodeResult([1, "a", null], { denormalize: false })).toEqual([1, "a", null]);
  });

  it.skipIf(!hasRealAnswer)("normalises like the real server's answer", () => {
    const real = JSON.parse(readFileSync(`${REFERENCE}/${REAL_ANSWER}`, "utf8"));
    // Denormalise the real answer's data into a tree, then encode it again.
    const [row] = real.data;
    const whole = {
      ...row,
      asset: {
        ...row.asset,
        versions: [
          { ...row.asset.versions[0], asset_id: row.asset_id, version: 1 },
          ...row.asset.versions.slice(1),
        ],
      },
    };
    expect(encodeResult([whole], { denormalize: false })).toEqual(real.data);
  });
});

describe("toUtcIso", () => {
  it("reads naive, zoned, date-only and fractional forms", () => {
    expect(toUtcIso("2024-01-05T10:30:00")).toBe("2024-01-05T10:30:00.000Z");
    expect(toUtcIso("2024-01-05 10:30:00.123456+01:30")).toBe("2024-01-05T09:00:00.123Z");
    expect(toUtcIso("2024-01-05")).toBe("2024-01-05T00:00:00.000Z");
    expect(toUtcIso("2024-13-05")).toBeUndefined();
    expect(toUtcIso("2024-02-30")).toBeUndefined();
    expect(toUtcIso("yesterday")).toBeUndefined();
  });
});

describe("decodeEntityData", () => {
  it("drops the type marker, unwraps dates and resolves references to foreign keys", () => {
    expect(
      decodeEntityData(
        "ComponentLocation",
        {
          __entity_type__: "ComponentLocation",
          id: "cl",
          component: { __entity_type__: "FileComponent", id: "c1" },
          location: { __entity_type__: "Location", id: "l1" },
          resource_identifier: "c1",
        },
        "create",
      ),
    ).toEqual({ id: "cl", component_id: "c1", location_id: "l1", resource_identifier: "c1" });
    expect(
      decodeEntityData(
        "Task",
        { created_at: { __type__: "datetime", value: "2024-01-05T10:30:00+00:00" }, thumbnail: null },
        "create",
      ),
    ).toEqual({
      created_at: "2024-01-05T10:30:00.000Z",
      thumbnail_id: null,
    });
    expect(decodeEntityData("Show", { name: "p", context_type: "show" }, "create")).toEqual({ name: "p" });
    expect(decodeEntityData("Task", { thumbnail_id: "c1", __entity_type__: "Task" }, "update")).toEqual({
      thumbnail_id: "c1",
    });
    expect(
      decodeEntityData(
        "FileComponent",
        { name: "thumbnail", file_type: ".png", size: 883, id: "c1" },
        "create",
      ),
    ).toEqual({
      name: "thumbnail",
      file_type: ".png",
      size: 883,
      id: "c1",
    });
  });

  it("rejects what ftrack rejects", () => {
    const cases: [string, Record<string, unknown>, "create" | "update", RegExp][] = [
      ["Nope", {}, "create", /Entity type "Nope" not found/],
      ["TypedContext", { name: "x" }, "create", /base type/],
      ["Task", { bogus: 1 }, "create", /"bogus" is not a valid attribute of "Task"/],
      ["Task", { time_logged: 1 }, "update", /"time_logged" is not a valid attribute/],
      ["Task", { link: [] }, "update", /immutable/],
      ["Task", { thumbnail_url: {} }, "create", /computed/],
      ["Asset", { versions: [] }, "create", /collection "versions"/],
      ["AssetVersion", { is_latest_version: true }, "create", /computed/],
      ["Task", { context_type: "show" }, "create", /computed/],
      ["Task", { name: 5 }, "create", /expected a string, got number 5/],
      ["AssetVersion", { version: 1.5 }, "create", /expected an integer/],
      ["User", { is_active: "yes" }, "create", /expected a boolean/],
      ["Task", { created_at: "soon" }, "create", /expected a datetime/],
      ["Task", { created_at: { __type__: "other", value: "2024-01-01" } }, "create", /expected a datetime/],
      ["Task", { id: "x" }, "update", /immutable/],
      ["Shot", { object_type_id: "x" }, "update", /immutable/],
      ["User", { resource_type: "x" }, "update", /immutable/],
      ["ComponentLocation", { component: "c1" }, "create", /entity reference/],
      [
        "ComponentLocation",
        { component: { __entity_type__: "Location", id: "l" } },
        "create",
        /must reference a Component/,
      ],
      [
        "ComponentLocation",
        { component: { __entity_type__: "FileComponent", id: "a" }, component_id: "b" },
        "create",
        /Conflicting/,
      ],
    ];
    for (const [type, data, mode, message] of cases) {
      const error = errorOf(() => decodeEntityData(type, data, mode));
      expect(error.exception).toBe("ValidationError");
      expect(error.message, `${type} ${JSON.stringify(data)}`).toMatch(message);
    }
  });
});
