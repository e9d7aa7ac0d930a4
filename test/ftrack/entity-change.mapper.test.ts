/**
 * ftrack.update -> EntityChange, with the schemas of a real ftrack server (shared reference data,
 * when present) and events shaped as published consumers of real events read them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type FtrackSchema, mapUpdateEvent, schemaNames } from "../../src/ftrack/entity-change.mapper.js";
import { REFERENCE_DIR, referencePresent } from "../support/ftrack-reference.js";

const REFERENCE = join(REFERENCE_DIR, "query_schemas.json");
const hasSchemas = referencePresent("entity-change.mapper.test", "query_schemas.json");
const SHOT_OBJECT_TYPE = "bad911de-3bd6-47b9-8b46-3476e237cb36";

describe.skipIf(!hasSchemas)("ftrack.update mapping with a real server's schemas", () => {
  // Vitest collects a skipped suite's body too: read the file only when it is there.
  const names = schemaNames(
    hasSchemas ? (JSON.parse(readFileSync(REFERENCE, "utf8")) as FtrackSchema[]) : [],
  );

  it("translates legacy keys and types into API names", () => {
    const [change] = mapUpdateEvent(
      {
        id: "e1",
        topic: "ftrack.update",
        source: { user: { username: "jane" } },
        data: {
          entities: [
            {
              entityId: "v1",
              entityType: "assetversion",
              entity_type: "AssetVersion",
              action: "update",
              keys: ["thumbid", "statusid"],
              changes: { thumbid: { old: null, new: "c1" }, statusid: { old: "s1", new: "s2" } },
              parents: [
                { entityId: "v1", entityType: "assetversion", entity_type: "AssetVersion", parentId: "a1" },
                { entityId: "a1", entityType: "asset", entity_type: "Asset", parentId: "sh1" },
                { entityId: "sh1", entityType: "task", entity_type: "Shot", parentId: "p1" },
                { entityId: "p1", entityType: "show", entity_type: "Project" },
              ],
            },
          ],
        },
      },
      names,
    );
    expect(change).toEqual({
      entityType: "AssetVersion",
      entityId: "v1",
      action: "update",
      changedKeys: ["thumbnail_id", "status_id"],
      changes: { thumbnail_id: { old: null, new: "c1" }, status_id: { old: "s1", new: "s2" } },
      parents: [
        { entityType: "AssetVersion", entityId: "v1", parentId: "a1" },
        { entityType: "Asset", entityId: "a1", parentId: "sh1" },
        { entityType: "Shot", entityId: "sh1", parentId: "p1" },
        { entityType: "Project", entityId: "p1", parentId: null },
      ],
      parentId: "a1",
      objectTypeId: null,
      eventId: "e1",
      changedBy: "jane",
    });
  });

  it("resolves a type from the legacy name and object type when entity_type is missing", () => {
    const changes = mapUpdateEvent(
      {
        id: "e2",
        data: {
          entities: [
            {
              entityId: "sh1",
              entityType: "task",
              objectTypeId: SHOT_OBJECT_TYPE,
              action: "update",
              keys: ["thumbid"],
            },
            { entityId: "p1", entityType: "show", action: "update", keys: ["fullname"] },
            {
              entityId: "n1",
              entityType: "note",
              entity_type: "Note",
              action: "add",
              changes: { text: { new: "hi" } },
            },
            { entityId: "u1", entityType: "user", action: "update", keys: ["thumbid"] },
            { entityId: "x", action: "teleport" },
            { action: "update" },
            "junk",
          ],
        },
      },
      names,
    );
    expect(changes.map((c) => [c.entityType, c.entityId, c.changedKeys])).toEqual([
      ["Shot", "sh1", ["thumbnail_id"]],
      ["Project", "p1", ["full_name"]],
      ["Note", "n1", ["content"]],
      ["User", "u1", ["thumbnail_id"]],
    ]);
    expect(changes[2].changes.content).toEqual({ old: null, new: "hi" });
  });

  it("ignores what is not an ftrack.update payload", () => {
    expect(mapUpdateEvent(null, names)).toEqual([]);
    expect(mapUpdateEvent({ data: { entities: "no" } }, names)).toEqual([]);
  });
});
