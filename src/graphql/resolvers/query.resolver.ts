import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { toAsset, toAssetVersion, toContext, toUser } from "../graph.mapper.js";
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
const FILTER_ID = (what: string) => ({
  nullable: true,
  description: `Only objects ${what}. An id that names nothing (or is not an ftrack id) gives an empty list.`,
});

@Resolver()
export class QueryResolver {
  @Query(() => Thumbnailable, { nullable: true, description: "Any thumbnailable entity by its type and id." })
  thumbnailable(
    @Arg("type", () => ThumbnailableType) type: ThumbnailableType,
    @Arg("id", ById, BY_ID) id: string,
    @Ctx() ctx: GraphContext,
  ): Promise<Thumbnailable | null> {
    return loadThumbnailable(ctx.ftrack, type, id);
  }

  @Query(() => Context, { nullable: true, description: "A project or any object under one, by id." })
  async context(@Arg("id", ById, BY_ID) id: string, @Ctx() ctx: GraphContext): Promise<Context | null> {
    const record = await ctx.ftrack.context(id);
    return record && toContext(record);
  }

  @Query(() => Project, { nullable: true })
  project(@Arg("id", ById, BY_ID) id: string, @Ctx() ctx: GraphContext) {
    return loadThumbnailable(ctx.ftrack, ThumbnailableType.PROJECT, id);
  }

  @Query(() => Task, { nullable: true })
  task(@Arg("id", ById, BY_ID) id: string, @Ctx() ctx: GraphContext) {
    return loadThumbnailable(ctx.ftrack, ThumbnailableType.TASK, id);
  }

  @Query(() => Shot, { nullable: true })
  shot(@Arg("id", ById, BY_ID) id: string, @Ctx() ctx: GraphContext) {
    return loadThumbnailable(ctx.ftrack, ThumbnailableType.SHOT, id);
  }

  @Query(() => Sequence, { nullable: true })
  sequence(@Arg("id", ById, BY_ID) id: string, @Ctx() ctx: GraphContext) {
    return loadThumbnailable(ctx.ftrack, ThumbnailableType.SEQUENCE, id);
  }

  @Query(() => Episode, { nullable: true })
  episode(@Arg("id", ById, BY_ID) id: string, @Ctx() ctx: GraphContext) {
    return loadThumbnailable(ctx.ftrack, ThumbnailableType.EPISODE, id);
  }

  @Query(() => AssetBuild, { nullable: true })
  assetBuild(@Arg("id", ById, BY_ID) id: string, @Ctx() ctx: GraphContext) {
    return loadThumbnailable(ctx.ftrack, ThumbnailableType.ASSET_BUILD, id);
  }

  @Query(() => Folder, { nullable: true })
  folder(@Arg("id", ById, BY_ID) id: string, @Ctx() ctx: GraphContext) {
    return loadThumbnailable(ctx.ftrack, ThumbnailableType.FOLDER, id);
  }

  @Query(() => Milestone, { nullable: true })
  milestone(@Arg("id", ById, BY_ID) id: string, @Ctx() ctx: GraphContext) {
    return loadThumbnailable(ctx.ftrack, ThumbnailableType.MILESTONE, id);
  }

  @Query(() => AssetVersion, { nullable: true })
  assetVersion(@Arg("id", ById, BY_ID) id: string, @Ctx() ctx: GraphContext) {
    return loadThumbnailable(ctx.ftrack, ThumbnailableType.ASSET_VERSION, id);
  }

  @Query(() => User, { nullable: true })
  user(@Arg("id", ById, BY_ID) id: string, @Ctx() ctx: GraphContext) {
    return loadThumbnailable(ctx.ftrack, ThumbnailableType.USER, id);
  }

  @Query(() => Asset, { nullable: true })
  async asset(@Arg("id", ById, BY_ID) id: string, @Ctx() ctx: GraphContext): Promise<Asset | null> {
    const record = await ctx.ftrack.asset(id);
    return record && toAsset(record);
  }

  @Query(() => ProjectConnection)
  async projects(
    @Ctx() ctx: GraphContext,
    @Arg("nameContains", () => String, { nullable: true }) nameContains?: string,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ): Promise<ProjectConnection> {
    const page = await ctx.ftrack.listProjects({ nameContains, ...pageRequest(first, after) });
    return toPage(page, (record) => toContext(record) as Project);
  }

  @Query(() => TypedContextConnection, {
    description:
      "Objects under a project (any depth) or directly under a parent, optionally of one object type.",
  })
  async contexts(
    @Ctx() ctx: GraphContext,
    @Arg("projectId", () => ID, FILTER_ID("in this project (any depth)")) projectId?: string,
    @Arg("parentId", () => ID, FILTER_ID("directly under this parent")) parentId?: string,
    @Arg("objectType", () => String, { nullable: true, description: 'e.g. "Shot"' }) objectType?: string,
    @Arg("nameContains", () => String, { nullable: true }) nameContains?: string,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ): Promise<TypedContextConnection> {
    const page = await ctx.ftrack.listContexts({
      projectId,
      parentId,
      objectTypeName: objectType,
      nameContains,
      ...pageRequest(first, after),
    });
    return toPage(page, (record) => toContext(record) as TypedContext);
  }

  @Query(() => TaskConnection, {
    description: "Tasks under a project (any depth) or directly under a parent.",
  })
  async tasks(
    @Ctx() ctx: GraphContext,
    @Arg("projectId", () => ID, FILTER_ID("in this project (any depth)")) projectId?: string,
    @Arg("parentId", () => ID, FILTER_ID("directly under this parent")) parentId?: string,
    @Arg("nameContains", () => String, { nullable: true }) nameContains?: string,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ): Promise<TaskConnection> {
    const page = await ctx.ftrack.listContexts({
      projectId,
      parentId,
      objectTypeName: "Task",
      nameContains,
      ...pageRequest(first, after),
    });
    return toPage(page, (record) => toContext(record) as Task);
  }

  @Query(() => AssetVersionConnection, { description: "Versions of an asset or of a task, lowest first." })
  async assetVersions(
    @Ctx() ctx: GraphContext,
    @Arg("assetId", () => ID, FILTER_ID("of this asset")) assetId?: string,
    @Arg("taskId", () => ID, FILTER_ID("published from this task")) taskId?: string,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ): Promise<AssetVersionConnection> {
    const page = await ctx.ftrack.listAssetVersions({ assetId, taskId, ...pageRequest(first, after) });
    return toPage(page, toAssetVersion);
  }

  @Query(() => UserConnection)
  async users(
    @Ctx() ctx: GraphContext,
    @Arg("nameContains", () => String, { nullable: true }) nameContains?: string,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ): Promise<UserConnection> {
    const page = await ctx.ftrack.listUsers({ nameContains, ...pageRequest(first, after) });
    return toPage(page, toUser);
  }
}
