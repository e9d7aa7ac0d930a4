import type { FtrackSession } from "../ftrack/ftrack.session.js";
import type { SrcsetBuilder } from "../thumbnails/srcset.builder.js";
import type { ThumbnailService } from "../thumbnails/thumbnail.service.js";
import type { ThumbnailChangeFeed } from "../thumbnails/thumbnail-change.feed.js";
import type { ThumbnailUploadFlow } from "../thumbnails/thumbnail-upload.flow.js";
import type { ThumbnailUrlSigner } from "../thumbnails/url-signer.js";

/**
 * What every resolver gets: one ftrack session (loaders, batcher) per request, and the URL signer.
 * (A type, not an interface: graphql-sse wants a context that is a plain record.)
 */
export type GraphContext = {
  requestId: string;
  /**
   * The caller's session. A subscription's is replaced by each change's own (see
   * ThumbnailSubscriptionResolver), so what one change reads is never served stale to a later one.
   */
  ftrack: FtrackSession;
  urls: ThumbnailUrlSigner;
  /** srcset values with the widths really delivered. */
  srcsets: SrcsetBuilder;
  /** Thumbnail mutations (set, upload, copy, clear); shared, stateless between requests. */
  thumbnails: ThumbnailService;
  /** Live thumbnail changes (subscriptions); shared by every subscriber of this replica. */
  liveThumbnails: ThumbnailChangeFeed;
  /** Subscriptions: when the caller's credentials expire (ms since the epoch; a bearer token's exp). */
  credentialsExpireAt?: number;
  /** Two-step uploads (create, PUT, complete); their pending uploads are shared between requests. */
  uploads: ThumbnailUploadFlow;
};
