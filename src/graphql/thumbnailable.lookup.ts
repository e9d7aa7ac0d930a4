/** Loads a Thumbnailable by GraphQL type and id; null when missing or of another type. */
import type { FtrackSession } from "../ftrack/ftrack.session.js";
import { isOfType, toThumbnailable } from "./graph.mapper.js";
import type { Thumbnailable } from "./types/thumbnailable.type.js";
import { ThumbnailableType } from "./types/thumbnailable-type.enum.js";

export async function loadThumbnailable(
  ftrack: FtrackSession,
  type: ThumbnailableType,
  id: string,
): Promise<Thumbnailable | null> {
  const record =
    type === ThumbnailableType.ASSET_VERSION
      ? await ftrack.assetVersion(id)
      : type === ThumbnailableType.USER
        ? await ftrack.user(id)
        : type === ThumbnailableType.PROJECT
          ? await ftrack.project(id)
          : await ftrack.typedContext(id);
  if (!record) return null;
  const entity = toThumbnailable(record);
  return isOfType(entity, type) ? entity : null;
}
