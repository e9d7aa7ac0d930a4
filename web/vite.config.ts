/**
 * The thumbnail browser's build (`npm run build:web`, web/ -> web/dist/, served by the service at /)
 * and its dev server (`npm run dev:web`), which forwards the service's routes so the page talks to
 * one origin, as it does when the service serves it: no CORS_ORIGINS needed.
 */
import { defineConfig } from "vite";

/** Where `npm run dev:web` finds the service (`npm start`). */
const service = process.env.SERVICE_URL ?? "http://localhost:4000";

export default defineConfig({
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Never inline assets as data: URLs: the page's Content-Security-Policy loads images from origins only.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: {
      "/graphql": { target: service, ws: true },
      "/thumbnails": service,
      // The two-step upload's PUT, when the service signs its URLs for the dev server (PUBLIC_URL).
      "/thumbnail-uploads": service,
      "/web-config.json": service,
    },
  },
});
