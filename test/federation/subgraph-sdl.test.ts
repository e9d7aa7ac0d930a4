/** `npm run subgraph-sdl` prints exactly what the running service answers to `{ _service { sdl } }`. */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql, type Harness, startHarness } from "../support/service.harness.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

async function serviceSdl(): Promise<string> {
  const { data, errors } = await graphql<{ _service: { sdl: string } }>(harness, "{ _service { sdl } }");
  expect(errors).toBeUndefined();
  return data!._service.sdl;
}

describe("npm run subgraph-sdl", () => {
  it("prints the service's own _service { sdl }, byte for byte (plus a final newline)", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "scripts/print-subgraph-sdl.ts"],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
    );
    expect(stdout).toBe(`${await serviceSdl()}\n`);
  }, 60_000);
});
