/**
 * The ftrack API key must never leave the server: a realistic session of requests (queries, lists,
 * errors, thumbnail fetches good and bad, ftrack failing, metrics, health) is recorded, and every
 * response status line, header and body, plus every log line the service wrote, is scanned for the
 * key and for `apiKey=` (how ftrack's thumbnail URLs carry it).
 */
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { DEMO } from "../../src/emulator/index.js";
import { ThumbnailUrlSigner } from "../../src/thumbnails/url-signer.js";
import {
  AssetVersionByIdDocument,
  BulkTaskThumbnailsDocument,
  ContextsDocument,
  ProjectByIdDocument,
  TaskByIdDocument,
  ThumbnailableLookupDocument,
  UserByIdDocument,
  UsersDocument,
} from "../generated/graphql.js";
import { type Harness, startHarness } from "../support/service.harness.js";
import { withFlippedSignature } from "../support/signature.tamper.js";

const SECRETS = "leak-test-secret-a-0123456789abcdefghij,leak-test-secret-b-0123456789abcdefghij";
const PROBE = "caller-supplied-key";

let harness: Harness;
/** Everything the service answered: one text per response. */
const recorded: string[] = [];

beforeAll(async () => {
  harness = await startHarness({
    env: {
      THUMBNAIL_URL_SECRETS: SECRETS,
      FTRACK_TIMEOUT_MS: "3000",
      FTRACK_RETRY_DEADLINE_MS: "100",
      THUMBNAIL_FORMATS: "webp",
      LOG_LEVEL: "debug",
    },
  });
});
afterAll(() => harness?.close());

/** fetch that records the full response (status, every header, body as text and as bytes). */
async function record(url: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(url, init);
  const body = Buffer.from(await res.arrayBuffer());
  const headers = [...res.headers].map(([name, value]) => `${name}: ${value}`).join("\n");
  recorded.push(
    `${res.status} ${res.statusText}\n${headers}\n\n${body.toString("utf8")}\n${body.toString("latin1")}`,
  );
  return new Response(res.status === 304 ? null : body, { status: res.status, headers: res.headers });
}

/** A GraphQL POST through the recorder. */
async function query<T>(document: TypedDocumentNode<T, never> | string, variables?: Record<string, unknown>) {
  const res = await record(harness.graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: typeof document === "string" ? document : print(document), variables }),
  });
  return (await res.json()) as { data?: T; errors?: unknown[] };
}

async function session() {
  const { url } = harness;
  // Reads of every kind, with thumbnails and URLs.
  const task = await query(TaskByIdDocument, { id: DEMO.task.id });
  await query(ProjectByIdDocument, { id: DEMO.projects.aurora.id });
  await query(AssetVersionByIdDocument, { id: DEMO.asset.versionIds[2] });
  await query(UserByIdDocument, { id: DEMO.users.alice.id });
  await query(ThumbnailableLookupDocument, { type: "CUSTOM_CONTEXT", id: DEMO.scene.id });
  await query(ContextsDocument, { projectId: DEMO.projects.aurora.id, first: 3 });
  await query(UsersDocument, { first: 2 });
  await query(BulkTaskThumbnailsDocument, { projectId: DEMO.projects.aurora.id, first: 20 });

  // Errors: bad input, bad syntax, unknown fields, a missing id, an invalid id.
  await query(`{ task(id: "${DEMO.task.id}") { thumbnailUrl(size: 0) } }`);
  await query("{ projects(first: 0) { nodes { id } } }");
  await query('{ projects(after: "bogus") { nodes { id } } }');
  await query("{ task(id: ");
  await query("{ task { secret } }");
  await query(TaskByIdDocument, { id: "not-an-id" });
  await record(harness.graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{",
  });

  // ftrack failing under a query: errors (5xx past the retry deadline), then a hang past the timeout.
  harness.emulator.injectFailure({ route: "api", mode: "5xx", times: 20 });
  await query(UsersDocument, { nameContains: "a" });
  harness.emulator.clearFailures();
  harness.emulator.injectFailure({ route: "api", mode: "hang", times: 5 });
  await query(UsersDocument, { nameContains: "b" });
  harness.emulator.clearFailures();
  harness.emulator.injectFailure({ route: "api", mode: "reset", times: 20 });
  await query(UsersDocument, { nameContains: "c" });
  harness.emulator.clearFailures();

  // Thumbnails: delivered, negotiated, revalidated, tampered, expired, missing, malformed.
  const thumbnailUrl = task.data!.task!.thumbnailUrl!;
  const first = await record(thumbnailUrl);
  await record(thumbnailUrl, { headers: { accept: "image/webp" } });
  await record(thumbnailUrl, { headers: { "if-none-match": first.headers.get("etag")! } });
  await record(withFlippedSignature(thumbnailUrl));
  await record(`${url}/thumbnails/x/y`);
  const config = loadConfig({ THUMBNAIL_URL_SECRETS: SECRETS }).thumbnails;
  const past = new ThumbnailUrlSigner({ ...config, windowSeconds: 1 }, url, () => Date.now() - 7200_000);
  await record(past.issue(DEMO.thumbnails[DEMO.task.id]!, 100));
  const signer = new ThumbnailUrlSigner(config, url);
  await record(signer.issue("00000000-0000-5000-8000-000000000000", 100));
  // ftrack failing under the delivery route: 502 and 504.
  for (const mode of ["5xx", "reset", "hang"] as const) {
    harness.emulator.injectFailure({ route: "thumbnail", mode });
    await record(signer.issue(DEMO.thumbnails[DEMO.shot.id]!, mode === "hang" ? 500 : 64));
  }

  // Operations endpoints, the playground page, unknown paths.
  await record(`${url}/metrics`);
  await record(`${url}/healthz`);
  await record(`${url}/readyz`);
  await record(`${url}/graphql`, { headers: { accept: "text/html" } });
  // A caller's own credential in a URL: the access log must redact it (checked apart below).
  await record(`${url}/nope?apiKey=${PROBE}`);
}

describe("the ftrack API key never leaves the service", () => {
  it("appears in no response status, header or body, and in no log line", async () => {
    await session();
    const apiKey = harness.emulator.apiKey;
    expect(apiKey.length).toBeGreaterThan(8);

    // The recording is real: it holds successes, errors and failures of every kind.
    const all = recorded.join("\n----\n");
    expect(recorded.length).toBeGreaterThanOrEqual(30);
    for (const expected of [
      "/thumbnails/",
      "BAD_USER_INPUT",
      "GRAPHQL_PARSE_FAILED",
      "THUMBNAIL_URL_EXPIRED",
      "THUMBNAIL_UPSTREAM_ERROR",
      "THUMBNAIL_UPSTREAM_TIMEOUT",
      "ftrack_api_requests_total",
      "image/webp",
    ]) {
      expect(all, expected).toContain(expected);
    }
    expect(harness.logs.length).toBeGreaterThan(20);
    const probe = harness.logs.filter((line) => line.includes('"url":"/nope?'));
    expect(probe).toHaveLength(1);
    expect(probe[0]).not.toContain(PROBE);
    const logs = harness.logs.filter((line) => !probe.includes(line)).join("");
    const responses = all.replace(`/nope?apiKey=${PROBE}`, "");

    for (const [where, text] of [
      ["responses", responses],
      ["logs", logs],
    ] as const) {
      expect(text.includes(apiKey), `API key in ${where}`).toBe(false);
      expect(/apiKey=/i.test(text), `apiKey= in ${where}`).toBe(false);
      expect(text.includes(encodeURIComponent(apiKey)), `encoded API key in ${where}`).toBe(false);
      expect(text.includes(Buffer.from(apiKey).toString("base64")), `base64 API key in ${where}`).toBe(false);
    }
  });
});
