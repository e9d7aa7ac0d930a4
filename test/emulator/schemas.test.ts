import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { pythonJsonDumps, schemaHash } from "../../src/emulator/python-json.js";
import {
  attributeOf,
  concreteTypes,
  type EntitySchema,
  foreignKeysOf,
  getSchema,
  OBJECT_TYPE_IDS,
  primaryKeyOf,
  resolveType,
  SCHEMAS,
  systemAttributes,
} from "../../src/emulator/schemas.js";
import { systemRows } from "../../src/emulator/seed-system.js";
import { referencePresent } from "./emulator.helpers.js";

const REFERENCE = "../shared/ftrack-reference";
const hasReference = referencePresent("schemas.test", "query_schemas.json");
const readJson = (name: string) => JSON.parse(readFileSync(`${REFERENCE}/${name}`, "utf8"));

describe("schemaHash", () => {
  it.skipIf(!hasReference)("hashes the real schemas to the real server's schema_hash", () => {
    const schemas = readJson("query_schemas.json");
    const info = readJson("query_server_information.json");
    expect(schemaHash(schemas)).toBe(info.schema_hash);
  });

  it("dumps JSON the way Python's json.dumps(sort_keys=True) does", () => {
    expect(pythonJsonDumps({ b: [1, true, null], a: 'é"\n\u007f' })).toBe(
      '{"a": "\\u00e9\\"\\n\\u007f", "b": [1, true, null]}',
    );
    expect(pythonJsonDumps({ x: {}, y: [] })).toBe('{"x": {}, "y": []}');
    expect(pythonJsonDumps("😀")).toBe('"\\ud83d\\ude00"');
  });

  it("is stable and hex", () => {
    expect(schemaHash(SCHEMAS)).toMatch(/^[0-9a-f]{32}$/);
    expect(schemaHash(SCHEMAS)).toBe(schemaHash(structuredClone(SCHEMAS)));
  });
});

describe.skipIf(!hasReference)("schemas match ftrack's real schema for every attribute defined", () => {
  // Collected even when skipped: read the reference only when it is there.
  const real = new Map<string, EntitySchema>(
    hasReference ? (readJson("query_schemas.json") as EntitySchema[]).map((s) => [s.id, s]) : [],
  );
  const filter = (list: string[] | undefined, props: Record<string, unknown>) =>
    (list ?? []).filter((n) => n in props);

  for (const schema of SCHEMAS) {
    it(schema.id, () => {
      const ref = real.get(schema.id);
      if (schema.id === "Scene") {
        expect(schema.alias_for).toEqual({
          id: "Task",
          classifiers: { object_typeid: OBJECT_TYPE_IDS.Scene },
        });
        return;
      }
      expect(ref).toBeDefined();
      if (!ref) return;
      expect(schema.primary_key).toEqual(ref.primary_key);
      expect(schema.alias_for).toEqual(ref.alias_for);
      expect(schema.system_projections).toEqual(ref.system_projections);
      expect(schema.default_projections).toEqual(filter(ref.default_projections, schema.properties));
      expect(schema.required).toEqual(filter(ref.required, schema.properties));
      expect(schema.immutable).toEqual(filter(ref.immutable, schema.properties));
      expect(schema.computed ?? []).toEqual(filter(ref.computed, schema.properties));
      for (const [name, prop] of Object.entries(schema.properties)) {
        const realProp = ref.properties[name];
        expect(realProp, `${schema.id}.${name}`).toBeDefined();
        for (const key of [
          "type",
          "format",
          "$ref",
          "items",
          "default",
          "alias_for",
          "description",
        ] as const) {
          expect(prop[key], `${schema.id}.${name}.${key}`).toEqual(realProp?.[key]);
        }
      }
    });
  }
});

describe("type model", () => {
  it("resolves names and aliases", () => {
    expect(resolveType("Show")).toBe("Project");
    expect(resolveType("Task")).toBe("Task");
    expect(resolveType("Foo")).toBeUndefined();
    expect(resolveType("toString")).toBeUndefined();
    expect(getSchema("Show")?.id).toBe("Project");
  });

  it("expands base types to concrete types", () => {
    const typed = ["Task", "Shot", "Sequence", "Episode", "AssetBuild", "Folder", "Milestone", "Scene"];
    expect(concreteTypes("Context")).toEqual(["Project", ...typed]);
    expect(concreteTypes("TypedContext")).toEqual(typed);
    expect(concreteTypes("Component")).toEqual(["FileComponent", "ContainerComponent"]);
    expect(concreteTypes("Shot")).toEqual(["Shot"]);
    expect(concreteTypes("Show")).toEqual(["Project"]);
    expect(concreteTypes("Nope")).toEqual([]);
  });

  it("models relations", () => {
    expect(attributeOf("Task", "parent")).toEqual({
      kind: "ref",
      target: "Context",
      foreignKey: "parent_id",
    });
    expect(attributeOf("Project", "children")).toEqual({
      kind: "collection",
      target: "Context",
      inverseForeignKey: "parent_id",
    });
    expect(attributeOf("Asset", "parent")).toEqual({
      kind: "ref",
      target: "Context",
      foreignKey: "context_id",
    });
    expect(attributeOf("Asset", "versions")).toEqual({
      kind: "collection",
      target: "AssetVersion",
      inverseForeignKey: "asset_id",
    });
    expect(attributeOf("User", "thumbnail")).toEqual({
      kind: "ref",
      target: "Component",
      foreignKey: "thumbnail_id",
    });
    expect(attributeOf("Shot", "object_type")).toEqual({
      kind: "ref",
      target: "ObjectType",
      foreignKey: "object_type_id",
    });
    expect(attributeOf("AssetVersion", "is_latest_version")).toMatchObject({
      kind: "computed",
      type: "boolean",
    });
    expect(attributeOf("Task", "created_at")).toEqual({
      kind: "scalar",
      type: "string",
      format: "date-time",
    });
    expect(attributeOf("Task", "status")).toEqual({ kind: "ref", target: "Status", foreignKey: "status_id" });
    expect(attributeOf("Task", "time_logged")).toBeUndefined();
    expect(attributeOf("Asset", "thumbnail_id")).toBeUndefined();
  });

  it("lists system attributes with storage columns mapped to attribute names", () => {
    expect(systemAttributes("Task")).toEqual(["project_id", "context_type", "object_type_id"]);
    expect(systemAttributes("AssetVersion")).toEqual(["asset_id"]);
    expect(systemAttributes("Location")).toEqual([]);
  });

  it("records each foreign key's target in the model, and link tables' two-part keys", () => {
    expect(attributeOf("Task", "status_id")).toEqual({
      kind: "scalar",
      type: "string",
      format: "foreign_key",
      target: "Status",
    });
    expect(foreignKeysOf("AssetVersion")).toEqual(
      expect.arrayContaining([
        { column: "asset_id", target: "Asset" },
        { column: "user_id", target: "User" },
        { column: "thumbnail_id", target: "Component" },
      ]),
    );
    // Status.state has no attribute for its key: the stored column is checked all the same.
    expect(foreignKeysOf("Status")).toEqual([{ column: "state_id", target: "State" }]);
    expect(foreignKeysOf("FileComponent").map((k) => k.column)).not.toContain("id");
    expect(primaryKeyOf("WorkflowSchemaStatus")).toEqual(["workflow_schema_id", "status_id"]);
    expect(primaryKeyOf("Task")).toEqual(["id"]);
    expect(attributeOf("WorkflowSchema", "statuses")).toEqual({
      kind: "collection",
      target: "Status",
      inverseForeignKey: "workflow_schema_id",
      through: { type: "WorkflowSchemaStatus", targetKey: "status_id" },
    });
  });

  it("has an ObjectType row for every TypedContext subtype, and a Priority row for their default", () => {
    const rows = systemRows();
    for (const type of concreteTypes("TypedContext")) {
      const { object_type_id, priority_id } = getSchema(type)!.properties;
      expect(rows.some((r) => r.type === "ObjectType" && r.id === object_type_id.default)).toBe(true);
      expect(rows.some((r) => r.type === "Priority" && r.id === priority_id.default)).toBe(true);
    }
  });
});
