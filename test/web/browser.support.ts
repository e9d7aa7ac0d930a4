/**
 * What the thumbnail browser's tests share: Debian's Chromium (skipped when it is missing, unless
 * REQUIRE_BROWSER=1), the built page (built first when missing or stale), a page that records every
 * request and every policy violation, and the folder for screenshots (git-ignored test artifacts).
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import sharp from "sharp";

function findChromium(): string | undefined {
  try {
    return execFileSync("which", ["chromium"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export const chromiumPath = findChromium();
export const browserRequired = process.env.REQUIRE_BROWSER === "1";
export const skipBrowser = !chromiumPath && !browserRequired;

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** Screenshots the tests write: artifacts of the run, never committed. */
export const ARTIFACTS_DIR = fileURLToPath(new URL("../../test-results/web/", import.meta.url));

/** Builds web/dist/ when its sources changed since the last build (as `npm start` does). */
export function buildPageIfStale(): void {
  execFileSync(process.execPath, ["--import", "tsx", "scripts/build-web.ts", "--if-stale"], {
    cwd: repoRoot,
    stdio: "inherit",
  });
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
}

export async function launchChromium(): Promise<Browser> {
  if (!chromiumPath) {
    throw new Error("REQUIRE_BROWSER=1 but no `chromium` on the PATH: install Debian's chromium package");
  }
  return chromium.launch({
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
  });
}

export interface OpenedPage {
  page: Page;
  /** Requests to any origin but the service's. */
  foreignRequests: string[];
  /** Script errors and Content-Security-Policy violations. */
  problems: string[];
  close(): Promise<void>;
}

/**
 * A page in a fresh browser context. Zoom is emulated as the browser does it: at 200% a 1280 x 900
 * window has a 640 x 450 CSS-pixel viewport and a device pixel ratio of 2.
 */
export async function openPage(
  browser: Browser,
  serviceUrl: string,
  options: { width?: number; height?: number; zoom?: number } = {},
): Promise<OpenedPage> {
  const zoom = options.zoom ?? 1;
  const context = await browser.newContext({
    viewport: {
      width: Math.round((options.width ?? 1400) / zoom),
      height: Math.round((options.height ?? 900) / zoom),
    },
    deviceScaleFactor: zoom,
  });
  const origin = new URL(serviceUrl).origin;
  const foreignRequests: string[] = [];
  const problems: string[] = [];
  context.on("request", (request) => {
    const url = request.url();
    if (!/^(data|blob):/.test(url) && new URL(url).origin !== origin) foreignRequests.push(url);
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  return { page, foreignRequests, problems, close: () => context.close() };
}

/** A grid tile by its entity's id. */
export const tileOf = (page: Page, entityId: string): Locator =>
  page.locator(`li.tile[data-id="${entityId}"]`);

// The functions below that run in the page get their element from Playwright and reach the page's
// globals through it (element.ownerDocument.defaultView): this Node project has no DOM types, so
// they are not type-checked. Keep them small.

export interface ShownImage {
  entityId: string;
  loading: string;
  srcset: string;
  currentSrc: string;
  complete: boolean;
  naturalWidth: number;
  /** Rendered CSS width x devicePixelRatio: the pixels the image covers on screen. */
  devicePixels: number;
}

export async function shownImages(page: Page): Promise<ShownImage[]> {
  return page.locator("li.tile img").evaluateAll((images) =>
    images.map((img) => ({
      entityId: img.closest("li").dataset.id,
      loading: img.loading,
      srcset: img.srcset,
      currentSrc: img.currentSrc,
      complete: img.complete,
      naturalWidth: img.naturalWidth,
      devicePixels: img.getBoundingClientRect().width * img.ownerDocument.defaultView.devicePixelRatio,
    })),
  );
}

/** Scrolls every tile into view so lazy images load, then waits until every image has loaded. */
export async function loadAllImages(page: Page, timeoutMs = 20_000): Promise<void> {
  for (const tile of await page.locator("li.tile").all()) await tile.scrollIntoViewIfNeeded();
  const deadline = Date.now() + timeoutMs;
  while (!(await shownImages(page)).every((image) => image.complete && image.naturalWidth > 0)) {
    if (Date.now() > deadline) throw new Error("the grid's images did not all load");
    await page.waitForTimeout(100);
  }
}

/** An image's state, as `shownImages` reports it. */
export function imageState(
  image: Locator,
): Promise<Pick<ShownImage, "complete" | "naturalWidth" | "currentSrc">> {
  return image.evaluate((img) => ({
    complete: img.complete,
    naturalWidth: img.naturalWidth,
    currentSrc: img.currentSrc,
  }));
}

/** The aria-label of the focused element, and whether its focus outline shows. */
export function focused(page: Page): Promise<{ label: string | null; outline: string }> {
  return page.locator(":focus").evaluate((element) => ({
    label: element.getAttribute("aria-label"),
    outline: element.ownerDocument.defaultView.getComputedStyle(element).outlineStyle,
  }));
}

/** How far the page is wider than the window (> 0: horizontal scrolling), and controls cut off on the right. */
export function horizontalOverflow(page: Page): Promise<{ overflow: number; cutOff: number }> {
  return page.locator("html").evaluate((html) => {
    const width = html.ownerDocument.defaultView.innerWidth;
    const controls = [...html.querySelectorAll("button, a, li.tile")];
    return {
      overflow: html.scrollWidth - html.clientWidth,
      cutOff: controls.filter((element) => element.getBoundingClientRect().right > width + 0.5).length,
    };
  });
}

/** What the page keeps beyond its memory: storage entries and cookies. */
export function storedByPage(page: Page): Promise<{ local: number; session: number; cookies: string }> {
  return page.locator("html").evaluate((html) => {
    const window = html.ownerDocument.defaultView;
    return {
      local: window.localStorage.length,
      session: window.sessionStorage.length,
      cookies: html.ownerDocument.cookie,
    };
  });
}

/** The size rung in a thumbnail URL: /thumbnails/{componentId}/{size}?... */
export function rungOf(url: string): number {
  const [, route, , size] = new URL(url).pathname.split("/");
  if (route !== "thumbnails") throw new Error(`not a thumbnail URL: ${url}`);
  return Number(size);
}

/** The rungs a srcset offers, smallest first. */
export function offeredRungs(srcset: string): number[] {
  return srcset
    .split(",")
    .map((candidate) => rungOf(candidate.trim().split(/\s+/)[0]))
    .sort((a, b) => a - b);
}

/** The colour at the centre of an image as the page shows it. */
export async function centreColour(image: Locator): Promise<[number, number, number]> {
  return image.evaluate((img) => {
    const canvas = img.ownerDocument.createElement("canvas");
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext("2d")!;
    context.drawImage(img, 0, 0);
    const [r, g, b] = context.getImageData(img.naturalWidth >> 1, img.naturalHeight >> 1, 1, 1).data;
    return [r, g, b] as [number, number, number];
  });
}

export function solidPng(width: number, height: number, colour: { r: number; g: number; b: number }) {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .png()
    .toBuffer();
}

/** Random pixels, stored uncompressed: about width x height x 3 bytes. */
export function noisePng(width: number, height: number) {
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
}

/** Drops a file on an element the way a desktop drag does: dragenter, dragover, drop with a DataTransfer. */
export async function dropFile(
  target: Locator,
  file: { name: string; mimeType: string; bytes: Buffer },
): Promise<void> {
  const dataTransfer = await target.evaluateHandle(
    (element, { name, mimeType, base64 }) => {
      const window = element.ownerDocument.defaultView;
      const bytes = Uint8Array.from(window.atob(base64), (c: string) => c.charCodeAt(0));
      const transfer = new window.DataTransfer();
      transfer.items.add(new window.File([bytes], name, { type: mimeType }));
      return transfer;
    },
    { name: file.name, mimeType: file.mimeType, base64: file.bytes.toString("base64") },
  );
  for (const type of ["dragenter", "dragover", "drop"]) await target.dispatchEvent(type, { dataTransfer });
  await dataTransfer.dispose();
}
