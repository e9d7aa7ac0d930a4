import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { toContext } from "../graph.mapper.js";
import { pageRequest, toPage } from "../pagination.js";
import type { GraphContext } from "../request-context.js";
import { TypedContextConnection } from "../types/connections.types.js";
import type { TypedContext } from "../types/context.type.js";
import { NamedPageArgs } from "../types/list.args.js";
import { Project } from "../types/project.type.js";

@Resolver(() => Project)
export class ProjectResolver {
  @FieldResolver(() => TypedContextConnection, { description: "Objects anywhere under this project." })
  async contexts(
    @Root() project: Project,
    @Ctx() ctx: GraphContext,
    @Arg("objectType", () => String, { nullable: true, description: 'e.g. "Shot" or "Task"' })
    objectType: string | undefined,
    @Args(() => NamedPageArgs) { nameContains, ...page }: NamedPageArgs,
  ): Promise<TypedContextConnection> {
    const contexts = await ctx.ftrack.listContexts({
      projectId: project.id,
      objectTypeName: objectType,
      nameContains,
      ...pageRequest(page),
    });
    return toPage(contexts, (record) => toContext(record) as TypedContext);
  }
}
