import { GraphQLError } from "graphql";
import { Arg, Ctx, ID, Resolver, Root, Subscription } from "type-graphql";
import { ErrorCode } from "../../error-codes.js";
import { isFtrackId } from "../../ftrack/expression.js";
import type { ThumbnailChangeEvent } from "../../thumbnails/thumbnail-change.feed.js";
import { toThumbnailable } from "../graph.mapper.js";
import type { GraphContext } from "../request-context.js";
import { resolveTargets } from "../thumbnailable.lookup.js";
import { ThumbnailChange, ThumbnailChangeKind } from "../types/thumbnail-change.type.js";
import { ThumbnailTarget } from "../types/thumbnail-target.input.js";

interface ThumbnailChangedArgs {
  targets?: ThumbnailTarget[] | null;
  projectId?: string | null;
}

/**
 * Checks the arguments (targets must exist and be readable, as for mutations), then streams the
 * domain's changes for the caller's identity.
 */
async function thumbnailChanges(
  { targets, projectId }: ThumbnailChangedArgs,
  ctx: GraphContext,
): Promise<AsyncIterable<ThumbnailChangeEvent>> {
  if (targets?.length === 0) {
    throw new GraphQLError("`targets` is empty: name at least one entity, or leave `targets` out.", {
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    });
  }
  if (projectId != null && !isFtrackId(projectId)) {
    throw new GraphQLError(`"${projectId}" is not an ftrack id. Pass the project's id.`, {
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    });
  }
  const entities = targets ? await resolveTargets(ctx.ftrack, targets) : undefined;
  return ctx.liveThumbnails.subscribe(
    ctx.ftrack.identity,
    {
      entityIds: entities && new Set(entities.map((entity) => entity.id)),
      projectId: projectId ?? undefined,
    },
    { until: ctx.credentialsExpireAt },
  );
}

/** Thin: the domain (ThumbnailChangeFeed) decides what a subscriber gets; this shapes it. */
@Resolver()
export class ThumbnailSubscriptionResolver {
  @Subscription(() => ThumbnailChange, {
    description:
      "Thumbnails set or cleared on entities the caller may read, as they happen (also when changed in " +
      "ftrack directly), each read from ftrack as the caller. Over WebSocket (graphql-ws) at /graphql or " +
      "server-sent events (graphql-sse) at /graphql/stream. After a lost connection to ftrack's event hub, " +
      "a MAY_HAVE_MISSED_CHANGES change says to refetch.",
    subscribe: ({ args, context }) => thumbnailChanges(args, context as GraphContext),
  })
  thumbnailChanged(
    @Root() event: ThumbnailChangeEvent,
    @Arg("targets", () => [ThumbnailTarget], {
      nullable: true,
      description: "Only these entities (each must exist). Left out: every entity.",
    })
    _targets: ThumbnailTarget[] | null,
    @Arg("projectId", () => ID, {
      nullable: true,
      description: "Only entities in this project: the project, its contexts and its versions.",
    })
    _projectId: string | null,
    @Ctx() ctx: GraphContext,
  ): ThumbnailChange {
    switch (event.kind) {
      case "missed":
        return Object.assign(new ThumbnailChange(), {
          kind: ThumbnailChangeKind.MAY_HAVE_MISSED_CHANGES,
          entity: null,
          missedSince: event.since.toISOString(),
        });
      case "refused":
        throw event.error;
      case "expired":
        throw new GraphQLError(
          "The credentials of this subscription expired: subscribe again with new ones.",
          {
            extensions: { code: ErrorCode.UNAUTHENTICATED },
          },
        );
      default:
        // The entity's fields resolve on the session that read it as the caller: current data, and
        // what that read fetched already costs no second round trip.
        ctx.ftrack = event.readBy;
        return Object.assign(new ThumbnailChange(), {
          kind: event.kind === "set" ? ThumbnailChangeKind.SET : ThumbnailChangeKind.CLEARED,
          entity: toThumbnailable(event.record),
          missedSince: null,
        });
    }
  }
}
