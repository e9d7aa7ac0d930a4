/** Shared by the identity tests: tokens, a local JWKS server, and queries whose answers show who ran them. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { expect } from "vitest";
import type { GraphQLResponse, Harness } from "../support/service.harness.js";

export const SECRET = "test-only-hs256-secret-of-at-least-32-bytes";
export const ISSUER = "https://idp.studio.test";
export const AUDIENCE = "thumbnails-api";

export interface TokenOptions {
  key?: Uint8Array | CryptoKey;
  alg?: string;
  kid?: string;
  issuer?: string | null;
  audience?: string | null;
  /** Seconds from now; null: no exp claim. */
  expiresIn?: number | null;
  claims?: Record<string, unknown>;
}

/** A token naming `sub`, signed with SECRET (HS256) unless told otherwise. */
export function token(sub: string | null, options: TokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ ...(sub === null ? {} : { sub }), ...options.claims })
    .setProtectedHeader({ alg: options.alg ?? "HS256", ...(options.kid ? { kid: options.kid } : {}) })
    .setIssuedAt(now - 10);
  if (options.issuer !== null) jwt.setIssuer(options.issuer ?? ISSUER);
  if (options.audience !== null) jwt.setAudience(options.audience ?? AUDIENCE);
  if (options.expiresIn !== null) jwt.setExpirationTime(now + (options.expiresIn ?? 300));
  return jwt.sign(options.key ?? new TextEncoder().encode(SECRET));
}

export const bearer = (value: string) => ({ authorization: `Bearer ${value}` });

/** AUTH_MODE=ftrack-key: a caller's own ftrack username and API key, as headers (or connection params). */
export const ftrackKey = (user: { username: string; apiKey: string }) => ({
  "ftrack-user": user.username,
  "ftrack-api-key": user.apiKey,
});

/** An RS256 key pair and a JWKS server for its public half, on 127.0.0.1. */
export async function startJwks(): Promise<{
  url: string;
  privateKey: CryptoKey;
  kid: string;
  hits: () => number;
  close(): Promise<void>;
}> {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const kid = "test-key-1";
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  let hits = 0;
  const server: Server = createServer((req, res) => {
    hits++;
    if (req.url !== "/.well-known/jwks.json") {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    privateKey,
    kid,
    hits: () => hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export const PROJECTS = "{ projects(first: 50) { nodes { id name } } }";
export const TASK = "query Task($id: ID!) { task(id: $id) { id name project { id } } }";
export const TASKS = `query Tasks($projectId: ID) {
  tasks(projectId: $projectId, first: 200) { nodes { id project { id } } }
}`;

export function projectIds(res: GraphQLResponse<Record<string, unknown>>): string[] {
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  const projects = (res.data as { projects: { nodes: { id: string }[] } }).projects;
  return projects.nodes.map((p) => p.id).sort();
}

/** Asserts a refusal before the GraphQL layer: HTTP 401 with an UNAUTHENTICATED error. */
export function expectUnauthenticated(res: GraphQLResponse<unknown>): void {
  expect(res.status).toBe(401);
  expect(res.data).toBeUndefined();
  expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
}

/** Runs `fn` and returns how many POST /api requests ftrack received meanwhile, by action. */
export async function ftrackCallsDuring(
  harness: Harness,
  fn: () => Promise<unknown>,
): Promise<{ requests: number; thumbnails: number; byAction: Record<string, number> }> {
  const { counters } = harness.emulator;
  const before = {
    requests: counters.requests,
    thumbnails: counters.thumbnailRequests,
    byAction: { ...counters.byAction },
  };
  await fn();
  const byAction: Record<string, number> = {};
  for (const [action, n] of Object.entries(counters.byAction)) {
    const delta = n - (before.byAction[action] ?? 0);
    if (delta > 0) byAction[action] = delta;
  }
  return {
    requests: counters.requests - before.requests,
    thumbnails: counters.thumbnailRequests - before.thumbnails,
    byAction,
  };
}
