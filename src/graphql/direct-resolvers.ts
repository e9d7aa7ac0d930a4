/**
 * The field resolvers of entities (`thumbnailUrl`, `thumbnail`, `project`, `parent`, `versions`, ...),
 * called directly instead of through type-graphql's per-call pipeline. That pipeline passes every
 * argument through an async validation step (even with `validate: false`), so each of these fields
 * returned a promise, on every entity of every list, and graphql-js then awaited every object holding
 * one: for 200 tasks with their project and versions that cost more CPU than the rest of execution.
 * Called directly, a field whose value the session already holds (a URL, a record look-ahead brought)
 * returns it at once, and graphql-js completes those objects without a promise.
 * `thumbnailUrl` and `thumbnail` stay synchronous unless `inherit: true` has to read what they inherit.
 *
 * The type-graphql declarations still define the fields (type, arguments, defaults, description,
 * cache hint); only the call changes: the same resolver methods, with the arguments graphql-js has
 * already coerced and defaulted (an @Args class gets the plain arguments object, which the methods
 * only read). None of these methods uses middleware, auth or input objects, and
 * test/graphql/direct-resolvers.test.ts fails if one ever does (it would be skipped here).
 */
import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from "graphql";
import type { GraphContext } from "./request-context.js";
import { AssetResolver } from "./resolvers/asset.resolver.js";
import { AssetVersionResolver } from "./resolvers/asset-version.resolver.js";
import { ContextResolver, TypedContextResolver } from "./resolvers/context.resolver.js";
import { ProjectResolver } from "./resolvers/project.resolver.js";
import { TaskResolver } from "./resolvers/task.resolver.js";
import { ThumbnailResolver } from "./resolvers/thumbnail.resolver.js";
import { ThumbnailableResolver } from "./resolvers/thumbnailable.resolver.js";

interface DirectField {
  /** An object type, or an interface: then the field of every object type implementing it. */
  on: string;
  field: string;
  /** The type-graphql resolver method `resolve` calls. */
  resolver: { class: abstract new () => unknown; method: string };
  // biome-ignore lint/suspicious/noExplicitAny: a resolver's source and arguments as graphql-js hands them over
  resolve: GraphQLFieldResolver<any, GraphContext, any>;
}

export function directFields(): DirectField[] {
  const thumbnailable = new ThumbnailableResolver();
  const thumbnail = new ThumbnailResolver();
  const context = new ContextResolver();
  const typedContext = new TypedContextResolver();
  const project = new ProjectResolver();
  const task = new TaskResolver();
  const version = new AssetVersionResolver();
  const asset = new AssetResolver();
  return [
    {
      on: "Thumbnailable",
      field: "thumbnailUrl",
      resolver: { class: ThumbnailableResolver, method: "thumbnailUrl" },
      resolve: (entity, args, ctx) => thumbnailable.thumbnailUrl(entity, args.size, args.inherit, ctx),
    },
    {
      on: "Thumbnailable",
      field: "thumbnail",
      resolver: { class: ThumbnailableResolver, method: "thumbnail" },
      resolve: (entity, args, ctx) => thumbnailable.thumbnail(entity, args.inherit, ctx),
    },
    {
      on: "Thumbnail",
      field: "url",
      resolver: { class: ThumbnailResolver, method: "url" },
      resolve: (image, args, ctx) => thumbnail.url(image, args.size, ctx),
    },
    {
      on: "Thumbnail",
      field: "srcset",
      resolver: { class: ThumbnailResolver, method: "srcset" },
      resolve: (image, args, ctx) => thumbnail.srcset(image, args.sizes, ctx),
    },
    {
      on: "Context",
      field: "children",
      resolver: { class: ContextResolver, method: "children" },
      resolve: (entity, args, ctx, info) => context.children(entity, ctx, info, args),
    },
    {
      on: "TypedContext",
      field: "parent",
      resolver: { class: TypedContextResolver, method: "parent" },
      resolve: (entity, _args, ctx, info) => typedContext.parent(entity, ctx, info),
    },
    {
      on: "TypedContext",
      field: "project",
      resolver: { class: TypedContextResolver, method: "project" },
      resolve: (entity, _args, ctx, info) => typedContext.project(entity, ctx, info),
    },
    {
      on: "Project",
      field: "contexts",
      resolver: { class: ProjectResolver, method: "contexts" },
      resolve: (entity, args, ctx, info) => project.contexts(entity, ctx, info, args.objectType, args),
    },
    {
      on: "Task",
      field: "versions",
      resolver: { class: TaskResolver, method: "versions" },
      resolve: (entity, args, ctx, info) => task.versions(entity, ctx, info, args),
    },
    {
      on: "AssetVersion",
      field: "asset",
      resolver: { class: AssetVersionResolver, method: "asset" },
      resolve: (entity, _args, ctx, info) => version.asset(entity, ctx, info),
    },
    {
      on: "AssetVersion",
      field: "task",
      resolver: { class: AssetVersionResolver, method: "task" },
      resolve: (entity, _args, ctx, info) => version.task(entity, ctx, info),
    },
    {
      on: "AssetVersion",
      field: "user",
      resolver: { class: AssetVersionResolver, method: "user" },
      resolve: (entity, _args, ctx, info) => version.user(entity, ctx, info),
    },
    {
      on: "Asset",
      field: "parent",
      resolver: { class: AssetResolver, method: "parent" },
      resolve: (entity, _args, ctx, info) => asset.parent(entity, ctx, info),
    },
    {
      on: "Asset",
      field: "versions",
      resolver: { class: AssetResolver, method: "versions" },
      resolve: (entity, args, ctx, info) => asset.versions(entity, ctx, info, args),
    },
  ];
}

/** Rewires the fields above on `schema` (in place) and returns it. */
export function resolveUrlFieldsDirectly(schema: GraphQLSchema): GraphQLSchema {
  const direct = directFields();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    const names = new Set([type.name, ...type.getInterfaces().map((i) => i.name)]);
    const fields = type.getFields();
    for (const { on, field, resolve } of direct) {
      if (names.has(on) && fields[field]) fields[field].resolve = resolve;
    }
  }
  return schema;
}
