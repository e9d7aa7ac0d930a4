/** `@key` on an entity object type or interface: every entity here is keyed by its ftrack id. */
export const ENTITY_KEY = '@key(fields: "id")';
