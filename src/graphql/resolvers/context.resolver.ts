import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { type Awaitable, whenReady } from "../../ftrack/awaitable.js";
import { toContext } from "../graph.mapper.js";
import { nodesPlanOf, planOf } from "../look-ahead.js";
import { pageRequest, toPage } from "../pagination.js";
import type { GraphContext } from "../request-context.js";
import { ContextConnection } from "../types/connections.types.js";
import { Context, TypedContext } from "../types/context.type.js";
import { PageArgs } from "../types/list.args.js";
import { Project } from "../types/project.type.js";

@Resolver(() => Context)
export class ContextResolver {
  @FieldResolver(() => ContextConnection, { description: "The objects directly under this one." })
  children(
    @Root() context: Context,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => PageArgs) page: PageArgs,
  ): Awaitable<ContextConnection> {
    const children = ctx.ftrack.listChildren(context.id, pageRequest(page), nodesPlanOf(info));
    return whenReady(children, (found) => toPage(found, toContext));
  }
}

@Resolver(() => TypedContext)
export class TypedContextResolver {
  @FieldResolver(() => Context, { nullable: true, description: "The project or object this one is under." })
  parent(
    @Root() context: TypedContext,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Awaitable<Context | null> {
    if (!context.parentId) return null;
    return whenReady(
      ctx.ftrack.context(context.parentId, planOf(info)),
      (parent) => parent && toContext(parent),
    );
  }

  @FieldResolver(() => Project, { nullable: true })
  project(
    @Root() context: TypedContext,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Awaitable<Project | null> {
    if (!context.projectId) return null;
    const project = ctx.ftrack.project(context.projectId, planOf(info));
    return whenReady(project, (found) => found && (toContext(found) as Project));
  }
}
