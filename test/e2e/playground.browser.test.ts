/**
 * The playground in a real browser: Debian's headless Chromium, driven by playwright-core, opens
 * GET /graphql, runs a query through the IDE's editor, uploads an image through its "Add files"
 * UI, and every request the page makes stays on the service's own origin (studios run offline).
 *
 * Without chromium on the PATH the test is skipped, unless REQUIRE_BROWSER=1 (CI), where it fails.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/emulator/index.js";
import { EMPTY_RESULT_HINT } from "../../src/graphql/playground.js";
import { type Harness, startHarness } from "../support/service.harness.js";
import { ALTAIR, resultJson, setEditorText } from "./altair.support.js";

function findChromium(): string | undefined {
  try {
    return execFileSync("which", ["chromium"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const chromiumPath = findChromium();
const browserRequired = process.env.REQUIRE_BROWSER === "1";
const skip = !chromiumPath && !browserRequired;
if (skip) {
  console.warn(
    "playground.browser.test: SKIPPED: no `chromium` on the PATH (apt-get install chromium). " +
      "Set REQUIRE_BROWSER=1 to make this a failure.",
  );
}

const UPLOADED = { width: 120, height: 80, colour: { r: 30, g: 90, b: 220 } };

const UPLOAD_MUTATION = `mutation Upload($target: ThumbnailTarget!, $file: Upload!) {
  uploadThumbnail(target: $target, file: $file) {
    id
    thumbnailUrl(size: 300)
  }
}`;

describe.skipIf(skip)("GraphQL playground in Chromium", { timeout: 90_000 }, () => {
  let harness: Harness;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  const foreignRequests: string[] = [];
  const pageProblems: string[] = [];

  beforeAll(async () => {
    if (!chromiumPath) {
      throw new Error("REQUIRE_BROWSER=1 but no `chromium` on the PATH: install Debian's chromium package");
    }
    harness = await startHarness();
    userDataDir = mkdtempSync(join(tmpdir(), "playground-chromium-"));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
      viewport: { width: 1400, height: 900 },
    });
    const origin = new URL(harness.url).origin;
    // Every request of the page and its frames and workers: the IDE must work with no network.
    context.on("request", (request) => {
      const url = request.url();
      if (!/^(data|blob):/.test(url) && new URL(url).origin !== origin) foreignRequests.push(url);
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (error) => pageProblems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) pageProblems.push(message.text());
    });
  });

  afterAll(async () => {
    await context?.close();
    await harness?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  async function openPlayground() {
    const response = await page.goto(`${harness.url}/graphql`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-security-policy"]).toContain("default-src 'self'");
    await page.locator(ALTAIR.queryEditor).first().waitFor({ timeout: 15_000 });
  }

  it("opens the IDE on GET /graphql and shows a query's result", async () => {
    await openPlayground();
    // Before anything is sent, the result pane says what to do (not the IDE's stock greeting).
    await expect
      .poll(() => page.locator("app-query-result").first().textContent(), { timeout: 15_000 })
      .toContain(EMPTY_RESULT_HINT);
    await setEditorText(
      page,
      page.locator(ALTAIR.queryEditor).first(),
      "query Projects { projects { nodes { id name } } }",
    );
    const sent = page.waitForRequest((r) => r.method() === "POST" && /Projects/.test(r.postData() ?? ""));
    await page.getByRole("button", { name: "Send Request" }).click();
    expect((await sent).headers()["apollo-require-preflight"]).toBe("true");

    const body = await resultJson(page, DEMO.projects.borealis.id);
    expect(body).toEqual({
      data: {
        projects: {
          nodes: expect.arrayContaining([
            { id: DEMO.projects.aurora.id, name: DEMO.projects.aurora.name },
            { id: DEMO.projects.borealis.id, name: DEMO.projects.borealis.name },
          ]),
        },
      },
    });
    await page.screenshot({ path: join(tmpdir(), "playground-query.png") });
    expect(pageProblems).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it("uploads an image through the IDE's file variables and the returned URL serves it", async () => {
    const { r, g, b } = UPLOADED.colour;
    const png = await sharp({
      create: { width: UPLOADED.width, height: UPLOADED.height, channels: 3, background: { r, g, b } },
    })
      .png()
      .toBuffer();
    const target = DEMO.taskWithoutThumbnail.id;

    // Loading the IDE is slow on a busy machine: reuse the page of the previous test when it is there.
    if (!page.url().startsWith(harness.url)) await openPlayground();
    await setEditorText(page, page.locator(ALTAIR.queryEditor).first(), UPLOAD_MUTATION);

    // Variables pane: the JSON variables, then a file variable named "file" with the image.
    if (!(await page.locator(ALTAIR.variablesPane).getAttribute("class"))?.includes("show-variables")) {
      await page.locator(ALTAIR.variablesTitle).click();
    }
    await setEditorText(
      page,
      page.locator(ALTAIR.variablesEditor).first(),
      JSON.stringify({ target: { type: "TASK", id: target } }),
    );
    await page.locator(ALTAIR.addFiles).click();
    await page.locator(ALTAIR.fileName).last().fill("file");
    const chooser = page.waitForEvent("filechooser");
    await page.locator(ALTAIR.selectFiles).last().click();
    await (await chooser).setFiles({ name: "blue.png", mimeType: "image/png", buffer: png });

    // Chromium does not always expose a multipart body carrying a file: match on the content type.
    const sent = page.waitForRequest(
      (req) => req.method() === "POST" && /^multipart\/form-data/.test(req.headers()["content-type"] ?? ""),
    );
    await page.getByRole("button", { name: "Send Request" }).click();
    const request = await sent;
    expect(request.headers()["apollo-require-preflight"]).toBe("true");

    const body = (await resultJson(page, "uploadThumbnail")) as {
      data?: { uploadThumbnail: { id: string; thumbnailUrl: string | null } };
      errors?: unknown;
    };
    await page.screenshot({ path: join(tmpdir(), "playground-upload.png") });
    expect(body.errors).toBeUndefined();
    expect(body.data?.uploadThumbnail.id).toBe(target);
    const issued = new URL(body.data?.uploadThumbnail.thumbnailUrl ?? "");
    expect(issued.pathname).toMatch(/^\/thumbnails\//);

    // The harness listens on a random port, so fetch the issued path on the service itself.
    const image = await fetch(new URL(`${issued.pathname}${issued.search}`, harness.url));
    expect(image.status).toBe(200);
    const decoded = sharp(Buffer.from(await image.arrayBuffer()));
    const { width, height } = await decoded.metadata();
    expect({ width, height }).toEqual({ width: UPLOADED.width, height: UPLOADED.height });
    const { data } = await decoded.removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const centre = ((UPLOADED.height / 2) * UPLOADED.width + UPLOADED.width / 2) * 3;
    const pixel = [data[centre], data[centre + 1], data[centre + 2]];
    // Delivery may re-encode (webp): allow a little lossy drift.
    [r, g, b].forEach((expected, i) => {
      expect(Math.abs(pixel[i] - expected)).toBeLessThanOrEqual(8);
    });

    expect(pageProblems).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});
