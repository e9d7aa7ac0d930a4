import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { toAssetVersion } from "../graph.mapper.js";
import { pageRequest, toPage } from "../pagination.js";
import type { GraphContext } from "../request-context.js";
import { AssetVersionConnection } from "../types/connections.types.js";
import { Task } from "../types/typed-context.types.js";

@Resolver(() => Task)
export class TaskResolver {
  @FieldResolver(() => AssetVersionConnection, { description: "Versions published from this task." })
  async versions(
    @Root() task: Task,
    @Ctx() ctx: GraphContext,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ): Promise<AssetVersionConnection> {
    const page = await ctx.ftrack.listAssetVersions({ taskId: task.id, ...pageRequest(first, after) });
    return toPage(page, toAssetVersion);
  }
}
