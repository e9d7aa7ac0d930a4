import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { UploadedFile } from "../../thumbnails/upload.reader.js";
import type { GraphContext } from "../request-context.js";
import { reloadTargets, resolveTargets } from "../thumbnailable.lookup.js";
import { ThumbnailTarget } from "../types/thumbnail-target.input.js";
import { Thumbnailable } from "../types/thumbnailable.type.js";
import { UploadScalar } from "../upload/upload.scalar.js";

/** Thin: load the targets, let ThumbnailService apply the rules and write, return the fresh entities. */
@Resolver()
export class ThumbnailMutationResolver {
  @Mutation(() => Thumbnailable, {
    description:
      "Makes an existing component the target's thumbnail. It must be a FileComponent stored in the " +
      "ftrack.server location whose bytes are an accepted image type within the resolution limits.",
  })
  async setThumbnail(
    @Arg("target", () => ThumbnailTarget) target: ThumbnailTarget,
    @Arg("componentId", () => ID) componentId: string,
    @Ctx() ctx: GraphContext,
  ): Promise<Thumbnailable> {
    const [entity] = await resolveTargets(ctx.ftrack, [target]);
    await ctx.thumbnails.set(ctx.ftrack, entity, componentId);
    const [updated] = await reloadTargets(ctx.ftrack, [target]);
    return updated;
  }

  @Mutation(() => Thumbnailable, {
    description:
      "Uploads an image (multipart request; send the `apollo-require-preflight: true` header) and makes it " +
      "the target's thumbnail. The type is read from the bytes (JPEG, PNG, GIF, WebP); metadata such as " +
      "EXIF GPS is removed. On any failure the target keeps its old thumbnail and nothing is left in ftrack.",
  })
  async uploadThumbnail(
    @Arg("target", () => ThumbnailTarget) target: ThumbnailTarget,
    @Arg("file", () => UploadScalar) file: UploadedFile,
    @Ctx() ctx: GraphContext,
  ): Promise<Thumbnailable> {
    const [entity] = await resolveTargets(ctx.ftrack, [target]);
    await ctx.thumbnails.upload(ctx.ftrack, entity, file);
    const [updated] = await reloadTargets(ctx.ftrack, [target]);
    return updated;
  }

  @Mutation(() => [Thumbnailable], {
    description:
      "Puts the source's thumbnail on every target in one ftrack transaction (all or none), e.g. a " +
      "version's thumbnail onto its asset's parent.",
  })
  async copyThumbnail(
    @Arg("source", () => ThumbnailTarget) source: ThumbnailTarget,
    @Arg("targets", () => [ThumbnailTarget]) targets: ThumbnailTarget[],
    @Ctx() ctx: GraphContext,
  ): Promise<Thumbnailable[]> {
    const [from, ...to] = await resolveTargets(ctx.ftrack, [source, ...targets]);
    await ctx.thumbnails.copy(ctx.ftrack, from, to);
    return reloadTargets(ctx.ftrack, targets);
  }

  @Mutation(() => Thumbnailable, {
    description: "Removes the target's thumbnail. The component stays in ftrack: other entities may use it.",
  })
  async clearThumbnail(
    @Arg("target", () => ThumbnailTarget) target: ThumbnailTarget,
    @Ctx() ctx: GraphContext,
  ): Promise<Thumbnailable> {
    const [entity] = await resolveTargets(ctx.ftrack, [target]);
    await ctx.thumbnails.clear(ctx.ftrack, entity);
    const [updated] = await reloadTargets(ctx.ftrack, [target]);
    return updated;
  }
}
