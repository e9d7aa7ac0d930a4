/**
 * The emulator's HTTP face, as ftrack's clients see it:
 *   POST /api                    a JSON list of operations -> a list of results (one transaction)
 *   PUT  /upload/<token>         raw bytes of a component (token from get_upload_metadata)
 *   GET  /component/thumbnail    the component's image scaled to fit inside size x size
 *   GET  /component/get          the component's original bytes
 *   GET  /component/remove       deletes the component's stored bytes (Location.remove_component)
 *   GET  /img/thumbnail2.png     the placeholder ftrack's JS client links when there is no thumbnail
 *   GET  /health                 liveness
 *   GET  /socket.io/1/           ftrack's event hub handshake, then its WebSocket (event-hub.server.ts)
 * Every failure answers ftrack's error shape; nothing a client sends can crash the server.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import sharp from "sharp";
import { authenticate, type Credentials } from "./emulator.auth.js";
import { EmulatorError, permissionError, validationError } from "./emulator.errors.js";
import type { EmulatorCounters, EmulatorKnobs, FailureMode, FailurePlan } from "./emulator.knobs.js";
import { accessFor, type Role, visibleReader } from "./emulator.permissions.js";
import type { EmulatorEventHub } from "./event-hub.server.js";
import { BodyTooLargeError, header, readBody, sendBytes, sendError, sendJson } from "./http.util.js";
import { executeBatch } from "./operations.js";
import { renderLabelImage } from "./seed-images.js";
import type { EmulatorStore } from "./store.js";
import { contentTypeOf, etagOf, type UploadRegistry } from "./upload.registry.js";

const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Largest upload the emulator accepts (thumbnails and small files). */
const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
const MAX_THUMBNAIL_SIZE = 4096;
const DEFAULT_THUMBNAIL_SIZE = 300;

export interface EmulatorServerDeps {
  store: EmulatorStore;
  apiKey: string;
  knobs: EmulatorKnobs;
  counters: EmulatorCounters;
  failures: FailurePlan;
  uploads: UploadRegistry;
  /** Component types (concrete), for looking up a component by id. */
  componentTypes: readonly string[];
  serverVersion: string;
  /** ftrack's event hub on the same port (GET /socket.io/1/ and the WebSocket upgrade). */
  eventHub?: EmulatorEventHub;
  maxBodyBytes?: number;
  /** Permission roles by username (emulator.permissions.ts). */
  roles: Readonly<Record<string, Role>>;
  log?: (line: string) => void;
}

const internalError = () => new EmulatorError("ServerError", "Internal server error.");

export function createEmulatorServer(deps: EmulatorServerDeps): Server {
  const routes = createRoutes(deps);
  const server = createServer((req, res) => {
    routes(req, res).catch((error: unknown) => {
      // Last line of defence: log internally, answer a generic ftrack-style error.
      deps.log?.(
        `emulator: unexpected error on ${req.method} ${req.url?.split("?")[0]}: ${(error as Error)?.stack ?? error}`,
      );
      sendError(res, internalError(), 500);
    });
  });
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    else socket.destroy();
  });
  if (deps.eventHub) server.on("upgrade", deps.eventHub.upgrade);
  return server;
}

function createRoutes(deps: EmulatorServerDeps) {
  const { store, knobs, counters, failures, uploads } = deps;
  const maxBody = deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let placeholder: Promise<Buffer> | undefined;

  /** Applies a failure; true when the request was answered (or left hanging) by it. */
  function fail(mode: FailureMode | undefined, req: IncomingMessage, res: ServerResponse): boolean {
    if (!mode) return false;
    if (mode === "reset") req.socket.destroy();
    else if (mode === "5xx")
      sendError(res, new EmulatorError("ServerError", "Service temporarily unavailable."), 503);
    // "hang": answer nothing; the client times out (close() ends such connections).
    return true;
  }

  function credentialsOf(req: IncomingMessage, query?: URLSearchParams): Credentials {
    return {
      username: query?.get("username") ?? header(req, "ftrack-user"),
      apiKey: query?.get("apiKey") ?? header(req, "ftrack-api-key"),
    };
  }

  function baseUrlOf(req: IncomingMessage): string {
    const host = header(req, "host") ?? `127.0.0.1:${req.socket.localPort}`;
    return `http://${host}`;
  }

  function componentOf(id: string) {
    return store.get(deps.componentTypes, id);
  }

  async function api(req: IncomingMessage, res: ServerResponse) {
    counters.requests++;
    const strict = header(req, "ftrack-strict-api")?.toLowerCase() === "true";
    const answerError = (error: EmulatorError, status?: number) =>
      sendError(res, error, strict ? status : 200);

    let body: Buffer;
    try {
      body = await readBody(req, maxBody);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return answerError(validationError(`Request body is larger than ${maxBody} bytes.`), 413);
      }
      throw error;
    }
    let operations: unknown;
    try {
      operations = JSON.parse(body.toString("utf8"));
    } catch {
      return answerError(validationError("The request body is not valid JSON."));
    }
    if (!Array.isArray(operations)) {
      return answerError(validationError("The request body must be a JSON list of operations."));
    }
    counters.operations += operations.length;
    knobs.onOperations?.(operations, header(req, "ftrack-user"));
    for (const op of operations) {
      const action = op && typeof op === "object" ? String((op as { action?: unknown }).action) : "invalid";
      counters.byAction[action] = (counters.byAction[action] ?? 0) + 1;
    }
    if (fail(failures.take("api", operations), req, res)) return;

    try {
      const user = authenticate(store, deps.apiKey, credentialsOf(req));
      const options = parseApiOptions(header(req, "ftrack-api-options"));
      const results = executeBatch(operations, {
        store,
        user,
        uploads,
        baseUrl: baseUrlOf(req),
        denormalize: options.denormalize === "1",
        serverVersion: deps.serverVersion,
        onCommit: (writes) =>
          deps.eventHub?.publishWrites(writes, {
            user,
            clientToken: header(req, "ftrack-clienttoken"),
            pushToken: header(req, "ftrack-pushtoken"),
          }),
        roles: deps.roles,
      });
      sendJson(res, 200, results);
    } catch (error) {
      if (error instanceof EmulatorError) return answerError(error);
      deps.log?.(`emulator: batch failed: ${(error as Error)?.stack ?? error}`);
      return answerError(internalError(), 500);
    }
  }

  async function upload(req: IncomingMessage, res: ServerResponse, token: string, query: URLSearchParams) {
    counters.uploads++;
    if (fail(failures.take("upload"), req, res)) return;
    const pending = uploads.get(token);
    if (!pending) {
      req.resume();
      return sendError(res, permissionError("The upload URL is invalid, expired or already used."), 403);
    }
    let bytes: Buffer;
    try {
      bytes = await readBody(req, MAX_UPLOAD_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return sendError(res, validationError(`Upload is larger than ${MAX_UPLOAD_BYTES} bytes.`), 413);
      }
      throw error;
    }
    if (pending.parts) {
      const part = Number(query.get("part"));
      if (!Number.isInteger(part) || part < 1 || part > pending.parts.count) {
        return sendError(res, validationError("Unknown part number."), 400);
      }
      pending.parts.received.set(part, bytes);
      return sendStored(res, bytes);
    }
    if (pending.size !== undefined && bytes.length !== pending.size) {
      return sendError(
        res,
        validationError(`Expected ${pending.size} bytes (the declared file size), received ${bytes.length}.`),
        400,
      );
    }
    store.putBlob(pending.componentId, bytes);
    uploads.consume(token);
    sendStored(res, bytes);
  }

  /** Authenticates a GET route: the acting user, or undefined once it answered 401. */
  function authorised(req: IncomingMessage, res: ServerResponse, query: URLSearchParams) {
    try {
      return authenticate(store, deps.apiKey, credentialsOf(req, query));
    } catch (error) {
      if (!(error instanceof EmulatorError)) throw error;
      sendError(res, error, 401);
      return undefined;
    }
  }

  async function thumbnail(req: IncomingMessage, res: ServerResponse, query: URLSearchParams) {
    counters.thumbnailRequests++;
    if (fail(failures.take("thumbnail"), req, res)) return;
    if (!authorised(req, res, query)) return;
    const id = query.get("id");
    const rawSize = query.get("size") || String(DEFAULT_THUMBNAIL_SIZE);
    const size = /^\d{1,5}$/.test(rawSize) ? Number(rawSize) : Number.NaN;
    if (!id) return sendError(res, validationError("Missing component id."), 400);
    if (!Number.isInteger(size) || size < 1 || size > MAX_THUMBNAIL_SIZE) {
      return sendError(res, validationError(`size must be an integer from 1 to ${MAX_THUMBNAIL_SIZE}.`), 400);
    }
    const bytes = componentOf(id) ? store.getBlob(id) : undefined;
    if (!bytes) return sendError(res, new EmulatorError("NotFoundError", "No such thumbnail."), 404);
    let image: { data: Buffer; format: string };
    try {
      image = await scale(bytes, size);
    } catch {
      return sendError(res, validationError("The component is not an image."), 415);
    }
    res.setHeader("Cache-Control", "private, max-age=60");
    sendBytes(res, 200, `image/${image.format}`, image.data);
  }

  /** The server location's half of `Location.remove_component`: the client then deletes the
   * ComponentLocation itself. The acting user's permissions apply as for any write. */
  function remove(req: IncomingMessage, res: ServerResponse, query: URLSearchParams) {
    if (fail(failures.take("remove"), req, res)) return;
    const user = authorised(req, res, query);
    if (!user) return;
    const id = query.get("id");
    if (!id) return sendError(res, validationError("Missing component id."), 400);
    const access = accessFor(user, deps.roles);
    if (access.readOnly) {
      return sendError(res, permissionError(`User "${access.username}" is not permitted to remove files.`));
    }
    const component = visibleReader(store, access).get(deps.componentTypes, id);
    if (!component || !store.getBlob(id)) {
      return sendError(res, new EmulatorError("NotFoundError", "No such file in the server location."), 404);
    }
    store.deleteBlob(id);
    sendJson(res, 200, {});
  }

  async function original(req: IncomingMessage, res: ServerResponse, query: URLSearchParams) {
    if (fail(failures.take("get"), req, res)) return;
    if (!authorised(req, res, query)) return;
    const id = query.get("id");
    if (!id) return sendError(res, validationError("Missing component id."), 400);
    const component = componentOf(id);
    const bytes = component ? store.getBlob(id) : undefined;
    if (!component || !bytes)
      return sendError(res, new EmulatorError("NotFoundError", "No such component."), 404);
    sendBytes(res, 200, contentTypeOf(component.attrs.file_type as string | undefined), bytes);
  }

  return async function route(req: IncomingMessage, res: ServerResponse) {
    if (knobs.latencyMs > 0) await sleep(knobs.latencyMs);
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const path = url.pathname.replace(/\/+$/, "") || "/";
    const method = req.method ?? "GET";

    if (path === "/api" && method === "POST") return api(req, res);
    const uploadMatch = /^\/upload\/([A-Za-z0-9_-]{16,128})$/.exec(path);
    if (uploadMatch && method === "PUT") return upload(req, res, uploadMatch[1], url.searchParams);
    if (path === "/component/thumbnail" && method === "GET") return thumbnail(req, res, url.searchParams);
    if (path === "/component/get" && method === "GET") return original(req, res, url.searchParams);
    if (path === "/component/remove" && method === "GET") return remove(req, res, url.searchParams);
    if (path === "/img/thumbnail2.png" && method === "GET") {
      placeholder ??= renderLabelImage("No thumbnail", { width: 300, height: 300 });
      return sendBytes(res, 200, "image/png", await placeholder);
    }
    if (path === "/health" && method === "GET") return sendJson(res, 200, { status: "ok" });
    if (path === "/socket.io/1" && method === "GET" && deps.eventHub)
      return deps.eventHub.handshake(req, res);
    req.resume();
    sendError(res, new EmulatorError("NotFoundError", `No route for ${method} ${path}.`), 404);
  };
}

/** `strict:1;denormalize:1` -> { strict: "1", denormalize: "1" }. */
function parseApiOptions(raw: string | undefined): Record<string, string> {
  const options: Record<string, string> = {};
  for (const part of (raw ?? "").split(/[;,]/)) {
    const [name, value = ""] = part.split(":").map((s) => s.trim());
    if (name) options[name.toLowerCase()] = value;
  }
  return options;
}

/** Answers a stored upload (or part) as S3 does: empty, with the bytes' ETag. */
function sendStored(res: ServerResponse, bytes: Buffer) {
  res.writeHead(200, { ETag: `"${etagOf(bytes)}"`, "Content-Length": 0 });
  res.end();
}

/** Scales to fit inside size x size keeping the aspect ratio; PNG stays PNG (a palette PNG keeps a
 * palette, as ftrack's answers do), JPEG stays JPEG. */
async function scale(bytes: Buffer, size: number): Promise<{ data: Buffer; format: string }> {
  const image = sharp(bytes);
  const { format, isPalette } = await image.metadata();
  const out = format === "jpeg" || format === "png" || format === "webp" || format === "gif" ? format : "png";
  const data = await image
    .resize({ width: size, height: size, fit: "inside", withoutEnlargement: true })
    .toFormat(out, out === "png" && isPalette ? { palette: true } : {})
    .toBuffer();
  return { data, format: out };
}
