/**
 * The Cache-Control the service computes once per operation (cache-policy.plugin.ts) is the one
 * Apollo's own cache-control plugin computes field by field: both run the same operations on the
 * same schema and data, and their headers are compared. The operations: every one of
 * test/graphql/operations (mutations included), federation's `_entities` and `_service`,
 * introspection, directives, null parents and type conditions that do not match.
 */
import { readdirSync, readFileSync } from "node:fs";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { type DocumentNode, Kind, type OperationDefinitionNode, parse, print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { DEMO, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { createFtrackClient, type FtrackClient } from "../../src/ftrack/ftrack.client.js";
import { cachePolicyPlugin } from "../../src/graphql/federation/cache-policy.plugin.js";
import type { GraphContext } from "../../src/graphql/request-context.js";
import { buildGraphSchema } from "../../src/graphql/schema.js";
import { SrcsetBuilder } from "../../src/thumbnails/srcset.builder.js";
import { ThumbnailService } from "../../src/thumbnails/thumbnail.service.js";
import { ThumbnailDimensions } from "../../src/thumbnails/thumbnail-dimensions.memo.js";
import { ThumbnailUrlSigner } from "../../src/thumbnails/url-signer.js";

const MISSING = "00000000-0000-5000-8000-000000000000";
const OPERATIONS_DIR = new URL("operations/", import.meta.url);
const definitions = readdirSync(OPERATIONS_DIR)
  .filter((name) => name.endsWith(".graphql"))
  .flatMap((name) => parse(readFileSync(new URL(name, OPERATIONS_DIR), "utf8")).definitions);
const fragments = definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
const operations = definitions.filter(
  (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
);
const withFragments = (op: OperationDefinitionNode) =>
  print({ kind: Kind.DOCUMENT, definitions: [op, ...fragments] } as DocumentNode);

/** Variables for every operation of test/graphql/operations: ids that exist, and some that do not. */
const variablesFor = (name: string): Record<string, unknown>[] => {
  const target = { type: "TASK", id: MISSING };
  const byName: Record<string, Record<string, unknown>[]> = {
    ContextById: [{ id: DEMO.projects.aurora.id }, { id: DEMO.task.id }, { id: MISSING }],
    ThumbnailableLookup: [
      { type: "TASK", id: DEMO.task.id },
      { type: "USER", id: MISSING },
    ],
    TaskThumbnailUrls: [{ id: DEMO.task.id, size: 100, sizes: [100] }],
    BulkTaskThumbnails: [{ projectId: DEMO.projects.aurora.id, first: 5 }],
    SetThumbnail: [{ target, componentId: MISSING }],
    UploadThumbnail: [{ target, file: null }],
    CopyThumbnail: [{ source: target, targets: [target] }],
    ClearThumbnail: [{ target }],
  };
  return byName[name] ?? [{ id: DEMO.task.id }, { id: MISSING }, {}];
};

const EXTRA = [
  "{ __typename }",
  "{ _service { sdl } }",
  "{ __schema { queryType { name } } }",
  `{ task(id: "${MISSING}") { name project { name } thumbnail { url } } }`,
  `{ context(id: "${DEMO.task.id}") { ... on Project { fullName contexts { nodes { name } } } ... on Task { name } } }`,
  `query ($skip: Boolean!) { task(id: "${DEMO.task.id}") { name thumbnailUrl @skip(if: $skip) } }`,
  `query ($skip: Boolean!) { task(id: "${DEMO.task.id}") @skip(if: $skip) { name } __typename }`,
  `{ projects { pageInfo { hasNextPage } } }`,
  `{ _entities(representations: [{ __typename: "Task", id: "${DEMO.task.id}" }]) { ... on Task { name } } }`,
  `query ($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Thumbnailable { id thumbnailUrl } } }`,
];

let emulator: RunningEmulator;
let client: FtrackClient;
let ours: ApolloServer<GraphContext>;
let apollos: ApolloServer<GraphContext>;
let context: () => GraphContext;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  const config = loadConfig({ THUMBNAIL_URL_SECRETS: "cache-policy-test-secret-0123456789-abcdef" });
  client = createFtrackClient({
    ...config.ftrack,
    server: emulator.url,
    apiUser: emulator.apiUser,
    apiKey: emulator.apiKey,
  });
  const signer = new ThumbnailUrlSigner(config.thumbnails, "http://localhost");
  const srcsets = new SrcsetBuilder(
    signer,
    new ThumbnailDimensions(async () => ({ width: 100, height: 75 })),
  );
  const thumbnails = new ThumbnailService({ limits: config.upload, cleanupSession: (s) => s });
  context = () => ({
    requestId: "test",
    ftrack: client.sessionFor(),
    urls: signer,
    srcsets,
    thumbnails,
    // Only subscriptions and the two-step upload use these: none runs here.
    liveThumbnails: undefined as never,
    uploads: undefined as never,
  });
  const schema = await buildGraphSchema();
  const plugins = (...extra: ApolloServerPlugin<GraphContext>[]) => extra;
  ours = new ApolloServer<GraphContext>({
    schema,
    plugins: plugins(ApolloServerPluginCacheControlDisabled(), cachePolicyPlugin()),
  });
  // Apollo's own cache-control plugin is on by default.
  apollos = new ApolloServer<GraphContext>({ schema });
  await Promise.all([ours.start(), apollos.start()]);
});
afterAll(async () => {
  await Promise.all([ours?.stop(), apollos?.stop()]);
  await emulator?.close();
});

async function cacheControl(
  server: ApolloServer<GraphContext>,
  query: string,
  variables: Record<string, unknown>,
) {
  const res = await server.executeOperation({ query, variables }, { contextValue: context() });
  return res.http.headers.get("cache-control");
}

describe("the Cache-Control computed once per operation", () => {
  const cases = [
    ...operations.flatMap((op) =>
      variablesFor(op.name!.value).map((variables) => ({
        name: op.name!.value,
        query: withFragments(op),
        variables,
      })),
    ),
    ...EXTRA.map((query) => ({
      name: query,
      query,
      variables: { skip: true, r: [{ __typename: "Project", id: DEMO.projects.aurora.id }] },
    })),
    ...EXTRA.slice(5, 7).map((query) => ({
      name: `${query} (not skipped)`,
      query,
      variables: { skip: false },
    })),
  ];

  it("covers queries, mutations and federation's fields", () => {
    expect(cases.length).toBeGreaterThan(40);
  });

  it.each(cases)("is Apollo's for $name", async ({ query, variables }) => {
    const [mine, theirs] = await Promise.all([
      cacheControl(ours, query, variables),
      cacheControl(apollos, query, variables),
    ]);
    expect(mine).toBe(theirs);
    expect(mine).toMatch(/^(no-store|max-age=\d+, private)$/);
  });

  it("is private and a minute long for entities, and no-store for mutations", async () => {
    expect(await cacheControl(ours, `{ task(id: "${DEMO.task.id}") { name thumbnailUrl } }`, {})).toBe(
      "max-age=60, private",
    );
    expect(await cacheControl(ours, `{ _service { sdl } }`, {})).toBe("no-store");
    expect(
      await cacheControl(
        ours,
        `mutation { clearThumbnail(target: { type: TASK, id: "${MISSING}" }) { id } }`,
        {},
      ),
    ).toBe("no-store");
  });
});
