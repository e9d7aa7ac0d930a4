/**
 * ftrack's event expressions, as its hub filters with them: subscriptions (`topic=ftrack.update`,
 * `topic=ftrack.* and source.user.username=jane`) are matched against events, and an event's
 * `target` (`id=<hub id>`) against subscriber metadata. The grammar and matching follow the
 * Python client's `ftrack_api/event/expression.py`: conditions `key<op>value` with = != >= <= > <,
 * combined with `not` (binds tightest), `and`, `or` and parentheses; keys are dotted paths; a value
 * ending in `*` compared with `=` matches any value containing the part before it.
 */

export interface Expression {
  match(candidate: unknown): boolean;
}

export class ExpressionSyntaxError extends Error {}

type Operator = "=" | "!=" | ">=" | "<=" | ">" | "<";

const FIELD = /[A-Za-z0-9_.]+/y;
const OPERATOR = /!=|>=|<=|=|>|</y;
const WORD = /[A-Za-z0-9\-_,./*@+]+/y;
const QUOTED = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/y;
const KEYWORD = /(and|or|not)(?![A-Za-z0-9_.])/iy;

export function parseExpression(text: string): Expression {
  let position = 0;

  const skipSpace = () => {
    while (position < text.length && /\s/.test(text[position])) position++;
  };
  const take = (pattern: RegExp): RegExpExecArray | undefined => {
    skipSpace();
    pattern.lastIndex = position;
    const match = pattern.exec(text);
    if (!match) return undefined;
    position = pattern.lastIndex;
    return match;
  };
  const peekKeyword = (word: string): boolean => {
    skipSpace();
    KEYWORD.lastIndex = position;
    const match = KEYWORD.exec(text);
    return match?.[1].toLowerCase() === word;
  };
  const fail = (what: string): never => {
    throw new ExpressionSyntaxError(`Failed to parse expression at ${position}: expected ${what}.`);
  };

  function disjunction(): Expression {
    const parts = [conjunction()];
    while (peekKeyword("or")) {
      take(KEYWORD);
      parts.push(conjunction());
    }
    return parts.length === 1 ? parts[0] : { match: (c) => parts.some((p) => p.match(c)) };
  }

  function conjunction(): Expression {
    const parts = [negation()];
    while (peekKeyword("and")) {
      take(KEYWORD);
      parts.push(negation());
    }
    return parts.length === 1 ? parts[0] : { match: (c) => parts.every((p) => p.match(c)) };
  }

  function negation(): Expression {
    if (peekKeyword("not")) {
      take(KEYWORD);
      const inner = negation();
      return { match: (c) => !inner.match(c) };
    }
    return primary();
  }

  function primary(): Expression {
    if (take(/\(/y)) {
      const inner = disjunction();
      if (!take(/\)/y)) fail('")"');
      return inner;
    }
    const key = take(FIELD)?.[0] ?? fail("a key");
    const operator = (take(OPERATOR)?.[0] ?? fail("an operator")) as Operator;
    const quoted = take(QUOTED);
    const value = quoted
      ? (quoted[1] ?? quoted[2]).replace(/\\(.)/g, "$1")
      : (take(WORD)?.[0] ?? fail("a value"));
    return condition(key, operator, value);
  }

  const expression = disjunction();
  skipSpace();
  if (position !== text.length) fail("the end of the expression");
  return expression;
}

function condition(key: string, operator: Operator, value: string): Expression {
  const path = key.split(".");
  return {
    match(candidate) {
      let current: unknown = candidate;
      for (const part of path) {
        if (current === null || typeof current !== "object" || !Object.hasOwn(current, part)) return false;
        current = (current as Record<string, unknown>)[part];
      }
      if (typeof current === "number" || typeof current === "boolean") current = String(current);
      if (typeof current !== "string") return false;
      // Python's `in` on strings: "ftrack.*" matches any value containing "ftrack.".
      if (operator === "=" && value.endsWith("*")) return current.includes(value.slice(0, -1));
      return compare(current, operator, value);
    },
  };
}

// Values are strings in both the expression and most events; numbers compare as numbers.
function compare(actual: string, operator: Operator, expected: string): boolean {
  const numeric = actual.trim() !== "" && expected.trim() !== "" && Number.isFinite(Number(actual));
  const a: string | number = numeric && Number.isFinite(Number(expected)) ? Number(actual) : actual;
  const b: string | number = typeof a === "number" ? Number(expected) : expected;
  switch (operator) {
    case "=":
      return a === b;
    case "!=":
      return a !== b;
    case ">=":
      return a >= b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    case "<":
      return a < b;
  }
}
