/** Seeded ids: derived from a name, so they are the same on every run and every machine. */
import { createHash } from "node:crypto";

/** A UUID-shaped id derived from a name: stable across runs. */
export function demoId(name: string): string {
  const hex = createHash("md5").update(`ftrack-emulator-demo:${name}`).digest("hex");
  // Version nibble 5-ish and RFC 4122 variant, so strict UUID parsers accept it.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((Number.parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
