/** AUTH_MODE=none (the default): everyone acts as the service user; identity headers change nothing. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { DEMO } from "../../src/emulator/index.js";
import { graphql, type Harness, startHarness } from "../support/service.harness.js";
import { bearer, PROJECTS, projectIds } from "./auth.support.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

const ALL = [DEMO.projects.aurora.id, DEMO.projects.borealis.id].sort();

describe("none", () => {
  it("is the default with the embedded server", () => {
    expect(loadConfig({}).auth.mode).toBe("none");
  });

  it("lets anyone in as the service user", async () => {
    expect(projectIds(await graphql(harness, PROJECTS))).toEqual(ALL);
  });

  it("ignores identity headers: nobody picks another user", async () => {
    const carol = DEMO.users.carol;
    const cases: Record<string, string>[] = [
      { "ftrack-user": carol.username, "ftrack-api-key": carol.apiKey },
      { "ftrack-user": carol.username },
      bearer("anything"),
    ];
    for (const headers of cases) {
      // carol would see only Borealis; the service user sees both.
      expect(projectIds(await graphql(harness, PROJECTS, {}, headers))).toEqual(ALL);
    }
  });
});
