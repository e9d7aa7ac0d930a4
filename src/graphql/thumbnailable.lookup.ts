/** Loads a Thumbnailable by GraphQL type and id; null when missing or of another type. */
import type { FtrackSession } from "../ftrack/ftrack.session.js";
import type { ThumbnailableKind } from "../ftrack/ftrack.types.js";
import { isOfType, toThumbnailable } from "./graph.mapper.js";
import type { Thumbnailable } from "./types/thumbnailable.type.js";
import { ThumbnailableType } from "./types/thumbnailable-type.enum.js";

/** The ftrack kind holding a GraphQL type: every context type but Project is a TypedContext. */
function kindOf(type: ThumbnailableType): ThumbnailableKind {
  switch (type) {
    case ThumbnailableType.PROJECT:
    case ThumbnailableType.ASSET_VERSION:
    case ThumbnailableType.USER:
      return type;
    default:
      return "TypedContext";
  }
}

export async function loadThumbnailable(
  ftrack: FtrackSession,
  type: ThumbnailableType,
  id: string,
): Promise<Thumbnailable | null> {
  const record = await ftrack.thumbnailable(kindOf(type), id);
  if (!record) return null;
  const entity = toThumbnailable(record);
  return isOfType(entity, type) ? entity : null;
}
