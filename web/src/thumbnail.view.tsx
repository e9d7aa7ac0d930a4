/**
 * An entity's thumbnail: the API's srcset with the size it is shown at, so the browser fetches the
 * rung that fits the screen; a placeholder of the same shape when there is none. Every image of the
 * page is drawn here from the ThumbnailImage fragment (thumbnail.graphql): what an image shows about
 * its thumbnail is decided in these two places.
 */
import type { ThumbnailImageFragment } from "./generated/graphql";

interface ThumbnailViewProps {
  thumbnail: ThumbnailImageFragment | null;
  /** The entity's name, for the alternative text. */
  name: string;
  /** The CSS width the image is shown at (an `<img sizes>` value). */
  sizes: string;
  onError?: () => void;
}

export function ThumbnailView({ thumbnail, name, sizes, onError }: ThumbnailViewProps) {
  if (!thumbnail) {
    return (
      <div class="thumb thumb-empty" role="img" aria-label={`${name} has no thumbnail`}>
        No thumbnail
      </div>
    );
  }
  return (
    <img
      class="thumb"
      srcset={thumbnail.srcset}
      sizes={sizes}
      // The box's shape before the image arrives (CSS sizes it): no layout shift while loading.
      width={16}
      height={9}
      alt={`Thumbnail of ${name}`}
      loading="lazy"
      decoding="async"
      onError={onError}
    />
  );
}
