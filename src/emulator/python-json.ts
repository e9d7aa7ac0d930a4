/**
 * Python-compatible JSON and ftrack's `schema_hash`: clients compare the hash a server reports with
 * the md5 of its schemas as Python's `json.dumps(schemas, sort_keys=True)` writes them.
 */
import { createHash } from "node:crypto";

/** Python's `json.dumps(value, sort_keys=True)`: ", " / ": " separators, ASCII-only escapes. */
export function pythonJsonDumps(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "NaN";
  if (typeof value === "string") return pythonString(value);
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(", ")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${pythonString(k)}: ${pythonJsonDumps(v)}`).join(", ")}}`;
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\b": "\\b",
  "\f": "\\f",
};

function pythonString(text: string): string {
  // Everything outside printable ASCII becomes \uXXXX (per UTF-16 unit, as Python does).
  return `"${text.replace(/[\\"]|[^\x20-\x7e]/g, (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}"`;
}

/** ftrack's `schema_hash`: md5 hex of the sorted-key JSON of a schema list. */
export function schemaHash(schemas: unknown): string {
  return createHash("md5").update(pythonJsonDumps(schemas)).digest("hex");
}
