/** Environment -> configuration: defaults, and a clear error naming the variable for bad values. */
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

const KEY_A = "mZ3k1Qe9vT0bW2yR5uI8oP4aS7dF6gH1jK3lZ0xC9vB=";
const KEY_B = "tY7uI1oP3aS5dF7gH9jK2lZ4xC6vB8nM0qW2eR4tY6u=";

describe("loadConfig", () => {
  it("defaults to the embedded server with documented values", () => {
    const config = loadConfig({});
    expect(config.ftrack.server).toBeUndefined();
    expect(config.port).toBe(4000);
    expect(config.publicUrl).toBe("http://localhost:4000");
    expect(config.emulator).toMatchObject({ port: 4010, apiUser: "pipeline", dataDir: ".data/emulator" });
    expect(config.thumbnails.secretIsRandom).toBe(true);
    expect(config.thumbnails.sizeLadder.at(-1)).toBe(4096);
    expect(config.executor).toBe("jit");
    expect(loadConfig({ GRAPHQL_EXECUTOR: "graphql-js" }).executor).toBe("graphql-js");
  });

  it.each([
    [{ PORT: "http" }, /PORT/],
    [{ THUMBNAIL_URL_TTL_SECONDS: "120" }, /THUMBNAIL_URL_TTL_SECONDS.*300/],
    [{ THUMBNAIL_SIZES: "100,200" }, /THUMBNAIL_SIZES/],
    [{ THUMBNAIL_FORMATS: "gif" }, /THUMBNAIL_FORMATS/],
    [{ UPLOAD_TYPES: "svg" }, /UPLOAD_TYPES/],
    [{ PLAYGROUND: "maybe" }, /PLAYGROUND/],
    [{ GRAPHQL_EXECUTOR: "fast" }, /GRAPHQL_EXECUTOR/],
    [{ FTRACK_SERVER: "https://studio.ftrackapp.com" }, /FTRACK_API_USER/],
    [{ FTRACK_SERVER: "not a url" }, /FTRACK_SERVER/],
    [{ PERSISTED_QUERIES_ONLY: "true" }, /PERSISTED_QUERIES_MANIFEST/],
    [{ THUMBNAIL_URL_SECRETS: "too-short" }, /THUMBNAIL_URL_SECRETS: item 1.*openssl rand -base64 32/],
    [{ THUMBNAIL_URL_SECRETS: `${KEY_A},,${KEY_B}` }, /THUMBNAIL_URL_SECRETS: item 2 is empty/],
    [{ THUMBNAIL_URL_SECRETS: `${KEY_A},` }, /THUMBNAIL_URL_SECRETS: item 2 is empty/],
    [{ THUMBNAIL_URL_SECRETS: `no good:${KEY_A}` }, /THUMBNAIL_URL_SECRETS: item 1: the id/],
    [{ THUMBNAIL_SIZES: "100,big,4096" }, /THUMBNAIL_SIZES/],
    [{ THUMBNAIL_SIZES: "" }, /THUMBNAIL_SIZES/],
    [{ UPLOAD_TYPES: "" }, /UPLOAD_TYPES/],
    [{ UPLOAD_MIN_EDGE: "600", UPLOAD_MAX_EDGE: "500" }, /UPLOAD_MIN_EDGE \(600\).*UPLOAD_MAX_EDGE \(500\)/],
  ])("refuses %o, naming the variable", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it("turns transcoding off with an empty THUMBNAIL_FORMATS, as the README says", () => {
    expect(loadConfig({}).thumbnails.deliveryFormats).toEqual(["webp"]);
    expect(loadConfig({ THUMBNAIL_FORMATS: "" }).thumbnails.deliveryFormats).toEqual([]);
    expect(loadConfig({ THUMBNAIL_FORMATS: "avif, webp" }).thumbnails.deliveryFormats).toEqual([
      "avif",
      "webp",
    ]);
  });

  it("reads the size ladder as numbers, sorted", () => {
    expect(loadConfig({}).thumbnails.sizeLadder).toEqual([
      32, 64, 100, 150, 200, 300, 500, 800, 1200, 2048, 4096,
    ]);
    expect(loadConfig({ THUMBNAIL_SIZES: "4096, 64,256" }).thumbnails.sizeLadder).toEqual([64, 256, 4096]);
  });

  it("accepts equal minimum and maximum edges", () => {
    expect(loadConfig({ UPLOAD_MIN_EDGE: "512", UPLOAD_MAX_EDGE: "512" }).upload).toMatchObject({
      minEdge: 512,
      maxEdge: 512,
    });
  });

  it("takes a real ftrack server with its credentials and an explicit identity mode", () => {
    const config = loadConfig({
      FTRACK_SERVER: "https://studio.ftrackapp.com/",
      FTRACK_API_USER: "svc",
      FTRACK_API_KEY: "k",
      AUTH_MODE: "none",
      THUMBNAIL_URL_SECRETS: `${KEY_B}, v1:${KEY_A}`,
    });
    expect(config.ftrack).toMatchObject({ server: "https://studio.ftrackapp.com", apiUser: "svc" });
    expect(config.thumbnails.secrets).toEqual([KEY_B, `v1:${KEY_A}`]);
    expect(config.thumbnails.secretIsRandom).toBe(false);
  });

  it("turns tracing on only when an exporter is configured, and never with OTEL_SDK_DISABLED=true", () => {
    const endpoint = "http://collector:4318";
    const cases: [Record<string, string>, boolean][] = [
      [{}, false],
      [{ OTEL_SERVICE_NAME: "thumbnails" }, false],
      [{ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }, true],
      [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${endpoint}/v1/traces` }, true],
      [{ OTEL_TRACES_EXPORTER: "console" }, true],
      [{ OTEL_TRACES_EXPORTER: "none", OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }, false],
      [{ OTEL_SDK_DISABLED: "true", OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }, false],
      [{ OTEL_SDK_DISABLED: "false", OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }, true],
    ];
    for (const [env, enabled] of cases)
      expect(loadConfig(env).tracing.enabled, JSON.stringify(env)).toBe(enabled);
  });

  it("names the service unless the OpenTelemetry variables do", () => {
    expect(loadConfig({}).tracing.serviceNamed).toBe(false);
    expect(loadConfig({ OTEL_SERVICE_NAME: "thumbs" }).tracing.serviceNamed).toBe(true);
    expect(
      loadConfig({ OTEL_RESOURCE_ATTRIBUTES: "team=pipe,service.name=thumbs" }).tracing.serviceNamed,
    ).toBe(true);
    expect(loadConfig({ OTEL_RESOURCE_ATTRIBUTES: "service.namespace=pipe" }).tracing.serviceNamed).toBe(
      false,
    );
  });

  it("reads SHUTDOWN_TIMEOUT_MS, 10 s by default", () => {
    expect(loadConfig({}).shutdownTimeoutMs).toBe(10_000);
    expect(loadConfig({ SHUTDOWN_TIMEOUT_MS: "2500" }).shutdownTimeoutMs).toBe(2500);
    expect(() => loadConfig({ SHUTDOWN_TIMEOUT_MS: "soon" })).toThrow(/SHUTDOWN_TIMEOUT_MS/);
  });
});

describe("loadConfig: Redis", () => {
  it("is off without REDIS_URL, and reads its URL, timeout and thumbnail TTL with it", () => {
    expect(loadConfig({}).redis).toBeUndefined();
    expect(loadConfig({ REDIS_URL: "redis://:pw@cache:6380/2" }).redis).toEqual({
      url: "redis://:pw@cache:6380/2",
      timeoutMs: 500,
      thumbnailTtlSeconds: 3600,
    });
    expect(
      loadConfig({ REDIS_URL: "rediss://cache", REDIS_TIMEOUT_MS: "200", THUMBNAIL_REDIS_TTL_SECONDS: "60" })
        .redis,
    ).toMatchObject({ timeoutMs: 200, thumbnailTtlSeconds: 60 });
  });

  it("refuses a URL that is not redis:// without quoting it (it may carry a password)", () => {
    for (const raw of ["http://:secret-pw@cache:6379", "cache:6379:secret-pw", "not a url secret-pw"]) {
      expect(() => loadConfig({ REDIS_URL: raw })).toThrow(ConfigError);
      expect(() => loadConfig({ REDIS_URL: raw })).toThrow(
        /^REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL$/,
      );
    }
  });
});
