import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { toAssetVersion, toContext } from "../graph.mapper.js";
import { pageRequest, toPage } from "../pagination.js";
import type { GraphContext } from "../request-context.js";
import { Asset } from "../types/asset.type.js";
import { AssetVersionConnection } from "../types/connections.types.js";
import { Context } from "../types/context.type.js";
import { PageArgs } from "../types/list.args.js";

@Resolver(() => Asset)
export class AssetResolver {
  @FieldResolver(() => Context, {
    nullable: true,
    description: "The context the asset hangs from (a shot, an asset build, ...).",
  })
  async parent(@Root() asset: Asset, @Ctx() ctx: GraphContext): Promise<Context | null> {
    const parent = asset.contextId ? await ctx.ftrack.context(asset.contextId) : null;
    return parent && toContext(parent);
  }

  @FieldResolver(() => AssetVersionConnection, { description: "The asset's versions, lowest first." })
  async versions(
    @Root() asset: Asset,
    @Ctx() ctx: GraphContext,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<AssetVersionConnection> {
    const versions = await ctx.ftrack.listAssetVersions({ assetId: asset.id, ...pageRequest(page) });
    return toPage(versions, toAssetVersion);
  }
}
