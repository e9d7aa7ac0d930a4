import { describe, expect, it } from "vitest";
import { EmulatorError } from "../../src/emulator/emulator.errors.js";
import { parseQuery } from "../../src/emulator/query-language.js";
import { seededRandom } from "./emulator.helpers.js";

const UUID = "5ce9ee5e-6c0e-4f3a-9b1e-0c5ce9e5ce9e";

describe("parseQuery", () => {
  it("parses a full query", () => {
    const ast = parseQuery(
      `select id, name, parent.name from Task where name is "comp" order by name desc, id offset 10 limit 5`,
    );
    expect(ast).toEqual({
      projections: ["id", "name", "parent.name"],
      entityType: "Task",
      where: { kind: "compare", path: "name", op: "is", value: "comp" },
      orderBy: [
        { path: "name", direction: "desc" },
        { path: "id", direction: "asc" },
      ],
      offset: 10,
      limit: 5,
    });
  });

  it("makes select optional and keywords case-insensitive", () => {
    expect(parseQuery("from Shot")).toMatchObject({ projections: null, entityType: "Shot", where: null });
    expect(parseQuery("SELECT id FROM Task WHERE id IS none ORDER BY id DESC LIMIT 2")).toMatchObject({
      where: { kind: "compare", path: "id", op: "is", value: null },
      orderBy: [{ path: "id", direction: "desc" }],
      limit: 2,
    });
  });

  it("reads every kind of value", () => {
    const where = (text: string) => parseQuery(`select id from Task where ${text}`).where;
    expect(where(`name is "a \\"b\\" \\\\ c"`)).toMatchObject({ value: 'a "b" \\ c' });
    expect(where(`name is 'single \\' quoted'`)).toMatchObject({ value: "single ' quoted" });
    expect(where("version >= 3")).toMatchObject({ op: ">=", value: 3 });
    expect(where("version > -1.5")).toMatchObject({ op: ">", value: -1.5 });
    expect(where("is_active is True")).toMatchObject({ value: true });
    expect(where("is_active is false")).toMatchObject({ value: false });
    expect(where("parent_id is None")).toMatchObject({ value: null });
    expect(where(`id is ${UUID}`)).toMatchObject({ value: UUID });
    // Bare words are strings, as on ftrack (`where username is jenkins`).
    expect(where("username is jenkins")).toMatchObject({ value: "jenkins" });
    expect(where("username is john.doe-2")).toMatchObject({ value: "john.doe-2" });
    expect(where(`id in (${UUID}, "x", 1)`)).toEqual({
      kind: "in",
      path: "id",
      negated: false,
      values: [UUID, "x", 1],
    });
    expect(where("id not_in ()")).toEqual({ kind: "in", path: "id", negated: true, values: [] });
  });

  it("parses every operator", () => {
    const ops = {
      is: "is",
      is_not: "is_not",
      "=": "=",
      "!=": "!=",
      "<": "<",
      ">": ">",
      "<=": "<=",
      ">=": ">=",
      like: "like",
      not_like: "not_like",
      after: ">",
      before: "<",
    };
    for (const [text, op] of Object.entries(ops)) {
      expect(parseQuery(`select id from Task where name ${text} "x"`).where).toMatchObject({
        kind: "compare",
        op,
      });
    }
    expect(parseQuery(`from Task where name is not "x"`).where).toMatchObject({ op: "is_not" });
    expect(parseQuery("from Task where version>=2").where).toMatchObject({ op: ">=", value: 2 });
  });

  it("gives and precedence over or, and honours parentheses and not", () => {
    expect(parseQuery(`from Task where a is 1 or b is 2 and c is 3`).where).toEqual({
      kind: "or",
      items: [
        { kind: "compare", path: "a", op: "is", value: 1 },
        {
          kind: "and",
          items: [
            { kind: "compare", path: "b", op: "is", value: 2 },
            { kind: "compare", path: "c", op: "is", value: 3 },
          ],
        },
      ],
    });
    expect(parseQuery(`from Task where not (a is 1 or b is 2) and not c is 3`).where).toEqual({
      kind: "and",
      items: [
        { kind: "not", criteria: { kind: "or", items: [expect.anything(), expect.anything()] } },
        { kind: "not", criteria: { kind: "compare", path: "c", op: "is", value: 3 } },
      ],
    });
  });

  it("parses has, any and subqueries", () => {
    expect(
      parseQuery(`from Task where parent has (name like "sh%" and parent.name is "sq")`).where,
    ).toMatchObject({
      kind: "has",
      path: "parent",
      criteria: { kind: "and" },
    });
    expect(parseQuery(`from Asset where versions any (version > 1)`).where).toMatchObject({
      kind: "any",
      path: "versions",
    });
    expect(
      parseQuery(`from Task where id in (select task_id from AssetVersion where version is 3)`).where,
    ).toEqual({
      kind: "in_query",
      path: "id",
      negated: false,
      query: {
        projections: ["task_id"],
        entityType: "AssetVersion",
        where: { kind: "compare", path: "version", op: "is", value: 3 },
        orderBy: [],
        offset: null,
        limit: null,
      },
    });
  });

  it("rejects malformed expressions with clear ValidationErrors", () => {
    const bad: [string, RegExp][] = [
      ["", /empty/],
      ["select id from", /expected an entity type but found end of expression/],
      ["select id, from Task", /expected an attribute name but found "from"/],
      ["select id Task", /expected "from" but found "Task"/],
      [`select id from Task where name is "open`, /Unterminated string/],
      ["select id from Task where name", /expected an operator after "name" but found end/],
      ["select id from Task where name ~ 1", /Unexpected character "~"/],
      ["select id from Task where (name is 1", /expected "\)"/],
      ["select id from Task limit x", /non-negative integer after "limit"/],
      ["select id from Task limit 1 garbage", /expected end of expression but found "garbage"/],
      // As a real ftrack server on MySQL does (error 1235).
      [
        "select id from AssetVersion where task_id in (select id from Task limit 5)",
        /subquery takes no offset or limit/,
      ],
      [
        "select id from AssetVersion where task_id in (select id from Task offset 5)",
        /subquery takes no offset or limit/,
      ],
      [`select id from Task where ${"(".repeat(500)}a is 1${")".repeat(500)}`, /nested too deeply/],
    ];
    for (const [expression, message] of bad) {
      let error: unknown;
      try {
        parseQuery(expression);
      } catch (e) {
        error = e;
      }
      expect(error, expression).toBeInstanceOf(EmulatorError);
      expect((error as EmulatorError).exception).toBe("ValidationError");
      expect((error as Error).message, expression).toMatch(message);
    }
  });

  it("only ever throws EmulatorError on random and truncated input (fuzz)", () => {
    const random = seededRandom(42);
    const samples = [
      `select id, parent.name from Task where (name like "a%" or id in (${UUID}, "b")) and not parent has (name is 'x') order by name desc offset 1 limit 2`,
      `select id from Asset where versions any (version >= 2 and id not_in (select id from AssetVersion where asset_id is ${UUID}))`,
    ];
    const alphabet = `()"',<>=!. \\_-%abcdefselctromwhrinspyd0123456789${UUID}`;
    let parsed = 0;
    for (let n = 0; n < 3000; n++) {
      const base = samples[n % samples.length];
      let text: string;
      const mode = n % 3;
      if (mode === 0) text = base.slice(0, Math.floor(random() * base.length));
      else if (mode === 1) {
        const chars = [...base];
        for (let k = 0; k < 3; k++)
          chars[Math.floor(random() * chars.length)] = alphabet[Math.floor(random() * alphabet.length)];
        text = chars.join("");
      } else {
        text = Array.from(
          { length: Math.floor(random() * 60) },
          () => alphabet[Math.floor(random() * alphabet.length)],
        ).join("");
      }
      try {
        parseQuery(text);
        parsed++;
      } catch (e) {
        expect(e, text).toBeInstanceOf(EmulatorError);
      }
    }
    expect(parsed).toBeGreaterThan(0);
  });
});
