/**
 * The `ftrack.update` event the emulator publishes when a batch commits, in ftrack's shape:
 *
 *   { topic: "ftrack.update", id, sent, source, target: "", inReplyToEvent: null,
 *     data: { entities: [{ entityId, entityType, entity_type, action, keys, changes, parents,
 *                          parentId, objectTypeId? }], parents: [ids], user: { userid, name } } }
 *
 * What was checked, against ftrack's JS client typings (`UpdateEventData`, `EventEntity`) and the
 * handlers of ynput/ayon-ftrack, which consume real events:
 * - one event per commit, one `entities` item per changed entity, `action` add / update / remove;
 * - `entityType` is ftrack's legacy table name: "task" for every TypedContext (Shot, Task, ...),
 *   "show" for Project, "assetversion" for AssetVersion; `entity_type` is the API type name;
 * - `keys` and `changes` use the attribute's legacy name, which the schema gives as the property's
 *   `alias_for` (`thumbnail_id` -> "thumbid", `status_id` -> "statusid", `task_id` -> "taskid",
 *   Note's `content` -> "text"), else the attribute name (`parent_id`, `name`, `context_id`);
 *   `changes[key]` is `{ old, new }` (old null on add, new null on remove);
 * - `parents` starts with the entity itself and ends with its project ("show"); each item has
 *   `entityId`, `entityType`, `entity_type` and `parentId`; `parentId` of the entity is its parent;
 *   `objectTypeId` is set on TypedContexts.
 * Not verified (no published sample shows them): the lowercase names of other types (e.g.
 * "filecomponent"), the exact `source` of server events, `data.user.name` being the username,
 * `data.parents` being every parent id, `sent` being an ISO time, and how ftrack merges several
 * writes to one entity in one commit (here: one item per entity, its net change).
 */
import { randomUUID } from "node:crypto";
import { concreteTypes, contextTypeOf, getSchema, isSubtypeOf } from "./schemas.js";
import type { StoredWrite } from "./store.recorder.js";
import type { EntityReader, StoredEntity } from "./store.types.js";

export interface FtrackEvent {
  topic: string;
  id: string;
  data: Record<string, unknown>;
  source: Record<string, unknown>;
  target: string;
  sent?: string | null;
  inReplyToEvent?: string | null;
}

/** Who made the change: the acting user, and the tokens ftrack's JS client sends with its requests
 * (`ftrack-clienttoken`, `ftrack-pushtoken`), which ftrack echoes so a client can spot its own changes. */
export interface UpdateOrigin {
  user: StoredEntity;
  clientToken?: string;
  pushToken?: string;
}

interface ParentItem {
  entityId: string;
  entityType: string;
  entity_type: string;
  parentId?: string;
}

/** Which foreign key leads from an entity to its parent, by base type (first match wins). */
const PARENT_LINKS: readonly { base: string; key: string; target: string }[] = [
  { base: "TypedContext", key: "parent_id", target: "Context" },
  { base: "Asset", key: "context_id", target: "Context" },
  { base: "AssetVersion", key: "asset_id", target: "Asset" },
  { base: "Component", key: "version_id", target: "AssetVersion" },
  { base: "ComponentLocation", key: "component_id", target: "Component" },
];

/** ftrack's legacy name of a type, as `entityType` carries it. */
const legacyTypeName = (type: string) => contextTypeOf(type) ?? type.toLowerCase();

/** ftrack's legacy name of an attribute (the schema's `alias_for`), as `keys` and `changes` carry it. */
const legacyKey = (type: string, attribute: string) =>
  getSchema(type)?.properties[attribute]?.alias_for ?? attribute;

/** The ftrack.update event announcing `writes` (read after the commit), or undefined when nothing changed. */
export function buildUpdateEvent(
  writes: readonly StoredWrite[],
  reader: EntityReader,
  origin: UpdateOrigin,
  sourceId: string,
): FtrackEvent | undefined {
  const entities = netChanges(writes)
    .map((write) => entityItem(write, reader))
    .filter((item) => item !== undefined);
  if (entities.length === 0) return undefined;
  const parentIds = new Set(entities.flatMap((e) => e.parents.map((p) => p.entityId)));
  const username = origin.user.attrs.username;
  return {
    topic: "ftrack.update",
    id: randomUUID(),
    sent: new Date().toISOString(),
    source: { id: sourceId, applicationId: "ftrack.server", user: { id: origin.user.id, username } },
    target: "",
    inReplyToEvent: null,
    data: {
      entities,
      parents: [...parentIds],
      user: { userid: origin.user.id, name: username },
      ...(origin.clientToken ? { clientToken: origin.clientToken } : {}),
      ...(origin.pushToken ? { pushToken: origin.pushToken } : {}),
    },
  };
}

/** One write per entity: its state before the batch against its state after it. */
function netChanges(writes: readonly StoredWrite[]): StoredWrite[] {
  const byEntity = new Map<string, StoredWrite>();
  for (const write of writes) {
    const key = `${write.type}\u0000${write.id}`;
    const previous = byEntity.get(key);
    if (!previous) {
      byEntity.set(key, write);
    } else if (write.action === "remove") {
      // Created and deleted in one batch: nobody outside ever saw it.
      if (previous.action === "add") byEntity.delete(key);
      else byEntity.set(key, { ...write, before: previous.before });
    } else if (previous.action === "remove") {
      byEntity.set(key, { ...write, action: "update", before: previous.before });
    } else {
      byEntity.set(key, { ...previous, after: write.after });
    }
  }
  return [...byEntity.values()];
}

function entityItem(write: StoredWrite, reader: EntityReader) {
  const changes: Record<string, { old: unknown; new: unknown }> = {};
  const names = new Set([...Object.keys(write.before ?? {}), ...Object.keys(write.after ?? {})]);
  names.delete("id");
  for (const name of names) {
    const before = write.before?.[name] ?? null;
    const after = write.after?.[name] ?? null;
    if (JSON.stringify(before) === JSON.stringify(after)) continue;
    changes[legacyKey(write.type, name)] = { old: before, new: after };
  }
  if (Object.keys(changes).length === 0) return undefined;
  const attrs = (write.after ?? write.before)!;
  const parents = ancestry({ type: write.type, id: write.id, attrs }, reader);
  return {
    entityId: write.id,
    entityType: legacyTypeName(write.type),
    entity_type: write.type,
    action: write.action,
    keys: Object.keys(changes),
    changes,
    parents,
    ...(parents[0].parentId ? { parentId: parents[0].parentId } : {}),
    ...(isSubtypeOf(write.type, "TypedContext") ? { objectTypeId: attrs.object_type_id } : {}),
  };
}

/** The entity, then its parent, up to the project. */
function ancestry(entity: StoredEntity, reader: EntityReader): ParentItem[] {
  const items: ParentItem[] = [];
  const seen = new Set<string>();
  for (let current: StoredEntity | undefined = entity; current && !seen.has(current.id); ) {
    seen.add(current.id);
    const type: string = current.type;
    const link = PARENT_LINKS.find((l) => isSubtypeOf(type, l.base));
    const parentId: unknown = link ? current.attrs[link.key] : undefined;
    items.push({
      entityId: current.id,
      entityType: legacyTypeName(type),
      entity_type: type,
      ...(typeof parentId === "string" ? { parentId } : {}),
    });
    current =
      link && typeof parentId === "string" ? reader.get(concreteTypes(link.target), parentId) : undefined;
  }
  return items;
}
