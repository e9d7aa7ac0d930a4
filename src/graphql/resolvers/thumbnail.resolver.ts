import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { DEFAULT_THUMBNAIL_SIZE } from "../../thumbnails/url-signer.js";
import { PRIVATE_URL_CACHE_HINT } from "../federation/cache-control.directive.js";
import type { GraphContext } from "../request-context.js";
import { Thumbnail } from "../types/thumbnail.type.js";

@Resolver(() => Thumbnail)
export class ThumbnailResolver {
  @Directive(PRIVATE_URL_CACHE_HINT)
  @FieldResolver(() => String, {
    description: "Signed, expiring URL of the image scaled to fit size x size.",
  })
  url(
    @Root() thumbnail: Thumbnail,
    @Arg("size", () => Int, { defaultValue: DEFAULT_THUMBNAIL_SIZE, nullable: true }) size: number | null,
    @Ctx() ctx: GraphContext,
  ): string {
    return ctx.urls.issue(thumbnail.id, size ?? DEFAULT_THUMBNAIL_SIZE);
  }

  @Directive(PRIVATE_URL_CACHE_HINT)
  @FieldResolver(() => String, {
    description:
      'A ready `srcset` attribute value, "<url> <width>w, ...", for the given sizes. Each width is the width really delivered (images are never enlarged); a size delivering no wider image than a smaller one is left out.',
  })
  srcset(
    @Root() thumbnail: Thumbnail,
    @Arg("sizes", () => [Int], { defaultValue: [100, 300, 500] }) sizes: number[],
    @Ctx() ctx: GraphContext,
  ): Promise<string> {
    return ctx.srcsets.build(thumbnail.id, sizes);
  }
}
