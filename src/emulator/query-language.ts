/**
 * ftrack's query language: tokenizer and recursive-descent parser to an AST.
 *
 *   select <path>, ... from <Type> [where <criteria>] [order by <path> [asc|desc], ...]
 *   [offset N] [limit N]
 *
 * Errors are ValidationErrors with a message naming the position, never exceptions of other kinds.
 */
import { validationError } from "./emulator.errors.js";

export type Value = string | number | boolean | null;

export type CompareOp = "is" | "is_not" | "=" | "!=" | "<" | ">" | "<=" | ">=" | "like" | "not_like";

export type Criteria =
  | { kind: "and" | "or"; items: Criteria[] }
  | { kind: "not"; criteria: Criteria }
  | { kind: "compare"; path: string; op: CompareOp; value: Value }
  | { kind: "in"; path: string; negated: boolean; values: Value[] }
  | { kind: "in_query"; path: string; negated: boolean; query: QueryAst }
  | { kind: "has" | "any"; path: string; criteria: Criteria };

export interface OrderBy {
  path: string;
  direction: "asc" | "desc";
}

export interface QueryAst {
  /** Null when the expression had no `select`: use the type's default projections. */
  projections: string[] | null;
  entityType: string;
  where: Criteria | null;
  orderBy: OrderBy[];
  offset: number | null;
  limit: number | null;
}

type TokenKind = "word" | "string" | "punct" | "end";
interface Token {
  kind: TokenKind;
  text: string;
  /** For strings: the unescaped value. */
  value?: string;
  pos: number;
}

const MAX_EXPRESSION_LENGTH = 1_000_000;
const MAX_DEPTH = 100;
const WORD = /[A-Za-z0-9_.-]/;
const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", "0": "\0" };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"' || c === "'") {
      const start = i++;
      let value = "";
      for (;;) {
        if (i >= input.length) throw validationError(`Unterminated string starting at position ${start}.`);
        const ch = input[i++];
        if (ch === c) break;
        if (ch === "\\") {
          if (i >= input.length) throw validationError(`Unterminated string starting at position ${start}.`);
          const next = input[i++];
          value += ESCAPES[next] ?? next;
        } else {
          value += ch;
        }
      }
      tokens.push({ kind: "string", text: input.slice(start, i), value, pos: start });
    } else if ("(),".includes(c)) {
      tokens.push({ kind: "punct", text: c, pos: i++ });
    } else if ("<>!=".includes(c)) {
      const two = input.slice(i, i + 2);
      const text = ["<=", ">=", "!="].includes(two) ? two : c;
      if (text === "!") throw validationError(`Unexpected character "!" at position ${i}.`);
      tokens.push({ kind: "punct", text, pos: i });
      i += text.length;
    } else if (WORD.test(c)) {
      const start = i;
      while (i < input.length && WORD.test(input[i])) i++;
      tokens.push({ kind: "word", text: input.slice(start, i), pos: start });
    } else {
      throw validationError(`Unexpected character ${JSON.stringify(c)} at position ${i}.`);
    }
  }
  tokens.push({ kind: "end", text: "", pos: input.length });
  return tokens;
}

const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const TYPE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
/** Words that end or start a clause, so never attribute names. */
const RESERVED = /^(select|from|where|order|by|offset|limit|and|or)$/i;
const COMPARE_WORDS: Record<string, CompareOp> = {
  is: "is",
  is_not: "is_not",
  like: "like",
  not_like: "not_like",
  after: ">",
  before: "<",
};

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)];
  }
  private next(): Token {
    const token = this.peek();
    if (token.kind !== "end") this.i++;
    return token;
  }
  private isWord(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === "word" && token.text.toLowerCase() === word;
  }
  private isPunct(text: string): boolean {
    const token = this.peek();
    return token.kind === "punct" && token.text === text;
  }
  private describe(token: Token): string {
    return token.kind === "end" ? "end of expression" : `"${token.text}" at position ${token.pos}`;
  }
  private fail(expected: string, token = this.peek()): never {
    throw validationError(`Invalid query: expected ${expected} but found ${this.describe(token)}.`);
  }
  private expectWord(word: string): void {
    if (!this.isWord(word)) this.fail(`"${word}"`);
    this.next();
  }
  private expectPunct(text: string): void {
    if (!this.isPunct(text)) this.fail(`"${text}"`);
    this.next();
  }
  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw validationError("Invalid query: expression is nested too deeply.");
  }

  query(): QueryAst {
    this.enter();
    let projections: string[] | null = null;
    if (this.isWord("select")) {
      this.next();
      projections = [this.path()];
      while (this.isPunct(",")) {
        this.next();
        projections.push(this.path());
      }
    }
    this.expectWord("from");
    const typeToken = this.next();
    if (typeToken.kind !== "word" || !TYPE_NAME.test(typeToken.text)) this.fail("an entity type", typeToken);
    const ast: QueryAst = {
      projections,
      entityType: typeToken.text,
      where: null,
      orderBy: [],
      offset: null,
      limit: null,
    };
    if (this.isWord("where")) {
      this.next();
      ast.where = this.or();
    }
    if (this.isWord("order")) {
      this.next();
      this.expectWord("by");
      do {
        if (ast.orderBy.length) this.next();
        const path = this.path();
        let direction: "asc" | "desc" = "asc";
        if (this.isWord("asc") || this.isWord("desc"))
          direction = this.next().text.toLowerCase() as "asc" | "desc";
        ast.orderBy.push({ path, direction });
      } while (this.isPunct(","));
    }
    // Clients write offset before limit; accept either order, each at most once.
    for (let n = 0; n < 2; n++) {
      if (this.isWord("offset") && ast.offset === null) {
        this.next();
        ast.offset = this.count("offset");
      } else if (this.isWord("limit") && ast.limit === null) {
        this.next();
        ast.limit = this.count("limit");
      }
    }
    this.depth--;
    return ast;
  }

  /** A whole expression: nothing may follow the query. */
  parseAll(): QueryAst {
    const ast = this.query();
    if (this.peek().kind !== "end") this.fail("end of expression");
    return ast;
  }

  private count(what: string): number {
    const token = this.next();
    if (token.kind !== "word" || !/^\d+$/.test(token.text))
      this.fail(`a non-negative integer after "${what}"`, token);
    const n = Number(token.text);
    if (!Number.isSafeInteger(n)) throw validationError(`Invalid query: ${what} ${token.text} is too large.`);
    return n;
  }

  private path(): string {
    const token = this.next();
    if (token.kind !== "word" || !PATH.test(token.text) || RESERVED.test(token.text)) {
      this.fail("an attribute name", token);
    }
    return token.text;
  }

  private or(): Criteria {
    const items = [this.and()];
    while (this.isWord("or")) {
      this.next();
      items.push(this.and());
    }
    return items.length === 1 ? items[0] : { kind: "or", items };
  }

  private and(): Criteria {
    const items = [this.unary()];
    while (this.isWord("and")) {
      this.next();
      items.push(this.unary());
    }
    return items.length === 1 ? items[0] : { kind: "and", items };
  }

  private unary(): Criteria {
    this.enter();
    let result: Criteria;
    if (this.isWord("not") && !this.isOperatorAt(1)) {
      this.next();
      result = { kind: "not", criteria: this.unary() };
    } else if (this.isPunct("(")) {
      this.next();
      result = this.or();
      this.expectPunct(")");
    } else {
      result = this.condition();
    }
    this.depth--;
    return result;
  }

  /** True when the token at `offset` is an operator, i.e. the word before it is an attribute. */
  private isOperatorAt(offset: number): boolean {
    const token = this.peek(offset);
    if (token.kind === "punct") return token.text !== "(" && token.text !== ",";
    return (
      token.kind === "word" && /^(is|is_not|in|not_in|like|not_like|has|any|after|before)$/i.test(token.text)
    );
  }

  private condition(): Criteria {
    const path = this.path();
    const opToken = this.next();
    const op = opToken.text.toLowerCase();
    if (opToken.kind === "punct" && ["=", "!=", "<", ">", "<=", ">="].includes(op)) {
      return { kind: "compare", path, op: op as CompareOp, value: this.value() };
    }
    if (opToken.kind !== "word") this.fail(`an operator after "${path}"`, opToken);
    if (op === "is" && this.isWord("not")) {
      this.next();
      return { kind: "compare", path, op: "is_not", value: this.value() };
    }
    if (op in COMPARE_WORDS) return { kind: "compare", path, op: COMPARE_WORDS[op], value: this.value() };
    if (op === "in" || op === "not_in") return this.inList(path, op === "not_in");
    if (op === "has" || op === "any") {
      this.expectPunct("(");
      const criteria = this.or();
      this.expectPunct(")");
      return { kind: op, path, criteria };
    }
    return this.fail(`an operator after "${path}"`, opToken);
  }

  private inList(path: string, negated: boolean): Criteria {
    this.expectPunct("(");
    if (this.isWord("select")) {
      const query = this.query();
      this.expectPunct(")");
      // ftrack runs on MySQL, which refuses LIMIT in an IN subquery (error 1235); offset comes with it.
      if (query.limit !== null || query.offset !== null)
        throw validationError("Invalid query: a subquery takes no offset or limit.");
      return { kind: "in_query", path, negated, query };
    }
    const values: Value[] = [];
    if (!this.isPunct(")")) {
      values.push(this.value());
      while (this.isPunct(",")) {
        this.next();
        values.push(this.value());
      }
    }
    this.expectPunct(")");
    return { kind: "in", path, negated, values };
  }

  private value(): Value {
    const token = this.next();
    if (token.kind === "string") return token.value ?? "";
    if (token.kind !== "word") this.fail("a value", token);
    const text = token.text;
    const lower = text.toLowerCase();
    if (lower === "true") return true;
    if (lower === "false") return false;
    if (lower === "none" || lower === "null") return null;
    if (NUMBER.test(text)) return Number(text);
    // As on ftrack, a bare word is a string: ids, and names such as `username is jenkins`.
    return text;
  }
}

/** Parses a query expression; malformed input throws a ValidationError. */
export function parseQuery(expression: string): QueryAst {
  if (typeof expression !== "string" || expression.trim() === "") {
    throw validationError("Invalid query: the expression is empty.");
  }
  if (expression.length > MAX_EXPRESSION_LENGTH)
    throw validationError("Invalid query: the expression is too long.");
  return new Parser(tokenize(expression)).parseAll();
}
