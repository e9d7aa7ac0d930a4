import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, ID, Info, Query, Resolver } from "type-graphql";
import { toAsset, toAssetVersion, toContext, toUser } from "../graph.mapper.js";
import { nodesPlanOf, planOf } from "../look-ahead.js";
import { pageRequest, toPage } from "../pagination.js";
import type { GraphContext } from "../request-context.js";
import { loadThumbnailable } from "../thumbnailable.lookup.js";
import { Asset } from "../types/asset.type.js";
import { AssetVersion } from "../types/asset-version.type.js";
import {
  AssetVersionConnection,
  ProjectConnection,
  TaskConnection,
  TypedContextConnection,
  UserConnection,
} from "../types/connections.types.js";
import { Context, type TypedContext } from "../types/context.type.js";
import { ContextListArgs, filterById, NamedPageArgs, PageArgs } from "../types/list.args.js";
import { Project } from "../types/project.type.js";
import { Thumbnailable } from "../types/thumbnailable.type.js";
import { ThumbnailableType } from "../types/thumbnailable-type.enum.js";
import {
  AssetBuild,
  Episode,
  Folder,
  Milestone,
  Sequence,
  Shot,
  Task,
} from "../types/typed-context.types.js";
import { User } from "../types/user.type.js";

const ById = () => ID;

// Reads treat an id that cannot name an entity (not an ftrack id) like one that names none: the
// answer is null (or an empty list), never an error, so clients handle one case. Mutations differ.
const BY_ID = {
  description:
    "An ftrack id. An id that names no entity of this type (missing, of another type, or not an ftrack " +
    "id at all) answers null, not an error.",
};

@Resolver()
export class QueryResolver {
  @Query(() => Thumbnailable, { nullable: true, description: "Any thumbnailable entity by its type and id." })
  thumbnailable(
    @Arg("type", () => ThumbnailableType) type: ThumbnailableType,
    @Arg("id", ById, BY_ID) id: string,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Thumbnailable | null> {
    return loadThumbnailable(ctx.ftrack, type, id, planOf(info));
  }

  @Query(() => Context, { nullable: true, description: "A project or any object under one, by id." })
  async context(
    @Arg("id", ById, BY_ID) id: string,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Context | null> {
    const record = await ctx.ftrack.context(id, planOf(info));
    return record && toContext(record);
  }

  @Query(() => Project, { nullable: true })
  project(@Arg("id", ById, BY_ID) id: string, @Ctx() ctx: GraphContext, @Info() info: GraphQLResolveInfo) {
    return loadThumbnailable(ctx.ftrack, ThumbnailableType.PROJECT, id, planOf(info));
  }

  @Query(() => Task, { nullable: true })
  task(@Arg("id", ById, BY_ID) id: string, @Ctx() ctx: GraphContext, @Info() info: GraphQLResolveInfo) {
    return loadThumbnailable(ctx.ftrack, ThumbnailableType.TASK, id, planOf(info));
  }

  @Query(() => Shot, { nullable: true })
  shot(@Arg("id", ById, BY_ID) id: string, @Ctx() ctx: GraphContext, @Info() info: GraphQLResolveInfo) {
    return loadThumbnailable(ctx.ftrack, ThumbnailableType.SHOT, id, planOf(info));
  }

  @Query(() => Sequence, { nullable: true })
  sequence(@Arg("id", ById, BY_ID) id: string, @Ctx() ctx: GraphContext, @Info() info: GraphQLResolveInfo) {
    return loadThumbnailable(ctx.ftrack, ThumbnailableType.SEQUENCE, id, planOf(info));
  }

  @Query(() => Episode, { nullable: true })
  episode(@Arg("id", ById, BY_ID) id: string, @Ctx() ctx: GraphContext, @Info() info: GraphQLResolveInfo) {
    return loadThumbnailable(ctx.ftrack, ThumbnailableType.EPISODE, id, planOf(info));
  }

  @Query(() => AssetBuild, { nullable: true })
  assetBuild(@Arg("id", ById, BY_ID) id: string, @Ctx() ctx: GraphContext, @Info() info: GraphQLResolveInfo) {
    return loadThumbnailable(ctx.ftrack, ThumbnailableType.ASSET_BUILD, id, planOf(info));
  }

  @Query(() => Folder, { nullable: true })
  folder(@Arg("id", ById, BY_ID) id: string, @Ctx() ctx: GraphContext, @Info() info: GraphQLResolveInfo) {
    return loadThumbnailable(ctx.ftrack, ThumbnailableType.FOLDER, id, planOf(info));
  }

  @Query(() => Milestone, { nullable: true })
  milestone(@Arg("id", ById, BY_ID) id: string, @Ctx() ctx: GraphContext, @Info() info: GraphQLResolveInfo) {
    return loadThumbnailable(ctx.ftrack, ThumbnailableType.MILESTONE, id, planOf(info));
  }

  @Query(() => AssetVersion, { nullable: true })
  assetVersion(
    @Arg("id", ById, BY_ID) id: string,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return loadThumbnailable(ctx.ftrack, ThumbnailableType.ASSET_VERSION, id, planOf(info));
  }

  @Query(() => User, { nullable: true })
  user(@Arg("id", ById, BY_ID) id: string, @Ctx() ctx: GraphContext, @Info() info: GraphQLResolveInfo) {
    return loadThumbnailable(ctx.ftrack, ThumbnailableType.USER, id, planOf(info));
  }

  @Query(() => Asset, { nullable: true })
  async asset(
    @Arg("id", ById, BY_ID) id: string,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Asset | null> {
    const record = await ctx.ftrack.asset(id, planOf(info));
    return record && toAsset(record);
  }

  @Query(() => ProjectConnection)
  async projects(
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => NamedPageArgs) { nameContains, ...page }: NamedPageArgs,
  ): Promise<ProjectConnection> {
    const projects = await ctx.ftrack.listProjects({ nameContains, ...pageRequest(page) }, nodesPlanOf(info));
    return toPage(projects, (record) => toContext(record) as Project);
  }

  @Query(() => TypedContextConnection, {
    description:
      "Objects under a project (any depth) or directly under a parent, optionally of one object type.",
  })
  async contexts(
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => ContextListArgs) { projectId, parentId, objectType, nameContains, ...page }: ContextListArgs,
  ): Promise<TypedContextConnection> {
    const contexts = await ctx.ftrack.listContexts(
      { projectId, parentId, objectTypeName: objectType, nameContains, ...pageRequest(page) },
      nodesPlanOf(info),
    );
    return toPage(contexts, (record) => toContext(record) as TypedContext);
  }

  @Query(() => TaskConnection, {
    description: "Tasks under a project (any depth) or directly under a parent.",
  })
  async tasks(
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
    @Arg("projectId", () => ID, filterById("in this project (any depth)")) projectId: string | undefined,
    @Arg("parentId", () => ID, filterById("directly under this parent")) parentId: string | undefined,
    @Args(() => NamedPageArgs) { nameContains, ...page }: NamedPageArgs,
  ): Promise<TaskConnection> {
    const tasks = await ctx.ftrack.listContexts(
      { projectId, parentId, objectTypeName: "Task", nameContains, ...pageRequest(page) },
      nodesPlanOf(info),
    );
    return toPage(tasks, (record) => toContext(record) as Task);
  }

  @Query(() => AssetVersionConnection, { description: "Versions of an asset or of a task, lowest first." })
  async assetVersions(
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
    @Arg("assetId", () => ID, filterById("of this asset")) assetId: string | undefined,
    @Arg("taskId", () => ID, filterById("published from this task")) taskId: string | undefined,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<AssetVersionConnection> {
    const versions = await ctx.ftrack.listAssetVersions(
      { assetId, taskId, ...pageRequest(page) },
      nodesPlanOf(info),
    );
    return toPage(versions, toAssetVersion);
  }

  @Query(() => UserConnection)
  async users(
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => NamedPageArgs) { nameContains, ...page }: NamedPageArgs,
  ): Promise<UserConnection> {
    const users = await ctx.ftrack.listUsers({ nameContains, ...pageRequest(page) }, nodesPlanOf(info));
    return toPage(users, toUser);
  }
}
