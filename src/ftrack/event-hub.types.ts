/**
 * What the ftrack layer hands upper layers from ftrack's event hub: plain records of changed
 * entities, in the API's type and attribute names ("Task", "thumbnail_id"), never the hub's legacy
 * names ("task", "thumbid") or socket details.
 */

export type EntityChangeAction = "add" | "update" | "remove" | "move";

export interface AttributeChange {
  old: unknown;
  new: unknown;
}

export interface EntityChange {
  /** The API entity type: "Task", "Shot", "Project", "AssetVersion", "User", ... */
  entityType: string;
  entityId: string;
  action: EntityChangeAction;
  /** Changed attributes by API name ("thumbnail_id", "name", custom attribute keys as ftrack sends them). */
  changedKeys: string[];
  changes: Record<string, AttributeChange>;
  /** The entity itself, then its parent, and so on up to its project. */
  parents: { entityType: string; entityId: string; parentId: string | null }[];
  parentId: string | null;
  /** TypedContexts: the object type's id. */
  objectTypeId: string | null;
  /** The ftrack event that announced the change (one event per ftrack commit). */
  eventId: string;
  /** Username of who made the change, when the event says. */
  changedBy: string | null;
}

/** Whether the service is listening to the hub (for /readyz). "reconnecting" after a lost connection. */
export type EventHubState = "connecting" | "connected" | "reconnecting" | "closed";

/** After a reconnect: changes made while the connection was down were not received. */
export interface EventGap {
  /** When the connection was lost. */
  since: Date;
}
