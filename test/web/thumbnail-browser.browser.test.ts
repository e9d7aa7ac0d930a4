/**
 * The thumbnail browser at / in a real browser (Debian's headless Chromium via playwright-core),
 * against the real service on the embedded ftrack server: the grid's thumbnails load at the size
 * they are shown at, inherited ones carry a badge naming their source, uploads by drop and by the keyboard's file picker change a tile's image with
 * progress (the two-step upload: create, PUT, complete), refused uploads say why, versions' thumbnails go onto their shot, the page works at 200%
 * zoom, and no request leaves the service's origin. Screenshots go to test-results/web/.
 *
 * Without chromium on the PATH the tests are skipped, unless REQUIRE_BROWSER=1 (CI), where they fail.
 */
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/emulator/index.js";
import { activeSubscriptions } from "../graphql/subscriptions/subscription.helpers.js";
import { uploadThumbnail } from "../graphql/thumbnail.helpers.js";
import { create, ftrackCall, update } from "../support/emulator.api.js";
import { type Harness, startHarness } from "../support/service.harness.js";
import {
  ARTIFACTS_DIR,
  buildPageIfStale,
  centreColour,
  dropFile,
  focused,
  horizontalOverflow,
  imageState,
  launchChromium,
  loadAllImages,
  noisePng,
  type OpenedPage,
  offeredRungs,
  openPage,
  rungOf,
  type ShownImage,
  shownImages,
  skipBrowser,
  solidPng,
  storedByPage,
  tileOf,
} from "./browser.support.js";

if (skipBrowser) {
  console.warn(
    "thumbnail-browser.browser.test: SKIPPED: no `chromium` on the PATH (apt-get install chromium). " +
      "Set REQUIRE_BROWSER=1 to make this a failure.",
  );
}

/** Small enough that a throttled upload shows its progress and a larger file is refused. */
const UPLOAD_MAX_BYTES = 1_000_000;
const AURORA = DEMO.projects.aurora;

/** Written into Aurora before the page opens: a folder with nothing to inherit, and a task whose
 * only image is its version's. */
const EMPTY_FOLDER = randomUUID();
const ROTO = { task: randomUUID(), asset: randomUUID(), version: randomUUID() };

/** Each shown image was fetched at the rung that covers its on-screen pixels, not one more. */
function expectSizedToScreen(images: ShownImage[]) {
  for (const image of images) {
    const rung = rungOf(image.currentSrc);
    const offered = offeredRungs(image.srcset);
    const covering = offered.find((size) => size >= image.devicePixels) ?? offered.at(-1)!;
    // Chromium may take the rung below when it is close (its srcset choice rounds by geometric mean).
    const below = offered.filter((size) => size < covering).at(-1) ?? covering;
    const where = `${image.entityId}: ${image.devicePixels}px shown, rung ${rung} of ${offered}`;
    expect(rung, where).toBeLessThanOrEqual(covering);
    expect(rung, where).toBeGreaterThanOrEqual(below);
    expect(image.naturalWidth, where).toBeLessThanOrEqual(rung);
  }
}

/** Counts the page's POSTs to /graphql from now on. */
function countGraphqlPosts(page: Page): { count: number } {
  const counter = { count: 0 };
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/graphql")) counter.count++;
  });
  return counter;
}

/** Nothing went to another origin, no script failed, the page's policy refused nothing. */
function expectClean({ foreignRequests, problems }: OpenedPage) {
  expect(problems).toEqual([]);
  expect(foreignRequests).toEqual([]);
}

describe.skipIf(skipBrowser)("thumbnail browser in Chromium", { timeout: 90_000 }, () => {
  let harness: Harness;
  let browser: Browser;
  const opened: OpenedPage[] = [];

  beforeAll(async () => {
    buildPageIfStale();
    [harness, browser] = await Promise.all([
      // 60 tasks in project "bulk": more than one page of the grid.
      startHarness({ bulkTasks: 60, env: { UPLOAD_MAX_BYTES: String(UPLOAD_MAX_BYTES) } }),
      launchChromium(),
    ]);
    await ftrackCall(harness.emulator, [
      create("Folder", { id: EMPTY_FOLDER, name: "Empty", parent_id: AURORA.id }),
      create("Task", { id: ROTO.task, name: "Roto", parent_id: DEMO.shots.sh020.id }),
      create("Asset", {
        id: ROTO.asset,
        name: "SH020_roto",
        context_id: DEMO.shots.sh020.id,
        type_id: DEMO.workflow.assetTypes.Upload,
      }),
      create("AssetVersion", {
        id: ROTO.version,
        asset_id: ROTO.asset,
        task_id: ROTO.task,
        thumbnail_id: DEMO.components.spareServer,
      }),
    ]);
  });

  afterAll(async () => {
    for (const { close } of opened) await close();
    await browser?.close();
    await harness?.close();
  });

  async function openAurora(options?: Parameters<typeof openPage>[2]): Promise<OpenedPage> {
    const page = await openPage(browser, harness.url, options);
    opened.push(page);
    const response = await page.page.goto(`${harness.url}/#project=${AURORA.id}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await expect
      .poll(() => page.page.locator("li.tile").count(), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(12);
    return page;
  }

  it("shows the project's grid: at least 12 loaded thumbnails, each fetched at its shown size", async () => {
    const opened = await openAurora();
    const { page } = opened;
    expect(await page.getByRole("heading", { level: 2, name: AURORA.fullName }).isVisible()).toBe(true);
    await loadAllImages(page);

    const images = await shownImages(page);
    expect(images.filter((image) => image.naturalWidth > 0).length).toBeGreaterThanOrEqual(12);
    for (const image of images) expect(image.loading).toBe("lazy");
    expectSizedToScreen(images);

    // Entities with no thumbnail, own or inherited, get a placeholder of the same shape, named for screen readers.
    const empty = tileOf(page, EMPTY_FOLDER).getByRole("img");
    await expect.poll(() => empty.getAttribute("aria-label")).toBe(`Empty (${AURORA.name}) has no thumbnail`);
    const alt = await tileOf(page, DEMO.shots.sh010.id).locator("img").getAttribute("alt");
    expect(alt).toBe("Thumbnail of SH010 (SQ010)");

    await page.screenshot({ path: join(ARTIFACTS_DIR, "grid.png"), fullPage: true });
    expectClean(opened);
  });

  it("marks an inherited thumbnail with a badge naming its source, and offers no Clear for it", async () => {
    const opened = await openAurora();
    const { page } = opened;
    await loadAllImages(page);

    // Lighting on SH030 has no image and no versions: it shows SH030's.
    const lighting = tileOf(page, DEMO.taskWithoutThumbnail.id);
    const image = lighting.getByRole("img", { name: "Thumbnail of SH030, inherited by Lighting (SH030)" });
    expect(await image.getAttribute("srcset")).toContain(
      `/thumbnails/${DEMO.thumbnails[DEMO.shots.sh030.id]}/`,
    );
    expect((await imageState(image)).naturalWidth).toBeGreaterThan(0);
    const badge = lighting.locator(".thumb-badge");
    expect(await badge.textContent()).toBe("From SH030");
    expect(await badge.isVisible()).toBe(true);
    expect(await lighting.getByRole("button", { name: /^Clear/ }).count()).toBe(0);
    expect(
      await lighting.getByRole("button", { name: "Upload a thumbnail for Lighting (SH030)" }).count(),
    ).toBe(1);

    // Roto has none of its own but a version with one: its latest version's, named by asset and number.
    const roto = tileOf(page, ROTO.task);
    expect(await roto.locator(".thumb-badge").textContent()).toBe("From SH020_roto v1");
    expect(await roto.locator("img").getAttribute("alt")).toBe(
      "Thumbnail of SH020_roto v1, inherited by Roto (SH020)",
    );

    // A thumbnail of its own has no badge, and can be cleared.
    const own = tileOf(page, DEMO.shots.sh030.id);
    expect(await own.locator(".thumb-badge").count()).toBe(0);
    expect(await own.getByRole("button", { name: "Clear the thumbnail of SH030 (SQ010)" }).count()).toBe(1);

    await lighting.screenshot({ path: join(ARTIFACTS_DIR, "inherited-badge.png") });
    expectClean(opened);
  });

  it("uploads a PNG dropped on a tile and shows it there", async () => {
    const opened = await openAurora();
    const { page } = opened;
    const tile = tileOf(page, DEMO.shots.sh020.id);
    await tile.scrollIntoViewIfNeeded();
    const image = tile.locator("img");
    await expect.poll(async () => (await imageState(image)).naturalWidth).toBeGreaterThan(0);
    const before = (await imageState(image)).currentSrc;

    await dropFile(tile, {
      name: "green.png",
      mimeType: "image/png",
      bytes: await solidPng(160, 90, { r: 20, g: 200, b: 60 }),
    });

    await expect
      .poll(() => tile.locator(".tile-status").textContent(), { timeout: 15_000 })
      .toBe("Thumbnail updated.");
    await expect
      .poll(async () => imageState(image), { timeout: 15_000 })
      .toMatchObject({
        complete: true,
        naturalWidth: expect.any(Number),
        currentSrc: expect.not.stringMatching(before),
      });
    expect((await imageState(image)).naturalWidth).toBeGreaterThan(0);
    const [r, g, b] = await centreColour(image);
    expect(Math.abs(r - 20) + Math.abs(g - 200) + Math.abs(b - 60)).toBeLessThan(30);

    await page.screenshot({ path: join(ARTIFACTS_DIR, "upload.png") });
    expectClean(opened);
  });

  it("sends an upload in two steps: create (JSON), the bytes as one PUT to the signed URL, complete", async () => {
    const opened = await openAurora();
    const { page } = opened;
    const tile = tileOf(page, DEMO.sequence.id);
    await tile.scrollIntoViewIfNeeded();
    // Wider than the tile's pixels at any zoom, so it stays a fair image for the other tests.
    const bytes = await solidPng(640, 360, { r: 240, g: 200, b: 0 });
    const sent: { method: string; path: string; operation?: string; contentType?: string }[] = [];
    const answered: number[] = [];
    page.on("request", (request) => {
      const path = new URL(request.url()).pathname;
      if (request.method() === "PUT") {
        sent.push({ method: "PUT", path, contentType: request.headers()["content-type"] });
        void request.response().then((response) => answered.push(response?.status() ?? 0));
      } else if (request.method() === "POST" && path === "/graphql") {
        const operation = /mutation (\w+)/.exec(JSON.parse(request.postData() ?? "{}").query ?? "")?.[1];
        if (operation)
          sent.push({ method: "POST", path, operation, contentType: request.headers()["content-type"] });
      }
    });

    await dropFile(tile, { name: "yellow.png", mimeType: "image/png", bytes });
    await expect
      .poll(() => tile.locator(".tile-status").textContent(), { timeout: 15_000 })
      .toBe("Thumbnail updated.");
    expect(sent).toEqual([
      {
        method: "POST",
        path: "/graphql",
        operation: "CreateThumbnailUpload",
        contentType: expect.stringMatching(/^application\/json/),
      },
      {
        method: "PUT",
        path: expect.stringMatching(/^\/thumbnail-uploads\/[0-9a-f-]{36}$/),
        contentType: "image/png",
      },
      {
        method: "POST",
        path: "/graphql",
        operation: "CompleteThumbnailUpload",
        contentType: expect.stringMatching(/^application\/json/),
      },
    ]);
    expect(answered).toEqual([204]);
    // The bytes the PUT carried are the sequence's thumbnail now.
    const componentId = harness.emulator.store.get(["Sequence"], DEMO.sequence.id)?.attrs.thumbnail_id;
    expect(componentId).not.toBe(DEMO.thumbnails[DEMO.sequence.id]);
    const stored = harness.emulator.store.getBlob(String(componentId));
    expect(await sharp(stored!).metadata()).toMatchObject({ width: 640, height: 360 });
    expectClean(opened);
  });

  it("shows a refused upload's reason in plain words and keeps the old image", async () => {
    const opened = await openAurora();
    const { page } = opened;
    const tile = tileOf(page, DEMO.shots.sh030.id);
    await tile.scrollIntoViewIfNeeded();
    const before = await tile.locator("img").getAttribute("srcset");

    await dropFile(tile, {
      name: "tiny.png",
      mimeType: "image/png",
      bytes: await solidPng(8, 8, { r: 0, g: 0, b: 0 }),
    });
    const alert = tile.getByRole("alert");
    await expect
      .poll(() => alert.textContent(), { timeout: 15_000 })
      .toContain("The image is too small or too large.");
    expect(await alert.textContent()).toContain("at least 16 pixels");

    await dropFile(tile, {
      name: "notes.png",
      mimeType: "image/png",
      bytes: Buffer.from("not an image at all"),
    });
    await expect
      .poll(() => alert.textContent(), { timeout: 15_000 })
      .toContain("This file is not an image type the service accepts.");

    await dropFile(tile, { name: "huge.png", mimeType: "image/png", bytes: await noisePng(700, 700) });
    await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toContain("The file is too large.");

    expect(await tile.locator("img").getAttribute("srcset")).toBe(before);
    await page.screenshot({ path: join(ARTIFACTS_DIR, "upload-refused.png") });
    expectClean(opened);
  });

  it("reports an upload's progress while its bytes are sent", async () => {
    const opened = await openAurora();
    const { page } = opened;
    const tile = tileOf(page, DEMO.episode.id);
    // A slow uplink (about 100 KB/s), so the upload of ~600 KB takes long enough to be seen midway.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 100 * 1024,
    });

    await dropFile(tile, { name: "noise.png", mimeType: "image/png", bytes: await noisePng(440, 440) });
    // Seen strictly between none and all sent; read without waiting, as the bar goes once sent.
    const fraction = () =>
      tile
        .locator("progress[value]")
        .evaluateAll((bars) => (bars[0] as { value?: number } | undefined)?.value);
    await expect
      .poll(fraction, { timeout: 10_000 })
      .toSatisfy((value) => value !== undefined && value > 0 && value < 1);
    await page.screenshot({ path: join(ARTIFACTS_DIR, "upload-progress.png") });
    await expect
      .poll(() => tile.locator(".tile-status").textContent(), { timeout: 30_000 })
      .toBe("Thumbnail updated.");
    await cdp.detach();
    expectClean(opened);
  });

  it("uploads with the keyboard alone: Tab to the tile's Upload button, Enter, pick a file", async () => {
    const opened = await openAurora();
    const { page } = opened;
    const label = "Upload a thumbnail for Lighting (SH030)";
    // Listening first: Playwright turns on file chooser interception without waiting for it, so a
    // chooser opened right after would go to the (headless, invisible) native dialog instead. The
    // wait spans the Tab presses, which take a while on a loaded machine.
    const chooser = page.waitForEvent("filechooser", { timeout: 80_000 });
    let focus = { label: null as string | null, outline: "none" };
    for (let presses = 0; presses < 150 && focus.label !== label; presses++) {
      await page.keyboard.press("Tab");
      focus = await focused(page);
    }
    expect(focus.label).toBe(label);
    // The focus is visible (the :focus-visible outline).
    expect(focus.outline).not.toBe("none");

    await page.keyboard.press("Enter");
    await (await chooser).setFiles({
      name: "purple.png",
      mimeType: "image/png",
      buffer: await solidPng(160, 90, { r: 140, g: 40, b: 200 }),
    });

    // The tile showed SH030's inherited image: the upload replaces it with one of its own.
    const tile = tileOf(page, DEMO.taskWithoutThumbnail.id);
    const image = tile.locator("img");
    await expect.poll(() => tile.locator(".thumb-badge").count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => image.count(), { timeout: 15_000 }).toBe(1);
    await expect
      .poll(async () => (await imageState(image)).complete && (await imageState(image)).naturalWidth, {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    const [r, g, b] = await centreColour(image);
    expect(Math.abs(r - 140) + Math.abs(g - 40) + Math.abs(b - 200)).toBeLessThan(30);
    expectClean(opened);
  });

  it("puts a version's thumbnail on the task's shot, and clears it, from the keyboard", async () => {
    const opened = await openAurora();
    const { page } = opened;
    const shot = tileOf(page, DEMO.shots.sh010.id);
    const firstVersion = DEMO.asset.versionIds[0];

    const versionsButton = page.getByRole("button", { name: "Versions of Compositing (SH010)" });
    await versionsButton.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Versions of Compositing (SH010)" });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const use = dialog.getByRole("button", { name: "Use as SH010's thumbnail" });
    await expect.poll(() => use.count(), { timeout: 15_000 }).toBe(3);
    await use.first().focus();
    await page.keyboard.press("Enter");

    // The shot's tile now shows the version's thumbnail component.
    const versionThumbnail = DEMO.thumbnails[firstVersion];
    await expect
      .poll(() => shot.locator("img").getAttribute("srcset"), { timeout: 15_000 })
      .toContain(`/thumbnails/${versionThumbnail}/`);

    // Cleared, the shot shows the one it inherits: its sequence's.
    await dialog.getByRole("button", { name: "Clear the thumbnail of SH010" }).focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => shot.locator("img").getAttribute("alt"), { timeout: 15_000 })
      .toBe("Thumbnail of SQ010, inherited by SH010 (SQ010)");
    expect(await shot.locator(".thumb-badge").textContent()).toBe("From SQ010");

    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.isVisible()).toBe(false);
    // Closing the dialog gives the focus back to the button that opened it.
    expect((await focused(page)).label).toBe("Versions of Compositing (SH010)");
    expectClean(opened);
  });

  it("shows a large project a page at a time, the next on Show more", async () => {
    const opened = await openPage(browser, harness.url);
    const { page } = opened;
    await page.goto(`${harness.url}/#project=${DEMO.bulk.project.id}`);
    const tiles = page.locator("li.tile");
    await expect.poll(() => tiles.count(), { timeout: 20_000 }).toBe(48);
    await page.getByRole("button", { name: "Show more" }).click();
    await expect.poll(() => tiles.count(), { timeout: 20_000 }).toBe(60);
    expect(await page.getByRole("button", { name: "Show more" }).count()).toBe(0);
    await opened.close();
    expectClean(opened);
  });

  it("updates a tile live when another client uploads to its entity", async () => {
    const opened = await openAurora();
    const { page } = opened;
    const tile = tileOf(page, DEMO.sequence.id);
    await tile.scrollIntoViewIfNeeded();
    const image = tile.locator("img");
    await expect.poll(async () => (await imageState(image)).naturalWidth).toBeGreaterThan(0);
    await expect.poll(() => activeSubscriptions(harness), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    const queries = countGraphqlPosts(page);

    // Another client: the GraphQL multipart upload over HTTP, not through this page.
    const upload = await uploadThumbnail(
      harness,
      { type: "SEQUENCE", id: DEMO.sequence.id },
      await solidPng(640, 360, { r: 250, g: 160, b: 0 }),
    );
    expect(upload.errors).toBeUndefined();
    const componentId = upload.data?.uploadThumbnail.thumbnail?.id;
    await expect
      .poll(() => image.getAttribute("srcset"), { timeout: 5000 })
      .toContain(`/thumbnails/${componentId}/`);
    await expect
      .poll(async () => (await imageState(image)).naturalWidth, { timeout: 10_000 })
      .toBeGreaterThan(0);
    const [r, g, b] = await centreColour(image);
    expect(Math.abs(r - 250) + Math.abs(g - 160) + Math.abs(b - 0)).toBeLessThan(30);
    // The change made the page fetch its grid again (tiles may inherit the changed one), once.
    expect(queries.count).toBe(1);

    await page.screenshot({ path: join(ARTIFACTS_DIR, "live-update.png") });
    expectClean(opened);
  });

  it("refetches the grid after the service lost ftrack's event hub, so a change made meanwhile shows", async () => {
    const opened = await openAurora();
    const { page } = opened;
    await expect.poll(() => activeSubscriptions(harness), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    const tile = tileOf(page, DEMO.scene.id);
    const before = await tile.locator("img").getAttribute("srcset");
    expect(before).not.toContain(`/thumbnails/${DEMO.components.spareServer}/`);

    harness.emulator.eventHub.stop();
    await expect.poll(() => harness.service.eventHubState, { timeout: 10_000 }).toBe("reconnecting");
    // Straight in ftrack, while nobody hears of it.
    await ftrackCall(harness.emulator, [
      update("TypedContext", DEMO.scene.id, { thumbnail_id: DEMO.components.spareServer }),
    ]);
    await page.waitForTimeout(300);
    expect(await tile.locator("img").getAttribute("srcset")).toBe(before);
    harness.emulator.eventHub.start();

    await expect
      .poll(() => tile.locator("img").getAttribute("srcset"), { timeout: 20_000 })
      .toContain(`/thumbnails/${DEMO.components.spareServer}/`);
    expectClean(opened);
  });

  it("works at 200% zoom: no horizontal scrolling, images fetched for the doubled pixels", async () => {
    const opened = await openAurora({ zoom: 2 });
    const { page } = opened;
    await loadAllImages(page);
    expect(await horizontalOverflow(page)).toEqual({ overflow: 0, cutOff: 0 });
    const images = await shownImages(page);
    expect(images.every((image) => image.devicePixels > 300)).toBe(true);
    expectSizedToScreen(images);
    await page.screenshot({ path: join(ARTIFACTS_DIR, "grid-200-percent.png") });
    expectClean(opened);
  });
});

describe.skipIf(skipBrowser)("thumbnail browser with AUTH_MODE=ftrack-key", { timeout: 90_000 }, () => {
  let harness: Harness;
  let browser: Browser;
  let opened: OpenedPage;
  let page: Page;

  beforeAll(async () => {
    buildPageIfStale();
    [harness, browser] = await Promise.all([
      startHarness({ env: { AUTH_MODE: "ftrack-key" } }),
      launchChromium(),
    ]);
    opened = await openPage(browser, harness.url);
    page = opened.page;
  });

  afterAll(async () => {
    await opened?.close();
    await browser?.close();
    await harness?.close();
  });

  async function signIn(username: string, apiKey: string) {
    await page.getByLabel("ftrack username").fill(username);
    await page.getByLabel("ftrack API key").fill(apiKey);
    await page.getByRole("button", { name: "Sign in" }).click();
  }

  it("asks for a username and API key, says when they are refused, and keeps them in memory only", async () => {
    await page.goto(`${harness.url}/#project=${AURORA.id}`);
    await signIn("dave.diaz", "not-the-key");
    const alert = page.getByRole("alert");
    await expect
      .poll(() => alert.textContent(), { timeout: 15_000 })
      .toContain("did not accept this sign-in");

    const query = page.waitForRequest(
      (request) => request.method() === "POST" && request.url().endsWith("/graphql"),
    );
    await signIn(DEMO.users.dave.username, DEMO.users.dave.apiKey);
    expect((await query).headers()["ftrack-user"]).toBe("dave.diaz");
    await expect.poll(() => page.locator("li.tile").count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(12);

    expect(await storedByPage(page)).toEqual({ local: 0, session: 0, cookies: "" });
  });

  it("tells a read-only user that the upload is not allowed", async () => {
    const tile = tileOf(page, DEMO.shots.sh020.id);
    await dropFile(tile, {
      name: "red.png",
      mimeType: "image/png",
      bytes: await solidPng(64, 64, { r: 220, g: 0, b: 0 }),
    });
    await expect
      .poll(() => tile.getByRole("alert").textContent(), { timeout: 15_000 })
      .toContain("You are not allowed to change this thumbnail.");
    expectClean(opened);
  });
});
