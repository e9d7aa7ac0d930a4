/** AUTH_MODE=jwt: who is let in (a valid token) and who is not, always before any ftrack call. */
import { generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/emulator/index.js";
import { graphql, type Harness, startHarness } from "../support/service.harness.js";
import {
  AUDIENCE,
  bearer,
  expectUnauthenticated,
  ftrackCallsDuring,
  ISSUER,
  PROJECTS,
  projectIds,
  SECRET,
  startJwks,
  token,
} from "./auth.support.js";

const { alice, carol } = DEMO.users;
const { aurora, borealis } = DEMO.projects;
const ALL_PROJECTS = [aurora.id, borealis.id].sort();

describe("jwt with a shared HS256 secret", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({
      env: {
        AUTH_MODE: "jwt",
        AUTH_JWT_SECRET: SECRET,
        AUTH_JWT_ISSUER: ISSUER,
        AUTH_JWT_AUDIENCE: AUDIENCE,
      },
    });
  });
  afterAll(() => harness?.close());

  it("lets a valid token in, acting as the user it names", async () => {
    expect(projectIds(await graphql(harness, PROJECTS, {}, bearer(await token(alice.username))))).toEqual(
      ALL_PROJECTS,
    );
    // carol's ftrack role shows only Borealis: the request really acted as carol.
    expect(projectIds(await graphql(harness, PROJECTS, {}, bearer(await token(carol.username))))).toEqual([
      borealis.id,
    ]);
  });

  const refused: [string, () => Promise<Record<string, string>>][] = [
    ["no Authorization header", async () => ({})],
    ["an empty bearer", async () => ({ authorization: "Bearer " })],
    ["another scheme", async () => ({ authorization: `Basic ${Buffer.from("a:b").toString("base64")}` })],
    ["garbage", async () => bearer("not.a.token")],
    ["an expired token", async () => bearer(await token(alice.username, { expiresIn: -120 }))],
    ["a token without exp", async () => bearer(await token(alice.username, { expiresIn: null }))],
    [
      "a token signed with another secret",
      async () => bearer(await token(alice.username, { key: new TextEncoder().encode(`${SECRET}-other`) })),
    ],
    [
      "a token from another issuer",
      async () => bearer(await token(alice.username, { issuer: "https://evil.test" })),
    ],
    ["a token without issuer", async () => bearer(await token(alice.username, { issuer: null }))],
    [
      "a token for another audience",
      async () => bearer(await token(alice.username, { audience: "other-api" })),
    ],
    ["a token without audience", async () => bearer(await token(alice.username, { audience: null }))],
    ["a token without sub", async () => bearer(await token(null))],
    ["a token whose sub is not a string", async () => bearer(await token(null, { claims: { sub: 42 } }))],
    ["an unsigned token (alg none)", async () => bearer(unsigned({ sub: alice.username, exp: inAMinute() }))],
    [
      "a token signed with an RSA key (HS256 only)",
      async () =>
        bearer(
          await token(alice.username, { alg: "RS256", key: (await generateKeyPair("RS256")).privateKey }),
        ),
    ],
  ];

  it.each(refused)("answers 401 to %s, with no ftrack call", async (_name, headers) => {
    const sent = await headers();
    let res: Awaited<ReturnType<typeof graphql>> | undefined;
    const calls = await ftrackCallsDuring(harness, async () => {
      res = await graphql(harness, PROJECTS, {}, sent);
    });
    expectUnauthenticated(res!);
    expect(res!.headers.get("www-authenticate")).toBe("Bearer");
    expect(calls).toMatchObject({ requests: 0, thumbnails: 0 });
  });

  it("refuses ftrack-user and ftrack-api-key headers, even beside a valid token", async () => {
    const carolToken = await token(carol.username);
    const cases: Record<string, string>[] = [
      { ...bearer(carolToken), "ftrack-user": alice.username },
      { ...bearer(carolToken), "ftrack-user": alice.username, "ftrack-api-key": alice.apiKey },
      { ...bearer(carolToken), "ftrack-api-key": "emulator-demo-key" },
      { "ftrack-user": alice.username, "ftrack-api-key": alice.apiKey },
    ];
    for (const headers of cases) {
      let res: Awaited<ReturnType<typeof graphql>> | undefined;
      const calls = await ftrackCallsDuring(harness, async () => {
        res = await graphql(harness, PROJECTS, {}, headers);
      });
      expectUnauthenticated(res!);
      expect(calls.requests).toBe(0);
    }
  });

  it("acts as the token's user whatever else the request says", async () => {
    // The user is chosen by the token only: variables, operation names or extra headers change nothing.
    const res = await graphql(
      harness,
      PROJECTS,
      { username: alice.username },
      {
        ...bearer(await token(carol.username, { claims: { username: alice.username } })),
        "x-ftrack-user": alice.username,
      },
    );
    expect(projectIds(res)).toEqual([borealis.id]);
  });

  it("refuses an upload without a token before reading it or calling ftrack", async () => {
    const form = new FormData();
    form.set(
      "operations",
      JSON.stringify({
        query:
          "mutation U($t: ThumbnailTarget!, $f: Upload!) { uploadThumbnail(target: $t, file: $f) { id } }",
        variables: { t: { type: "TASK", id: DEMO.task.id }, f: null },
      }),
    );
    form.set("map", JSON.stringify({ 0: ["variables.f"] }));
    form.set("0", new Blob([Buffer.alloc(256 * 1024)], { type: "image/png" }), "x.png");
    let status = 0;
    let body: unknown;
    const calls = await ftrackCallsDuring(harness, async () => {
      const res = await fetch(harness.graphqlUrl, {
        method: "POST",
        body: form,
        headers: { "apollo-require-preflight": "true" },
      });
      status = res.status;
      body = await res.json();
    });
    expect(status).toBe(401);
    expect(body).toMatchObject({ errors: [{ extensions: { code: "UNAUTHENTICATED" } }] });
    expect(calls).toMatchObject({ requests: 0, thumbnails: 0 });
    expect(harness.emulator.counters.uploads).toBe(0);
  });

  it("answers UNAUTHENTICATED when ftrack knows no such user", async () => {
    const res = await graphql(harness, PROJECTS, {}, bearer(await token("nobody.at.all")));
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(JSON.stringify(res)).not.toContain(harness.emulator.apiKey);
  });

  it("leaves the signed thumbnail route open to anyone holding a URL", async () => {
    const res = await graphql<{ task: { thumbnailUrl: string } }>(
      harness,
      `query { task(id: "${DEMO.task.id}") { thumbnailUrl(size: 100) } }`,
      {},
      bearer(await token(alice.username)),
    );
    const url = new URL(res.data!.task.thumbnailUrl);
    const image = await fetch(new URL(`${url.pathname}${url.search}`, harness.url));
    expect(image.status).toBe(200);
    expect(url.search).not.toMatch(/token|ftrack|api.?key|alice/i);
  });
});

describe("jwt with a JWKS", () => {
  let harness: Harness;
  let jwks: Awaited<ReturnType<typeof startJwks>>;
  beforeAll(async () => {
    jwks = await startJwks();
    harness = await startHarness({
      env: { AUTH_MODE: "jwt", AUTH_JWKS_URL: jwks.url, AUTH_USERNAME_CLAIM: "preferred_username" },
    });
  });
  afterAll(async () => {
    await harness?.close();
    await jwks?.close();
  });

  const signed = (claims: Record<string, unknown>, options: Parameters<typeof token>[1] = {}) =>
    token("some-opaque-subject", {
      alg: "RS256",
      key: jwks.privateKey,
      kid: jwks.kid,
      issuer: null,
      audience: null,
      claims,
      ...options,
    });

  it("lets in a token signed by a key of the JWKS, acting as the configured claim", async () => {
    const res = await graphql(
      harness,
      PROJECTS,
      {},
      bearer(await signed({ preferred_username: carol.username })),
    );
    expect(projectIds(res)).toEqual([borealis.id]);
    expect(jwks.hits()).toBeGreaterThan(0);
  });

  it("refuses other keys, HS256 tokens, expired tokens and tokens without the claim, before ftrack", async () => {
    const other = await generateKeyPair("RS256");
    const cases = [
      await signed({ preferred_username: alice.username }, { key: other.privateKey }),
      await token(alice.username, { claims: { preferred_username: alice.username } }),
      await signed({ preferred_username: alice.username }, { expiresIn: -120 }),
      await signed({ preferred_username: alice.username }, { expiresIn: null }),
      await signed({}),
    ];
    for (const value of cases) {
      let res: Awaited<ReturnType<typeof graphql>> | undefined;
      const calls = await ftrackCallsDuring(harness, async () => {
        res = await graphql(harness, PROJECTS, {}, bearer(value));
      });
      expectUnauthenticated(res!);
      expect(calls.requests).toBe(0);
    }
  });
});

function inAMinute(): number {
  return Math.floor(Date.now() / 1000) + 60;
}

/** A JWT with alg "none" (no signature), which must never be accepted. */
function unsigned(payload: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "none", typ: "JWT" })}.${part(payload)}.`;
}
