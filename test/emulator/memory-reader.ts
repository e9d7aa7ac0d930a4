import { schemaDefaults } from "../../src/emulator/entity-writes.js";
import type { EntityReader, StoredEntity } from "../../src/emulator/store.types.js";

/** A Map-backed EntityReader for the query engine's unit tests; counts calls to prove lookups. */
export class MemoryReader implements EntityReader {
  readonly entities = new Map<string, StoredEntity>();
  calls = { get: 0, scan: 0, findBy: 0 };

  add(type: string, attrs: Record<string, unknown>): StoredEntity {
    const all = { ...schemaDefaults(type), ...attrs };
    const id = String(all.id);
    delete all.id;
    const entity = { type, id, attrs: all };
    this.entities.set(id, entity);
    return entity;
  }

  get(types: readonly string[], id: string): StoredEntity | undefined {
    this.calls.get++;
    const entity = this.entities.get(id);
    return entity && types.includes(entity.type) ? entity : undefined;
  }

  *scan(types: readonly string[]): Iterable<StoredEntity> {
    this.calls.scan++;
    for (const entity of this.entities.values()) if (types.includes(entity.type)) yield entity;
  }

  findBy(types: readonly string[], attribute: string, value: unknown): StoredEntity[] {
    this.calls.findBy++;
    return [...this.entities.values()].filter((e) => types.includes(e.type) && e.attrs[attribute] === value);
  }
}

/** A small studio: one project with a sequence, shots, tasks, an asset with versions and a thumbnail. */
export function studio() {
  const db = new MemoryReader();
  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
  const ids = {
    project: id(1),
    sequence: id(2),
    shot1: id(3),
    shot2: id(4),
    task1: id(5),
    task2: id(6),
    scene: id(7),
    user: id(8),
    asset: id(9),
    v1: id(10),
    v2: id(11),
    v3: id(12),
    thumb: id(13),
    location: id(14),
    componentLocation: id(15),
    project2: id(16),
  };
  db.add("Project", {
    id: ids.project,
    name: "alpha",
    full_name: "Alpha Project",
    created_at: "2024-01-01T00:00:00.000Z",
  });
  db.add("Sequence", {
    id: ids.sequence,
    name: "sq01",
    parent_id: ids.project,
    project_id: ids.project,
    created_at: "2024-01-02T00:00:00.000Z",
  });
  db.add("Shot", {
    id: ids.shot1,
    name: "sh010",
    parent_id: ids.sequence,
    project_id: ids.project,
    created_at: "2024-01-03T00:00:00.000Z",
    description: "first",
  });
  db.add("Shot", {
    id: ids.shot2,
    name: "sh020",
    parent_id: ids.sequence,
    project_id: ids.project,
    created_at: "2024-01-04T00:00:00.000Z",
    description: null,
  });
  db.add("Task", {
    id: ids.task1,
    name: "comp",
    parent_id: ids.shot1,
    project_id: ids.project,
    thumbnail_id: ids.thumb,
    created_at: "2024-01-05T10:30:00.000Z",
  });
  db.add("Task", {
    id: ids.task2,
    name: "Anim_100%",
    parent_id: ids.shot1,
    project_id: ids.project,
    created_at: "2024-01-06T00:00:00.000Z",
  });
  db.add("Scene", {
    id: ids.scene,
    name: "scene A",
    parent_id: ids.project,
    project_id: ids.project,
    created_at: "2024-01-07T00:00:00.000Z",
  });
  db.add("Project", {
    id: ids.project2,
    name: "beta",
    full_name: "Beta",
    created_at: "2023-06-01T00:00:00.000Z",
  });
  db.add("User", {
    id: ids.user,
    username: "jane",
    first_name: "Jane",
    last_name: "Doe",
    is_active: true,
    thumbnail_id: ids.thumb,
  });
  db.add("Asset", { id: ids.asset, name: "plate", context_id: ids.shot1 });
  for (const [n, vid] of [
    [1, ids.v1],
    [3, ids.v3],
    [2, ids.v2],
  ] as const) {
    db.add("AssetVersion", {
      id: vid,
      asset_id: ids.asset,
      version: n,
      task_id: ids.task1,
      user_id: ids.user,
      date: `2024-02-0${n}T12:00:00.000Z`,
    });
  }
  db.add("FileComponent", {
    id: ids.thumb,
    name: "thumbnail",
    file_type: ".png",
    size: 883,
    system_type: "file",
    version_id: ids.v1,
  });
  db.add("Location", { id: ids.location, name: "ftrack.server", label: "Server" });
  db.add("ComponentLocation", {
    id: ids.componentLocation,
    component_id: ids.thumb,
    location_id: ids.location,
    resource_identifier: ids.thumb,
  });
  db.calls = { get: 0, scan: 0, findBy: 0 };
  return { db, ids };
}
