/**
 * ftrack.update events -> EntityChange records. The hub speaks ftrack's legacy names: `entityType`
 * "task" for every TypedContext and "show" for Project, and attribute keys such as "thumbid" for
 * `thumbnail_id`. The server's own schemas (`query_schemas`) say how they map: each property's
 * `alias_for` is its legacy name, and a schema's `alias_for` its legacy type.
 */
import type { EntityChange, EntityChangeAction } from "./event-hub.types.js";

/** The part of one `query_schemas` item this mapping reads. */
export interface FtrackSchema {
  id: string;
  properties?: Record<string, { alias_for?: unknown }>;
  alias_for?: unknown;
}

export interface SchemaNames {
  /** The API name of a legacy attribute key of `entityType` (the key itself when unaliased). */
  attribute(entityType: string, key: string): string;
  /** The API type of an event entity: its `entity_type`, else resolved from the legacy type. */
  type(entity: { entity_type?: unknown; entityType?: unknown; objectTypeId?: unknown }): string;
}

const ACTIONS = new Set<EntityChangeAction>(["add", "update", "remove", "move"]);

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

export function schemaNames(schemas: readonly FtrackSchema[]): SchemaNames {
  const attributes = new Map<string, Map<string, string>>();
  const byLegacyType = new Map<string, string>();
  const byObjectType = new Map<string, string>();
  for (const schema of schemas) {
    const aliases = new Map<string, string>();
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (typeof property?.alias_for === "string") aliases.set(property.alias_for, name);
    }
    attributes.set(schema.id, aliases);
    const alias = schema.alias_for;
    if (typeof alias === "string") byLegacyType.set(alias.toLowerCase(), schema.id);
    else if (alias && typeof alias === "object") {
      const { id, classifiers } = alias as { id?: unknown; classifiers?: Record<string, unknown> };
      const objectTypeId = classifiers?.object_typeid;
      if (typeof objectTypeId === "string") byObjectType.set(objectTypeId, schema.id);
      else if (typeof id === "string") byLegacyType.set(id.toLowerCase(), schema.id);
    }
    if (!byLegacyType.has(schema.id.toLowerCase())) byLegacyType.set(schema.id.toLowerCase(), schema.id);
  }
  return {
    attribute: (entityType, key) => attributes.get(entityType)?.get(key) ?? key,
    type(entity) {
      const apiType = text(entity.entity_type);
      if (apiType) return apiType;
      const objectType = byObjectType.get(String(entity.objectTypeId));
      const legacy = String(entity.entityType).toLowerCase();
      return objectType ?? byLegacyType.get(legacy) ?? String(entity.entityType);
    },
  };
}

/** The entity changes an ftrack.update event announces; malformed items are skipped. */
export function mapUpdateEvent(event: unknown, names: SchemaNames): EntityChange[] {
  if (!event || typeof event !== "object") return [];
  const { id, data, source } = event as { id?: unknown; data?: unknown; source?: unknown };
  const entities = (data as { entities?: unknown } | undefined)?.entities;
  if (!Array.isArray(entities)) return [];
  const changedBy =
    text((source as { user?: { username?: unknown } } | undefined)?.user?.username) ??
    text((data as { user?: { name?: unknown } }).user?.name);
  const changes: EntityChange[] = [];
  for (const raw of entities) {
    if (!raw || typeof raw !== "object") continue;
    const entity = raw as Record<string, unknown>;
    const entityId = text(entity.entityId);
    const action = entity.action as EntityChangeAction;
    if (!entityId || !ACTIONS.has(action)) continue;
    const entityType = names.type(entity);
    const attributeChanges: EntityChange["changes"] = {};
    const rawChanges = entity.changes && typeof entity.changes === "object" ? entity.changes : {};
    for (const [key, change] of Object.entries(rawChanges as Record<string, unknown>)) {
      const { old, new: next } = (change ?? {}) as { old?: unknown; new?: unknown };
      attributeChanges[names.attribute(entityType, key)] = { old: old ?? null, new: next ?? null };
    }
    const keys = Array.isArray(entity.keys) ? entity.keys.filter((k) => typeof k === "string") : [];
    const changedKeys = [
      ...new Set([...keys.map((k) => names.attribute(entityType, k)), ...Object.keys(attributeChanges)]),
    ];
    const parents = (Array.isArray(entity.parents) ? entity.parents : [])
      .filter(
        (p): p is Record<string, unknown> => Boolean(p) && typeof p === "object" && Boolean(text(p.entityId)),
      )
      .map((p) => ({
        entityType: names.type(p),
        entityId: p.entityId as string,
        parentId: text(p.parentId),
      }));
    changes.push({
      entityType,
      entityId,
      action,
      changedKeys,
      changes: attributeChanges,
      parents,
      parentId: text(entity.parentId) ?? parents[0]?.parentId ?? null,
      objectTypeId: text(entity.objectTypeId),
      eventId: text(id) ?? "",
      changedBy,
    });
  }
  return changes;
}
