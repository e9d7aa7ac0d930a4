import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { toAsset, toContext, toUser } from "../graph.mapper.js";
import type { GraphContext } from "../request-context.js";
import { Asset } from "../types/asset.type.js";
import { AssetVersion } from "../types/asset-version.type.js";
import { Task } from "../types/typed-context.types.js";
import { User } from "../types/user.type.js";

@Resolver(() => AssetVersion)
export class AssetVersionResolver {
  @FieldResolver(() => Asset, { nullable: true })
  async asset(@Root() version: AssetVersion, @Ctx() ctx: GraphContext): Promise<Asset | null> {
    const asset = version.assetId ? await ctx.ftrack.asset(version.assetId) : null;
    return asset && toAsset(asset);
  }

  @FieldResolver(() => Task, { nullable: true, description: "The task the version was published from." })
  async task(@Root() version: AssetVersion, @Ctx() ctx: GraphContext): Promise<Task | null> {
    const task = version.taskId ? await ctx.ftrack.typedContext(version.taskId) : null;
    return task && (toContext(task) as Task);
  }

  @FieldResolver(() => User, { nullable: true, description: "Who published the version." })
  async user(@Root() version: AssetVersion, @Ctx() ctx: GraphContext): Promise<User | null> {
    const user = version.userId ? await ctx.ftrack.user(version.userId) : null;
    return user && toUser(user);
  }
}
