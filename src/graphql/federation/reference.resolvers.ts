/**
 * `__resolveReference` for every entity: how this subgraph turns `{ __typename, id }` from a gateway
 * into an object. All go through the request's ftrack session, so the loaders merge every
 * representation of one `_entities` call (any mix of types) into one ftrack round trip.
 *
 * A representation resolves to null when the id is unknown, or when it names another type than the
 * entity really is (a Shot's id sent as a Task): `_entities` labels the result with the
 * representation's type name, so returning the Shot would mislabel it.
 */
import { toContext, toThumbnailable } from "../graph.mapper.js";
import type { GraphContext } from "../request-context.js";
import { loadThumbnailable } from "../thumbnailable.lookup.js";
import type { Context } from "../types/context.type.js";
import type { Thumbnailable } from "../types/thumbnailable.type.js";
import { ThumbnailableType } from "../types/thumbnailable-type.enum.js";

type Reference = { __typename: string; id?: unknown };
type ResolveReference = (reference: Reference, ctx: GraphContext) => Promise<unknown> | unknown;

const idOf = (reference: Reference): string | null =>
  typeof reference.id === "string" && reference.id.length > 0 ? reference.id : null;

/** Wraps a loader taking an id; a representation without a usable id resolves to null. */
function byId(load: (id: string, ctx: GraphContext) => Promise<unknown>): ResolveReference {
  return (reference, ctx) => {
    const id = idOf(reference);
    return id === null ? null : load(id, ctx);
  };
}

/** An entity interface's representation names no concrete type: ask every loader that could hold it. */
async function anyThumbnailable(id: string, ctx: GraphContext): Promise<Thumbnailable | null> {
  // Same tick: the three loads share one POST.
  const [context, version, user] = await Promise.all([
    ctx.ftrack.context(id),
    ctx.ftrack.assetVersion(id),
    ctx.ftrack.user(id),
  ]);
  const record = context ?? version ?? user;
  return record ? toThumbnailable(record) : null;
}

async function anyContext(id: string, ctx: GraphContext): Promise<Context | null> {
  const record = await ctx.ftrack.context(id);
  return record ? toContext(record) : null;
}

async function anyTypedContext(id: string, ctx: GraphContext): Promise<Context | null> {
  const record = await ctx.ftrack.typedContext(id);
  return record ? toContext(record) : null;
}

/** Resolver map fragment `{ TypeName: { __resolveReference } }` for buildSubgraphSchema. */
export function createReferenceResolvers(): Record<string, { __resolveReference: ResolveReference }> {
  const resolvers: Record<string, { __resolveReference: ResolveReference }> = {
    Thumbnailable: { __resolveReference: byId(anyThumbnailable) },
    Context: { __resolveReference: byId(anyContext) },
    TypedContext: { __resolveReference: byId(anyTypedContext) },
  };
  for (const type of Object.values(ThumbnailableType)) {
    resolvers[type] = { __resolveReference: byId((id, ctx) => loadThumbnailable(ctx.ftrack, type, id)) };
  }
  return resolvers;
}
