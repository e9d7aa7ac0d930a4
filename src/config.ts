/**
 * Environment -> typed, validated configuration. Every variable the service reads is here, so the
 * README's configuration table has one source. Invalid values fail at start with the variable's name.
 */
import { parseSigningKeys, SigningKeyError } from "./thumbnails/url-signer.js";

const IMAGE_FORMATS = ["jpeg", "png", "gif", "webp"] as const;
const DELIVERY_FORMATS = ["webp", "avif"] as const;
const AUTH_MODES = ["none", "jwt", "ftrack-key"] as const;
/** THUMBNAIL_SIZES' default: the sizes requested sizes round up to. */
const SIZE_LADDER = [32, 64, 100, 150, 200, 300, 500, 800, 1200, 2048, 4096];
const LOG_FORMATS = ["json", "pretty"] as const;
const CACHE_SCOPES = ["private", "public"] as const;

export type ImageFormat = (typeof IMAGE_FORMATS)[number];
export type DeliveryFormat = (typeof DELIVERY_FORMATS)[number];
/** json: one JSON object per line (for log collectors); pretty: readable lines (development). */
export type LogFormat = (typeof LOG_FORMATS)[number];
/** Who may keep a delivered thumbnail: the browser only, or shared caches too (a CDN, a reverse proxy). */
export type CacheScope = (typeof CACHE_SCOPES)[number];

export interface FtrackConfig {
  /** Base URL of the ftrack server; undefined means "start the embedded emulator". */
  server?: string;
  apiUser?: string;
  apiKey?: string;
  /** Timeout of one HTTP request to ftrack. */
  timeoutMs: number;
  /** Total time a read may spend retrying transient failures. */
  retryDeadlineMs: number;
  /** Largest number of ids in one `where id in (...)` query. */
  idChunkSize: number;
  /** false: every read is its own request (no DataLoader batching); for comparisons only. */
  batching: boolean;
}

export interface EmulatorConfig {
  port: number;
  apiUser: string;
  apiKey: string;
  /** Folder of the SQLite file and uploaded bytes, or ":memory:". */
  dataDir: string;
}

export interface ThumbnailConfig {
  /** Signing keys, newest first, each `key` or `id:key` (see parseSigningKeys); the first signs, all verify. */
  secrets: string[];
  /** True when no secret was configured and a random one is in use. */
  secretIsRandom: boolean;
  ttlSeconds: number;
  /** Expiry is rounded up to a multiple of this, so a URL is stable (cacheable) for a while. */
  windowSeconds: number;
  /** Requested sizes round up to the next rung of this ladder. */
  sizeLadder: number[];
  cacheBytes: number;
  /** Formats the delivery route may negotiate from the Accept header, besides the original. */
  deliveryFormats: DeliveryFormat[];
  /** The Cache-Control scope of delivered thumbnails; "private" when left out. */
  cacheScope?: CacheScope;
}

/** Shared state of several replicas (src/redis/); absent without REDIS_URL: everything stays in memory. */
export interface RedisConfig {
  url: string;
  /** Bound on one Redis command; past it the command counts as failed and the caller goes on without Redis. */
  timeoutMs: number;
  /** How long a thumbnail stays in Redis. */
  thumbnailTtlSeconds: number;
}

export interface UploadConfig {
  maxBytes: number;
  maxPixels: number;
  minEdge: number;
  maxEdge: number;
  acceptedTypes: ImageFormat[];
  /** How long a two-step upload (createThumbnailUpload) may take: its PUT and its completion. */
  urlTtlSeconds: number;
}

/**
 * Who a GraphQL request acts as (src/auth/). none: the service user for everyone; jwt: the user a
 * verified bearer token names, with the service key; ftrack-key: the caller's own ftrack-user and
 * ftrack-api-key headers.
 */
export type AuthMode = (typeof AUTH_MODES)[number];

export interface AuthConfig {
  mode: AuthMode;
  /** jwt: keys from this JWKS URL (asymmetric algorithms)... */
  jwksUrl?: string;
  /** ...or this shared HS256 secret; exactly one of the two. */
  jwtSecret?: string;
  issuer?: string;
  audience?: string;
  /** The claim holding the ftrack username. */
  usernameClaim: string;
}

/** Abuse limits of /graphql, all checked before anything runs (src/graphql/limits/). */
export interface GraphqlLimitsConfig {
  maxDepth: number;
  /** Cost budget: every field costs 1; a connection multiplies its selection by its page size. */
  maxComplexity: number;
  maxAliases: number;
  /** Operations in one HTTP request; 1 turns batching off. */
  maxOperations: number;
  maxVariablesBytes: number;
  /** JSON bodies, and each non-file field of a multipart request. */
  maxBodyBytes: number;
  /** Lexical tokens of a document: bounds parse and validation work. */
  maxTokens: number;
  /** Run only the operations listed in persistedQueriesManifest. */
  persistedQueriesOnly: boolean;
  persistedQueriesManifest?: string;
}

/** Apollo federated inline traces (ftv1): off without a secret; with one, only for requests that send it. */
export interface InlineTraceConfig {
  secret?: string;
  /** The request header carrying the secret. */
  header: string;
}

/**
 * OpenTelemetry tracing: on only when an exporter is configured through the standard variables
 * (the SDK reads the rest of them itself, e.g. OTEL_SERVICE_NAME and OTEL_EXPORTER_OTLP_HEADERS).
 */
export interface TracingConfig {
  enabled: boolean;
  /** True when the variables name the service; otherwise the service names itself. */
  serviceNamed: boolean;
}

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  logLevel: string;
  logFormat: LogFormat;
  playground: boolean;
  introspection: boolean;
  /** Serve the thumbnail browser (web/dist/) at /. */
  webUi: boolean;
  ftrack: FtrackConfig;
  emulator: EmulatorConfig;
  thumbnails: ThumbnailConfig;
  upload: UploadConfig;
  limits: GraphqlLimitsConfig;
  /** Origins allowed to call this service from a browser; empty: same origin only, "*": any. */
  corsOrigins: string[];
  auth: AuthConfig;
  inlineTrace: InlineTraceConfig;
  /** `jit`: operations compiled by graphql-jit (see jit.executor.ts); `graphql-js`: its interpreter. */
  executor: GraphqlExecutor;
  redis?: RedisConfig;
  tracing: TracingConfig;
  /** On SIGTERM, how long requests in flight may take to finish before their connections are cut. */
  shutdownTimeoutMs: number;
}

export const GRAPHQL_EXECUTORS = ["jit", "graphql-js"] as const;
export type GraphqlExecutor = (typeof GRAPHQL_EXECUTORS)[number];

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === "") return fallback;
  if (["1", "true", "yes", "on"].includes(raw)) return true;
  if (["0", "false", "no", "off"].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

/** A comma-separated list: the fallback when unset, empty when set to nothing (`NAME=` turns a list off). */
function list(env: Env, name: string, fallback: string[]): string[] {
  const raw = env[name];
  if (raw === undefined) return fallback;
  return raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

function ints(env: Env, name: string, fallback: readonly number[]): number[] {
  if (env[name] === undefined) return [...fallback];
  return list(env, name, []).map((s) => {
    const value = Number(s);
    if (!Number.isInteger(value)) throw new ConfigError(`${name} must be a list of integers, got "${s}"`);
    return value;
  });
}

function oneOf<T extends string>(name: string, values: string[], allowed: readonly T[]): T[] {
  for (const v of values) {
    if (!allowed.includes(v as T))
      throw new ConfigError(`${name}: "${v}" is not one of ${allowed.join(", ")}`);
  }
  return values as T[];
}

/** One of `allowed`, named by `name`; `fallback` when unset or blank. */
function choice<T extends string>(env: Env, name: string, fallback: T, allowed: readonly T[]): T {
  return oneOf(name, [env[name]?.trim() || fallback], allowed)[0]!;
}

function url(name: string, raw: string): string {
  try {
    return new URL(raw).toString().replace(/\/$/, "");
  } catch {
    throw new ConfigError(`${name} must be an absolute URL, got "${raw}"`);
  }
}

function authConfig(env: Env, realServer: boolean): AuthConfig {
  const raw = env.AUTH_MODE?.trim();
  // Against a real ftrack server, acting as the service user for everyone must be chosen explicitly.
  if (!raw && realServer) {
    throw new ConfigError("FTRACK_SERVER is set: set AUTH_MODE to jwt, ftrack-key or none");
  }
  const mode = choice(env, "AUTH_MODE", "none", AUTH_MODES);
  const jwksUrl = env.AUTH_JWKS_URL ? url("AUTH_JWKS_URL", env.AUTH_JWKS_URL) : undefined;
  const jwtSecret = env.AUTH_JWT_SECRET || undefined;
  if (mode === "jwt") {
    if (!jwksUrl === !jwtSecret) {
      throw new ConfigError("AUTH_MODE=jwt needs exactly one of AUTH_JWKS_URL or AUTH_JWT_SECRET");
    }
    // HS256 with a short secret can be brute-forced offline from any token.
    if (jwtSecret && Buffer.byteLength(jwtSecret) < 32) {
      throw new ConfigError("AUTH_JWT_SECRET must be at least 32 bytes");
    }
  }
  const usernameClaim = env.AUTH_USERNAME_CLAIM?.trim() || "sub";
  return {
    mode,
    jwksUrl,
    jwtSecret,
    issuer: env.AUTH_JWT_ISSUER || undefined,
    audience: env.AUTH_JWT_AUDIENCE || undefined,
    usernameClaim,
  };
}

function limitsConfig(env: Env): GraphqlLimitsConfig {
  const persistedQueriesOnly = bool(env, "PERSISTED_QUERIES_ONLY", false);
  const persistedQueriesManifest = env.PERSISTED_QUERIES_MANIFEST || undefined;
  if (persistedQueriesOnly && !persistedQueriesManifest) {
    // Any client can register any query through APQ, so "only persisted" needs a fixed list.
    throw new ConfigError(
      "PERSISTED_QUERIES_ONLY=true needs PERSISTED_QUERIES_MANIFEST (the allowed operations)",
    );
  }
  return {
    maxDepth: int(env, "GRAPHQL_MAX_DEPTH", 10, 1),
    maxComplexity: int(env, "GRAPHQL_MAX_COMPLEXITY", 10_000, 1),
    maxAliases: int(env, "GRAPHQL_MAX_ALIASES", 30, 0),
    maxOperations: int(env, "GRAPHQL_MAX_OPERATIONS", 1, 1, 100),
    maxVariablesBytes: int(env, "GRAPHQL_MAX_VARIABLES_BYTES", 64 * 1024, 2),
    maxBodyBytes: int(env, "GRAPHQL_MAX_BODY_BYTES", 1024 * 1024, 1024),
    maxTokens: int(env, "GRAPHQL_MAX_TOKENS", 10_000, 100),
    persistedQueriesOnly,
    persistedQueriesManifest,
  };
}

/** THUMBNAIL_URL_SECRETS as items, checked now so a weak or malformed key stops the start. */
function signingSecrets(env: Env): string[] {
  const raw = env.THUMBNAIL_URL_SECRETS;
  if (raw === undefined || raw.trim() === "") return [];
  // Empty items are kept, so that parseSigningKeys refuses them instead of silently dropping them.
  const items = raw.split(",").map((s) => s.trim());
  try {
    parseSigningKeys(items);
  } catch (error) {
    if (error instanceof SigningKeyError) throw new ConfigError(`THUMBNAIL_URL_SECRETS: ${error.message}`);
    throw error;
  }
  return items;
}

function inlineTraceConfig(env: Env): InlineTraceConfig {
  const secret = env.INLINE_TRACE_SECRET || undefined;
  // Resolver timings are worth guarding only with a secret that cannot be guessed.
  if (secret && Buffer.byteLength(secret) < 32) {
    throw new ConfigError(
      "INLINE_TRACE_SECRET must be at least 32 bytes; make one with `openssl rand -base64 32`",
    );
  }
  const header = (env.INLINE_TRACE_HEADER?.trim() || "x-inline-trace-secret").toLowerCase();
  if (!/^[a-z0-9-]{1,64}$/.test(header)) {
    throw new ConfigError(
      `INLINE_TRACE_HEADER must be a header name (letters, digits, '-'), got "${header}"`,
    );
  }
  return { secret, header };
}

function redisConfig(env: Env): RedisConfig | undefined {
  const raw = env.REDIS_URL?.trim();
  const timeoutMs = int(env, "REDIS_TIMEOUT_MS", 500, 1, 60_000);
  const thumbnailTtlSeconds = int(env, "THUMBNAIL_REDIS_TTL_SECONDS", 3600, 1);
  if (!raw) return undefined;
  // The value is not quoted back: a Redis URL may carry a password.
  if (!URL.canParse(raw) || !["redis:", "rediss:"].includes(new URL(raw).protocol)) {
    throw new ConfigError("REDIS_URL must be a redis:// or rediss:// URL");
  }
  return { url: raw, timeoutMs, thumbnailTtlSeconds };
}

/**
 * On when OTEL_TRACES_EXPORTER names an exporter or an OTLP endpoint is set, and OTEL_SDK_DISABLED
 * is not "true" (the SDK's own reading of it): so tracing costs nothing unless asked for.
 */
function tracingConfig(env: Env): TracingConfig {
  const serviceNamed =
    Boolean(env.OTEL_SERVICE_NAME) || /(?:^|,)\s*service\.name\s*=/.test(env.OTEL_RESOURCE_ATTRIBUTES ?? "");
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === "true") return { enabled: false, serviceNamed };
  const exporters = list(env, "OTEL_TRACES_EXPORTER", []);
  // As the SDK reads it: "none" first turns tracing off.
  const enabled =
    exporters.length > 0
      ? exporters[0] !== "none"
      : Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
  return { enabled, serviceNamed };
}

function uploadConfig(env: Env): UploadConfig {
  const minEdge = int(env, "UPLOAD_MIN_EDGE", 16, 1);
  const maxEdge = int(env, "UPLOAD_MAX_EDGE", 8192, 1);
  if (minEdge > maxEdge) {
    throw new ConfigError(
      `UPLOAD_MIN_EDGE (${minEdge}) is greater than UPLOAD_MAX_EDGE (${maxEdge}): no image could be accepted`,
    );
  }
  const acceptedTypes = oneOf("UPLOAD_TYPES", list(env, "UPLOAD_TYPES", [...IMAGE_FORMATS]), IMAGE_FORMATS);
  if (acceptedTypes.length === 0) throw new ConfigError("UPLOAD_TYPES must name at least one image type");
  return {
    maxBytes: int(env, "UPLOAD_MAX_BYTES", 10 * 1024 * 1024, 1),
    maxPixels: int(env, "UPLOAD_MAX_PIXELS", 40_000_000, 1),
    minEdge,
    maxEdge,
    acceptedTypes,
    urlTtlSeconds: int(env, "UPLOAD_URL_TTL_SECONDS", 900, 1, 86_400),
  };
}

function randomSecret(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
}

export function loadConfig(env: Env = process.env): Config {
  const port = int(env, "PORT", 4000, 0, 65535);
  const host = env.HOST || "0.0.0.0";

  const server = env.FTRACK_SERVER ? url("FTRACK_SERVER", env.FTRACK_SERVER) : undefined;
  if (server && (!env.FTRACK_API_USER || !env.FTRACK_API_KEY)) {
    throw new ConfigError("FTRACK_SERVER is set: FTRACK_API_USER and FTRACK_API_KEY are required too");
  }

  const secrets = signingSecrets(env);
  const sizeLadder = ints(env, "THUMBNAIL_SIZES", SIZE_LADDER).sort((a, b) => a - b);
  if (sizeLadder.some((s) => s < 1 || s > 4096) || sizeLadder.at(-1) !== 4096) {
    throw new ConfigError("THUMBNAIL_SIZES must be integers from 1 to 4096 and include 4096");
  }

  return {
    port,
    host,
    publicUrl: env.PUBLIC_URL ? url("PUBLIC_URL", env.PUBLIC_URL) : `http://localhost:${port}`,
    logLevel: env.LOG_LEVEL || "info",
    logFormat: choice(env, "LOG_FORMAT", "json", LOG_FORMATS),
    playground: bool(env, "PLAYGROUND", true),
    introspection: bool(env, "INTROSPECTION", true),
    webUi: bool(env, "WEB_UI", true),
    ftrack: {
      server,
      apiUser: env.FTRACK_API_USER,
      apiKey: env.FTRACK_API_KEY,
      timeoutMs: int(env, "FTRACK_TIMEOUT_MS", 10_000, 1),
      retryDeadlineMs: int(env, "FTRACK_RETRY_DEADLINE_MS", 5_000, 0),
      idChunkSize: int(env, "FTRACK_ID_CHUNK_SIZE", 200, 1, 5000),
      batching: bool(env, "FTRACK_BATCHING", true),
    },
    emulator: {
      port: int(env, "EMULATOR_PORT", 4010, 0, 65535),
      apiUser: env.EMULATOR_API_USER || "pipeline",
      apiKey: env.EMULATOR_API_KEY || "emulator-demo-key",
      dataDir: env.EMULATOR_DATA_DIR || ".data/emulator",
    },
    thumbnails: {
      secrets: secrets.length > 0 ? secrets : [randomSecret()],
      secretIsRandom: secrets.length === 0,
      // At least the 300 s a cached GraphQL answer may keep its URLs (the URL fields' cache hint).
      ttlSeconds: int(env, "THUMBNAIL_URL_TTL_SECONDS", 3600, 300),
      windowSeconds: int(env, "THUMBNAIL_URL_WINDOW_SECONDS", 600, 1),
      sizeLadder,
      cacheBytes: int(env, "THUMBNAIL_CACHE_BYTES", 64 * 1024 * 1024, 0),
      deliveryFormats: oneOf("THUMBNAIL_FORMATS", list(env, "THUMBNAIL_FORMATS", ["webp"]), DELIVERY_FORMATS),
      cacheScope: choice(env, "THUMBNAIL_CACHE_SCOPE", "private", CACHE_SCOPES),
    },
    upload: uploadConfig(env),
    auth: authConfig(env, server !== undefined),
    inlineTrace: inlineTraceConfig(env),
    executor: choice(env, "GRAPHQL_EXECUTOR", "jit", GRAPHQL_EXECUTORS),
    tracing: tracingConfig(env),
    shutdownTimeoutMs: int(env, "SHUTDOWN_TIMEOUT_MS", 10_000, 0),
    limits: limitsConfig(env),
    redis: redisConfig(env),
    corsOrigins: list(env, "CORS_ORIGINS", []).map((origin) =>
      origin === "*" ? origin : url("CORS_ORIGINS", origin),
    ),
  };
}
