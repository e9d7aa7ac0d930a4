import type { FtrackSession } from "../ftrack/ftrack.session.js";
import type { SrcsetBuilder } from "../thumbnails/srcset.builder.js";
import type { ThumbnailService } from "../thumbnails/thumbnail.service.js";
import type { ThumbnailUrlSigner } from "../thumbnails/url-signer.js";

/** What every resolver gets: one ftrack session (loaders, batcher) per request, and the URL signer. */
export interface GraphContext {
  requestId: string;
  ftrack: FtrackSession;
  urls: ThumbnailUrlSigner;
  /** srcset values with the widths really delivered. */
  srcsets: SrcsetBuilder;
  /** Thumbnail mutations (set, upload, copy, clear); shared, stateless between requests. */
  thumbnails: ThumbnailService;
}
