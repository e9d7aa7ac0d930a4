/**
 * The ONE builder of ftrack query expressions. Every value is validated and quoted here; attribute
 * paths and type names come from a fixed pattern. Conditions can only be made by this module's
 * functions, so user input cannot reach an expression any other way.
 *
 *   select("id", "name").from("Task").where(and(isIn("parent_id", ids), contains("name", text)))
 *     .orderBy("name").orderBy("id").offset(0).limit(50).toString()
 *
 * A query's rows can feed another query's condition as a subquery (`inSubquery`), which carries no
 * order, offset or limit: a real ftrack server may refuse `limit` inside a subquery.
 *
 * What toString() returns is a QueryExpression: a string type only this module can make, and the only
 * one an ftrack `query` operation takes, so the compiler holds every caller to this builder.
 */

declare const QUERY_EXPRESSION: unique symbol;

/** A whole query expression written by this module (see Query.toString). */
export type QueryExpression = string & { readonly [QUERY_EXPRESSION]: true };

/** A value given where an ftrack id was expected is not one (UUID / lowercase hex and dashes). */
export class InvalidIdError extends Error {
  constructor(readonly value: unknown) {
    super(`Not a valid ftrack id: ${describe(value)}`);
    this.name = "InvalidIdError";
  }
}

/** A programming error: a bad path, type name, operator or number given to the builder. */
export class ExpressionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExpressionError";
  }
}

const ID = /^[0-9a-f]+(?:-[0-9a-f]+)*$/;
const PATH = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$/;
const TYPE = /^[A-Z][A-Za-z0-9]*$/;
const MAX_ID_LENGTH = 64;

function describe(value: unknown): string {
  if (typeof value !== "string") return typeof value;
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
}

/**
 * True for UUIDs and ftrack-style ids: lowercase hex groups joined by single dashes, with at least
 * one digit (UUIDs always have one; an all-letter word such as "a" or "deadbeef" written unquoted
 * is not a value in ftrack's query language, so the server would refuse the whole expression).
 */
export function isFtrackId(value: unknown): value is string {
  return typeof value === "string" && value.length <= MAX_ID_LENGTH && ID.test(value) && /\d/.test(value);
}

export function assertId(value: unknown): string {
  if (!isFtrackId(value)) throw new InvalidIdError(value);
  return value;
}

export function assertPath(path: string): string {
  if (typeof path !== "string" || !PATH.test(path))
    throw new ExpressionError(`Invalid attribute path ${describe(path)}`);
  return path;
}

export function assertTypeName(type: string): string {
  if (typeof type !== "string" || !TYPE.test(type))
    throw new ExpressionError(`Invalid entity type ${describe(type)}`);
  return type;
}

/** A string as an ftrack literal: double-quoted, `\` and `"` escaped. */
export function quote(text: string): string {
  if (typeof text !== "string") throw new ExpressionError("quote() takes a string");
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function count(n: number, what: string): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new ExpressionError(`${what} must be a non-negative integer`);
  return n;
}

/** An id value: written unquoted (as ftrack's clients do), after validation. */
export class IdValue {
  readonly value: string;
  constructor(value: unknown) {
    this.value = assertId(value);
  }
}

/** Marks a value as an ftrack id, validating it (throws InvalidIdError). */
export const id = (value: unknown): IdValue => new IdValue(value);

export type Literal = string | number | boolean | null | IdValue;

function literal(value: Literal): string {
  if (value === null) return "none";
  if (value instanceof IdValue) return value.value;
  if (typeof value === "string") return quote(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new ExpressionError("Numbers in expressions must be finite");
    return String(value);
  }
  throw new ExpressionError(`Unsupported literal of type ${typeof value}`);
}

const BRAND = Symbol("condition");

/** A piece of `where` text. Only this module constructs it. */
export class Condition {
  readonly #text: string;
  constructor(brand: symbol, text: string) {
    if (brand !== BRAND)
      throw new ExpressionError("Conditions are built with eq(), isIn(), like(), and(), or()");
    this.#text = text;
  }
  toString(): string {
    return this.#text;
  }
}

const cond = (text: string) => new Condition(BRAND, text);

export type Comparator = "is" | "is_not" | "=" | "!=" | ">" | "<" | ">=" | "<=";
const COMPARATORS: readonly Comparator[] = ["is", "is_not", "=", "!=", ">", "<", ">=", "<="];

export function compare(path: string, op: Comparator, value: Literal): Condition {
  if (!COMPARATORS.includes(op)) throw new ExpressionError(`Unknown comparator ${describe(op)}`);
  return cond(`${assertPath(path)} ${op} ${literal(value)}`);
}

/** `path is value`; pass `id(x)` for an unquoted id, a string for a quoted string, null for `none`. */
export const eq = (path: string, value: Literal) => compare(path, "is", value);
export const ne = (path: string, value: Literal) => compare(path, "is_not", value);

/** `path in (id, id, ...)`: every id validated; an empty list is a programming error. */
export function isIn(path: string, ids: readonly string[]): Condition {
  if (ids.length === 0) throw new ExpressionError("isIn() needs at least one id");
  return cond(`${assertPath(path)} in (${ids.map(assertId).join(", ")})`);
}

/**
 * `path in (select <attribute> from ...)`: `rows` must select one attribute and carry no order,
 * offset or limit (see Query.subquery).
 */
export function inSubquery(path: string, rows: Query): Condition {
  if (!(rows instanceof Query)) throw new ExpressionError("inSubquery() takes a Query");
  return cond(`${assertPath(path)} in (${rows.asSubquery()})`);
}

/** `path like "<pattern>"`: `%` and `_` in `pattern` are wildcards (the pattern is still quoted). */
export function like(path: string, pattern: string): Condition {
  return cond(`${assertPath(path)} like ${quote(pattern)}`);
}

/** Escapes LIKE wildcards so user text matches literally (backslash is the escape character). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Substring match of user text taken literally: `path like "%text%"` (case as the server's LIKE does). */
export function contains(path: string, text: string): Condition {
  return like(path, `%${escapeLike(text)}%`);
}

function join(
  word: "and" | "or",
  parts: readonly (Condition | undefined | null | false)[],
): Condition | undefined {
  const present = parts.filter((p): p is Condition => p instanceof Condition);
  if (present.length !== parts.filter(Boolean).length)
    throw new ExpressionError(`${word}() takes conditions`);
  if (present.length === 0) return undefined;
  if (present.length === 1) return present[0];
  return cond(present.map((p) => `(${p})`).join(` ${word} `));
}

/** Joins conditions with `and`, each parenthesised; falsy parts are skipped (optional filters). */
export const and = (...parts: (Condition | undefined | null | false)[]) => join("and", parts);
export const or = (...parts: (Condition | undefined | null | false)[]) => join("or", parts);

export class Query {
  #paths: string[];
  #type?: string;
  #where?: Condition;
  readonly #order: string[] = [];
  #offset?: number;
  #limit?: number;

  constructor(paths: string[]) {
    if (paths.length === 0) throw new ExpressionError("select() needs at least one attribute");
    this.#paths = [...new Set(paths.map(assertPath))];
  }

  /** Selects more paths too (each once). */
  also(...paths: string[]): this {
    for (const path of paths) if (!this.#paths.includes(path)) this.#paths.push(assertPath(path));
    return this;
  }

  from(type: string): this {
    this.#type = assertTypeName(type);
    return this;
  }

  where(condition: Condition | undefined): this {
    if (condition !== undefined && !(condition instanceof Condition)) {
      throw new ExpressionError("where() takes a Condition");
    }
    this.#where = condition;
    return this;
  }

  /** Adds a sort key after those already given: `.orderBy("version", "desc").orderBy("date", "desc")`. */
  orderBy(path: string, direction: "asc" | "desc" = "asc"): this {
    if (direction !== "asc" && direction !== "desc") throw new ExpressionError("Order must be asc or desc");
    this.#order.push(`${assertPath(path)} ${direction}`);
    return this;
  }

  offset(n: number): this {
    this.#offset = count(n, "offset");
    return this;
  }

  limit(n: number): this {
    this.#limit = count(n, "limit");
    return this;
  }

  /** The most rows the query can answer: its limit, if it has one. */
  get maxRows(): number {
    return this.#limit ?? Number.POSITIVE_INFINITY;
  }

  /** The ftrack type the query reads. */
  get type(): string {
    if (!this.#type) throw new ExpressionError("from() is required");
    return this.#type;
  }

  /** `path` of every row this query's condition matches, whatever its order and paging: for inSubquery(). */
  subquery(path = "id"): Query {
    return new Query([path]).from(this.type).where(this.#where);
  }

  /** The text of a subquery: one attribute, no order, offset or limit (see inSubquery). */
  asSubquery(): string {
    if (this.#paths.length !== 1) throw new ExpressionError("A subquery selects exactly one attribute");
    if (this.#order.length > 0 || this.#offset !== undefined || this.#limit !== undefined) {
      throw new ExpressionError("A subquery takes no order, offset or limit");
    }
    return this.toString();
  }

  toString(): QueryExpression {
    if (!this.#type) throw new ExpressionError("from() is required");
    let text = `select ${this.#paths.join(", ")} from ${this.#type}`;
    if (this.#where) text += ` where ${this.#where}`;
    if (this.#order.length > 0) text += ` order by ${this.#order.join(", ")}`;
    if (this.#offset !== undefined) text += ` offset ${this.#offset}`;
    if (this.#limit !== undefined) text += ` limit ${this.#limit}`;
    return text as QueryExpression;
  }
}

export const select = (...paths: string[]) => new Query(paths);
