/**
 * Records the entity writes of one batch (cascades included, such as a deleted component clearing
 * `thumbnail_id` where it was used), so the event hub can announce them once the batch commits.
 */
import type { EmulatorStore } from "./store.js";
import type { StoredEntity } from "./store.types.js";

/** One write as the store saw it: attributes before (update, remove) and after (add, update). */
export interface StoredWrite {
  action: "add" | "update" | "remove";
  type: string;
  id: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/** `store`, with every insert, update and remove also appended to `writes`. */
export function recordWrites(store: EmulatorStore, writes: StoredWrite[]): EmulatorStore {
  const current = (type: string, id: string): StoredEntity | undefined => store.get([type], id);
  return new Proxy(store, {
    get(target, property, receiver) {
      switch (property) {
        case "insert":
          return (entity: StoredEntity) => {
            target.insert(entity);
            const after = current(entity.type, entity.id)?.attrs;
            writes.push({ action: "add", type: entity.type, id: entity.id, after });
          };
        case "update":
          return (type: string, id: string, attrs: Record<string, unknown>) => {
            const before = current(type, id)?.attrs;
            target.update(type, id, attrs);
            writes.push({ action: "update", type, id, before, after: current(type, id)?.attrs });
          };
        case "remove":
          return (type: string, id: string) => {
            const before = current(type, id)?.attrs;
            target.remove(type, id);
            if (before) writes.push({ action: "remove", type, id, before });
          };
        default:
          return Reflect.get(target, property, receiver);
      }
    },
  });
}
