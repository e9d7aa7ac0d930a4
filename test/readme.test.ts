/**
 * What the README states and a test can check: the configuration table lists every variable the
 * service reads, and the quick start works as written (its demo ids exist in the seeded embedded
 * server, its query answers, its upload commands upload), as do `npm run emulator`'s lines.
 */
import { execFile, spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../src/emulator/index.js";
import { graphql, type Harness, startHarness } from "./support/service.harness.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const README = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const source = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), "utf8");

/** The text of a `## heading` section, up to the next one. */
function section(heading: string): string {
  const start = README.indexOf(`\n## ${heading}\n`);
  expect(start, `README section "${heading}"`).toBeGreaterThan(-1);
  const end = README.indexOf("\n## ", start + 1);
  return README.slice(start, end === -1 ? undefined : end);
}

/** The fenced code blocks of a text, by language tag. */
function codeBlocks(text: string, language: string): string[] {
  return [...text.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, "g"))].map((m) => m[1]!);
}

describe("README: configuration table", () => {
  it("lists every variable config.ts reads, and nothing else", () => {
    const config = source("src/config.ts");
    const read = new Set(
      [
        ...config.matchAll(
          /env\.([A-Z][A-Z0-9_]*)|\(env, "([A-Z][A-Z0-9_]*)"|\("([A-Z][A-Z0-9_]*)", (?:env|\[env)/g,
        ),
      ].map((m) => m[1] ?? m[2] ?? m[3]),
    );
    expect(read.size).toBeGreaterThan(30);
    const rows = section("Configuration")
      .split("\n")
      .filter((line) => line.startsWith("| `"))
      .map((line) => line.split("|")[1]!);
    const documented = new Set(
      rows.flatMap((cell) => [...cell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1])),
    );
    expect([...read].filter((name) => !documented.has(name)).sort()).toEqual([]);
    expect([...documented].filter((name) => !read.has(name)).sort()).toEqual([]);
  });

  it("names the ports npm run gateway reads", () => {
    for (const name of source("scripts/gateway.ts").matchAll(/portOf\("([A-Z_]+)"/g)) {
      expect(README).toContain(`\`${name[1]}\``);
    }
  });
});

describe("README: quick start", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness?.close());

  const quickStart = () => section("Quick start");
  const onHarness = (text: string) => text.replaceAll("http://localhost:4000", harness.url);

  it("gives the demo project's and task's fixed ids, which the seeded embedded server has", async () => {
    const text = quickStart();
    expect(text).toMatch(new RegExp(`project Aurora is\\s+\`${DEMO.projects.aurora.id}\``));
    expect(text).toMatch(new RegExp(`task\\s+Compositing \\(on shot SH010\\) is\\s+\`${DEMO.task.id}\``));
    const { data, errors } = await graphql<{ project: { name: string }; task: { name: string } }>(
      harness,
      `{ project(id: "${DEMO.projects.aurora.id}") { name } task(id: "${DEMO.task.id}") { name } }`,
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ project: { name: "aurora" }, task: { name: "Compositing" } });
  });

  it("its query answers", async () => {
    const [query] = codeBlocks(quickStart(), "graphql");
    const { data, errors } = await graphql<{ task: { name: string; project: { fullName: string } } }>(
      harness,
      query!,
    );
    expect(errors).toBeUndefined();
    expect(data!.task).toMatchObject({ name: "Compositing", project: { fullName: "Aurora Feature Film" } });
  });

  it("its upload commands make an image and upload it onto the task", async () => {
    const [upload] = codeBlocks(quickStart(), "sh").filter((block) => block.includes("uploadThumbnail"));
    const image = `${ROOT}thumb.png`;
    try {
      const { stdout } = await promisify(execFile)("bash", ["-eo", "pipefail", "-c", onHarness(upload!)], {
        cwd: ROOT,
      });
      const answer = JSON.parse(stdout) as {
        data?: { uploadThumbnail: { id: string; thumbnailUrl: string } };
      };
      expect(answer.data?.uploadThumbnail.id).toBe(DEMO.task.id);
      const url = new URL(answer.data!.uploadThumbnail.thumbnailUrl);
      const res = await fetch(`${harness.url}${url.pathname}${url.search}`);
      const { width, height } = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
      // thumbnailUrl is size 300: the uploaded 320 x 240 image scaled to fit (the seeded one is 320 x 180).
      expect([width, height]).toEqual([300, 225]);
    } finally {
      rmSync(image, { force: true });
    }
  });
});

describe("README: npm run emulator", () => {
  it("prints the copy-paste line the README shows, AUTH_MODE included", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/emulator/main.ts"], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        HOST: "127.0.0.1",
        EMULATOR_PORT: "0",
        EMULATOR_DATA_DIR: ":memory:",
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    try {
      await expect.poll(() => stdout, { timeout: 30_000 }).toMatch(/AUTH_MODE=none npm start\n/);
    } finally {
      child.kill("SIGTERM");
    }
    const line = stdout.split("\n").find((l) => l.includes("FTRACK_SERVER="))!;
    const asDocumented = line.replace(/http:\/\/127\.0\.0\.1:\d+/, "http://localhost:4010");
    expect(section("The embedded ftrack-compatible server")).toContain(`\n${asDocumented}\n`);
  }, 60_000);
});
