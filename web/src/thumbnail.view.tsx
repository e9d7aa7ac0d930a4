/**
 * An entity's thumbnail: the API's srcset with the size it is shown at, so the browser fetches the
 * rung that fits the screen; a placeholder of the same shape when there is none; a badge naming the
 * source of an inherited one. Every image of the page is drawn here from the ThumbnailImage and
 * ThumbnailSource fragments (thumbnail.graphql): what an image shows about its thumbnail is decided
 * in these two places.
 */
import type { ThumbnailImageFragment, ThumbnailSourceFragment } from "./generated/graphql";

interface ThumbnailViewProps {
  thumbnail: (ThumbnailImageFragment & Partial<ThumbnailSourceFragment>) | null;
  /** The entity's name, for the alternative text. */
  name: string;
  /** The CSS width the image is shown at (an `<img sizes>` value). */
  sizes: string;
  onError?: () => void;
}

/** How the badge names the entity an inherited thumbnail comes from. */
function sourceName(source: ThumbnailSourceFragment["source"]): string {
  if ("name" in source) return source.name;
  if (source.__typename === "AssetVersion") return `${source.asset?.name ?? "Version"} v${source.version}`;
  return source.__typename;
}

export function ThumbnailView({ thumbnail, name, sizes, onError }: ThumbnailViewProps) {
  if (!thumbnail) {
    return (
      <div class="thumb thumb-empty" role="img" aria-label={`${name} has no thumbnail`}>
        No thumbnail
      </div>
    );
  }
  const from = thumbnail.inherited && thumbnail.source ? sourceName(thumbnail.source) : null;
  const image = (
    <img
      class="thumb"
      srcset={thumbnail.srcset}
      sizes={sizes}
      // The box's shape before the image arrives (CSS sizes it): no layout shift while loading.
      width={16}
      height={9}
      // An inherited image is another entity's: the text says whose, as the badge shows.
      alt={from ? `Thumbnail of ${from}, inherited by ${name}` : `Thumbnail of ${name}`}
      loading="lazy"
      decoding="async"
      onError={onError}
    />
  );
  if (!from) return image;
  return (
    <div class="thumb-frame">
      {image}
      {/* The image's alternative text says this already: read once, not twice. */}
      <span class="thumb-badge" aria-hidden="true" title={`Inherited from ${from}`}>
        From {from}
      </span>
    </div>
  );
}
