/**
 * The bad-input suite: generated, deterministic (fixed seed), over real HTTP against the embedded
 * ftrack-compatible server. Hostile GraphQL arguments of every type, random and truncated uploads,
 * tampered / truncated / expired / re-signed thumbnail URLs, oversized headers and bodies, unknown
 * content types. Every case must get a clear 4xx or a GraphQL error with a code (never a 5xx or
 * INTERNAL_SERVER_ERROR), the service must keep serving (a health check after each batch), every
 * ftrack expression sent must parse and have the same shape benign input gives (no input outside
 * a quoted literal), no write may reach ftrack, and ftrack's data must be unchanged at the end.
 * The number of cases is printed.
 */
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { DEMO } from "../../src/emulator/index.js";
import { parseQuery } from "../../src/emulator/query-language.js";
import { encodeCursor } from "../../src/graphql/pagination.js";
import { UploadUrlSigner } from "../../src/thumbnails/upload-url.signer.js";
import { ThumbnailUrlSigner } from "../../src/thumbnails/url-signer.js";
import { graphql, type Harness, startHarness } from "../support/service.harness.js";
import { blankPng, PDF, SVG, solid, TEXT, truncatedPng } from "../thumbnails/image.fixtures.js";
import { expressionShape, NASTY_STRINGS, prng, randomString, storeSnapshot } from "./fuzz.support.js";

const SEED = 0x5eed_2024;
const UPLOAD_MAX_BYTES = 64 * 1024;
const SECRETS = "test-secret-one-for-signing-urls-0001,test-secret-two-for-signing-urls-0002";

interface Answer {
  status: number;
  body: unknown;
}

/** One fuzz case: a request and what counts as a clear answer to it. */
interface Case {
  label: string;
  send: () => Promise<Answer>;
  /** Default: GraphQL answer rules (see expectClearGraphqlAnswer). */
  check?: (answer: Answer) => void;
}

let harness: Harness;
let ran = 0;
const expressions: string[] = [];
const writes: string[] = [];

async function readAnswer(res: Response): Promise<Answer> {
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    return { status: res.status, body: text };
  }
}

function postJson(body: string, headers: Record<string, string> = {}): Promise<Answer> {
  return fetch(harness.graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  }).then(readAnswer);
}

type GraphqlBody = { data?: unknown; errors?: { message?: unknown; extensions?: { code?: unknown } }[] };

/** 2xx with data and no error, or any status < 500 whose every error has a public code. */
function expectClearGraphqlAnswer(answer: Answer, label: string) {
  expect(answer.status, label).toBeLessThan(500);
  expect(typeof answer.body, `${label}: ${String(answer.body).slice(0, 200)}`).toBe("object");
  const body = answer.body as GraphqlBody;
  if (answer.status >= 400 || body.errors) {
    expect(body.errors?.length, label).toBeGreaterThan(0);
    for (const error of body.errors ?? []) {
      const code = error.extensions?.code;
      expect(typeof code, `${label}: ${JSON.stringify(error).slice(0, 300)}`).toBe("string");
      expect(code, `${label}: ${JSON.stringify(error).slice(0, 300)}`).not.toBe("INTERNAL_SERVER_ERROR");
      expect(typeof error.message, label).toBe("string");
    }
  } else {
    expect(body.data, label).toBeDefined();
  }
}

/** A thumbnail route refusal: 4xx and a JSON body with a code. */
function expectRefusedUrl(answer: Answer, label: string) {
  expect([400, 403, 404, 410], `${label} -> ${answer.status}`).toContain(answer.status);
  expect((answer.body as { code?: unknown }).code, label).toMatch(/^[A-Z_]+$/);
}

async function runBatch(name: string, cases: Case[], concurrency = 12) {
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const item = cases[next++]!;
      const answer = await item.send();
      if (item.check) item.check(answer);
      else expectClearGraphqlAnswer(answer, `${name}: ${item.label}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  ran += cases.length;
  // The service keeps serving after every batch.
  const health = await fetch(`${harness.url}/healthz`);
  expect(health.status, `health after ${name}`).toBe(200);
  await health.arrayBuffer();
}

// --- GraphQL argument templates: one variable of each kind per template. ---

type ArgKind = "id" | "string" | "size" | "first" | "after" | "sizes" | "type";

interface Template {
  name: string;
  query: string;
  /** Variable name -> what it is; `realId` is used where a template needs an existing entity. */
  args: Record<string, ArgKind>;
  realId?: string;
}

const BY_ID: [string, string][] = [
  ["project", DEMO.projects.aurora.id],
  ["task", DEMO.task.id],
  ["shot", DEMO.shot.id],
  ["sequence", DEMO.sequence.id],
  ["episode", DEMO.episode.id],
  ["folder", DEMO.folder.id],
  ["milestone", DEMO.milestone.id],
  ["assetBuild", DEMO.assetBuild.id],
  ["asset", DEMO.asset.id],
  ["assetVersion", DEMO.asset.versionIds[0]!],
  ["context", DEMO.shot.id],
  ["user", DEMO.users.alice.id],
];

const TEMPLATES: Template[] = [
  ...BY_ID.map(([field, realId]) => ({
    name: field,
    query: `query($id: ID!) { ${field}(id: $id) { id } }`,
    args: { id: "id" as const },
    realId,
  })),
  {
    name: "thumbnailable",
    query: "query($id: ID!, $type: ThumbnailableType!) { thumbnailable(id: $id, type: $type) { id } }",
    args: { id: "id", type: "type" },
    realId: DEMO.task.id,
  },
  {
    name: "projects",
    query:
      "query($s: String, $first: Int, $after: String) { projects(nameContains: $s, first: $first, after: $after) { nodes { id name } pageInfo { endCursor } } }",
    args: { s: "string", first: "first", after: "after" },
  },
  {
    name: "tasks",
    query:
      "query($p: ID, $parent: ID, $s: String, $first: Int, $after: String) { tasks(projectId: $p, parentId: $parent, nameContains: $s, first: $first, after: $after) { nodes { id } } }",
    args: { p: "id", parent: "id", s: "string", first: "first", after: "after" },
    realId: DEMO.projects.aurora.id,
  },
  {
    name: "contexts",
    query:
      "query($p: ID, $parent: ID, $t: String, $s: String, $first: Int) { contexts(projectId: $p, parentId: $parent, objectType: $t, nameContains: $s, first: $first) { nodes { id } } }",
    args: { p: "id", parent: "id", t: "string", s: "string", first: "first" },
    realId: DEMO.projects.aurora.id,
  },
  {
    name: "users",
    query:
      "query($s: String, $first: Int, $after: String) { users(nameContains: $s, first: $first, after: $after) { nodes { id } } }",
    args: { s: "string", first: "first", after: "after" },
  },
  {
    name: "assetVersions",
    query:
      "query($a: ID, $t: ID, $first: Int) { assetVersions(assetId: $a, taskId: $t, first: $first) { nodes { id } } }",
    args: { a: "id", t: "id", first: "first" },
    realId: DEMO.asset.id,
  },
  {
    name: "project children/contexts",
    query: `query($t: String, $s: String, $first: Int, $after: String) { project(id: "${DEMO.projects.aurora.id}") {
      children(first: $first, after: $after) { nodes { id } }
      contexts(objectType: $t, nameContains: $s, first: $first) { nodes { id } } } }`,
    args: { t: "string", s: "string", first: "first", after: "after" },
  },
  {
    name: "thumbnail sizes",
    query: `query($size: Int) { project(id: "${DEMO.projects.aurora.id}") { thumbnailUrl(size: $size) thumbnail { url(size: $size) } } }`,
    args: { size: "size" },
  },
  {
    name: "srcset",
    query: `query($sizes: [Int!]!) { task(id: "${DEMO.task.id}") { thumbnail { srcset(sizes: $sizes) } } }`,
    args: { sizes: "sizes" },
  },
  {
    name: "setThumbnail",
    query:
      "mutation($c: ID!, $id: ID!, $type: ThumbnailableType!) { setThumbnail(componentId: $c, target: { id: $id, type: $type }) { id } }",
    args: { c: "id", id: "id", type: "type" },
  },
  {
    name: "clearThumbnail",
    query:
      "mutation($id: ID!, $type: ThumbnailableType!) { clearThumbnail(target: { id: $id, type: $type }) { id } }",
    args: { id: "id", type: "type" },
  },
  {
    name: "copyThumbnail",
    query: `mutation($id: ID!, $type: ThumbnailableType!) { copyThumbnail(source: { id: "${DEMO.task.id}", type: TASK }, targets: [{ id: $id, type: $type }]) { id } }`,
    args: { id: "id", type: "type" },
  },
  {
    name: "createThumbnailUpload",
    query:
      "mutation($id: ID!, $type: ThumbnailableType!, $n: String!, $c: String!, $s: Int!) { createThumbnailUpload(target: { id: $id, type: $type }, fileName: $n, contentType: $c, byteSize: $s) { id url } }",
    args: { id: "id", type: "type", n: "string", c: "string", s: "size" },
  },
  {
    name: "completeThumbnailUpload",
    query: "mutation($id: ID!) { completeThumbnailUpload(id: $id) { id } }",
    args: { id: "id" },
  },
];

const TYPES = ["PROJECT", "TASK", "SHOT", "ASSET_VERSION", "USER", "CUSTOM_CONTEXT"];

/** Benign values: they define the expression shapes the service may send. */
function benignValues(kind: ArgKind, realId: string | undefined): unknown[] {
  switch (kind) {
    case "id":
      return [realId ?? DEMO.projects.aurora.id, "0b4a1e1c-1111-5222-8333-444455556666", null];
    case "string":
      return ["", "Hero", "SH0", null];
    case "size":
      return [1, 300, 4096, null];
    case "first":
      return [1, 50, 500, null];
    case "after":
      return [null, encodeCursor(0), encodeCursor(10)];
    case "sizes":
      return [[100], [100, 300, 500]];
    case "type":
      return TYPES;
  }
}

/** Hostile values of one kind, deterministic for a given PRNG. Never an existing entity's id. */
function hostileValues(kind: ArgKind, r: ReturnType<typeof prng>): unknown[] {
  const strings = [...NASTY_STRINGS, ...Array.from({ length: 12 }, () => randomString(r))];
  const wrongTypes = [123, -1, 1.5, true, {}, [], ["a"], { id: "x" }];
  switch (kind) {
    case "id":
      return [...strings, ...wrongTypes, "x".repeat(50_000)];
    case "string":
      return [...strings, ...wrongTypes, "y".repeat(60_000), `${"%".repeat(5000)}"`];
    case "size":
      return [
        0,
        -1,
        4097,
        2 ** 31,
        -(2 ** 31),
        2 ** 53,
        1.5,
        Number.MAX_VALUE,
        "300",
        "1e3",
        true,
        [300],
        {},
      ];
    case "first":
      return [0, -1, 501, 100_000, 2 ** 31, 1.5, "10", true, [5]];
    case "after":
      return [
        "",
        "x",
        "====",
        encodeCursor(-1),
        Buffer.from("offset:99999999999").toString("base64url"),
        Buffer.from("offset:1e3").toString("base64url"),
        Buffer.from('offset:1" or id like "%').toString("base64url"),
        Buffer.from("limit:5").toString("base64url"),
        ...strings.slice(0, 20),
        123,
      ];
    case "sizes":
      return [
        [],
        [0],
        [-5],
        [5000],
        [1.5],
        ["100"],
        Array.from({ length: 2000 }, () => 100),
        [null],
        null,
        300,
      ];
    case "type":
      return ["", "Task", "task", "PROJECT ", '" or 1', "__typename", 1, null, ...strings.slice(0, 10)];
  }
}

function graphqlCase(template: Template, variables: Record<string, unknown>, label: string): Case {
  return {
    label: `${template.name} ${label} ${JSON.stringify(variables).slice(0, 120)}`,
    send: () => postJson(JSON.stringify({ query: template.query, variables })),
  };
}

/** Queries taking a string as an inline literal (GraphQL's own escaping), e.g. `"SH0"`. */
function inlineQueries(literal: string): string[] {
  return [
    `{ project(id: ${literal}) { id } }`,
    `{ projects(nameContains: ${literal}) { nodes { id } } }`,
    `{ tasks(projectId: "${DEMO.projects.aurora.id}", nameContains: ${literal}) { nodes { id } } }`,
    `{ contexts(projectId: "${DEMO.projects.aurora.id}", objectType: ${literal}) { nodes { id } } }`,
  ];
}

/**
 * For each argument of each template, hostile values with the other arguments benign. To stay
 * fast, each (template, argument) takes every STRIDE-th value, starting at a different offset, so
 * every hostile value still meets many templates.
 */
const STRIDE = 3;

function argumentCases(r: ReturnType<typeof prng>): Case[] {
  const cases: Case[] = [];
  let offset = 0;
  for (const template of TEMPLATES) {
    const names = Object.keys(template.args);
    const mutation = template.query.startsWith("mutation");
    for (const name of names) {
      offset++;
      const values = hostileValues(template.args[name]!, r).filter((_, i) => (i + offset) % STRIDE === 0);
      for (const value of values) {
        const variables: Record<string, unknown> = {};
        for (const other of names) {
          const kind = template.args[other]!;
          // Mutations never get a real target or component: nothing may be written.
          variables[other] =
            other === name
              ? value
              : kind === "id"
                ? mutation
                  ? "not-a-real-id"
                  : template.realId
                : benignValues(kind, undefined)[0];
        }
        cases.push(graphqlCase(template, variables, name));
      }
    }
  }
  // The same hostile strings as inline literals, where GraphQL's own escaping is involved.
  for (const [i, text] of NASTY_STRINGS.entries()) {
    const queries = inlineQueries(JSON.stringify(text));
    const query = queries[i % queries.length]!;
    cases.push({ label: `inline ${query.slice(0, 80)}`, send: () => postJson(JSON.stringify({ query })) });
  }
  // Huge lists of mutation targets, and a request with a thousand aliases.
  const many = Array.from({ length: 3000 }, (_, i) => ({
    id: `00000000-0000-5000-8000-${String(i).padStart(12, "0")}`,
    type: "TASK",
  }));
  cases.push({
    label: "copyThumbnail with 3000 targets",
    send: () =>
      postJson(
        JSON.stringify({
          query: `mutation($t: [ThumbnailTarget!]!) { copyThumbnail(source: { id: "${DEMO.task.id}", type: TASK }, targets: $t) { id } }`,
          variables: { t: many },
        }),
      ),
  });
  cases.push({
    label: "1000 aliases",
    send: () =>
      postJson(
        JSON.stringify({
          query: `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(" ")} }`,
        }),
      ),
  });
  return cases;
}

// --- Uploads ---

const UPLOAD_QUERY =
  "mutation($target: ThumbnailTarget!, $file: Upload!) { uploadThumbnail(target: $target, file: $file) { id } }";

function uploadForm(
  file: Uint8Array,
  target: unknown,
  options: { type?: string; name?: string; map?: string; operations?: string } = {},
) {
  const form = new FormData();
  form.set(
    "operations",
    options.operations ?? JSON.stringify({ query: UPLOAD_QUERY, variables: { target, file: null } }),
  );
  form.set("map", options.map ?? JSON.stringify({ 0: ["variables.file"] }));
  form.set("0", new Blob([file], { type: options.type ?? "image/png" }), options.name ?? "thumb.png");
  return form;
}

function sendForm(form: FormData, headers: Record<string, string> = { "apollo-require-preflight": "true" }) {
  return fetch(harness.graphqlUrl, { method: "POST", body: form, headers }).then(readAnswer);
}

/** A multipart body as raw bytes (to cut it short) and its content type. */
async function rawForm(form: FormData): Promise<{ bytes: Buffer; type: string }> {
  const res = new Response(form);
  return { bytes: Buffer.from(await res.arrayBuffer()), type: res.headers.get("content-type")! };
}

async function uploadCases(r: ReturnType<typeof prng>): Promise<Case[]> {
  // A real target: the upload itself must be what is refused (the target keeps its thumbnail).
  const target = { id: DEMO.task.id, type: "TASK" };
  const png = await solid("png", 64, 48);
  const jpeg = await solid("jpeg", 64, 48);
  const files: [string, Buffer, string?][] = [
    ["empty", Buffer.alloc(0)],
    ["text", TEXT],
    ["svg", SVG, "image/svg+xml"],
    ["pdf", PDF, "application/pdf"],
    ["truncated png", await truncatedPng()],
    ["png header only", png.subarray(0, 33)],
    ["jpeg cut", jpeg.subarray(0, Math.floor(jpeg.length / 3)), "image/jpeg"],
    ["decompression bomb", blankPng(20_000, 20_000)],
    ["too large", r.bytes(UPLOAD_MAX_BYTES + 10)],
  ];
  for (let i = 0; i < 40; i++)
    files.push([
      `random ${i}`,
      r.bytes(r.int(1, 4096)),
      r.pick(["image/png", "image/jpeg", "application/octet-stream", ""]),
    ]);
  for (let i = 0; i < 20; i++) {
    // A real image's magic bytes followed by noise, or a real image with a random byte range zeroed.
    const base = r.pick([png, jpeg]);
    const cut = r.int(8, Math.max(9, Math.floor(base.length / 2)));
    files.push([`mangled ${i}`, Buffer.concat([base.subarray(0, cut), r.bytes(r.int(0, 512))])]);
  }

  const cases: Case[] = files.map(([label, bytes, type]) => ({
    label: `upload ${label}`,
    send: () => sendForm(uploadForm(bytes, target, { type })),
  }));

  // Hostile targets with a valid image.
  for (const id of NASTY_STRINGS.slice(0, 30)) {
    cases.push({
      label: `upload target ${JSON.stringify(id)}`,
      send: () => sendForm(uploadForm(png, { id, type: "TASK" })),
    });
  }
  // Malformed multipart requests.
  const malformed: [string, () => Promise<Answer>][] = [
    ["no preflight header", () => sendForm(uploadForm(png, target), {})],
    ["map not JSON", () => sendForm(uploadForm(png, target, { map: "{" }))],
    [
      "map to nowhere",
      () => sendForm(uploadForm(png, target, { map: JSON.stringify({ 0: ["variables.nope.deep"] }) })),
    ],
    [
      "map not a list",
      () => sendForm(uploadForm(png, target, { map: JSON.stringify({ 0: "variables.file" }) })),
    ],
    ["operations not JSON", () => sendForm(uploadForm(png, target, { operations: "{" }))],
    ["operations a string", () => sendForm(uploadForm(png, target, { operations: '"x"' }))],
    ["operations without query", () => sendForm(uploadForm(png, target, { operations: "{}" }))],
    [
      "two files",
      () => {
        // The mapped file is a valid image: aim it at no entity, so only the refusal is tested.
        const form = uploadForm(png, { id: "0b4a1e1c-1111-5222-8333-444455556666", type: "TASK" });
        form.set("1", new Blob([png]), "two.png");
        return sendForm(form);
      },
    ],
    [
      "no file part",
      () => {
        const form = new FormData();
        form.set("operations", JSON.stringify({ query: UPLOAD_QUERY, variables: { target, file: null } }));
        form.set("map", JSON.stringify({ 0: ["variables.file"] }));
        return sendForm(form);
      },
    ],
    [
      "no boundary",
      () =>
        fetch(harness.graphqlUrl, {
          method: "POST",
          headers: { "content-type": "multipart/form-data", "apollo-require-preflight": "true" },
          body: "--x\r\n",
        }).then(readAnswer),
    ],
  ];
  for (const [label, send] of malformed) cases.push({ label: `multipart ${label}`, send });

  return cases;
}

/** The whole multipart body of a valid upload cut short at random points. */
async function truncatedMultipartCases(r: ReturnType<typeof prng>): Promise<Case[]> {
  const cases: Case[] = [];
  const png = await solid("png", 64, 48);
  const { bytes, type } = await rawForm(uploadForm(png, { id: DEMO.task.id, type: "TASK" }));
  // Cut before the file's last byte: a body cut only in its closing boundary carries the whole
  // file, and storing it would be right.
  const fileEnd = bytes.indexOf(png) + png.length;
  for (let i = 0; i < 30; i++) {
    const cut = r.int(1, fileEnd - 1);
    cases.push({
      label: `multipart truncated at ${cut}/${bytes.length}`,
      send: () =>
        fetch(harness.graphqlUrl, {
          method: "POST",
          headers: { "content-type": type, "apollo-require-preflight": "true" },
          body: bytes.subarray(0, cut),
        }).then(readAnswer),
    });
  }
  return cases;
}

// --- Thumbnail URLs ---

async function urlCases(r: ReturnType<typeof prng>): Promise<Case[]> {
  const res = await graphql<{ project: { thumbnailUrl: string }; task: { thumbnailUrl: string } }>(
    harness,
    `{ project(id: "${DEMO.projects.aurora.id}") { thumbnailUrl(size: 100) } task(id: "${DEMO.task.id}") { thumbnailUrl(size: 100) } }`,
  );
  const issued = new URL(res.data!.project.thumbnailUrl);
  const other = new URL(res.data!.task.thumbnailUrl);
  const [, , componentId, size] = issued.pathname.split("/");
  const [, , otherComponentId] = other.pathname.split("/");
  const params = Object.fromEntries(issued.searchParams);
  const local = (path: string, query: string) => `${harness.url}${path}${query ? `?${query}` : ""}`;
  const get = (url: string): Promise<Answer> => fetch(url).then(readAnswer);
  const refused = (label: string, url: string): Case => ({
    label,
    send: () => get(url),
    check: (answer) => expectRefusedUrl(answer, `${label}: ${url}`),
  });

  const path = issued.pathname;
  const query = issued.search.slice(1);
  const cases: Case[] = [
    // Positive controls: the issued URL works, and so does one signed with the second (older) key.
    { label: "issued URL", send: () => get(local(path, query)), check: (a) => expect(a.status).toBe(200) },
  ];
  const config = loadConfig({ THUMBNAIL_URL_SECRETS: SECRETS }).thumbnails;
  const secondKey = new ThumbnailUrlSigner(
    { ...config, secrets: ["test-secret-two-for-signing-urls-0002"] },
    harness.url,
  );
  cases.push({
    label: "signed with the second configured key",
    send: () => get(secondKey.issue(componentId!, 100)),
    check: (a) => expect(a.status).toBe(200),
  });

  // Every character of the signature, the key id and the expiry changed.
  const flip = (c: string) => (c === "A" ? "B" : "A");
  for (const name of ["sig", "kid", "exp"] as const) {
    const value = params[name]!;
    for (let i = 0; i < value.length; i++) {
      const changed =
        value.slice(0, i) +
        (name === "exp" ? String((Number(value[i]) + 1) % 10) : flip(value[i]!)) +
        value.slice(i + 1);
      const q = new URLSearchParams({ ...params, [name]: changed }).toString();
      cases.push(refused(`${name}[${i}] changed`, local(path, q)));
    }
  }
  // Bound to the component and the size: swapping either fails.
  cases.push(refused("other component", local(`/thumbnails/${otherComponentId}/${size}`, query)));
  for (const s of ["32", "64", "150", "300", "4096", "0100", "0", "4097", "99999", "-1", "1e2", "abc"]) {
    cases.push(refused(`size ${s}`, local(`/thumbnails/${componentId}/${s}`, query)));
  }
  // Truncated anywhere in the path or query.
  const full = `${path}?${query}`;
  for (let i = 0; i < 40; i++) {
    const cut = r.int(1, full.length - 1);
    const truncated = full.slice(0, cut);
    if (truncated.endsWith("/")) continue;
    cases.push(refused(`truncated at ${cut}`, `${harness.url}${truncated}`));
  }
  // Missing, repeated and extra parameters; hostile component ids.
  for (const name of ["sig", "kid", "exp"]) {
    const without = new URLSearchParams(params);
    without.delete(name);
    cases.push(refused(`without ${name}`, local(path, without.toString())));
    cases.push(refused(`${name} twice`, local(path, `${query}&${name}=${params[name]}`)));
  }
  for (const id of NASTY_STRINGS.slice(0, 25)) {
    cases.push(
      refused(
        `component ${JSON.stringify(id)}`,
        local(`/thumbnails/${encodeURIComponent(id)}/${size}`, query),
      ),
    );
  }
  // Expired (signed by a configured key, in the past), and re-signed with a key no longer configured.
  const past = new ThumbnailUrlSigner(config, harness.url, () => Date.now() - 3 * config.ttlSeconds * 1000);
  const oldKey = new ThumbnailUrlSigner(
    { ...config, secrets: ["a-retired-key-0123456789abcdefghijklmn", ...config.secrets] },
    harness.url,
  );
  cases.push({
    label: "expired",
    send: () => get(past.issue(componentId!, 100)),
    check: (a) => {
      expect(a.status).toBe(410);
      expect((a.body as { code: string }).code).toBe("THUMBNAIL_URL_EXPIRED");
    },
  });
  for (const s of [32, 100, 4096]) {
    cases.push({
      label: `re-signed with a retired key, size ${s}`,
      send: () => get(oldKey.issue(componentId!, s)),
      check: (a) => {
        expect(a.status).toBe(403);
        expect((a.body as { code: string }).code).toBe("THUMBNAIL_URL_INVALID_SIGNATURE");
      },
    });
  }
  for (let i = 0; i < 20; i++) {
    cases.push(
      refused(
        `random sig ${i}`,
        local(path, new URLSearchParams({ ...params, sig: r.bytes(32).toString("base64url") }).toString()),
      ),
    );
  }
  return cases;
}

/**
 * The two-step upload's PUT route: URLs signed here with the service's keys for uploads it does not
 * hold (so nothing can be stored), altered in every part. Only an intact signature gets as far as
 * the store (404); everything else is refused before the body is read.
 */
function uploadUrlCases(r: ReturnType<typeof prng>): Case[] {
  const signer = new UploadUrlSigner(SECRETS.split(","), harness.url);
  const issued = new URL(signer.issue(crypto.randomUUID(), Date.now() + 600_000));
  const params = Object.fromEntries(issued.searchParams);
  const put = (url: string, body: Uint8Array = new Uint8Array(64)): Promise<Answer> =>
    fetch(url, { method: "PUT", headers: { "content-type": "image/png" }, body }).then(readAnswer);
  const refused = (label: string, url: string, body?: Uint8Array): Case => ({
    label: `upload PUT ${label}`,
    send: () => put(url, body),
    check: (answer) => expectRefusedUrl(answer, `${label}: ${url}`),
  });
  const withParams = (changes: Record<string, string>) =>
    `${harness.url}${issued.pathname}?${new URLSearchParams({ ...params, ...changes })}`;

  const cases: Case[] = [
    {
      label: "upload PUT, intact signature, no such upload",
      send: () => put(issued.href),
      check: (a) =>
        expect({ status: a.status, code: (a.body as { code: string }).code }).toEqual({
          status: 404,
          code: "NOT_FOUND",
        }),
    },
  ];
  const flip = (c: string) => (c === "A" ? "B" : "A");
  for (const name of ["sig", "kid", "exp"] as const) {
    const value = params[name]!;
    for (let i = 0; i < value.length; i += 3) {
      const changed =
        value.slice(0, i) +
        (name === "exp" ? String((Number(value[i]) + 1) % 10) : flip(value[i]!)) +
        value.slice(i + 1);
      cases.push(refused(`${name}[${i}] changed`, withParams({ [name]: changed })));
    }
    const without = new URLSearchParams(params);
    without.delete(name);
    cases.push(refused(`without ${name}`, `${harness.url}${issued.pathname}?${without}`));
  }
  for (const id of NASTY_STRINGS.slice(0, 15)) {
    cases.push(
      refused(
        `id ${JSON.stringify(id)}`,
        `${harness.url}/thumbnail-uploads/${encodeURIComponent(id)}${issued.search}`,
      ),
    );
  }
  const expired = new UploadUrlSigner(SECRETS.split(","), harness.url).issue(
    crypto.randomUUID(),
    Date.now() - 1000,
  );
  cases.push({
    label: "upload PUT expired",
    send: () => put(expired),
    check: (a) => expect(a.status).toBe(410),
  });
  const retired = new UploadUrlSigner(["a-retired-key-0123456789abcdefghijklmn"], harness.url);
  cases.push(
    refused("re-signed with a retired key", retired.issue(crypto.randomUUID(), Date.now() + 60_000)),
  );
  // A large body on a forged URL is refused without being stored.
  cases.push(
    refused(
      "forged, 2 MB body",
      withParams({ sig: r.bytes(32).toString("base64url") }),
      new Uint8Array(2 << 20),
    ),
  );
  return cases;
}

// --- HTTP level ---

function httpCases(): Case[] {
  const ok = '{"query":"{ __typename }"}';
  const status = (expected: number[]) => (answer: Answer) => expect(expected).toContain(answer.status);
  const cases: Case[] = [];
  for (const type of [
    "text/plain",
    "text/html",
    "application/xml",
    "application/x-www-form-urlencoded",
    "application/graphql",
    "application/octet-stream",
    "image/png",
    "x/unknown",
    "application/json-patch+json",
    "garbage",
  ]) {
    cases.push({
      label: `content type ${type}`,
      send: () => postJson(ok, { "content-type": type }),
      check: (a) => {
        expect(a.status, type).toBe(415);
        expect((a.body as GraphqlBody).errors?.[0]?.extensions?.code).toBe("UNSUPPORTED_MEDIA_TYPE");
      },
    });
  }
  cases.push({
    label: "no content type",
    send: () =>
      fetch(harness.graphqlUrl, { method: "POST", body: new Uint8Array(Buffer.from(ok)) }).then(readAnswer),
    check: status([400, 415]),
  });
  cases.push({
    label: "json in utf-16",
    send: () => postJson(ok, { "content-type": "application/json; charset=utf-16" }),
    check: status([400, 415]),
  });
  cases.push({
    label: "json in a made-up charset",
    send: () => postJson(ok, { "content-type": "application/json; charset=x-nonsense" }),
    check: status([415]),
  });
  for (const [label, size] of [
    ["2 MB body", 2 * 1024 * 1024],
    ["1 MB + 1 body", 1024 * 1024 + 1],
  ] as const) {
    cases.push({
      label,
      send: () => postJson(JSON.stringify({ query: `{ __typename } #${"x".repeat(size)}` })),
      check: status([413]),
    });
  }
  cases.push({
    label: "gzip bomb",
    send: () =>
      postJson(
        gzipSync(
          Buffer.from(JSON.stringify({ query: `#${" ".repeat(20 * 1024 * 1024)}` })),
        ) as unknown as string,
        { "content-encoding": "gzip" },
      ),
    check: status([413]),
  });
  cases.push({
    label: "unknown content encoding",
    send: () => postJson(ok, { "content-encoding": "zstd-9000" }),
    check: status([415]),
  });
  cases.push({
    label: "deeply nested JSON",
    send: () =>
      postJson(`{"query":"{ __typename }","variables":{"a":${"[".repeat(200_000)}${"]".repeat(200_000)}}}`),
    check: status([400, 413]),
  });
  for (const body of [
    "",
    "{",
    "null",
    "[]",
    "1",
    '"x"',
    '{"query":1}',
    '{"query":"{"}',
    '{"query":"{ __typename }","variables":"{}"}',
    '{"operationName":1,"query":"{ __typename }"}',
  ]) {
    cases.push({ label: `body ${body}`, send: () => postJson(body) });
  }
  cases.push({
    label: "GET mutation",
    send: () =>
      fetch(
        `${harness.graphqlUrl}?query=${encodeURIComponent('mutation { clearThumbnail(target: {id: "x", type: TASK}) { id } }')}`,
        { headers: { "apollo-require-preflight": "true" } },
      ).then(readAnswer),
  });
  cases.push({
    label: "PUT",
    send: () =>
      fetch(harness.graphqlUrl, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: ok,
      }).then(readAnswer),
    check: status([400, 404, 405]),
  });
  // Node refuses oversized header sections itself (431); the service stays up.
  for (const size of [20_000, 64_000]) {
    cases.push({
      label: `header of ${size} bytes`,
      send: () =>
        fetch(`${harness.url}/healthz`, { headers: { "x-big": "a".repeat(size) } }).then(readAnswer),
      check: status([431]),
    });
  }
  cases.push({
    label: "1000 small headers",
    send: () =>
      fetch(`${harness.url}/healthz`, {
        headers: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`x-h${i}`, "v".repeat(20)])),
      }).then(readAnswer),
    check: status([200, 431]),
  });
  cases.push({
    label: "hostile request id",
    send: () => postJson(ok, { "x-request-id": '"><script>' }),
    check: status([200]),
  });
  return cases;
}

describe("bad-input suite (seeded)", () => {
  let before: string;

  beforeAll(async () => {
    harness = await startHarness({ env: { UPLOAD_MAX_BYTES: String(UPLOAD_MAX_BYTES) } });
    harness.emulator.knobs.onOperations = (operations) => {
      for (const op of operations) {
        const { action, expression } = (op ?? {}) as { action?: unknown; expression?: unknown };
        if (typeof expression === "string") expressions.push(expression);
        if (action === "create" || action === "update" || action === "delete")
          writes.push(JSON.stringify(op).slice(0, 300));
      }
    };
    before = storeSnapshot(harness.emulator.store);
  });
  afterAll(() => harness?.close());

  const r = prng(SEED);
  let allowedShapes = new Set<string>();

  it("answers hostile GraphQL arguments, uploads, thumbnail URLs, headers and bodies clearly", async () => {
    // 1. Benign input: the expression shapes the service sends for these fields.
    const benign: Case[] = [];
    for (const template of TEMPLATES) {
      if (template.query.startsWith("mutation")) continue;
      const names = Object.keys(template.args);
      for (const name of names) {
        for (const value of benignValues(template.args[name]!, template.realId)) {
          const variables: Record<string, unknown> = {};
          for (const other of names) {
            const kind = template.args[other]!;
            variables[other] = other === name ? value : benignValues(kind, template.realId)[0];
          }
          benign.push(graphqlCase(template, variables, `benign ${name}`));
        }
      }
    }
    for (const query of inlineQueries(JSON.stringify("SH0"))) {
      benign.push({
        label: `benign inline ${query.slice(0, 60)}`,
        send: () => postJson(JSON.stringify({ query })),
      });
    }
    await runBatch("benign", benign);
    expect(expressions.length).toBeGreaterThan(20);
    allowedShapes = new Set(expressions.map(expressionShape));
    expressions.length = 0;
    ran = 0;

    // 2. The hostile batches.
    await runBatch("graphql arguments", argumentCases(r));
    await runBatch("uploads", await uploadCases(r), 6);
    await runBatch("thumbnail urls", await urlCases(r));
    await runBatch("upload urls", uploadUrlCases(r));
    await runBatch("http", httpCases(), 4);
  }, 120_000);

  it("answers multipart bodies cut short clearly", async () => {
    await runBatch("truncated multipart", await truncatedMultipartCases(r), 6);
  }, 60_000);

  it("sent ftrack only well-formed expressions of known shapes, no writes, and left its data unchanged", () => {
    expect(expressions.length).toBeGreaterThan(100);
    const unknownShapes = new Set<string>();
    for (const expression of expressions) {
      expect(() => parseQuery(expression), expression.slice(0, 300)).not.toThrow();
      const shape = expressionShape(expression);
      if (!allowedShapes.has(shape)) unknownShapes.add(`${shape}\n    from: ${expression.slice(0, 300)}`);
    }
    expect([...unknownShapes], "expressions whose shape benign input never gives").toEqual([]);
    expect(writes).toEqual([]);
    expect(storeSnapshot(harness.emulator.store)).toBe(before);

    // Nothing secret was logged along the way.
    const logs = harness.logs.join("");
    for (const secret of [
      harness.emulator.apiKey,
      "test-secret-one-for-signing-urls-0001",
      "test-secret-two-for-signing-urls-0002",
    ])
      expect(logs).not.toContain(secret);

    console.log(
      `bad-input suite: ${ran} cases (seed 0x${SEED.toString(16)}), ${expressions.length} ftrack expressions checked against ${allowedShapes.size} known shapes`,
    );
  });
});
