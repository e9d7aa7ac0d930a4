/**
 * AUTH_MODE=none (the default): everyone acts as the service user; identity headers change nothing.
 * ftrack refusing the service's own key is the service's fault: FTRACK_MISCONFIGURED, 500, logged.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { DEMO } from "../../src/emulator/index.js";
import { ThumbnailUrlSigner } from "../../src/thumbnails/url-signer.js";
import { graphql, HARNESS_URL_SECRETS, type Harness, startHarness } from "../support/service.harness.js";
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

describe("none, with a service key ftrack refuses", () => {
  let misconfigured: Harness;
  beforeAll(async () => {
    misconfigured = await startHarness({ serviceApiKey: "not-the-emulator-key" });
  });
  afterAll(() => misconfigured?.close());

  it("answers FTRACK_MISCONFIGURED with HTTP 500, not the caller's UNAUTHENTICATED, and logs it as an error", async () => {
    const logged = misconfigured.logs.length;
    const res = await graphql(misconfigured, PROJECTS);
    expect(res.status).toBe(500);
    expect(res.errors?.[0]?.extensions?.code).toBe("FTRACK_MISCONFIGURED");
    expect(JSON.stringify(res)).not.toContain("not-the-emulator-key");
    const lines = misconfigured.logs.slice(logged).map((line) => JSON.parse(line) as Record<string, unknown>);
    const fault = lines.find((line) => line.code === "FTRACK_MISCONFIGURED");
    expect(fault).toMatchObject({ level: 50, msg: expect.stringMatching(/FTRACK_API_KEY/) });
    expect(JSON.stringify(lines)).not.toContain("not-the-emulator-key");
  });

  it("logs it as an error on the thumbnail route too, which answers 502 without detail", async () => {
    const config = loadConfig({ THUMBNAIL_URL_SECRETS: HARNESS_URL_SECRETS });
    const url = new ThumbnailUrlSigner(config.thumbnails, misconfigured.url).issue(
      DEMO.thumbnails[DEMO.task.id]!,
      100,
    );
    const logged = misconfigured.logs.length;
    const res = await fetch(url);
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({
      code: "THUMBNAIL_UPSTREAM_ERROR",
      message: "Thumbnail storage failed.",
    });
    const lines = misconfigured.logs.slice(logged).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.find((line) => line.level === 50)).toMatchObject({
      msg: expect.stringMatching(/FTRACK_API_KEY/),
    });
  });
});
