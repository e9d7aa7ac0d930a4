import { describe, expect, it } from "vitest";
import {
  and,
  Condition,
  compare,
  contains,
  ExpressionError,
  eq,
  escapeLike,
  InvalidIdError,
  id,
  isFtrackId,
  isIn,
  like,
  ne,
  or,
  quote,
  select,
} from "../../src/ftrack/expression.js";
import type { FtrackOperation } from "../../src/ftrack/ftrack.types.js";

const A = "5b9e4a2c-1f3d-4e5a-9b8c-7d6e5f4a3b2c";
const B = "3a372bde-05bc-11e4-8908-20c9d081909b";

describe("ids", () => {
  it("accepts UUIDs and ftrack-style lowercase hex ids", () => {
    expect(isFtrackId(A)).toBe(true);
    expect(isFtrackId(B)).toBe(true);
    expect(isFtrackId("abc123")).toBe(true);
  });

  it.each([
    "",
    "5B9E4A2C-1F3D-4E5A-9B8C-7D6E5F4A3B2C",
    `${A} or id like "%"`,
    `${A})`,
    "abc--123",
    "-abc",
    "abc-",
    "xyz",
    "a".repeat(65),
    " abc",
    "abc\n",
    "none",
  ])("rejects %j", (value) => {
    expect(isFtrackId(value)).toBe(false);
    expect(() => id(value)).toThrow(InvalidIdError);
  });

  it("rejects non-strings", () => {
    for (const value of [1, null, undefined, {}, [A]]) {
      expect(isFtrackId(value)).toBe(false);
      expect(() => id(value)).toThrow(InvalidIdError);
    }
  });

  it("writes ids unquoted and validates every id of isIn", () => {
    expect(eq("id", id(A)).toString()).toBe(`id is ${A}`);
    expect(isIn("id", [A, B]).toString()).toBe(`id in (${A}, ${B})`);
    expect(() => isIn("id", [A, `${B}) or (id like "%"`])).toThrow(InvalidIdError);
    expect(() => isIn("id", [])).toThrow(ExpressionError);
  });

  it("keeps a short, quoted description of the bad value in the error", () => {
    const error = (() => {
      try {
        id(`x${"y".repeat(100)}`);
      } catch (e) {
        return e as InvalidIdError;
      }
    })();
    expect(error).toBeInstanceOf(InvalidIdError);
    expect(error?.message.length).toBeLessThan(80);
  });
});

describe("strings", () => {
  it("double-quotes and escapes backslashes and quotes", () => {
    expect(quote("plain")).toBe('"plain"');
    expect(quote('say "hi"')).toBe('"say \\"hi\\""');
    expect(quote("back\\slash")).toBe('"back\\\\slash"');
    expect(quote('\\"')).toBe('"\\\\\\""');
    expect(quote("")).toBe('""');
  });

  it("cannot be broken out of by injection attempts", () => {
    const attempts = ['" or id like "%', '\\" or id like "%', 'x") or (name like "%', "\\", '"'];
    for (const attempt of attempts) {
      const text = eq("name", attempt).toString();
      // Undo the quoting the way ftrack's tokenizer does: the whole rest is one string literal.
      const literal = text.slice("name is ".length);
      expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
      const body = literal.slice(1, -1);
      expect(/(^|[^\\])(\\\\)*"/.test(body)).toBe(false); // no unescaped quote inside
      expect(body.replace(/\\(.)/g, "$1")).toBe(attempt);
    }
  });

  it("treats a string value as a string even when it looks like an id or a keyword", () => {
    expect(eq("name", A).toString()).toBe(`name is "${A}"`);
    expect(eq("name", "none").toString()).toBe('name is "none"');
  });
});

describe("other literals", () => {
  it("writes numbers, booleans and null", () => {
    expect(eq("version", 3).toString()).toBe("version is 3");
    expect(compare("version", ">=", 2.5).toString()).toBe("version >= 2.5");
    expect(eq("is_latest_version", true).toString()).toBe("is_latest_version is true");
    expect(ne("thumbnail_id", null).toString()).toBe("thumbnail_id is_not none");
  });

  it("rejects non-finite numbers and unknown comparators", () => {
    expect(() => eq("version", Number.NaN)).toThrow(ExpressionError);
    expect(() => eq("version", Number.POSITIVE_INFINITY)).toThrow(ExpressionError);
    expect(() => compare("version", "or" as never, 1)).toThrow(ExpressionError);
    expect(() => eq("version", {} as never)).toThrow(ExpressionError);
  });
});

describe("like", () => {
  it("quotes the pattern", () => {
    expect(like("name", 'a"b%').toString()).toBe('name like "a\\"b%"');
  });

  it("contains() takes user text literally: wildcards and backslashes escaped", () => {
    expect(escapeLike("50%_off\\")).toBe("50\\%\\_off\\\\");
    expect(contains("name", "sh").toString()).toBe('name like "%sh%"');
    // The LIKE escape backslash is itself escaped by string quoting.
    expect(contains("name", "50%").toString()).toBe('name like "%50\\\\%%"');
    expect(contains("name", '%" or id like "%').toString()).toBe(
      'name like "%\\\\%\\" or id like \\"\\\\%%"',
    );
  });
});

describe("paths and types", () => {
  it.each(["id", "object_type.name", "asset.parent.id", "_link"])("accepts path %s", (path) => {
    expect(eq(path, 1).toString()).toBe(`${path} is 1`);
  });

  it.each(["", "Name", "a.", ".a", "a..b", "1a", "a b", "id or 1", "id)", 'a"', "a-b"])(
    "rejects path %j",
    (path) => {
      expect(() => eq(path, 1)).toThrow(ExpressionError);
      expect(() => select(path)).toThrow(ExpressionError);
    },
  );

  it.each(["task", "Task where 1", "Task;", "", "_Task", "Ta-sk"])("rejects type %j", (type) => {
    expect(() => select("id").from(type)).toThrow(ExpressionError);
  });
});

describe("composition", () => {
  it("parenthesises and joins conditions, skipping absent ones", () => {
    expect(and(eq("a", 1), eq("b", 2))?.toString()).toBe("(a is 1) and (b is 2)");
    expect(or(eq("a", 1), and(eq("b", 2), eq("c", 3)))?.toString()).toBe(
      "(a is 1) or ((b is 2) and (c is 3))",
    );
    expect(and(undefined, false, eq("a", 1), null)?.toString()).toBe("a is 1");
    expect(and(undefined, false)).toBeUndefined();
  });

  it("refuses raw strings where conditions belong", () => {
    expect(() => and('id like "%"' as never)).toThrow(ExpressionError);
    expect(() => or(eq("a", 1), "1" as never)).toThrow(ExpressionError);
    expect(() =>
      select("id")
        .from("Task")
        .where('id like "%"' as never),
    ).toThrow(ExpressionError);
    expect(() => new Condition(Symbol("condition"), 'id like "%"')).toThrow(ExpressionError);
  });

  it("builds a full query", () => {
    const q = select("id", "name", "object_type.name")
      .from("TypedContext")
      .where(and(eq("project_id", id(A)), contains("name", "comp")))
      .orderBy("name", "desc")
      .offset(10)
      .limit(5)
      .toString();
    expect(q).toBe(
      `select id, name, object_type.name from TypedContext where (project_id is ${A}) and (name like "%comp%") order by name desc offset 10 limit 5`,
    );
    expect(select("id").from("Task").toString()).toBe("select id from Task");
  });

  it("is the only way to an expression a query operation takes (checked by the compiler)", () => {
    const built: FtrackOperation = { action: "query", expression: select("id").from("Task").toString() };
    // @ts-expect-error a plain string is not a QueryExpression: `npm run typecheck` fails if it were
    const raw: FtrackOperation = { action: "query", expression: "select id from Task" };
    expect(raw).toEqual(built);
  });

  it("validates paging and order", () => {
    const q = () => select("id").from("Task");
    expect(() => q().offset(-1)).toThrow(ExpressionError);
    expect(() => q().limit(1.5)).toThrow(ExpressionError);
    expect(() => q().limit(Number.NaN)).toThrow(ExpressionError);
    expect(() => q().orderBy("name", "desc; drop" as never)).toThrow(ExpressionError);
    expect(() => select("id").toString()).toThrow(ExpressionError);
    expect(() => select()).toThrow(ExpressionError);
  });
});
