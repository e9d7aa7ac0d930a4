/**
 * Reads what the emulator's store holds, so end-to-end tests compare GraphQL answers with the
 * source of truth rather than with hard-coded values.
 */
import type { RunningEmulator } from "../../src/emulator/index.js";
import { concreteTypes } from "../../src/emulator/schemas.js";
import type { StoredEntity } from "../../src/emulator/store.types.js";

const CONTEXT_TYPES = concreteTypes("Context");
const TYPED_CONTEXT_TYPES = concreteTypes("TypedContext");

export class StoreView {
  constructor(private readonly emulator: RunningEmulator) {}

  get(type: string | readonly string[], id: string): StoredEntity {
    const types = typeof type === "string" ? concreteTypes(type) : type;
    const entity = this.emulator.store.get(types, id);
    if (!entity) throw new Error(`the store has no ${String(type)} ${id}`);
    return entity;
  }

  context(id: string): StoredEntity {
    return this.get(CONTEXT_TYPES, id);
  }

  /** TypedContexts directly under a parent, sorted by name (the API's order). */
  children(parentId: string): StoredEntity[] {
    return byName(this.emulator.store.findBy(TYPED_CONTEXT_TYPES, "parent_id", parentId));
  }

  /** TypedContexts of a project (any depth), sorted by name. */
  contextsOfProject(projectId: string, type?: string): StoredEntity[] {
    const types = type ? [type] : TYPED_CONTEXT_TYPES;
    return byName(this.emulator.store.findBy(types, "project_id", projectId));
  }

  all(type: string): StoredEntity[] {
    return [...this.emulator.store.scan(concreteTypes(type))];
  }

  versionsOf(attribute: "asset_id" | "task_id", id: string): StoredEntity[] {
    return this.emulator.store
      .findBy(["AssetVersion"], attribute, id)
      .sort((a, b) => Number(a.attrs.version) - Number(b.attrs.version));
  }

  /** The thumbnail component of an entity, or null. */
  thumbnailOf(entity: StoredEntity): StoredEntity | null {
    const id = entity.attrs.thumbnail_id;
    return typeof id === "string" ? this.get("Component", id) : null;
  }
}

function byName(entities: StoredEntity[]): StoredEntity[] {
  const name = (e: StoredEntity) => String(e.attrs.name);
  return entities.sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
}
