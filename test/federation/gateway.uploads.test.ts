/**
 * Uploads and the playground through both studio gateways (@apollo/gateway and Hive Gateway), the
 * thumbnails service running with AUTH_MODE=ftrack-key so each request carries its caller: the
 * two-step upload as a front end does it (create and complete through the gateway, the PUT to the
 * URL the service signed), every refusal leaving ftrack unchanged, and the gateway's GET playground.
 * Hive Gateway also forwards GraphQL multipart requests (uploadThumbnail).
 */

import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO } from "../../src/emulator/index.js";
import { EMPTY_RESULT_HINT } from "../../src/graphql/playground.js";
import { ftrackKey } from "../auth/auth.support.js";
import { expectCode, snapshot, thumbnailIdOf, uploadForm } from "../graphql/thumbnail.helpers.js";
import { graphql } from "../support/service.harness.js";
import { withFlippedSignature } from "../support/signature.tamper.js";
import {
  completeUpload,
  createUpload,
  putChunked,
  putFile,
  reserve,
  type Target,
} from "../support/two-step.client.js";
import { SVG, solid } from "../thumbnails/image.fixtures.js";
import { type GatewayKind, type StudioHarness, startStudio } from "./studio.harness.js";

const MAX_BYTES = 256 * 1024;
const { alice, bob } = DEMO.users;
const alices = ftrackKey(alice);
const target: Target = { type: "TASK", id: DEMO.task.id };

describe.each<GatewayKind>(["apollo", "hive"])("through the %s gateway", (kind) => {
  let studio: StudioHarness;
  beforeAll(async () => {
    studio = await startStudio(
      { tasks: { [DEMO.task.id]: { dueDate: "2031-03-14", status: "IN_PROGRESS" } } },
      {
        gateway: kind,
        service: { env: { AUTH_MODE: "ftrack-key", UPLOAD_MAX_BYTES: String(MAX_BYTES) } },
        sdlHeaders: alices,
      },
    );
  });
  afterAll(() => studio?.close());
  afterEach(() => vi.useRealTimers());

  /** The front end's endpoint: the gateway, never the subgraph. */
  const gateway = () => ({ graphqlUrl: studio.graphqlUrl });

  function startWatching() {
    studio.service.emulator.counters.reset();
    return snapshot(studio.service);
  }

  function expectFtrackUntouched(before: ReturnType<typeof snapshot>) {
    expect(snapshot(studio.service)).toEqual(before);
    const { byAction, uploads } = studio.service.emulator.counters;
    expect({ create: byAction.create ?? 0, delete: byAction.delete ?? 0, uploads }).toEqual({
      create: 0,
      delete: 0,
      uploads: 0,
    });
  }

  it("runs a query joining the subgraphs, with the caller's identity forwarded", async () => {
    const res = await graphql(
      gateway(),
      `{ task(id: "${DEMO.task.id}") { name thumbnailUrl(size: 100) dueDate } }`,
      undefined,
      alices,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      task: {
        name: "Compositing",
        thumbnailUrl: expect.stringContaining("/thumbnails/"),
        dueDate: "2031-03-14",
      },
    });
    const anonymous = await graphql(gateway(), `{ task(id: "${DEMO.task.id}") { name } }`);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("two-step upload: create and complete through the gateway, PUT to the signed URL; the new URL serves the image", async () => {
    const png = await solid("png", 96, 64, "#ff8800");
    const ticket = await reserve(gateway(), target, png, alices);
    expect(new URL(ticket.url).origin).toBe(studio.service.url);
    expect((await putFile(ticket, png)).status).toBe(204);

    const done = await graphql<{
      completeThumbnailUpload: {
        id: string;
        thumbnailUrl: string;
        thumbnail: { id: string };
        dueDate: string;
      };
    }>(
      gateway(),
      `mutation ($id: ID!) { completeThumbnailUpload(id: $id) {
          id thumbnailUrl(size: 300) thumbnail { id } ... on Task { dueDate } } }`,
      { id: ticket.id },
      alices,
    );
    expect(done.errors).toBeUndefined();
    const entity = done.data!.completeThumbnailUpload;
    expect(entity.dueDate).toBe("2031-03-14");
    expect(thumbnailIdOf(studio.service, DEMO.task.id)).toBe(entity.thumbnail.id);

    const image = await fetch(entity.thumbnailUrl, { headers: { accept: "image/png" } });
    expect(image.status).toBe(200);
    const decoded = sharp(Buffer.from(await image.arrayBuffer()));
    expect(await decoded.metadata()).toMatchObject({ width: 96, height: 64 });
    const { data } = await decoded.removeAlpha().raw().toBuffer({ resolveWithObject: true });
    expect([data[0], data[1], data[2]]).toEqual([255, 136, 0]);
  });

  describe("refused uploads leave nothing in ftrack", () => {
    it("a type that is not an accepted image, declared or read from the bytes", async () => {
      const before = startWatching();
      expectCode(
        await createUpload(gateway(), target, { contentType: "image/svg+xml", byteSize: SVG.length }, alices),
        "THUMBNAIL_UNSUPPORTED_TYPE",
      );
      const ticket = await reserve(gateway(), target, Buffer.from(SVG), alices);
      expect((await putFile(ticket, Buffer.from(SVG))).body).toMatchObject({
        code: "THUMBNAIL_UNSUPPORTED_TYPE",
      });
      expectCode(await completeUpload(gateway(), ticket.id, alices), "NOT_FOUND");
      expectFtrackUntouched(before);
    });

    it("too large, declared or sent", async () => {
      const before = startWatching();
      expectCode(
        await createUpload(gateway(), target, { byteSize: MAX_BYTES + 1 }, alices),
        "THUMBNAIL_TOO_LARGE",
      );
      const png = await solid("png", 40, 40);
      const ticket = await reserve(gateway(), target, png, alices);
      const put = await putChunked(ticket.url, [png, Buffer.alloc(1024)]);
      expect(put).toMatchObject({ status: 413, body: { code: "THUMBNAIL_TOO_LARGE" } });
      expectCode(await completeUpload(gateway(), ticket.id, alices), "NOT_FOUND");
      expectFtrackUntouched(before);
    });

    it("a resolution outside the limits", async () => {
      const before = startWatching();
      const tiny = await solid("png", 8, 8);
      const ticket = await reserve(gateway(), target, tiny, alices);
      expect(await putFile(ticket, tiny)).toMatchObject({
        status: 422,
        body: { code: "THUMBNAIL_BAD_RESOLUTION" },
      });
      expectCode(await completeUpload(gateway(), ticket.id, alices), "NOT_FOUND");
      expectFtrackUntouched(before);
    });

    it("a second PUT, and a tampered URL", async () => {
      const png = await solid("png", 40, 40);
      const ticket = await reserve(gateway(), target, png, alices);
      const before = startWatching();
      expect((await putFile({ ...ticket, url: withFlippedSignature(ticket.url) }, png)).status).toBe(403);
      expect((await putFile(ticket, png)).status).toBe(204);
      expect(await putFile(ticket, png)).toMatchObject({
        status: 409,
        body: { code: "THUMBNAIL_UPLOAD_USED" },
      });
      expectFtrackUntouched(before);
      await completeUpload(gateway(), ticket.id, alices);
    });

    it("expired: the PUT answers 410 and the completion finds nothing", async () => {
      const png = await solid("png", 40, 40);
      const sent = await reserve(gateway(), target, png, alices);
      expect((await putFile(sent, png)).status).toBe(204);
      const unsent = await reserve(gateway(), target, png, alices);
      const before = startWatching();
      // The service runs in this process: its clock moves past the expiry with the test's.
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(Date.parse(unsent.expiresAt) + 1000);
      expect(await putFile(unsent, png)).toMatchObject({
        status: 410,
        body: { code: "THUMBNAIL_URL_EXPIRED" },
      });
      expectCode(await completeUpload(gateway(), sent.id, alices), "NOT_FOUND");
      vi.useRealTimers();
      expect(snapshot(studio.service)).toEqual(before);
      expect(studio.service.emulator.counters.byAction.create ?? 0).toBe(0);
    });

    it("completion by another user: FORBIDDEN", async () => {
      const png = await solid("png", 40, 40);
      const ticket = await reserve(gateway(), target, png, alices);
      expect((await putFile(ticket, png)).status).toBe(204);
      const before = startWatching();
      expectCode(await completeUpload(gateway(), ticket.id, ftrackKey(bob)), "FORBIDDEN");
      expectFtrackUntouched(before);
      expect((await completeUpload(gateway(), ticket.id, alices)).errors).toBeUndefined();
    });
  });

  it("serves the service's offline playground on a browser's GET", async () => {
    const page = await fetch(studio.graphqlUrl, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
    const html = await page.text();
    expect(html).toContain("AltairGraphQL.init");
    expect(html).not.toMatch(/unpkg|cdn\.|googleapis/);
    // Its files come from the gateway too, relative to the page's <base href>.
    const base = new URL(/<base href="([^"]+)"/.exec(html)![1]!, studio.graphqlUrl);
    const script = /<script[^>]+src="([^"]+\.js)"/.exec(html)![1]!;
    expect((await fetch(new URL(script, base))).status).toBe(200);
    // The IDE's texts carry the service's hint.
    const texts = await fetch(new URL("/playground/assets/i18n/en-US.json", studio.graphqlUrl));
    expect(await texts.json()).toMatchObject({ QUERY_RESULT_NO_RESULT_TEXT: EMPTY_RESULT_HINT });
  });

  it(
    kind === "hive"
      ? "forwards a multipart upload (uploadThumbnail) to the thumbnails subgraph"
      : "refuses a multipart upload, and ftrack sees nothing (use the two-step upload)",
    async () => {
      const before = startWatching();
      const res = await fetch(studio.graphqlUrl, {
        method: "POST",
        body: uploadForm({ type: "TASK", id: DEMO.task.id }, await solid("png", 64, 64, "#00ffff")),
        headers: { "apollo-require-preflight": "true", ...alices },
      });
      const body = (await res.json()) as { data?: { uploadThumbnail: { thumbnail: { id: string } } } };
      if (kind === "apollo") {
        expect(res.status).toBe(400);
        expectFtrackUntouched(before);
        return;
      }
      expect(res.status).toBe(200);
      expect(body.data?.uploadThumbnail.thumbnail.id).toBe(thumbnailIdOf(studio.service, DEMO.task.id));
      expect(studio.service.emulator.counters.uploads).toBe(1);
    },
  );
});
