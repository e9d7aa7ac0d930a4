/** AUTH_* variables: defaults and the combinations refused at start. */
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

const SECRET = "x".repeat(32);
const REAL_SERVER = {
  FTRACK_SERVER: "https://studio.ftrackapp.test",
  FTRACK_API_USER: "svc",
  FTRACK_API_KEY: "k",
};

describe("auth configuration", () => {
  it("defaults to none with the embedded server, and sub as the username claim", () => {
    expect(loadConfig({}).auth).toMatchObject({ mode: "none", usernameClaim: "sub" });
  });

  it("requires an explicit AUTH_MODE with a real ftrack server", () => {
    expect(() => loadConfig(REAL_SERVER)).toThrow(/AUTH_MODE/);
    expect(loadConfig({ ...REAL_SERVER, AUTH_MODE: "ftrack-key" }).auth.mode).toBe("ftrack-key");
  });

  it("reads every jwt setting", () => {
    const auth = loadConfig({
      AUTH_MODE: "jwt",
      AUTH_JWKS_URL: "http://127.0.0.1:9/jwks.json",
      AUTH_JWT_ISSUER: "https://idp.test",
      AUTH_JWT_AUDIENCE: "api",
      AUTH_USERNAME_CLAIM: "preferred_username",
    }).auth;
    expect(auth).toEqual({
      mode: "jwt",
      jwksUrl: "http://127.0.0.1:9/jwks.json",
      jwtSecret: undefined,
      issuer: "https://idp.test",
      audience: "api",
      usernameClaim: "preferred_username",
    });
  });

  it.each([
    [{ AUTH_MODE: "basic" }, /AUTH_MODE/],
    [{ AUTH_MODE: "jwt" }, /AUTH_JWKS_URL or AUTH_JWT_SECRET/],
    [{ AUTH_MODE: "jwt", AUTH_JWT_SECRET: SECRET, AUTH_JWKS_URL: "http://127.0.0.1/j" }, /exactly one/],
    [{ AUTH_MODE: "jwt", AUTH_JWT_SECRET: "short" }, /at least 32 bytes/],
    [{ AUTH_MODE: "jwt", AUTH_JWKS_URL: "not a url" }, /AUTH_JWKS_URL/],
  ])("refuses %j", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
