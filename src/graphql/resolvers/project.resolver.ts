import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { toContext } from "../graph.mapper.js";
import { pageRequest, toPage } from "../pagination.js";
import type { GraphContext } from "../request-context.js";
import { TypedContextConnection } from "../types/connections.types.js";
import type { TypedContext } from "../types/context.type.js";
import { Project } from "../types/project.type.js";

@Resolver(() => Project)
export class ProjectResolver {
  @FieldResolver(() => TypedContextConnection, { description: "Objects anywhere under this project." })
  async contexts(
    @Root() project: Project,
    @Ctx() ctx: GraphContext,
    @Arg("objectType", () => String, { nullable: true, description: 'e.g. "Shot" or "Task"' })
    objectType?: string,
    @Arg("nameContains", () => String, { nullable: true }) nameContains?: string,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ): Promise<TypedContextConnection> {
    const page = await ctx.ftrack.listContexts({
      projectId: project.id,
      objectTypeName: objectType,
      nameContains,
      ...pageRequest(first, after),
    });
    return toPage(page, (record) => toContext(record) as TypedContext);
  }
}
