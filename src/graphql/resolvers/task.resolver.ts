import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { toAssetVersion } from "../graph.mapper.js";
import { pageRequest, toPage } from "../pagination.js";
import type { GraphContext } from "../request-context.js";
import { AssetVersionConnection } from "../types/connections.types.js";
import { PageArgs } from "../types/list.args.js";
import { Task } from "../types/typed-context.types.js";

@Resolver(() => Task)
export class TaskResolver {
  @FieldResolver(() => AssetVersionConnection, { description: "Versions published from this task." })
  async versions(
    @Root() task: Task,
    @Ctx() ctx: GraphContext,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<AssetVersionConnection> {
    const versions = await ctx.ftrack.listAssetVersions({ taskId: task.id, ...pageRequest(page) });
    return toPage(versions, toAssetVersion);
  }
}
