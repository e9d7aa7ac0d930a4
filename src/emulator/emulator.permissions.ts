/**
 * A few of ftrack's permission behaviours, per acting user, so tests can show them applying per caller:
 *
 * - `readOnly`: every write (create, update, delete, upload) answers PermissionError, as ftrack does
 *   for a user whose role may read a project but not change it.
 * - `projectIds`: the user sees only these projects and what lies in them. As on ftrack, queries
 *   simply do not return other projects' entities (by-id queries answer nothing), and writes naming
 *   them answer PermissionError. Users, locations, object types and components that belong to no
 *   version stay visible to everyone.
 *
 * Roles are given by username through startEmulator's `roles` option (by default the demo's,
 * seed.ts's DEMO_ROLES); users without a role may do anything, as the API user does.
 */
import { permissionError } from "./emulator.errors.js";
import { concreteTypes, ENTITY_TYPES } from "./schemas.js";
import type { EntityReader, StoredEntity } from "./store.types.js";

export interface Role {
  readOnly?: boolean;
  /** Ids of the only projects the user may see; absent: every project. */
  projectIds?: readonly string[];
}

/** What one batch may do: its user's role, resolved once. */
export interface Access {
  username: string;
  readOnly: boolean;
  projects?: ReadonlySet<string>;
}

const WRITES = new Set(["create", "update", "delete", "get_upload_metadata", "complete_multipart_upload"]);
const CONTEXTS = concreteTypes("Context");
const TYPED_CONTEXTS = new Set(concreteTypes("TypedContext"));
const COMPONENTS = new Set(concreteTypes("Component"));

export function accessFor(user: StoredEntity, roles: Readonly<Record<string, Role>>): Access {
  const username = String(user.attrs.username);
  const role = Object.hasOwn(roles, username) ? roles[username] : {};
  return {
    username,
    readOnly: role.readOnly === true,
    projects: role.projectIds ? new Set(role.projectIds) : undefined,
  };
}

/** The store as this user sees it: entities of hidden projects do not exist. */
export function visibleReader(reader: EntityReader, access: Access): EntityReader {
  const projects = access.projects;
  if (!projects) return reader;
  const visible = projectScope(reader, projects);
  return {
    get: (types, id) => {
      const entity = reader.get(types, id);
      return entity && visible(entity) ? entity : undefined;
    },
    *scan(types) {
      for (const entity of reader.scan(types)) if (visible(entity)) yield entity;
    },
    findBy: (types, attribute, value) => reader.findBy(types, attribute, value).filter(visible),
  };
}

/** Throws PermissionError when the user may not run this operation. */
export function assertAllowed(op: Record<string, unknown>, access: Access, reader: EntityReader): void {
  const action = String(op.action);
  if (!WRITES.has(action)) return;
  if (access.readOnly) {
    throw permissionError(`User "${access.username}" is not permitted to ${action} in this project.`);
  }
  const projects = access.projects;
  if (!projects || (action !== "create" && action !== "update" && action !== "delete")) return;
  const visible = projectScope(reader, projects);
  // The entity written, and every entity its data points at, must be visible to the user.
  const ids: unknown[] = [Array.isArray(op.entity_key) ? op.entity_key[0] : op.entity_key];
  const data = op.entity_data;
  if (data && typeof data === "object" && !Array.isArray(data)) {
    for (const [name, value] of Object.entries(data)) if (name.endsWith("_id")) ids.push(value);
  }
  for (const id of ids) {
    if (typeof id !== "string") continue;
    const entity = reader.get(ENTITY_TYPES, id);
    if (entity && !visible(entity)) {
      throw permissionError(`User "${access.username}" is not permitted to access this entity.`);
    }
  }
}

/** A predicate: is the entity outside every project, or in one of `projects`? Memoised per use. */
function projectScope(reader: EntityReader, projects: ReadonlySet<string>) {
  const memo = new Map<string, string | null>();

  function projectOf(entity: StoredEntity | undefined, depth = 0): string | null {
    if (!entity || depth > 8) return null;
    const cached = memo.get(entity.id);
    if (cached !== undefined) return cached;
    const a = entity.attrs;
    let project: string | null = null;
    if (entity.type === "Project") project = entity.id;
    else if (TYPED_CONTEXTS.has(entity.type))
      project = typeof a.project_id === "string" ? a.project_id : null;
    else if (entity.type === "Asset") project = projectOf(ref(CONTEXTS, a.context_id), depth + 1);
    else if (entity.type === "AssetVersion") project = projectOf(ref(["Asset"], a.asset_id), depth + 1);
    else if (COMPONENTS.has(entity.type)) project = projectOf(ref(["AssetVersion"], a.version_id), depth + 1);
    else if (entity.type === "ComponentLocation")
      project = projectOf(ref(concreteTypes("Component"), a.component_id), depth + 1);
    memo.set(entity.id, project);
    return project;
  }

  const ref = (types: readonly string[], id: unknown) =>
    typeof id === "string" ? reader.get(types, id) : undefined;

  return (entity: StoredEntity): boolean => {
    const project = projectOf(entity);
    return project === null || projects.has(project);
  };
}
