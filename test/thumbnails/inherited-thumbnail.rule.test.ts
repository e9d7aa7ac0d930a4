/** The inheritance rule over plain records: who inherits, and which candidate wins. */
import { describe, expect, it } from "vitest";
import type { ContextRecord, DatedVersionRecord } from "../../src/ftrack/ftrack.types.js";
import {
  inheritanceOf,
  NO_CANDIDATES,
  thumbnailSourceOf,
} from "../../src/thumbnails/inherited-thumbnail.rule.js";

const owner = (entityType: string, thumbnailId: string | null = null) => ({
  entityType,
  id: `${entityType}-1`,
  thumbnailId,
});

const context = (id: string, thumbnailId: string | null): ContextRecord => ({
  entityType: "Shot",
  id,
  name: id,
  fullName: null,
  parentId: null,
  projectId: null,
  thumbnailId,
  objectTypeName: "Shot",
});

const version = (
  id: string,
  n: number,
  date: string | null,
  thumbnailId: string | null = `img-${id}`,
): DatedVersionRecord => ({
  entityType: "AssetVersion",
  id,
  version: n,
  comment: null,
  assetId: null,
  taskId: null,
  userId: null,
  isLatestVersion: false,
  thumbnailId,
  date,
});

describe("inheritanceOf", () => {
  it("tells where an entity without a thumbnail looks; nowhere with one, or for projects and users", () => {
    expect(inheritanceOf(owner("Task"))).toBe("task");
    expect(inheritanceOf(owner("Shot"))).toBe("context");
    expect(inheritanceOf(owner("Scene"))).toBe("context");
    expect(inheritanceOf(owner("AssetVersion"))).toBe("version");
    expect(inheritanceOf(owner("Project"))).toBe("none");
    expect(inheritanceOf(owner("User"))).toBe("none");
    expect(inheritanceOf(owner("Task", "own"))).toBe("none");
  });
});

describe("thumbnailSourceOf", () => {
  const ancestors = [context("shot", null), context("sequence", "seq-img"), context("episode", "ep-img")];

  it("keeps an entity's own thumbnail, whatever the candidates", () => {
    const task = owner("Task", "own");
    expect(thumbnailSourceOf(task, { versions: [version("v", 9, null)], ancestors })).toBe(task);
    expect(thumbnailSourceOf(owner("Project"), { versions: [], ancestors })).toBeNull();
    expect(thumbnailSourceOf(owner("User"), NO_CANDIDATES)).toBeNull();
  });

  it("gives a task its highest version with a thumbnail, then the newest, then by id", () => {
    const versions = [
      version("a3", 3, "2024-01-09T00:00:00.000Z", null),
      version("a2", 2, "2024-01-02T00:00:00.000Z"),
      version("b2", 2, "2024-01-03T00:00:00.000Z"),
      version("c1", 1, "2024-02-01T00:00:00.000Z"),
    ];
    expect(thumbnailSourceOf(owner("Task"), { versions, ancestors })?.id).toBe("b2");
    expect(thumbnailSourceOf(owner("Task"), { versions: [...versions].reverse(), ancestors })?.id).toBe("b2");
    const tie = [version("x", 1, null), version("y", 1, null)];
    expect(thumbnailSourceOf(owner("Task"), { versions: tie, ancestors })?.id).toBe("y");
  });

  it("gives a task without such versions, and any context, the nearest ancestor's own", () => {
    expect(thumbnailSourceOf(owner("Task"), { versions: [], ancestors })?.id).toBe("sequence");
    expect(thumbnailSourceOf(owner("Shot"), { versions: [], ancestors })?.id).toBe("sequence");
    // Versions count for tasks only.
    expect(thumbnailSourceOf(owner("Shot"), { versions: [version("v", 1, null)], ancestors })?.id).toBe(
      "sequence",
    );
  });

  it("gives a version the first of its asset's parent and that parent's ancestors with one", () => {
    expect(thumbnailSourceOf(owner("AssetVersion"), { versions: [], ancestors })?.id).toBe("sequence");
    expect(
      thumbnailSourceOf(owner("AssetVersion"), { versions: [], ancestors: [context("parent", "p")] })?.id,
    ).toBe("parent");
  });

  it("is null when no candidate has a thumbnail", () => {
    expect(thumbnailSourceOf(owner("Task"), NO_CANDIDATES)).toBeNull();
    expect(thumbnailSourceOf(owner("Shot"), { versions: [], ancestors: [context("s", null)] })).toBeNull();
  });
});
