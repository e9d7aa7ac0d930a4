/**
 * Persisted operations.
 *
 * Automatic persisted queries (APQ) are always on: a client sends the SHA-256 of its query; an
 * unknown hash gets PERSISTED_QUERY_NOT_FOUND and the client resends hash + query once, which
 * registers it in Apollo's bounded in-memory cache. APQ saves bandwidth; it restricts nothing,
 * because any client may register any query.
 *
 * PERSISTED_QUERIES_ONLY=true restricts: only the operations of a manifest file
 * (PERSISTED_QUERIES_MANIFEST, Apollo's persisted query manifest format) run. A request may send
 * the hash alone (answered from the manifest), or the full text of a listed operation; anything
 * else is refused with PERSISTED_QUERY_REQUIRED before it is parsed, and nothing new is
 * registered (the APQ cache is the manifest, read-only).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { RequestHandler } from "express";
import { ErrorCode } from "../../error-codes.js";
import { sendGraphqlError } from "../../http/error.response.js";
import { operationsOf } from "./request-body.middleware.js";

/** Operation text by the hex SHA-256 of that text (the APQ hash). */
export type PersistedOperations = ReadonlyMap<string, string>;

interface ManifestFile {
  format?: unknown;
  version?: unknown;
  operations?: { id?: unknown; body?: unknown }[];
}

export const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");

/** Reads an Apollo persisted query manifest; every id must be the SHA-256 of its body. */
function parseManifest(text: string, source = "manifest"): PersistedOperations {
  const manifest = JSON.parse(text) as ManifestFile;
  if (manifest.format !== "apollo-persisted-query-manifest" || manifest.version !== 1) {
    throw new Error(
      `${source}: expected {"format": "apollo-persisted-query-manifest", "version": 1, "operations": [...]}`,
    );
  }
  const operations = new Map<string, string>();
  for (const [index, entry] of (manifest.operations ?? []).entries()) {
    if (typeof entry?.body !== "string" || entry.body.trim() === "") {
      throw new Error(`${source}: operations[${index}] has no body`);
    }
    const hash = sha256Hex(entry.body);
    if (entry.id !== undefined && entry.id !== hash) {
      throw new Error(`${source}: operations[${index}].id is not the SHA-256 of its body`);
    }
    operations.set(hash, entry.body);
  }
  return operations;
}

export function loadManifest(path: string): PersistedOperations {
  return parseManifest(readFileSync(path, "utf8"), path);
}

/**
 * Apollo's APQ cache backed by the manifest, read-only. Apollo prefixes keys with "apq:".
 * (Structurally Apollo's KeyValueCache.)
 */
export function manifestCache(operations: PersistedOperations) {
  return {
    async get(key: string) {
      return operations.get(key.replace(/^apq:/, ""));
    },
    async set() {},
    async delete() {
      return false;
    },
  };
}

function hashOf(operation: unknown): {
  hash?: unknown;
  version?: unknown;
  query?: unknown;
  present: boolean;
} {
  const op = (operation ?? {}) as { query?: unknown; extensions?: unknown };
  let extensions = op.extensions;
  if (typeof extensions === "string") {
    // GET: extensions arrive as JSON text; Apollo refuses invalid JSON itself.
    try {
      extensions = JSON.parse(extensions);
    } catch {
      extensions = undefined;
    }
  }
  const persisted = (
    extensions as { persistedQuery?: { sha256Hash?: unknown; version?: unknown } } | undefined
  )?.persistedQuery;
  return {
    hash: persisted?.sha256Hash,
    version: persisted?.version,
    query: op.query,
    present: persisted != null,
  };
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * A `persistedQuery` extension must be version 1 with a hex SHA-256 that matches the query when one
 * is sent (Apollo's own answers to these carry no error code; these do).
 */
export function checkPersistedQueryExtension(): RequestHandler {
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "POST") return next();
    for (const operation of operationsOf(req)) {
      const { hash, version, query, present } = hashOf(operation);
      if (!present) continue;
      let problem: string | undefined;
      if (version !== 1) problem = "persistedQuery.version must be 1.";
      else if (typeof hash !== "string" || !SHA256_HEX.test(hash)) {
        problem = "persistedQuery.sha256Hash must be the lowercase hex SHA-256 of the query.";
      } else if (typeof query === "string" && sha256Hex(query) !== hash) {
        problem = "persistedQuery.sha256Hash is not the SHA-256 of the query sent with it.";
      }
      if (problem) {
        return sendGraphqlError(res, 400, ErrorCode.BAD_REQUEST, problem);
      }
    }
    next();
  };
}

/** Whether an operation (`{ query, extensions }`) is in the manifest, by its text's hash or by the hash it sends. */
export function isPersisted(operations: PersistedOperations, operation: unknown): boolean {
  const { hash, query } = hashOf(operation);
  if (typeof query !== "string" || query === "") return typeof hash === "string" && operations.has(hash);
  const queryHash = sha256Hex(query);
  return operations.has(queryHash) && (hash === undefined || hash === queryHash);
}

/** Refuses every operation that is not in the manifest (by hash, or by the hash of its text). */
export function requirePersistedOperations(operations: PersistedOperations): RequestHandler {
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "POST") return next();
    for (const operation of operationsOf(req)) {
      if (!isPersisted(operations, operation)) {
        return sendGraphqlError(
          res,
          400,
          ErrorCode.PERSISTED_QUERY_REQUIRED,
          "This server runs only registered operations: send the persisted query hash of an operation from its manifest.",
        );
      }
    }
    next();
  };
}
