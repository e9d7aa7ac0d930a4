import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { type Awaitable, whenReady } from "../../ftrack/awaitable.js";
import { toAssetVersion, toContext } from "../graph.mapper.js";
import { nodesPlanOf, planOf } from "../look-ahead.js";
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
  parent(
    @Root() asset: Asset,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Awaitable<Context | null> {
    if (!asset.contextId) return null;
    return whenReady(
      ctx.ftrack.context(asset.contextId, planOf(info)),
      (parent) => parent && toContext(parent),
    );
  }

  @FieldResolver(() => AssetVersionConnection, { description: "The asset's versions, lowest first." })
  versions(
    @Root() asset: Asset,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => PageArgs) page: PageArgs,
  ): Awaitable<AssetVersionConnection> {
    const versions = ctx.ftrack.listAssetVersions(
      { assetId: asset.id, ...pageRequest(page) },
      nodesPlanOf(info),
    );
    return whenReady(versions, (found) => toPage(found, toAssetVersion));
  }
}
