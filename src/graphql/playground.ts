/**
 * The GraphQL playground: Altair, served from this service's installed files (no CDN: studio
 * networks are often offline). A browser's GET /graphql (Accept: text/html, no `query`) gets the
 * IDE; everything else on /graphql falls through to Apollo. The IDE's own files live under
 * /playground/. Disabled with PLAYGROUND=false.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { altairExpress, type ExpressRenderOptions } from "altair-express-middleware";
import { type Request, type Response, Router } from "express";
import { sameOriginCsp } from "../http/security.middleware.js";

/** Where the IDE's scripts, styles, fonts and sandbox frame are served from. */
export const PLAYGROUND_ASSETS_PATH = "/playground";

export interface PlaygroundOptions {
  /** The GraphQL endpoint's path on this origin, e.g. "/graphql". */
  endpointPath: string;
}

const INITIAL_QUERY = `# Upload through any gateway, in two steps (only JSON goes through GraphQL):
# 1. mutation { createThumbnailUpload(target: { type: TASK, id: "<task id>" }, fileName: "thumb.png",
#      contentType: "image/png", byteSize: <file size>) { id url method headers { name value } expiresAt } }
# 2. curl -X PUT -H 'Content-Type: image/png' --data-binary @thumb.png '<url>'   (answers 204)
# 3. mutation { completeThumbnailUpload(id: "<id>") { id thumbnailUrl } }
# Straight to this service, in one multipart request: open "Variables", click "Add files", name the
# file variable "file", select an image, and run:
# mutation Upload($file: Upload!) {
#   uploadThumbnail(target: { type: PROJECT, id: "<project id>" }, file: $file) { id thumbnailUrl }
# }

query Projects {
  projects(first: 20) {
    nodes {
      id
      name
      fullName
      thumbnailUrl(size: 300)
    }
  }
}
`;

/** What the empty result pane says (instead of Altair's stock greeting), in every IDE language. */
export const EMPTY_RESULT_HINT =
  'Press "Send Request" (Ctrl+Enter) to run the query on the left; its result shows here. "Docs" lists every type and field; thumbnail URLs in a result open in the browser.';

// altair-express-middleware renders its page only at its own mount point; the same render function
// comes from its altair-static dependency, loaded from there so both use one copy.
const requireFromAltair = createRequire(createRequire(import.meta.url).resolve("altair-express-middleware"));
const { renderAltair } = requireFromAltair("altair-static") as {
  renderAltair: (options: ExpressRenderOptions) => string;
};
const ALTAIR_I18N = join(
  dirname(requireFromAltair.resolve("altair-static/package.json")),
  "build/dist/assets/i18n",
);

/** Altair's translation file for `language` with our empty-pane hint; null for a language it lacks. */
const translations = new Map<string, string | null>();
function translationWithHint(language: string): string | null {
  if (!translations.has(language)) {
    let text: string | null = null;
    try {
      const strings = JSON.parse(readFileSync(join(ALTAIR_I18N, `${language}.json`), "utf8"));
      text = JSON.stringify({ ...strings, QUERY_RESULT_NO_RESULT_TEXT: EMPTY_RESULT_HINT });
    } catch {
      // Not one of Altair's languages: its own route answers (404).
    }
    translations.set(language, text);
  }
  return translations.get(language)!;
}

function cspNonceFor(res: Response): string {
  const nonce = randomBytes(16).toString("base64");
  res.setHeader("Content-Security-Policy", sameOriginCsp(nonce));
  res.setHeader("Cache-Control", "no-store");
  return nonce;
}

/** True for a browser opening the endpoint: GET, no operation in the URL, HTML preferred to JSON. */
function wantsPlayground(req: Request): boolean {
  return (
    req.method === "GET" &&
    req.query.query === undefined &&
    req.accepts(["application/json", "text/html"]) === "text/html"
  );
}

export function createPlaygroundRouter({ endpointPath }: PlaygroundOptions): Router {
  const options: ExpressRenderOptions = {
    baseURL: `${PLAYGROUND_ASSETS_PATH}/`,
    endpointURL: endpointPath,
    initialName: "ftrack thumbnails",
    initialQuery: INITIAL_QUERY,
    // Apollo Server's CSRF prevention refuses multipart requests (uploads) without this header.
    initialHeaders: { "apollo-require-preflight": "true" },
    instanceStorageNamespace: "ftrack_thumbnail_graph_",
    // No account, cloud sync, remote plugins or update checks: all of them call altairgraphql.dev.
    disableAccount: true,
    initialSettings: {
      "alert.disableUpdateNotification": true,
      "banners.disable": true,
      disablePushNotification: true,
      "plugin.list": [],
      "schema.reloadOnStart": true,
    },
    cspNonceGenerator: (_req, res) => cspNonceFor(res),
  };

  const altair = altairExpress(options);
  const router = Router();
  router.get(endpointPath, (req, res, next) => {
    res.vary("Accept");
    if (!wantsPlayground(req)) return next();
    const cspNonce = cspNonceFor(res);
    res.type("html").send(renderAltair({ ...options, cspNonce }));
  });
  // The IDE loads its texts at run time from here: serve them with the hint in the empty result pane.
  router.get(`${PLAYGROUND_ASSETS_PATH}/assets/i18n/:file`, (req, res, next) => {
    const language = /^([A-Za-z]{2,3}(?:-[A-Za-z]{2})?|default)\.json$/.exec(req.params.file)?.[1];
    const text = language ? translationWithHint(language) : null;
    if (text === null) return next();
    res.type("json").send(text);
  });
  router.use(PLAYGROUND_ASSETS_PATH, (req, res, next) => {
    // altairExpress is an Express 4 app, with two habits this app must not take on. It announces
    // itself (X-Powered-By): say nothing instead. It swaps in its own request/response prototypes,
    // which must not leak into this app's later handlers when it passes a request on.
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
      this.removeHeader("X-Powered-By");
      return writeHead.apply(this, args);
    } as typeof writeHead;
    const requestProto = Object.getPrototypeOf(req);
    const responseProto = Object.getPrototypeOf(res);
    altair(req, res, (error?: unknown) => {
      Object.setPrototypeOf(req, requestProto);
      Object.setPrototypeOf(res, responseProto);
      next(error);
    });
  });
  return router;
}
