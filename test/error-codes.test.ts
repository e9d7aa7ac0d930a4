/** The public error codes are API: the README's table lists exactly the codes of src/error-codes.ts. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ErrorCode, isErrorCode } from "../src/error-codes.js";

const README = readFileSync(new URL("../README.md", import.meta.url), "utf8");

/** The first column of the table under "## Error codes". */
function readmeCodes(): string[] {
  const section = README.split(/^## Error codes$/m)[1]?.split(/^## /m)[0] ?? "";
  return [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1]!);
}

describe("error codes", () => {
  it("the README's table lists every code, each once", () => {
    const codes = readmeCodes();
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(Object.values(ErrorCode).sort());
  });

  it("each code is its own name", () => {
    for (const [name, code] of Object.entries(ErrorCode)) expect(code).toBe(name);
    expect(isErrorCode("NOT_FOUND")).toBe(true);
    expect(isErrorCode("PERSISTED_QUERY_NOT_SUPPORTED")).toBe(false);
  });
});
