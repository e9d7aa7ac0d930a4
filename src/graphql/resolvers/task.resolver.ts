import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { type Awaitable, whenReady } from "../../ftrack/awaitable.js";
import { toAssetVersion } from "../graph.mapper.js";
import { nodesPlanOf } from "../look-ahead.js";
import { pageRequest, toPage } from "../pagination.js";
import type { GraphContext } from "../request-context.js";
import { AssetVersionConnection } from "../types/connections.types.js";
import { PageArgs } from "../types/list.args.js";
import { Task } from "../types/typed-context.types.js";

@Resolver(() => Task)
export class TaskResolver {
  @FieldResolver(() => AssetVersionConnection, { description: "Versions published from this task." })
  versions(
    @Root() task: Task,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => PageArgs) page: PageArgs,
  ): Awaitable<AssetVersionConnection> {
    const versions = ctx.ftrack.listAssetVersions(
      { taskId: task.id, ...pageRequest(page) },
      nodesPlanOf(info),
    );
    return whenReady(versions, (found) => toPage(found, toAssetVersion));
  }
}
