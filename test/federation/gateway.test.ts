/**
 * Through the studio gateway over HTTP: the supergraph composed at start from this service and the
 * example subgraphs; fields of several subgraphs on one entity; errors; cache headers; uploads; and
 * subscriptions, which compose but which the gateway does not run.
 */
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/emulator/index.js";
import { graphql } from "../support/service.harness.js";
import { type StudioHarness, startStudio } from "./studio.harness.js";

const VERSION = DEMO.asset.versionIds[0];
let studio: StudioHarness;

beforeAll(async () => {
  studio = await startStudio({
    tasks: { [DEMO.task.id]: { dueDate: "2031-03-14", status: "IN_PROGRESS" } },
    reviews: {
      [DEMO.task.id]: "NEEDS_CHANGES",
      [DEMO.projects.aurora.id]: "APPROVED",
      [VERSION]: "APPROVED",
      [DEMO.users.alice.id]: "APPROVED",
    },
  });
});
afterAll(() => studio?.close());

const THUMBNAIL_URL = /^http:\/\/localhost:\d+\/thumbnails\/[0-9a-f-]{36}\/\d+\?exp=/;

describe("the composed supergraph", () => {
  it("joins every subgraph's types", () => {
    const sdl = studio.gateway.supergraphSdl;
    expect(sdl).toMatch(/join__graph\(name: "thumbnails"/);
    expect(sdl).toMatch(/join__graph\(name: "schedule"/);
    expect(sdl).toMatch(/join__graph\(name: "reviews"/);
    expect(sdl).toMatch(
      /interface Thumbnailable[^{]*@join__type\(graph: REVIEWS, key: "id", isInterfaceObject: true\)/s,
    );
  });
});

describe("subscriptions", () => {
  it("compose, but @apollo/gateway runs none: front ends subscribe to this service directly", async () => {
    expect(studio.gateway.supergraphSdl).toMatch(
      /type Subscription\s+@join__type\(graph: THUMBNAILS\)\s*\{[^}]*thumbnailChanged\(/,
    );
    const { data, errors } = await graphql(studio, "subscription { thumbnailChanged { kind } }");
    expect(data ?? null).toBeNull();
    expect(errors?.[0]?.message).toBe("Execution of subscriptions not supported by gateway");
  });
});

describe("queries through the gateway", () => {
  it("serves a schedule field next to thumbnailUrl on the same task, from either side", async () => {
    const fromThumbnails = await graphql(
      studio,
      `{ task(id: "${DEMO.task.id}") { name thumbnailUrl(size: 100) dueDate status reviewState } }`,
    );
    expect(fromThumbnails.errors).toBeUndefined();
    expect(fromThumbnails.data).toEqual({
      task: {
        name: "Compositing",
        thumbnailUrl: expect.stringMatching(THUMBNAIL_URL),
        dueDate: "2031-03-14",
        status: "IN_PROGRESS",
        reviewState: "NEEDS_CHANGES",
      },
    });

    const fromSchedule = await graphql(
      studio,
      `{ tasksDue(before: "2031-12-31") { id dueDate name thumbnailUrl(size: 100) } }`,
    );
    expect(fromSchedule.data).toEqual({
      tasksDue: [
        {
          id: DEMO.task.id,
          dueDate: "2031-03-14",
          name: "Compositing",
          thumbnailUrl: expect.stringMatching(THUMBNAIL_URL),
        },
      ],
    });
  });

  it("adds the @interfaceObject field to a mixed list of Thumbnailables", async () => {
    // Children of a project: Episode, Folder, Milestone, Scene (custom) ...
    const children = await graphql<{
      project: { reviewState: string; children: { nodes: { __typename: string; reviewState: string }[] } };
    }>(
      studio,
      `{ project(id: "${DEMO.projects.aurora.id}") { reviewState children { nodes { __typename name reviewState } } } }`,
    );
    expect(children.errors).toBeUndefined();
    expect(children.data!.project.reviewState).toBe("APPROVED");
    const nodes = children.data!.project.children.nodes;
    expect(new Set(nodes.map((n) => n.__typename)).size).toBeGreaterThan(1);
    expect(nodes.every((n) => n.reviewState === "NOT_REVIEWED")).toBe(true);

    // A list the reviews subgraph starts: the gateway asks this service for each one's real type.
    const reviewed = await graphql<{ reviewed: { __typename: string; id: string }[] }>(
      studio,
      `{ reviewed(state: APPROVED) { __typename id reviewState thumbnailUrl
          ... on Project { name } ... on AssetVersion { version } ... on User { username } } }`,
    );
    expect(reviewed.errors).toBeUndefined();
    expect(reviewed.data!.reviewed).toEqual([
      {
        __typename: "Project",
        id: DEMO.projects.aurora.id,
        reviewState: "APPROVED",
        name: "aurora",
        thumbnailUrl: expect.stringMatching(THUMBNAIL_URL),
      },
      {
        __typename: "AssetVersion",
        id: VERSION,
        reviewState: "APPROVED",
        version: 1,
        thumbnailUrl: expect.stringMatching(THUMBNAIL_URL),
      },
      {
        __typename: "User",
        id: DEMO.users.alice.id,
        reviewState: "APPROVED",
        username: DEMO.users.alice.username,
        thumbnailUrl: expect.stringMatching(THUMBNAIL_URL),
      },
    ]);
  });

  it("resolves an inherited thumbnail's source as an entity, other subgraphs' fields included", async () => {
    const res = await graphql(
      studio,
      `{ task(id: "${DEMO.taskWithoutThumbnail.id}") { thumbnailUrl(size: 100, inherit: true)
          thumbnail(inherit: true) { inherited source { __typename id reviewState ... on Context { name } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      task: {
        thumbnailUrl: expect.stringMatching(THUMBNAIL_URL),
        thumbnail: {
          inherited: true,
          source: { __typename: "Shot", id: DEMO.shots.sh030.id, reviewState: "NOT_REVIEWED", name: "SH030" },
        },
      },
    });
  });

  it("passes errors and their codes through, next to the other subgraphs' data", async () => {
    const result = await graphql(
      studio,
      `{ task(id: "${DEMO.task.id}") { name thumbnailUrl(size: 0) dueDate } }`,
    );
    expect(result.data).toEqual({ task: { name: "Compositing", thumbnailUrl: null, dueDate: "2031-03-14" } });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({
      path: ["task", "thumbnailUrl"],
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(JSON.stringify(result.errors)).not.toContain(studio.service.emulator.apiKey);
  });

  it("combines the subgraphs' cache hints into one private, short-lived Cache-Control header", async () => {
    const joined = await graphql(studio, `{ task(id: "${DEMO.task.id}") { thumbnailUrl dueDate } }`);
    expect(joined.headers.get("cache-control")).toBe("max-age=30, private");
    const thumbnailsOnly = await graphql(studio, `{ task(id: "${DEMO.task.id}") { name } }`);
    expect(thumbnailsOnly.headers.get("cache-control")).toBe("max-age=60, private");
  });

  it("runs mutations without files, and the result joins other subgraphs' fields", async () => {
    const result = await graphql(
      studio,
      `mutation { setThumbnail(target: { type: TASK, id: "${DEMO.taskWithoutThumbnail.id}" },
          componentId: "${DEMO.components.spareServer}") { id thumbnail { id } ... on Task { dueDate status } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      setThumbnail: {
        id: DEMO.taskWithoutThumbnail.id,
        thumbnail: { id: DEMO.components.spareServer },
        dueDate: null,
        status: "NOT_STARTED",
      },
    });
  });
});

describe("file uploads", () => {
  const UPLOAD = `mutation ($file: Upload!) {
    uploadThumbnail(target: { type: TASK, id: "${DEMO.task.id}" }, file: $file) { id thumbnailUrl }
  }`;

  async function uploadTo(url: string) {
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#36c" } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.set("operations", JSON.stringify({ query: UPLOAD, variables: { file: null } }));
    form.set("map", JSON.stringify({ 0: ["variables.file"] }));
    form.set("0", new Blob([new Uint8Array(png)], { type: "image/png" }), "thumb.png");
    const res = await fetch(url, {
      method: "POST",
      body: form,
      headers: { "apollo-require-preflight": "true" },
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as { data?: unknown } | null };
  }

  it("are not forwarded by the gateway: it refuses multipart requests and ftrack sees nothing", async () => {
    studio.service.emulator.counters.reset();
    const result = await uploadTo(studio.gateway.url);
    expect(result.status).toBe(400);
    expect(result.body?.data ?? null).toBeNull();
    expect(studio.service.emulator.counters.uploads).toBe(0);
  });

  it("work when sent to the thumbnails subgraph directly", async () => {
    const result = await uploadTo(studio.service.graphqlUrl);
    expect(result.status).toBe(200);
    expect(result.body?.data).toEqual({
      uploadThumbnail: { id: DEMO.task.id, thumbnailUrl: expect.stringMatching(THUMBNAIL_URL) },
    });
  });
});
