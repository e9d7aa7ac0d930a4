import type { GraphQLResolveInfo } from "graphql";
import { Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { type Awaitable, whenReady } from "../../ftrack/awaitable.js";
import { toAsset, toContext, toUser } from "../graph.mapper.js";
import { planOf } from "../look-ahead.js";
import type { GraphContext } from "../request-context.js";
import { Asset } from "../types/asset.type.js";
import { AssetVersion } from "../types/asset-version.type.js";
import { Task } from "../types/typed-context.types.js";
import { User } from "../types/user.type.js";

@Resolver(() => AssetVersion)
export class AssetVersionResolver {
  @FieldResolver(() => Asset, { nullable: true })
  asset(
    @Root() version: AssetVersion,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Awaitable<Asset | null> {
    if (!version.assetId) return null;
    return whenReady(ctx.ftrack.asset(version.assetId, planOf(info)), (asset) => asset && toAsset(asset));
  }

  @FieldResolver(() => Task, { nullable: true, description: "The task the version was published from." })
  task(
    @Root() version: AssetVersion,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Awaitable<Task | null> {
    if (!version.taskId) return null;
    return whenReady(
      ctx.ftrack.typedContext(version.taskId, planOf(info)),
      (task) => task && (toContext(task) as Task),
    );
  }

  @FieldResolver(() => User, { nullable: true, description: "Who published the version." })
  user(
    @Root() version: AssetVersion,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Awaitable<User | null> {
    if (!version.userId) return null;
    return whenReady(ctx.ftrack.user(version.userId, planOf(info)), (user) => user && toUser(user));
  }
}
