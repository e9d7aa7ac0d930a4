/**
 * Recorded answers of a real ftrack server, beside the repository in ../shared/ftrack-reference
 * (never copied into it). Tests that compare with them skip when they are absent, and say so.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";

export const REFERENCE_DIR = join(process.cwd(), "..", "shared", "ftrack-reference");

/**
 * Whether a recorded answer (or, with no file, the folder) is there; when it is not, says so (as the
 * browser tests do for Chromium), so a contributor knows compatibility with real ftrack went
 * unchecked instead of reading a green run as a pass.
 */
export function referencePresent(testFile: string, file = ""): boolean {
  if (existsSync(join(REFERENCE_DIR, file))) return true;
  console.warn(
    `${testFile}: SKIPPED the checks against a real ftrack server: ${join("../shared/ftrack-reference", file)} ` +
      "(recorded answers of a real server, beside this repository) is missing, so compatibility with real ftrack went unchecked.",
  );
  return false;
}
