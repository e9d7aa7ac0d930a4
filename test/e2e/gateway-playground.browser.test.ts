/**
 * The playground at a studio gateway's URL in a real browser (Debian's headless Chromium via
 * playwright-core), for both gateways `npm run gateway` offers: the IDE opens on GET, a query with
 * `thumbnailUrl` (and a field of another subgraph) answers, and a two-step upload runs from it:
 * createThumbnailUpload in the IDE, the PUT as curl would send it, completeThumbnailUpload in the
 * IDE. Every request of the page stays on the gateway's origin.
 *
 * Without chromium on the PATH the test is skipped, unless REQUIRE_BROWSER=1 (CI), where it fails.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/emulator/index.js";
import { type GatewayKind, type StudioHarness, startStudio } from "../federation/studio.harness.js";
import { putFile, type UploadTicket } from "../support/two-step.client.js";
import {
  ARTIFACTS_DIR,
  launchChromium,
  type OpenedPage,
  openPage,
  skipBrowser,
} from "../web/browser.support.js";
import { ALTAIR, resultJson, setEditorText } from "./altair.support.js";

if (skipBrowser) {
  console.warn(
    "gateway-playground.browser.test: SKIPPED: no `chromium` on the PATH (apt-get install chromium). " +
      "Set REQUIRE_BROWSER=1 to make this a failure.",
  );
}

const TASK = DEMO.taskWithoutThumbnail.id;

describe.skipIf(skipBrowser).each<GatewayKind>(["apollo", "hive"])(
  "the %s gateway's playground in Chromium",
  { timeout: 90_000 },
  (kind) => {
    let studio: StudioHarness;
    let browser: Browser;
    let opened: OpenedPage;

    beforeAll(async () => {
      [studio, browser] = await Promise.all([
        startStudio(
          { tasks: { [TASK]: { dueDate: "2031-03-21", status: "NOT_STARTED" } } },
          { gateway: kind },
        ),
        launchChromium(),
      ]);
      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      // openPage watches for requests to any origin but the one given: the gateway's.
      opened = await openPage(browser, studio.graphqlUrl);
    });

    afterAll(async () => {
      await opened?.close();
      await browser?.close();
      await studio?.close();
    });

    async function run(document: string, mustContain: string) {
      const { page } = opened;
      await setEditorText(page, page.locator(ALTAIR.queryEditor).first(), document);
      await page.getByRole("button", { name: "Send Request" }).click();
      return resultJson(page, mustContain);
    }

    it("opens on GET and answers a query with thumbnailUrl and another subgraph's field", async () => {
      const { page } = opened;
      const response = await page.goto(studio.graphqlUrl);
      expect(response?.status()).toBe(200);
      await page.locator(ALTAIR.queryEditor).first().waitFor({ timeout: 30_000 });

      const sent = page.waitForRequest((r) => r.method() === "POST" && /TaskDue/.test(r.postData() ?? ""));
      const body = await run(
        `query TaskDue { task(id: "${TASK}") { name thumbnailUrl(size: 100) dueDate } }`,
        "dueDate",
      );
      expect((await sent).headers()["apollo-require-preflight"]).toBe("true");
      expect(body).toEqual({
        data: { task: { name: "Lighting", thumbnailUrl: null, dueDate: "2031-03-21" } },
      });
      const withThumbnail = await run(
        `query Compositing { task(id: "${DEMO.task.id}") { name thumbnailUrl(size: 100) } }`,
        "Compositing",
      );
      const url = (withThumbnail as { data: { task: { thumbnailUrl: string } } }).data.task.thumbnailUrl;
      expect((await fetch(url)).status).toBe(200);
      expect(opened.problems).toEqual([]);
      expect(opened.foreignRequests).toEqual([]);
    });

    it("runs createThumbnailUpload, and completeThumbnailUpload after the PUT", async () => {
      const png = await sharp({ create: { width: 90, height: 60, channels: 3, background: "#a020f0" } })
        .png()
        .toBuffer();
      const created = (await run(
        `mutation Create { createThumbnailUpload(target: { type: TASK, id: "${TASK}" }, fileName: "purple.png",
           contentType: "image/png", byteSize: ${png.length}) { id url method headers { name value } expiresAt } }`,
        "expiresAt",
      )) as { data?: { createThumbnailUpload: UploadTicket }; errors?: unknown };
      expect(created.errors).toBeUndefined();
      const ticket = created.data!.createThumbnailUpload;
      expect(ticket.method).toBe("PUT");
      expect(new URL(ticket.url).origin).toBe(studio.service.url);

      expect((await putFile(ticket, png)).status).toBe(204);
      const completed = (await run(
        `mutation Complete { completeThumbnailUpload(id: "${ticket.id}") { id thumbnailUrl(size: 100) } }`,
        "completeThumbnailUpload",
      )) as { data?: { completeThumbnailUpload: { id: string; thumbnailUrl: string } }; errors?: unknown };
      await opened.page.screenshot({ path: join(ARTIFACTS_DIR, `gateway-playground-${kind}.png`) });
      expect(completed.errors).toBeUndefined();
      expect(completed.data!.completeThumbnailUpload.id).toBe(TASK);
      const image = await fetch(completed.data!.completeThumbnailUpload.thumbnailUrl);
      expect(await sharp(Buffer.from(await image.arrayBuffer())).metadata()).toMatchObject({ width: 90 });
      expect(opened.problems).toEqual([]);
      expect(opened.foreignRequests).toEqual([]);
    });
  },
);
