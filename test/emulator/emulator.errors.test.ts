/** Bad input gets ftrack-style errors with the right statuses, and the server keeps serving. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, type RunningEmulator, startEmulator } from "../../src/emulator/index.js";
import { type Json, postApi } from "./emulator.helpers.js";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, maxBodyBytes: 1024 * 1024 });
});
afterAll(() => emulator?.close());

const STRICT = { "ftrack-strict-api": "true" };

function expectFtrackError(json: Json, exception: string) {
  expect(Object.keys(json).sort()).toEqual(["content", "error_code", "exception"]);
  expect(json.exception).toBe(exception);
  expect(typeof json.content).toBe("string");
  expect(json.content).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack trace
}

const cases: {
  name: string;
  body: unknown;
  headers?: Record<string, string | undefined>;
  exception: string;
  status: number;
}[] = [
  { name: "malformed JSON", body: "[{not json", exception: "ValidationError", status: 400 },
  {
    name: "a body that is not a list",
    body: { action: "query_schemas" },
    exception: "ValidationError",
    status: 400,
  },
  { name: "an unknown action", body: [{ action: "explode" }], exception: "ValidationError", status: 400 },
  { name: "an operation that is not an object", body: [42], exception: "ValidationError", status: 400 },
  {
    name: "a bad expression",
    body: [{ action: "query", expression: "select from where" }],
    exception: "ValidationError",
    status: 400,
  },
  {
    name: "an unknown attribute",
    body: [{ action: "query", expression: "select no_such_attribute from Task" }],
    exception: "ValidationError",
    status: 400,
  },
  {
    name: "an unknown entity type",
    body: [{ action: "query", expression: "select id from Spaceship" }],
    exception: "ValidationError",
    status: 400,
  },
  {
    name: "a create of an unknown attribute",
    body: [{ action: "create", entity_type: "Task", entity_data: { name: "x", warp_speed: 9 } }],
    exception: "ValidationError",
    status: 400,
  },
  {
    name: "an update of a missing entity",
    body: [{ action: "update", entity_type: "Task", entity_key: ["nope"], entity_data: { name: "x" } }],
    exception: "ValidationError",
    status: 400,
  },
  {
    name: "a thumbnail_id that points at no component",
    body: [
      {
        action: "update",
        entity_type: "Task",
        entity_key: [DEMO.task.id],
        entity_data: { thumbnail_id: "nope" },
      },
    ],
    exception: "ValidationError",
    status: 400,
  },
  {
    name: "a wrong key",
    body: [{ action: "query_schemas" }],
    headers: { "ftrack-api-key": "wrong" },
    exception: "InvalidCredentialsError",
    status: 401,
  },
  {
    name: "an unknown user",
    body: [{ action: "query_schemas" }],
    headers: { "ftrack-user": "nobody" },
    exception: "InvalidCredentialsError",
    status: 401,
  },
  {
    name: "missing credential headers",
    body: [{ action: "query_schemas" }],
    headers: { "ftrack-user": undefined, "ftrack-api-key": undefined },
    exception: "InvalidCredentialsError",
    status: 401,
  },
  {
    name: "a personal key used for another user",
    body: [{ action: "query_schemas" }],
    headers: { "ftrack-user": DEMO.users.bob.username, "ftrack-api-key": DEMO.users.alice.apiKey },
    exception: "InvalidCredentialsError",
    status: 401,
  },
];

describe("emulator errors", () => {
  for (const c of cases) {
    it(`answers ${c.name} with ${c.exception} (${c.status} strict, 200 otherwise)`, async () => {
      const strict = await postApi(emulator, c.body, { ...c.headers, ...STRICT });
      expect(strict.status).toBe(c.status);
      expectFtrackError(strict.json, c.exception);
      const lenient = await postApi(emulator, c.body, c.headers);
      expect(lenient.status).toBe(200);
      expectFtrackError(lenient.json, c.exception);
    });
  }

  it("refuses a huge body and keeps serving", async () => {
    const huge = JSON.stringify([
      { action: "query", expression: `select id from Task where name is "${"x".repeat(3 * 1024 * 1024)}"` },
    ]);
    const strict = await postApi(emulator, huge, STRICT);
    expect(strict.status).toBe(413);
    expectFtrackError(strict.json, "ValidationError");
    const ok = await postApi(emulator, [{ action: "query", expression: "select id from Project" }]);
    expect(ok.status).toBe(200);
    expect(ok.json[0].data.length).toBeGreaterThanOrEqual(2);
  });

  it("answers unknown routes and bad thumbnail requests without crashing", async () => {
    const auth = `username=${emulator.apiUser}&apiKey=${emulator.apiKey}`;
    expect((await fetch(`${emulator.url}/nowhere`)).status).toBe(404);
    expect((await fetch(`${emulator.url}/component/thumbnail?id=nope&${auth}`)).status).toBe(404);
    const thumb = DEMO.thumbnails[DEMO.task.id];
    expect((await fetch(`${emulator.url}/component/thumbnail?id=${thumb}&size=abc&${auth}`)).status).toBe(
      400,
    );
    expect((await fetch(`${emulator.url}/component/thumbnail?id=${thumb}&size=0&${auth}`)).status).toBe(400);
    expect((await fetch(`${emulator.url}/component/thumbnail?id=${thumb}&size=99999&${auth}`)).status).toBe(
      400,
    );
    expect((await fetch(`${emulator.url}/component/thumbnail?id=${thumb}&size=50`)).status).toBe(401);
    expect(
      (await fetch(`${emulator.url}/component/thumbnail?id=${thumb}&size=50&username=x&apiKey=y`)).status,
    ).toBe(401);
    // The container has no bytes: not found.
    expect(
      (await fetch(`${emulator.url}/component/thumbnail?id=${DEMO.components.container}&${auth}`)).status,
    ).toBe(404);
    expect(
      (await fetch(`${emulator.url}/component/get?id=${DEMO.components.originOnly}&${auth}`)).status,
    ).toBe(404);
    expect(
      (await fetch(`${emulator.url}/upload/aaaaaaaaaaaaaaaaaaaaaaaa`, { method: "PUT", body: "x" })).status,
    ).toBe(403);
    const headers = { "ftrack-user": emulator.apiUser, "ftrack-api-key": emulator.apiKey };
    expect((await fetch(`${emulator.url}/component/thumbnail?id=${thumb}&size=20`, { headers })).status).toBe(
      200,
    );
  });
});
