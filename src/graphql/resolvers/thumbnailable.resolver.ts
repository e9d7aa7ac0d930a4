import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { DEFAULT_THUMBNAIL_SIZE } from "../../thumbnails/url-signer.js";
import { PRIVATE_URL_CACHE_HINT } from "../federation/cache-control.directive.js";
import type { GraphContext } from "../request-context.js";
import { Thumbnail } from "../types/thumbnail.type.js";
import { Thumbnailable } from "../types/thumbnailable.type.js";

@Resolver(() => Thumbnailable)
export class ThumbnailableResolver {
  @FieldResolver(() => Thumbnail, { nullable: true, description: "The thumbnail component, if any." })
  async thumbnail(@Root() entity: Thumbnailable, @Ctx() ctx: GraphContext): Promise<Thumbnail | null> {
    if (!entity.thumbnailId) return null;
    const component = await ctx.ftrack.component(entity.thumbnailId);
    if (!component) return null;
    return Object.assign(new Thumbnail(), {
      id: component.id,
      name: component.name,
      fileType: component.fileType,
      byteSize: component.size,
    });
  }

  // Signed URLs are bearer links that expire: responses carrying one are private and short-lived.
  @Directive(PRIVATE_URL_CACHE_HINT)
  @FieldResolver(() => String, {
    nullable: true,
    description:
      "A signed, expiring URL of this service that serves the thumbnail scaled to fit inside size x size " +
      "(rounded up to the configured size ladder). Null when the entity has no thumbnail.",
  })
  thumbnailUrl(
    @Root() entity: Thumbnailable,
    @Arg("size", () => Int, { defaultValue: DEFAULT_THUMBNAIL_SIZE, nullable: true }) size: number | null,
    @Ctx() ctx: GraphContext,
  ): string | null {
    return entity.thumbnailId ? ctx.urls.issue(entity.thumbnailId, size ?? DEFAULT_THUMBNAIL_SIZE) : null;
  }
}
