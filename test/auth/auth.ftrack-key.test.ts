/** AUTH_MODE=ftrack-key: callers bring their own ftrack-user and ftrack-api-key, passed through to ftrack. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/emulator/index.js";
import { graphql, type Harness, startHarness } from "../support/service.harness.js";
import {
  bearer,
  expectUnauthenticated,
  ftrackCallsDuring,
  ftrackKey,
  PROJECTS,
  projectIds,
  token,
} from "./auth.support.js";

const { alice, bob, carol } = DEMO.users;
const { aurora, borealis } = DEMO.projects;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ env: { AUTH_MODE: "ftrack-key" } });
});
afterAll(() => harness?.close());

describe("ftrack-key", () => {
  it("lets a user in with their own key, acting as them", async () => {
    expect(projectIds(await graphql(harness, PROJECTS, {}, ftrackKey(alice)))).toEqual(
      [aurora.id, borealis.id].sort(),
    );
    expect(projectIds(await graphql(harness, PROJECTS, {}, ftrackKey(carol)))).toEqual([borealis.id]);
  });

  it("checks a key with ftrack once, then remembers it", async () => {
    await graphql(harness, PROJECTS, {}, ftrackKey(bob));
    const calls = await ftrackCallsDuring(harness, () => graphql(harness, PROJECTS, {}, ftrackKey(bob)));
    expect(calls.byAction.query_server_information).toBeUndefined();
    expect(calls.byAction.query).toBe(1);
  });

  it("asks ftrack once for concurrent first requests with the same key", async () => {
    const headers = { "ftrack-user": DEMO.apiUser.username, "ftrack-api-key": harness.emulator.apiKey };
    const calls = await ftrackCallsDuring(harness, () =>
      Promise.all(Array.from({ length: 5 }, () => graphql(harness, PROJECTS, {}, headers))),
    );
    expect(calls.byAction.query_server_information).toBe(1);
  });

  it("answers 503 when ftrack cannot be asked whether a key is valid", async () => {
    harness.emulator.injectFailure({ route: "api", action: "query_server_information", mode: "5xx" });
    const res = await graphql(
      harness,
      PROJECTS,
      {},
      { "ftrack-user": carol.username, "ftrack-api-key": "unchecked" },
    );
    expect(res.status).toBe(503);
    expect(res.errors?.[0]?.extensions?.code).toBe("FTRACK_UNAVAILABLE");
  });

  it("answers 401 to a wrong key after asking ftrack only whether it is valid", async () => {
    for (const headers of [
      { "ftrack-user": alice.username, "ftrack-api-key": "wrong-key" },
      { "ftrack-user": carol.username, "ftrack-api-key": alice.apiKey },
      { "ftrack-user": "nobody.at.all", "ftrack-api-key": alice.apiKey },
    ]) {
      let res: Awaited<ReturnType<typeof graphql>> | undefined;
      const calls = await ftrackCallsDuring(harness, async () => {
        res = await graphql(harness, PROJECTS, {}, headers);
      });
      expectUnauthenticated(res!);
      expect(calls.byAction).toEqual({ query_server_information: 1 });
    }
  });

  it("answers 401 to missing or malformed headers with no ftrack call", async () => {
    const cases: Record<string, string>[] = [
      {},
      { "ftrack-user": alice.username },
      { "ftrack-api-key": alice.apiKey },
      { "ftrack-user": "", "ftrack-api-key": alice.apiKey },
      { "ftrack-user": "u".repeat(300), "ftrack-api-key": alice.apiKey },
      { "ftrack-user": alice.username, "ftrack-api-key": "a key with spaces" },
      { "ftrack-user": alice.username, "ftrack-api-key": "k".repeat(600) },
      bearer(await token(alice.username)),
    ];
    for (const headers of cases) {
      let res: Awaited<ReturnType<typeof graphql>> | undefined;
      const calls = await ftrackCallsDuring(harness, async () => {
        res = await graphql(harness, PROJECTS, {}, headers);
      });
      expectUnauthenticated(res!);
      expect(res!.headers.get("www-authenticate")).toBeNull();
      expect(calls).toMatchObject({ requests: 0, thumbnails: 0 });
    }
  });

  it("answers UNAUTHENTICATED when ftrack stops accepting a remembered key", async () => {
    const dave = DEMO.users.dave;
    expect(projectIds(await graphql(harness, PROJECTS, {}, ftrackKey(dave)))).toHaveLength(2);
    // Revoke: the key now belongs to someone else (the store maps each key to one user).
    harness.emulator.store.setApiKey(bob.username, dave.apiKey);
    const res = await graphql(harness, PROJECTS, {}, ftrackKey(dave));
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(JSON.stringify(res)).not.toContain(dave.apiKey);
  });

  it("never puts the caller's key or username in a URL it issues", async () => {
    const res = await graphql<{ task: { thumbnailUrl: string; thumbnail: { id: string } } }>(
      harness,
      `query { task(id: "${DEMO.task.id}") { thumbnailUrl(size: 100) thumbnail { id } } }`,
      {},
      ftrackKey(alice),
    );
    const body = JSON.stringify(res.data);
    expect(body).not.toContain(alice.apiKey);
    expect(body).not.toContain(alice.username);
    // The URL works without any identity: it is the grant (by design; see README "Identity").
    const url = new URL(res.data!.task.thumbnailUrl);
    const image = await fetch(new URL(`${url.pathname}${url.search}`, harness.url));
    expect(image.status).toBe(200);
  });
});
