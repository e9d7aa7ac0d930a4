/** LOG_FORMAT: JSON lines by default, readable lines with `pretty`, secrets redacted either way. */
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/observability/logger.js";

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { sink, text: () => lines.join("") };
}

describe("LOG_FORMAT", () => {
  it("defaults to json and takes pretty; anything else names the variable", () => {
    expect(loadConfig({}).logFormat).toBe("json");
    expect(loadConfig({ LOG_FORMAT: "pretty" }).logFormat).toBe("pretty");
    expect(() => loadConfig({ LOG_FORMAT: "fancy" })).toThrow(ConfigError);
    expect(() => loadConfig({ LOG_FORMAT: "fancy" })).toThrow(/LOG_FORMAT/);
  });

  it("json: one JSON object per line", () => {
    const out = capture();
    createLogger("info", out.sink, "json").info({ apiKey: "k-123", componentId: "c1" }, "hello");
    const line = JSON.parse(out.text());
    expect(line).toMatchObject({ level: 30, msg: "hello", componentId: "c1", apiKey: "[redacted]" });
  });

  it("pretty: a readable line with the level, message and fields, still redacted", () => {
    const out = capture();
    createLogger("info", out.sink, "pretty").warn({ apiKey: "k-123", componentId: "c1" }, "hello there");
    const text = out.text();
    expect(() => JSON.parse(text)).toThrow();
    expect(text).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] WARN: hello there\n/);
    expect(text).toContain('componentId: "c1"');
    expect(text).not.toContain("k-123");
    expect(text).not.toContain("\u001b["); // no colour codes when not writing to a terminal
  });
});
