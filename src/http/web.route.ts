/**
 * The thumbnail browser (web/, built into web/dist/ by `npm run build:web`) at /, and the one fact
 * it needs from the service before its first request: which identity to ask for
 * (GET /web-config.json). WEB_UI=false leaves both out.
 *
 * Caching: Vite names the files under assets/ by their content hash, so they never change (a year,
 * immutable); index.html and the other files are revalidated on every load (no-cache + ETag), so a
 * new build shows at once.
 */
import { relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Response, Router } from "express";
import type { AuthMode } from "../config.js";
import { ErrorCode } from "../error-codes.js";
import { sendError } from "./error.response.js";

/** Where `npm run build:web` writes the page. */
export const WEB_DIST_DIR = fileURLToPath(new URL("../../web/dist/", import.meta.url));

export const WEB_CONFIG_PATH = "/web-config.json";

export interface WebRouteOptions {
  /** The built page's folder (WEB_DIST_DIR). */
  root: string;
  /** Origin of the thumbnail URLs the page shows (PUBLIC_URL). */
  publicUrl: string;
  authMode: AuthMode;
}

/**
 * The page's policy: its own scripts and styles only; images from this service, and requests to
 * it, on its own origin and PUBLIC_URL's (thumbnail URLs and upload PUT URLs carry PUBLIC_URL, which
 * differs when a proxy serves the page under another origin).
 */
export function webPageCsp(publicUrl: string): string {
  const service = [...new Set(["'self'", new URL(publicUrl).origin])].join(" ");
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src ${service}`,
    `connect-src ${service}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function createWebRouter({ root, publicUrl, authMode }: WebRouteOptions): Router {
  const pageCsp = webPageCsp(publicUrl);
  const router = Router();

  router.get(WEB_CONFIG_PATH, (_req, res) => {
    res.setHeader("Cache-Control", "no-cache");
    res.json({ authMode });
  });

  router.use(
    express.static(root, {
      index: "index.html",
      redirect: false,
      setHeaders(res: Response, path: string) {
        // Vite names every file it writes under assets/ by its content hash.
        if (relative(root, path).startsWith(`assets${sep}`)) {
          res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
          return;
        }
        res.setHeader("Cache-Control", "no-cache");
        if (path.endsWith(".html")) res.setHeader("Content-Security-Policy", pageCsp);
      },
    }),
  );

  // Not built (e.g. WEB_UI on but `npm run build:web` never ran): say how to build it.
  router.get("/", (_req, res) => {
    sendError(
      res,
      503,
      ErrorCode.WEB_UI_NOT_BUILT,
      "The web page is not built: run `npm run build:web` (npm start does it), or set WEB_UI=false.",
    );
  });
  return router;
}
