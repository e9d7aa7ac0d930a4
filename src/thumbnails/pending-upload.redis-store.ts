/**
 * The pending uploads in Redis (REDIS_URL), shared by the replicas: an upload created through one
 * can be PUT to and completed through any other. One hash per upload (its record, its state, and
 * once received the checked image), expiring at the upload's expiresAt. Each step that must happen
 * once (a PUT starting, a completion taking the upload) is one Lua script, so it is atomic across
 * replicas.
 *
 * While Redis is unusable, new uploads go to this replica's memory (`fallback`), and every lookup
 * asks Redis first, then memory: uploads made during an outage complete on the replica that holds
 * them; those in Redis wait for it.
 */
import { REDIS_PREFIX, type RedisConnection } from "../redis/redis.connection.js";
import type { ImageHeader } from "./image.inspector.js";
import type {
  PendingUpload,
  PendingUploadEntry,
  PendingUploadStore,
  StartPutRefusal,
} from "./pending-upload.store.js";
import type { ValidImage } from "./thumbnail.rules.js";

const KEY = `${REDIS_PREFIX}upload:`;

type Received = PendingUploadEntry & { state: "received" };

/** reserved -> receiving: the record, or "used", or nothing (missing). */
const START_PUT = `
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return false end
if state ~= 'reserved' then return 'used' end
redis.call('HSET', KEYS[1], 'state', 'receiving')
return redis.call('HGET', KEYS[1], 'upload')`;

/** receiving -> received, with the image's header and bytes. */
const FINISH_PUT = `
if redis.call('HGET', KEYS[1], 'state') ~= 'receiving' then return 0 end
redis.call('HSET', KEYS[1], 'state', 'received', 'header', ARGV[1], 'image', ARGV[2])
return 1`;

/** A received upload's record, header and bytes, deleted in the same step. */
const TAKE = `
if redis.call('HGET', KEYS[1], 'state') ~= 'received' then return false end
local fields = redis.call('HMGET', KEYS[1], 'upload', 'header', 'image')
redis.call('DEL', KEYS[1])
return fields`;

export class RedisPendingUploadStore implements PendingUploadStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly fallback: PendingUploadStore,
  ) {}

  async add(upload: PendingUpload): Promise<void> {
    const stored = await this.#attempt("upload_add", async (client) => {
      await client
        .multi()
        .hset(KEY + upload.id, "upload", JSON.stringify(upload), "state", "reserved")
        .pexpireat(KEY + upload.id, upload.expiresAt)
        .exec();
      return true;
    });
    if (!stored) await this.fallback.add(upload);
  }

  async get(id: string): Promise<PendingUploadEntry | null> {
    const found = await this.#attempt("upload_get", async (client) => {
      const [upload, state, header, image] = await client.hmgetBuffer(
        KEY + id,
        "upload",
        "state",
        "header",
        "image",
      );
      if (!upload || !state) return null;
      return entryOf(upload, state.toString(), header, image);
    });
    return found ?? this.fallback.get(id);
  }

  async startPut(id: string): Promise<PendingUpload | StartPutRefusal> {
    const answer = await this.#attempt("upload_start_put", async (client) => {
      const result = (await client.eval(START_PUT, 1, KEY + id)) as string | null;
      return result === null ? "missing" : result === "used" ? "used" : (JSON.parse(result) as PendingUpload);
    });
    return answer === null || answer === "missing" ? this.fallback.startPut(id) : answer;
  }

  async finishPut(id: string, image: ValidImage): Promise<void> {
    const { bytes, ...header } = image;
    const done = await this.#attempt("upload_finish_put", async (client) => {
      return (await client.eval(FINISH_PUT, 1, KEY + id, JSON.stringify(header), bytes)) === 1;
    });
    if (!done) await this.fallback.finishPut(id, image);
  }

  async take(id: string): Promise<Received | null> {
    const taken = await this.#attempt("upload_take", async (client) => {
      // As bytes: the image is binary.
      const fields = (await client.callBuffer("EVAL", TAKE, 1, KEY + id)) as (Buffer | null)[] | null;
      if (!fields) return null;
      const [upload, header, image] = fields;
      return entryOf(upload!, "received", header ?? null, image ?? null) as Received;
    });
    return taken ?? this.fallback.take(id);
  }

  async putBack(entry: Received): Promise<void> {
    const { upload, image } = entry;
    const { bytes, ...header } = image;
    const stored = await this.#attempt("upload_put_back", async (client) => {
      await client
        .multi()
        .hset(KEY + upload.id, "upload", JSON.stringify(upload), "state", "received")
        .hset(KEY + upload.id, "header", JSON.stringify(header), "image", bytes)
        .pexpireat(KEY + upload.id, upload.expiresAt)
        .exec();
      return true;
    });
    if (!stored) await this.fallback.putBack(entry);
  }

  async delete(id: string): Promise<void> {
    await this.#attempt("upload_delete", (client) => client.del(KEY + id));
    await this.fallback.delete(id);
  }

  /** The command's answer; null when Redis is unusable or the command fails (counted, logged once). */
  #attempt<T>(operation: string, command: (client: RedisConnection["client"]) => Promise<T>) {
    return this.redis.health.attempt(operation, () => command(this.redis.client), null);
  }
}

function entryOf(
  upload: Buffer,
  state: string,
  header: Buffer | null,
  image: Buffer | null,
): PendingUploadEntry {
  const record = JSON.parse(upload.toString()) as PendingUpload;
  if (state === "received" && header && image) {
    const parsed = JSON.parse(header.toString()) as ImageHeader;
    return { upload: record, state: "received", image: { ...parsed, bytes: image } };
  }
  return { upload: record, state: state === "reserved" ? "reserved" : "receiving" };
}
