import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import type { UploadedFile } from "../../thumbnails/upload.reader.js";
import { graphTypeOf, kindOf } from "../graph.mapper.js";
import type { GraphContext } from "../request-context.js";
import { reloadTargets, resolveTargets } from "../thumbnailable.lookup.js";
import { ThumbnailTarget } from "../types/thumbnail-target.input.js";
import { ThumbnailUpload } from "../types/thumbnail-upload.type.js";
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

  @Mutation(() => ThumbnailUpload, {
    description:
      "Starts a two-step upload, which works through any gateway (only JSON goes through GraphQL): " +
      "checks the declared type and size and the caller's right to change the target, and returns a " +
      "signed URL for one PUT of the file. Nothing is written to ftrack until completeThumbnailUpload.",
  })
  async createThumbnailUpload(
    @Arg("target", () => ThumbnailTarget) target: ThumbnailTarget,
    @Arg("fileName", () => String) fileName: string,
    @Arg("contentType", () => String, { description: "The file's MIME type, e.g. image/png." })
    contentType: string,
    @Arg("byteSize", () => Int, { description: "The file's size in bytes: the PUT may carry no more." })
    byteSize: number,
    @Ctx() ctx: GraphContext,
  ): Promise<ThumbnailUpload> {
    const [entity] = await resolveTargets(ctx.ftrack, [target]);
    return ctx.uploads.reserve(
      ctx.ftrack,
      { kind: kindOf(target.type), entity },
      { fileName, contentType, byteSize },
    );
  }

  @Mutation(() => Thumbnailable, {
    description:
      "Completes a two-step upload once its PUT answered 204: stores the checked image in ftrack and " +
      "makes it the target's thumbnail, all or nothing. Only the user who created the upload can complete it.",
  })
  async completeThumbnailUpload(
    @Arg("id", () => ID) id: string,
    @Ctx() ctx: GraphContext,
  ): Promise<Thumbnailable> {
    const target = await ctx.uploads.complete(ctx.ftrack, id);
    const [updated] = await reloadTargets(ctx.ftrack, [{ type: graphTypeOf(target), id: target.id }]);
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
