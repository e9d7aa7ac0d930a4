import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { type Awaitable, whenReady } from "../../ftrack/awaitable.js";
import type { ThumbnailableRecord } from "../../ftrack/ftrack.types.js";
import { findThumbnailSource } from "../../thumbnails/inherited-thumbnail.finder.js";
import { DEFAULT_THUMBNAIL_SIZE } from "../../thumbnails/url-signer.js";
import { PRIVATE_URL_CACHE_HINT } from "../federation/cache-control.directive.js";
import { toThumbnail, toThumbnailable } from "../graph.mapper.js";
import type { GraphContext } from "../request-context.js";
import { Thumbnail } from "../types/thumbnail.type.js";
import { Thumbnailable } from "../types/thumbnailable.type.js";

type Source = Thumbnailable | ThumbnailableRecord | null;

@Resolver(() => Thumbnailable)
export class ThumbnailableResolver {
  @FieldResolver(() => Thumbnail, {
    nullable: true,
    description:
      "The thumbnail component, if any. With `inherit: true`, an entity without one of its own gets the one it " +
      "inherits (`source` says whose): a task its latest version's that has one (highest version, then newest), else " +
      "its nearest ancestor's own; any other context its nearest ancestor's own; a version its asset's parent's own, " +
      "else that parent's nearest ancestor's. Projects and users never inherit.",
  })
  // Synchronous when its component is already read and nothing is inherited (see direct-resolvers.ts).
  thumbnail(
    @Root() entity: Thumbnailable,
    @Arg("inherit", () => Boolean, { defaultValue: false, nullable: true })
    inherit: boolean | null,
    @Ctx() ctx: GraphContext,
  ): Awaitable<Thumbnail | null> {
    if (!inherit) return thumbnailOf(entity, entity, ctx);
    const source = findThumbnailSource(ctx.ftrack, entity);
    return source instanceof Promise
      ? source.then((found) => thumbnailOf(entity, found, ctx))
      : thumbnailOf(entity, source, ctx);
  }

  // Signed URLs are bearer links that expire: responses carrying one are private and short-lived.
  // Synchronous unless inheriting needs a read (direct-resolvers.ts calls it directly for speed).
  @Directive(PRIVATE_URL_CACHE_HINT)
  @FieldResolver(() => String, {
    nullable: true,
    description:
      "A signed, expiring URL of this service that serves the thumbnail scaled to fit inside size x size " +
      "(rounded up to the configured size ladder). Null when the entity has no thumbnail; with `inherit: true`, " +
      "the one it inherits as `thumbnail(inherit: true)` does.",
  })
  thumbnailUrl(
    @Root() entity: Thumbnailable,
    @Arg("size", () => Int, { defaultValue: DEFAULT_THUMBNAIL_SIZE, nullable: true }) size: number | null,
    @Arg("inherit", () => Boolean, { defaultValue: false, nullable: true })
    inherit: boolean | null,
    @Ctx() ctx: GraphContext,
  ): Awaitable<string | null> {
    // No closure on the common path: it runs for every entity of every list.
    if (!inherit) return urlOf(entity, size, ctx);
    return whenReady(findThumbnailSource(ctx.ftrack, entity), (found) => urlOf(found, size, ctx));
  }
}

function urlOf(source: Source, size: number | null, ctx: GraphContext): string | null {
  return source?.thumbnailId ? ctx.urls.issue(source.thumbnailId, size ?? DEFAULT_THUMBNAIL_SIZE) : null;
}

/** The Thumbnail `entity` shows: its own, or `source`'s when it inherits that. */
function thumbnailOf(entity: Thumbnailable, source: Source, ctx: GraphContext): Awaitable<Thumbnail | null> {
  if (!source?.thumbnailId) return null;
  const inherited = source.id !== entity.id;
  return whenReady(
    ctx.ftrack.component(source.thumbnailId),
    (component) =>
      component &&
      toThumbnail(component, inherited ? toThumbnailable(source as ThumbnailableRecord) : entity, inherited),
  );
}
