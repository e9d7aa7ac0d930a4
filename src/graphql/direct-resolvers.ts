/**
 * The synchronous URL fields (`thumbnailUrl`, `Thumbnail.url`, `Thumbnail.srcset`), called directly
 * instead of through type-graphql's per-call pipeline. That pipeline passes every argument through
 * an async validation step (even with `validate: false`), so each of these fields returned a
 * promise, on every entity of every list, and graphql-js then awaited every object holding one: for
 * 200 tasks with their project and versions that cost more CPU than the rest of execution.
 * `thumbnailUrl` stays synchronous unless `inherit: true` has to read what it inherits.
 *
 * The type-graphql declarations still define the fields (type, arguments, defaults, description,
 * cache hint); only the call changes: the same resolver methods, with the arguments graphql-js has
 * already coerced and defaulted. None of these methods uses middleware, auth or input objects, and
 * test/graphql/direct-resolvers.test.ts fails if one ever does (it would be skipped here).
 */
import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from "graphql";
import type { GraphContext } from "./request-context.js";
import { ThumbnailResolver } from "./resolvers/thumbnail.resolver.js";
import { ThumbnailableResolver } from "./resolvers/thumbnailable.resolver.js";
import type { Thumbnail } from "./types/thumbnail.type.js";
import type { Thumbnailable } from "./types/thumbnailable.type.js";

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
  return [
    {
      on: "Thumbnailable",
      field: "thumbnailUrl",
      resolver: { class: ThumbnailableResolver, method: "thumbnailUrl" },
      resolve: (entity: Thumbnailable, args: { size: number | null; inherit: boolean | null }, ctx) =>
        thumbnailable.thumbnailUrl(entity, args.size, args.inherit, ctx),
    },
    {
      on: "Thumbnail",
      field: "url",
      resolver: { class: ThumbnailResolver, method: "url" },
      resolve: (image: Thumbnail, args: { size: number | null }, ctx) => thumbnail.url(image, args.size, ctx),
    },
    {
      on: "Thumbnail",
      field: "srcset",
      resolver: { class: ThumbnailResolver, method: "srcset" },
      resolve: (image: Thumbnail, args: { sizes: number[] }, ctx) => thumbnail.srcset(image, args.sizes, ctx),
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
