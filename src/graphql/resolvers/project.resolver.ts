import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { type Awaitable, whenReady } from "../../ftrack/awaitable.js";
import { toContext } from "../graph.mapper.js";
import { nodesPlanOf } from "../look-ahead.js";
import { pageRequest, toPage } from "../pagination.js";
import type { GraphContext } from "../request-context.js";
import { TypedContextConnection } from "../types/connections.types.js";
import type { TypedContext } from "../types/context.type.js";
import { NamedPageArgs } from "../types/list.args.js";
import { Project } from "../types/project.type.js";

@Resolver(() => Project)
export class ProjectResolver {
  @FieldResolver(() => TypedContextConnection, { description: "Objects anywhere under this project." })
  contexts(
    @Root() project: Project,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
    @Arg("objectType", () => String, { nullable: true, description: 'e.g. "Shot" or "Task"' })
    objectType: string | undefined,
    @Args(() => NamedPageArgs) { nameContains, ...page }: NamedPageArgs,
  ): Awaitable<TypedContextConnection> {
    const contexts = ctx.ftrack.listContexts(
      { projectId: project.id, objectTypeName: objectType, nameContains, ...pageRequest(page) },
      nodesPlanOf(info),
    );
    return whenReady(contexts, (found) => toPage(found, (record) => toContext(record) as TypedContext));
  }
}
