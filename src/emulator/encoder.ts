/**
 * ftrack's wire encoding of entities: normalised answers (an entity whole once, then stubs),
 * datetimes as `{"__type__": "datetime", "value": ...}`, and the reverse for create/update data.
 */
import { validationError } from "./emulator.errors.js";
import {
  attributeOf,
  concreteTypes,
  contextTypeOf,
  getSchema,
  isSubtypeOf,
  primaryKeyOf,
  resolveType,
} from "./schemas.js";

type Obj = Record<string, unknown>;

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** A date or datetime string as a UTC ISO string (`...T...Z`); naive input is taken as UTC.
 * Undefined when it is not a date. */
export function toUtcIso(text: string): string | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "", zone] = m;
  let ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, Number(frac.slice(0, 3).padEnd(3, "0")));
  // Reject impossible dates (month 13, Feb 30, 25:00) rather than letting Date roll them over.
  if (
    Number.isNaN(ms) ||
    new Date(ms).getUTCDate() !== +d ||
    new Date(ms).getUTCMonth() !== +mo - 1 ||
    +h > 23 ||
    +mi > 59 ||
    +s > 59
  )
    return undefined;
  if (zone && zone.toUpperCase() !== "Z") {
    const sign = zone[0] === "-" ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0)) * 60_000;
  }
  return new Date(ms).toISOString();
}

const isEntity = (value: unknown): value is Obj =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  typeof (value as Obj).__entity_type__ === "string";

/** An entity's primary key attributes (its id, or a link table's two keys). */
const keyOf = (entity: Obj): Obj =>
  Object.fromEntries(primaryKeyOf(String(entity.__entity_type__)).map((name) => [name, entity[name]]));

function identity(entity: Obj): string {
  const key = primaryKeyOf(String(entity.__entity_type__));
  const values = key.length === 1 ? String(entity[key[0]]) : JSON.stringify(key.map((name) => entity[name]));
  return `${entity.__entity_type__}:${values}`;
}

/** A stored value as ftrack sends it: datetimes wrapped, naive UTC without fractions. */
function encodeScalar(type: string, name: string, value: unknown): unknown {
  if (typeof value !== "string") return value;
  const attr = attributeOf(type, name);
  if (attr?.kind !== "scalar" || (attr.format !== "date-time" && attr.format !== "date")) return value;
  const iso = toUtcIso(value);
  if (!iso) return value;
  return attr.format === "date"
    ? { __type__: "date", value: iso.slice(0, 10) }
    : { __type__: "datetime", value: iso.slice(0, 19) };
}

/** Encodes the data of one operation's answer. Normalised (default): each entity (type + id)
 * appears whole once, carrying every attribute seen for it anywhere in the answer, and as a
 * `{__entity_type__, id}` stub after that. Denormalised: the tree as it is. */
export function encodeResult(rows: unknown, options: { denormalize: boolean }): unknown {
  if (options.denormalize) return encodeTree(rows);
  const merged = new Map<string, Obj>();
  collect(rows, merged);
  return emit(rows, merged, new Set());
}

function encodeTree(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(encodeTree);
  if (typeof value !== "object" || value === null) return value;
  const type = isEntity(value) ? String(value.__entity_type__) : undefined;
  const out: Obj = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = type && typeof v === "string" ? encodeScalar(type, key, v) : encodeTree(v);
  }
  return out;
}

/** First pass: every attribute seen for each entity, first occurrence wins. */
function collect(value: unknown, merged: Map<string, Obj>): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, merged);
  } else if (typeof value === "object" && value !== null) {
    if (isEntity(value)) {
      const key = identity(value);
      const target = merged.get(key) ?? {};
      merged.set(key, target);
      for (const [k, v] of Object.entries(value)) if (!(k in target)) target[k] = v;
    }
    for (const v of Object.values(value)) collect(v, merged);
  }
}

function emit(value: unknown, merged: Map<string, Obj>, emitted: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => emit(item, merged, emitted));
  if (typeof value !== "object" || value === null) return value;
  if (!isEntity(value)) {
    const out: Obj = {};
    for (const [k, v] of Object.entries(value)) out[k] = emit(v, merged, emitted);
    return out;
  }
  const key = identity(value);
  if (emitted.has(key)) return { __entity_type__: value.__entity_type__, ...keyOf(value) };
  emitted.add(key);
  const type = String(value.__entity_type__);
  const out: Obj = {};
  for (const [k, v] of Object.entries(merged.get(key) ?? value)) {
    out[k] = typeof v === "string" ? encodeScalar(type, k, v) : emit(v, merged, emitted);
  }
  return out;
}

/** Turns `entity_data` of a create or update into stored attributes: drops `__entity_type__`,
 * unwraps dates to UTC ISO strings, turns references given as `{__entity_type__, id}` into their
 * foreign keys, and rejects unknown, collection, computed, mistyped and (on update) immutable ones. */
export function decodeEntityData(
  type: string,
  data: Record<string, unknown>,
  mode: "create" | "update",
): Obj {
  const canonical = resolveType(type);
  const schema = canonical ? getSchema(canonical) : undefined;
  if (!canonical || !schema) throw validationError(`Entity type "${type}" not found.`);
  if (mode === "create" && !concreteTypes(canonical).includes(canonical)) {
    throw validationError(
      `Cannot create an entity of the base type "${canonical}"; use one of its subtypes.`,
    );
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw validationError("entity_data must be an object.");
  }
  const out: Obj = {};
  const setKey = (key: string, value: unknown, from: string) => {
    if (key in out && out[key] !== value) {
      throw validationError(`Conflicting values for "${key}" of "${canonical}" (given also as "${from}").`);
    }
    out[key] = value;
  };
  for (const [name, value] of Object.entries(data)) {
    if (name === "__entity_type__") continue;
    const attr = attributeOf(canonical, name);
    if (!attr) throw validationError(`"${name}" is not a valid attribute of "${canonical}".`);
    if (mode === "update" && schema.immutable.includes(name)) {
      throw validationError(`Cannot update "${name}" of "${canonical}": the attribute is immutable.`);
    }
    switch (attr.kind) {
      case "computed":
        // Clients may echo the server-set context_type; any other value, or other computed attributes, is an error.
        if (name === "context_type" && value === contextTypeOf(canonical)) continue;
        throw validationError(
          `Cannot set "${name}" of "${canonical}": the attribute is computed by the server.`,
        );
      case "collection":
        throw validationError(
          `Cannot set the collection "${name}" of "${canonical}": set the reference on its members instead.`,
        );
      case "ref":
        setKey(attr.foreignKey, decodeReference(canonical, name, attr.target, value), name);
        break;
      case "scalar":
        setKey(name, decodeScalar(canonical, name, attr.type, attr.format, value), name);
        break;
    }
  }
  return out;
}

function decodeReference(type: string, name: string, target: string, value: unknown): string | null {
  if (value === null) return null;
  if (typeof value === "object" && !Array.isArray(value)) {
    const ref = value as Obj;
    const givenType = ref.__entity_type__;
    if (givenType !== undefined && (typeof givenType !== "string" || !isSubtypeOf(givenType, target))) {
      throw validationError(
        `"${name}" of "${type}" must reference a ${target}, not ${JSON.stringify(givenType)}.`,
      );
    }
    if (typeof ref.id === "string" && ref.id !== "") return ref.id;
  }
  throw validationError(
    `"${name}" of "${type}" must be an entity reference {"__entity_type__": "${target}", "id": ...}.`,
  );
}

function decodeScalar(
  type: string,
  name: string,
  kind: string,
  format: string | undefined,
  value: unknown,
): unknown {
  const wrong = (expected: string) =>
    validationError(
      `Invalid value for "${name}" of "${type}": expected ${expected}, got ${describe(value)}.`,
    );
  if (value === null) {
    if (name === "id") throw wrong("an id");
    return null;
  }
  if (format === "date-time" || format === "date") {
    let text: unknown = value;
    if (typeof value === "object" && !Array.isArray(value)) {
      const wrapped = value as Obj;
      if (wrapped.__type__ !== "datetime" && wrapped.__type__ !== "date") throw wrong("a datetime");
      text = wrapped.value;
    }
    const iso = typeof text === "string" ? toUtcIso(text) : undefined;
    if (!iso) throw wrong("a datetime");
    return format === "date" ? iso.slice(0, 10) : iso;
  }
  switch (kind) {
    case "string":
      if (typeof value !== "string") throw wrong("a string");
      if (name === "id" && value === "") throw wrong("an id");
      return value;
    case "integer":
      if (typeof value !== "number" || !Number.isSafeInteger(value)) throw wrong("an integer");
      return value;
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) throw wrong("a number");
      return value;
    case "boolean":
      if (typeof value !== "boolean") throw wrong("a boolean");
      return value;
    default:
      return value;
  }
}

function describe(value: unknown): string {
  if (value === null) return "none";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string")
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  return typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}
