/**
 * Evaluates a parsed query against an EntityReader: validates every path against the schemas,
 * filters, sorts, pages and projects rows as plain object trees (encoding is encoder.ts's job).
 */
import { validationError } from "./emulator.errors.js";
import { toUtcIso } from "./encoder.js";
import { type CompareOp, type Criteria, parseQuery, type QueryAst, type Value } from "./query-language.js";
import {
  type Attribute,
  attributeNames,
  attributeOf,
  concreteTypes,
  contextTypeOf,
  getSchema,
  isSubtypeOf,
  primaryKeyOf,
  resolveType,
  systemAttributes,
} from "./schemas.js";
import type { EntityReader, StoredEntity } from "./store.types.js";

export type Row = Record<string, unknown>;

export interface QueryResult {
  data: Row[];
  next: number | null;
}

export interface EvaluatorOptions {
  /** The server's base URL as the client reached it, for `thumbnail_url`. */
  baseUrl: string;
}

/** One step of a validated path: the attribute `name` as seen from `owner`. */
interface Step {
  name: string;
  owner: string;
  attr: Attribute;
}

/** Criteria with their paths resolved against the schema. */
type Compiled =
  | { kind: "and" | "or"; items: Compiled[] }
  | { kind: "not"; criteria: Compiled }
  | { kind: "compare"; steps: Step[]; op: CompareOp; value: Value }
  | { kind: "in"; steps: Step[]; negated: boolean; keys: () => Set<string>; literal?: Value[] }
  | { kind: "relation"; quantifier: "has" | "any"; steps: Step[]; criteria: Compiled };

interface Prepared {
  types: readonly string[];
  projection: ProjectionNode;
  where: Compiled | null;
  order: { steps: Step[]; desc: boolean }[];
}

/** Projection paths merged into a tree: `asset.parent.name` -> asset -> parent -> name. */
interface ProjectionNode {
  step?: Step;
  children: Map<string, ProjectionNode>;
}

/** Above this many values an `in` on a foreign key scans instead of looking each value up. */
const MAX_INDEXED_LOOKUPS = 50;

const canonicalType = (name: string): string => {
  const type = resolveType(name);
  if (!type) throw validationError(`Entity type "${name}" not found.`);
  return type;
};

/** The entity type an entity-valued attribute leads to, or undefined for scalars. */
function targetOf(attr: Attribute): { target: string; many: boolean } | undefined {
  if (attr.kind === "ref") return { target: attr.target, many: false };
  if (attr.kind === "collection") return { target: attr.target, many: true };
  if (attr.kind === "computed" && attr.target) return { target: attr.target, many: attr.many ?? false };
  return undefined;
}

function compilePath(type: string, path: string): Step[] {
  const steps: Step[] = [];
  let owner = type;
  const names = path.split(".");
  names.forEach((name, index) => {
    const attr = attributeOf(owner, name);
    if (!attr) throw validationError(`"${name}" is not a valid attribute of "${owner}".`);
    steps.push({ name, owner, attr });
    if (index < names.length - 1) {
      const target = targetOf(attr);
      if (!target) {
        throw validationError(
          `Cannot use "${path}": "${name}" of "${owner}" is not a relation to another entity.`,
        );
      }
      owner = target.target;
    }
  });
  return steps;
}

/** The slice `offset` / `limit` select, and where it ends. */
function pageOf<T>(items: T[], { offset, limit }: QueryAst): { page: T[]; end: number } {
  const start = offset ?? 0;
  const end = limit === null ? items.length : start + limit;
  return { page: items.slice(start, end), end };
}

const valueKey = (value: unknown): string =>
  value === null || value === undefined ? "\u0000none" : String(value);

export class QueryEvaluator {
  private readonly refCache = new Map<string, StoredEntity | null>();
  private readonly collectionCache = new Map<string, StoredEntity[]>();
  private readonly latestCache = new Map<string, StoredEntity | null>();

  constructor(
    private readonly reader: EntityReader,
    private readonly options: EvaluatorOptions,
  ) {}

  run(ast: QueryAst): QueryResult {
    const prepared = this.prepare(ast);
    const entities = this.execute(prepared);
    const { page, end } = pageOf(entities, ast);
    const next = ast.limit !== null && ast.limit > 0 && entities.length > end ? end : null;
    return { data: page.map((entity) => this.buildRow(entity, prepared.projection)), next };
  }

  /** A row for one entity with the given projection paths. */
  row(entity: StoredEntity, projections: readonly string[]): Row {
    return this.buildRow(entity, this.projectionTree(entity.type, projections));
  }

  /** Resolves and validates everything in a query before any row is read. */
  private prepare(ast: QueryAst): Prepared {
    const type = canonicalType(ast.entityType);
    const paths = ast.projections ?? getSchema(type)?.default_projections ?? ["id"];
    return {
      types: concreteTypes(type),
      projection: this.projectionTree(type, paths),
      where: ast.where ? this.compile(type, ast.where) : null,
      order: ast.orderBy.map((o) => ({ steps: this.comparable(type, o.path), desc: o.direction === "desc" })),
    };
  }

  /** Matching entities in order, before paging. */
  private execute({ types, where, order }: Prepared): StoredEntity[] {
    let entities = this.candidates(types, where);
    if (where) entities = entities.filter((entity) => this.matches(entity, where));
    if (order.length) {
      const keyed = entities.map((entity) => ({
        entity,
        keys: order.map((o) => this.values(entity, o.steps)[0] ?? null),
      }));
      keyed.sort((a, b) => {
        for (let i = 0; i < order.length; i++) {
          const c = compareForSort(a.keys[i], b.keys[i], order[i].desc);
          if (c !== 0) return c;
        }
        return 0;
      });
      entities = keyed.map((k) => k.entity);
    }
    return entities;
  }

  private projectionTree(type: string, paths: readonly string[]): ProjectionNode {
    const root: ProjectionNode = { children: new Map() };
    for (const path of paths) {
      const steps = compilePath(type, path);
      let node = root;
      for (const step of steps) {
        let child = node.children.get(step.name);
        if (!child) {
          child = { step, children: new Map() };
          node.children.set(step.name, child);
        }
        node = child;
      }
    }
    return root;
  }

  // --- Candidates: look ids (and a few foreign-key values) up instead of scanning. ---

  private candidates(types: readonly string[], where: Compiled | null): StoredEntity[] {
    const conjuncts = !where ? [] : where.kind === "and" ? where.items : [where];
    for (const c of conjuncts) {
      const lookup = this.lookupValues(c);
      if (!lookup) continue;
      const seen = new Set<string>();
      const found: StoredEntity[] = [];
      const add = (entity: StoredEntity | undefined) => {
        if (entity && !seen.has(`${entity.type}:${entity.id}`)) {
          seen.add(`${entity.type}:${entity.id}`);
          found.push(entity);
        }
      };
      for (const value of lookup.values) {
        if (lookup.attribute === "id") add(this.reader.get(types, String(value)));
        else for (const entity of this.reader.findBy(types, lookup.attribute, String(value))) add(entity);
      }
      return found;
    }
    return [...this.reader.scan(types)];
  }

  /** For `id is X` / `id in (...)` (and foreign keys with few values): the values to look up. */
  private lookupValues(c: Compiled): { attribute: string; values: Value[] } | undefined {
    let steps: Step[];
    let values: Value[];
    if (c.kind === "compare" && (c.op === "is" || c.op === "=") && c.value !== null) {
      steps = c.steps;
      values = [c.value];
    } else if (c.kind === "in" && !c.negated && c.literal) {
      steps = c.steps;
      values = c.literal.filter((v) => v !== null);
    } else {
      return undefined;
    }
    if (steps.length !== 1 || steps[0].attr.kind !== "scalar") return undefined;
    const { name, attr } = steps[0];
    if (name === "id") return { attribute: name, values };
    if (attr.format === "foreign_key" && values.length <= MAX_INDEXED_LOOKUPS)
      return { attribute: name, values };
    return undefined;
  }

  // --- Criteria. ---

  private compile(type: string, criteria: Criteria): Compiled {
    switch (criteria.kind) {
      case "and":
      case "or":
        return { kind: criteria.kind, items: criteria.items.map((c) => this.compile(type, c)) };
      case "not":
        return { kind: "not", criteria: this.compile(type, criteria.criteria) };
      case "compare": {
        const steps = this.comparable(type, criteria.path);
        return { kind: "compare", steps, op: criteria.op, value: criteria.value };
      }
      case "in": {
        const steps = this.comparable(type, criteria.path);
        const keys = new Set(criteria.values.map(valueKey));
        return { kind: "in", steps, negated: criteria.negated, keys: () => keys, literal: criteria.values };
      }
      case "in_query": {
        const steps = this.comparable(type, criteria.path);
        const sub = criteria.query;
        if (sub.projections?.length !== 1) {
          throw validationError("A subquery must select exactly one attribute.");
        }
        const subType = canonicalType(sub.entityType);
        const subSteps = compilePath(subType, sub.projections[0]);
        // Validated now, so errors surface even when no row is tested; run once, on first use.
        const prepared = this.prepare(sub);
        let keys: Set<string> | undefined;
        const load = () => {
          if (!keys) {
            const { page } = pageOf(this.execute(prepared), sub);
            keys = new Set(page.flatMap((e) => this.values(e, subSteps)).map(valueKey));
          }
          return keys;
        };
        return { kind: "in", steps, negated: criteria.negated, keys: load };
      }
      case "has":
      case "any": {
        const steps = compilePath(type, criteria.path);
        const last = steps[steps.length - 1];
        const target = targetOf(last.attr);
        if (!target)
          throw validationError(
            `"${criteria.path}" of "${type}" is not a relation; "${criteria.kind}" needs one.`,
          );
        if (criteria.kind === "has" && target.many) {
          throw validationError(
            `"${criteria.path}" of "${type}" is a collection: use "any" instead of "has".`,
          );
        }
        if (criteria.kind === "any" && !target.many) {
          throw validationError(
            `"${criteria.path}" of "${type}" is a single reference: use "has" instead of "any".`,
          );
        }
        return {
          kind: "relation",
          quantifier: criteria.kind,
          steps,
          criteria: this.compile(target.target, criteria.criteria),
        };
      }
    }
  }

  /** A path whose end can be compared with a value: a scalar, or a reference (compared by id). */
  private comparable(type: string, path: string): Step[] {
    const steps = compilePath(type, path);
    const last = steps[steps.length - 1].attr;
    if (targetOf(last)?.many) {
      throw validationError(`"${path}" of "${type}" is a collection; compare its members with "any".`);
    }
    if (last.kind === "computed" && (last.name === "link" || last.name === "thumbnail_url")) {
      throw validationError(`"${path}" of "${type}" can be selected but not filtered or sorted on.`);
    }
    return steps;
  }

  private matches(entity: StoredEntity, c: Compiled): boolean {
    switch (c.kind) {
      case "and":
        return c.items.every((item) => this.matches(entity, item));
      case "or":
        return c.items.some((item) => this.matches(entity, item));
      case "not":
        return !this.matches(entity, c.criteria);
      case "compare": {
        const last = c.steps[c.steps.length - 1].attr;
        const isDate = last.kind === "scalar" && last.format === "date-time";
        const found = this.values(entity, c.steps);
        const test = (actual: unknown) => compareValue(actual, c.op, c.value, isDate);
        // Negative operators hold when no related value matches the positive one.
        if (c.op === "is_not" || c.op === "!=" || c.op === "not_like") {
          const positive: CompareOp = c.op === "not_like" ? "like" : "is";
          return !found.some((actual) => compareValue(actual, positive, c.value, isDate));
        }
        return found.some(test);
      }
      case "in": {
        const keys = c.keys();
        const hit = this.values(entity, c.steps).some((v) => keys.has(valueKey(v)));
        return c.negated ? !hit : hit;
      }
      case "relation": {
        const owners = this.walk([entity], c.steps.slice(0, -1));
        return owners.some((owner) =>
          this.follow(owner, c.steps[c.steps.length - 1]).some((target) => this.matches(target, c.criteria)),
        );
      }
    }
  }

  // --- Navigation. ---

  /** The entities reached from `from` through entity-valued `steps` (flattening collections). */
  private walk(from: StoredEntity[], steps: Step[]): StoredEntity[] {
    let current = from;
    for (const step of steps) current = current.flatMap((entity) => this.follow(entity, step));
    return current;
  }

  /** Terminal values of a path: a scalar per reached entity, or the referenced id for references. */
  private values(entity: StoredEntity, steps: Step[]): unknown[] {
    const prefix = steps.slice(0, -1);
    const owners = this.walk([entity], prefix);
    const last = steps[steps.length - 1];
    // A broken reference chain reads as none, so `parent.name is none` holds when there is no parent.
    if (owners.length === 0 && !prefix.some((s) => targetOf(s.attr)?.many)) return [null];
    if (targetOf(last.attr)) return owners.map((owner) => this.follow(owner, last)[0]?.id ?? null);
    return owners.map((owner) => this.scalar(owner, last));
  }

  private scalar(entity: StoredEntity, step: Step): unknown {
    if (step.name === "id") return entity.id;
    if (step.attr.kind === "computed") {
      if (step.attr.name === "context_type")
        return contextTypeOf(entity.type) ?? entity.attrs.context_type ?? null;
      if (step.attr.name === "is_latest_version") {
        const asset = entity.attrs.asset_id;
        if (asset === null || asset === undefined) return true;
        return this.latestVersion(String(asset))?.id === entity.id;
      }
      if (step.attr.name === "link") return this.link(entity);
      if (step.attr.name === "thumbnail_url") return this.thumbnailUrl(entity);
    }
    const value = entity.attrs[step.name];
    return value === undefined ? null : value;
  }

  /** Entities an entity-valued attribute leads to (0 or 1 for references). */
  private follow(entity: StoredEntity, step: Step): StoredEntity[] {
    const attr = step.attr;
    if (attr.kind === "ref") {
      const id = entity.attrs[attr.foreignKey];
      const target = id === null || id === undefined ? null : this.getCached(attr.target, String(id));
      return target ? [target] : [];
    }
    if (attr.kind === "collection") {
      if (!attr.through) return this.collection(attr.target, attr.inverseForeignKey, entity.id);
      // Many-to-many: the link rows name the members.
      const { type, targetKey } = attr.through;
      return this.collection(type, attr.inverseForeignKey, entity.id).flatMap((row) => {
        const member = this.getCached(attr.target, String(row.attrs[targetKey]));
        return member ? [member] : [];
      });
    }
    if (attr.kind === "computed" && attr.name === "latest_version") {
      const latest = this.latestVersion(entity.id);
      return latest ? [latest] : [];
    }
    if (attr.kind === "computed" && attr.name === "ancestors") return this.ancestors(entity);
    if (attr.kind === "computed" && attr.name === "descendants") return this.descendants(entity);
    return [];
  }

  private getCached(target: string, id: string): StoredEntity | null {
    const key = `${target}:${id}`;
    let found = this.refCache.get(key);
    if (found === undefined) {
      found = this.reader.get(concreteTypes(target), id) ?? null;
      this.refCache.set(key, found);
    }
    return found;
  }

  private collection(target: string, foreignKey: string, id: string): StoredEntity[] {
    const key = `${target}:${foreignKey}:${id}`;
    let found = this.collectionCache.get(key);
    if (!found) {
      found = this.reader.findBy(concreteTypes(target), foreignKey, id);
      this.collectionCache.set(key, found);
    }
    return found;
  }

  /** The version with the highest number among an asset's versions (the last one on ties). */
  private latestVersion(assetId: string): StoredEntity | null {
    let latest = this.latestCache.get(assetId);
    if (latest === undefined) {
      latest = null;
      for (const version of this.collection("AssetVersion", "asset_id", assetId)) {
        if (!latest || Number(version.attrs.version ?? 0) >= Number(latest.attrs.version ?? 0))
          latest = version;
      }
      this.latestCache.set(assetId, latest);
    }
    return latest;
  }

  /** TypedContext ancestors, root first (the project is not a TypedContext, so it is left out). */
  private ancestors(entity: StoredEntity): StoredEntity[] {
    const chain: StoredEntity[] = [];
    const seen = new Set([entity.id]);
    let parentId = entity.attrs.parent_id;
    while (parentId !== null && parentId !== undefined && !seen.has(String(parentId))) {
      const parent = this.getCached("Context", String(parentId));
      if (!parent || !isSubtypeOf(parent.type, "TypedContext")) break;
      seen.add(parent.id);
      chain.unshift(parent);
      parentId = parent.attrs.parent_id;
    }
    return chain;
  }

  /** TypedContexts below a context, breadth first (a project's: every TypedContext in it). */
  private descendants(entity: StoredEntity): StoredEntity[] {
    const typed = concreteTypes("TypedContext");
    if (entity.type === "Project") return this.reader.findBy(typed, "project_id", entity.id);
    const found: StoredEntity[] = [];
    const seen = new Set([entity.id]);
    for (let i = -1; i < found.length; i++) {
      const parent = i < 0 ? entity : found[i];
      for (const child of this.collection("TypedContext", "parent_id", parent.id)) {
        if (!seen.has(child.id)) {
          seen.add(child.id);
          found.push(child);
        }
      }
    }
    return found;
  }

  /** ftrack's `link`: {id, name, type} from the project down to the entity itself. A version's
   * ends with "<asset name> v<NNN>" after its asset's parent context (the asset has no item). */
  private link(entity: StoredEntity): { id: string; name: unknown; type: string }[] {
    const item = (e: StoredEntity, type: string, name: unknown = e.attrs.name ?? null) => ({
      id: e.id,
      name,
      type,
    });
    if (entity.type === "AssetVersion") {
      const asset = this.getCached("Asset", String(entity.attrs.asset_id));
      const parent = asset && this.getCached("Context", String(asset.attrs.context_id));
      const number = String(entity.attrs.version ?? "").padStart(3, "0");
      const own = item(entity, "AssetVersion", `${asset?.attrs.name ?? ""} v${number}`);
      return [...(parent ? this.link(parent) : []), own];
    }
    if (entity.type === "Project") return [item(entity, "Project")];
    const project = this.getCached("Project", String(entity.attrs.project_id));
    return [
      ...(project ? [item(project, "Project")] : []),
      ...this.ancestors(entity).map((a) => item(a, "TypedContext")),
      item(entity, "TypedContext"),
    ];
  }

  /** ftrack's `thumbnail_url`: where the thumbnail (or the placeholder) is served. The URL carries no
   * credentials: a client sends its own, as for any /component route. */
  private thumbnailUrl(entity: StoredEntity): { url: string } {
    const id = entity.attrs.thumbnail_id;
    const { baseUrl } = this.options;
    return {
      url:
        typeof id === "string"
          ? `${baseUrl}/component/thumbnail?id=${encodeURIComponent(id)}`
          : `${baseUrl}/img/thumbnail2.png`,
    };
  }

  // --- Rows. ---

  private buildRow(entity: StoredEntity, node: ProjectionNode): Row {
    const row: Row = { __entity_type__: entity.type, ...identityOf(entity) };
    for (const step of systemSteps(entity.type)) row[step.name] = this.scalar(entity, step);
    for (const [name, child] of node.children) {
      const step = child.step!;
      const target = targetOf(step.attr);
      if (!target) {
        row[name] = this.scalar(entity, step);
      } else if (target.many) {
        row[name] = this.follow(entity, step).map((e) => this.buildRow(e, child));
      } else {
        const [related] = this.follow(entity, step);
        row[name] = related ? this.buildRow(related, child) : null;
      }
    }
    return row;
  }
}

/** Every answer's system attributes of a type, as steps: the schemas are fixed, so once per type. */
const SYSTEM_STEPS = new Map<string, Step[]>();
function systemSteps(type: string): Step[] {
  let steps = SYSTEM_STEPS.get(type);
  if (!steps) {
    steps = systemAttributes(type).flatMap((name) => {
      const attr = attributeOf(type, name);
      return attr ? [{ name, owner: type, attr }] : [];
    });
    SYSTEM_STEPS.set(type, steps);
  }
  return steps;
}

/** Equality across the loose types of query values: ids may arrive unquoted as numbers, etc. */
function looseEqual(actual: unknown, expected: Value): boolean {
  if (actual === null || actual === undefined || expected === null) {
    return (actual === null || actual === undefined) && expected === null;
  }
  if (typeof actual === typeof expected) return actual === expected;
  if (typeof actual === "number" && typeof expected === "string")
    return expected.trim() !== "" && actual === Number(expected);
  if (typeof actual === "boolean" && typeof expected === "number") return Number(actual) === expected;
  return String(actual) === String(expected);
}

function compareValue(actual: unknown, op: CompareOp, expected: Value, isDate: boolean): boolean {
  if (isDate) {
    if (typeof actual === "string") actual = toUtcIso(actual) ?? actual;
    if (typeof expected === "string") expected = toUtcIso(expected) ?? expected;
  }
  switch (op) {
    case "is":
    case "=":
      return looseEqual(actual, expected);
    case "is_not":
    case "!=":
      return !looseEqual(actual, expected);
    case "like":
    case "not_like": {
      if (actual === null || actual === undefined || expected === null) return op === "not_like";
      const hit = likeRegExp(String(expected)).test(String(actual));
      return op === "like" ? hit : !hit;
    }
    default: {
      if (actual === null || actual === undefined || expected === null) return false;
      const c = order(actual, expected);
      if (c === undefined) return false;
      return op === "<" ? c < 0 : op === ">" ? c > 0 : op === "<=" ? c <= 0 : c >= 0;
    }
  }
}

function order(a: unknown, b: unknown): number | undefined {
  if (typeof a === "boolean") a = Number(a);
  if (typeof b === "boolean") b = Number(b);
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "number" && typeof b === "string" && b.trim() !== "" && !Number.isNaN(Number(b)))
    return a - Number(b);
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Stable sort order: none last in either direction. */
function compareForSort(a: unknown, b: unknown, desc: boolean): number {
  const aNone = a === null || a === undefined;
  const bNone = b === null || b === undefined;
  if (aNone || bNone) return aNone === bNone ? 0 : aNone ? 1 : -1;
  const c = order(a, b) ?? 0;
  return desc ? -c : c;
}

const likeCache = new Map<string, RegExp>();

/** SQL LIKE, case-insensitive as on ftrack: `%` any run, `_` one character, backslash escapes the next one. */
function likeRegExp(pattern: string): RegExp {
  let re = likeCache.get(pattern);
  if (!re) {
    let source = "";
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i];
      if (c === "\\" && i + 1 < pattern.length) source += escapeRegExp(pattern[++i]);
      else if (c === "%") source += "[\\s\\S]*";
      else if (c === "_") source += "[\\s\\S]";
      else source += escapeRegExp(c);
    }
    re = new RegExp(`^${source}$`, "iu");
    if (likeCache.size > 1000) likeCache.clear();
    likeCache.set(pattern, re);
  }
  return re;
}

// Only syntax characters: with the "u" flag, escaping anything else is an error.
const escapeRegExp = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** The attributes that identify an entity in a row: its id, or a link table's key attributes. */
function identityOf(entity: StoredEntity): Row {
  const key = primaryKeyOf(entity.type);
  if (key.length === 1 && key[0] === "id") return { id: entity.id };
  return Object.fromEntries(key.map((name) => [name, entity.attrs[name] ?? null]));
}

/** Runs one query expression. */
export function runQuery(
  expression: string,
  reader: EntityReader,
  options: EvaluatorOptions = { baseUrl: "" },
): QueryResult {
  return new QueryEvaluator(reader, options).run(parseQuery(expression));
}

/** A row for one stored entity: the given projections, or the stored attributes it has a value for
 * (what a create answer carries). */
export function entityRow(
  reader: EntityReader,
  entity: StoredEntity,
  projections?: readonly string[],
  options: EvaluatorOptions = { baseUrl: "" },
): Row {
  const paths =
    projections ??
    attributeNames(entity.type).filter(
      (name) =>
        attributeOf(entity.type, name)?.kind === "scalar" &&
        entity.attrs[name] !== null &&
        entity.attrs[name] !== undefined,
    );
  return new QueryEvaluator(reader, options).row(entity, paths);
}
