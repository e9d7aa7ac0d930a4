import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { toContext } from "../graph.mapper.js";
import { pageRequest, toPage } from "../pagination.js";
import type { GraphContext } from "../request-context.js";
import { ContextConnection } from "../types/connections.types.js";
import { Context, TypedContext } from "../types/context.type.js";
import { PageArgs } from "../types/list.args.js";
import { Project } from "../types/project.type.js";

@Resolver(() => Context)
export class ContextResolver {
  @FieldResolver(() => ContextConnection, { description: "The objects directly under this one." })
  async children(
    @Root() context: Context,
    @Ctx() ctx: GraphContext,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ContextConnection> {
    const children = await ctx.ftrack.listChildren(context.id, pageRequest(page));
    return toPage(children, toContext);
  }
}

@Resolver(() => TypedContext)
export class TypedContextResolver {
  @FieldResolver(() => Context, { nullable: true, description: "The project or object this one is under." })
  async parent(@Root() context: TypedContext, @Ctx() ctx: GraphContext): Promise<Context | null> {
    if (!context.parentId) return null;
    const parent = await ctx.ftrack.context(context.parentId);
    return parent && toContext(parent);
  }

  @FieldResolver(() => Project, { nullable: true })
  async project(@Root() context: TypedContext, @Ctx() ctx: GraphContext): Promise<Project | null> {
    if (!context.projectId) return null;
    const project = await ctx.ftrack.project(context.projectId);
    return project && (toContext(project) as Project);
  }
}
