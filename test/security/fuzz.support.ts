/**
 * Tools of the bad-input suite: a seeded PRNG, generators of hostile values, the shape of an ftrack
 * query expression (literals, ids and numbers abstracted), and a snapshot of the emulator's data.
 */
import { SCHEMAS } from "../../src/emulator/schemas.js";
import type { EmulatorStore } from "../../src/emulator/store.js";

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(0, 255)));
  return { next, int, pick, bytes };
}
export type Prng = ReturnType<typeof prng>;

const UUID = "3a1f6c2e-9b4d-5e7f-8a1b-2c3d4e5f6a7b";

/** Hand-written hostile strings: quoting, escaping and ftrack query-language injection. */
export const NASTY_STRINGS: readonly string[] = [
  "",
  " ",
  "a",
  "not-a-uuid",
  '"',
  "'",
  "\\",
  '\\"',
  '\\\\"',
  '" or id like "%',
  '" or id like "%" or "',
  'x" or id like "%"',
  `${UUID}" or id like "%`,
  `${UUID} or id like "%"`,
  `${UUID}) or (id like "%"`,
  `${UUID}, ${UUID}`,
  `${UUID.toUpperCase()}`,
  ` ${UUID}`,
  `${UUID}\n`,
  "') or ('1'='1",
  "' or 1=1 --",
  "%",
  "%%",
  "_",
  "\\%",
  "*",
  "none",
  "null",
  "true",
  "select id from Task",
  "id in (select id from Task)",
  'parent has (name like "%")',
  'name like "%" limit 100000',
  "order by name desc",
  "offset 0 limit 1",
  "\u0000",
  '\u0000" or id like "%',
  "\r\n",
  "\t",
  "\u202eevil",
  "ümlaut ñ 漢字 🙂",
  "\ud800",
  "a".repeat(65),
  "f".repeat(64),
  "0".repeat(1000),
  "-",
  "--",
  "0-0",
  "$where",
  "{}",
  "[]",
  "../../etc/passwd",
  "%2e%2e%2f",
  "<script>alert(1)</script>",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a hostile literal, on purpose
  "${jndi:ldap://x}",
];

const ALPHABET = [
  ..."abcdefXYZ0189-_ \"'\\%()=<>!,.;:\n\t",
  "ü",
  "漢",
  "🙂",
  "\u0000",
  " or ",
  " and ",
  " like ",
  " in ",
];

/** A random string from characters and ftrack keywords that matter to a query parser. */
export function randomString(r: Prng, maxLength = 60): string {
  let text = "";
  const length = r.int(1, maxLength);
  while (text.length < length) text += r.pick(ALPHABET);
  return text;
}

/**
 * Shape of an expression: strings -> S, ids and numbers -> V (an id may be all digits), lists of
 * values -> VS. Input that escaped a literal would add words or punctuation to the shape.
 */
export function expressionShape(expression: string): string {
  const tokens: string[] = [];
  const pattern = /\s+|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[A-Za-z0-9_.-]+|<=|>=|!=|[(),<>=]|./gsy;
  for (const match of expression.matchAll(pattern)) {
    const token = match[0];
    if (/^\s+$/.test(token)) continue;
    if (token.startsWith('"') || token.startsWith("'")) tokens.push("S");
    else if (/^-?\d+(\.\d+)?$/.test(token)) tokens.push("V");
    else if (/^[0-9a-f]+(-[0-9a-f]+)*$/.test(token) && /\d/.test(token)) tokens.push("V");
    else tokens.push(token);
  }
  return tokens.join(" ").replace(/\( V( , V)* \)/g, "( VS )");
}

/** Every stored entity, sorted: equal snapshots mean ftrack's data did not change. */
export function storeSnapshot(store: EmulatorStore): string {
  const rows = new Map<string, unknown>();
  for (const schema of SCHEMAS) {
    for (const entity of store.scan([schema.id])) rows.set(`${entity.type}:${entity.id}`, entity.attrs);
  }
  return JSON.stringify([...rows.entries()].sort(([a], [b]) => a.localeCompare(b)));
}
