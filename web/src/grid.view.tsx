/**
 * A project's contexts and tasks as a grid of tiles, a page of them at a time ("Show more" asks for
 * the next page: each page is its own query, so urql caches and refreshes them one by one). Live:
 * when a thumbnail is set or cleared in the project, by anyone, or changes may have been missed,
 * the pages are fetched again, so tiles (and the tiles inheriting from them) show it.
 */
import { useQuery, useSubscription } from "@urql/preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { ErrorMessage } from "./error.view";
import { LiveThumbnailsDocument, ProjectGridDocument } from "./generated/graphql";
import { fromCombinedError } from "./service.errors";
import { useSession } from "./session.context";
import { displayName, type GridEntity, Tile } from "./tile.view";
import { VersionsDialog } from "./versions.view";

/** A failed image may be an expired URL: ask for fresh ones, at most this often. */
const REFRESH_ON_IMAGE_ERROR_MS = 60_000;

/** Changes that come close together are shown with one refetch. */
const REFETCH_COALESCE_MS = 150;

/**
 * A count that grows each time the grid's pages should be fetched again: a thumbnail set or cleared
 * in the project (tiles may inherit it, so the whole grid, not only the changed tile, may show it),
 * or changes that may have been missed (the service lost ftrack's event hub, or this page its
 * WebSocket, for a while).
 */
function useLiveRefetches(projectId: string): number {
  const [refetches, setRefetches] = useState(0);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refetch = () => {
    pending.current ??= setTimeout(() => {
      pending.current = undefined;
      setRefetches((n) => n + 1);
    }, REFETCH_COALESCE_MS);
  };
  useEffect(() => () => clearTimeout(pending.current), []);
  useSubscription({ query: LiveThumbnailsDocument, variables: { projectId } }, (_previous, change) => {
    refetch();
    return change;
  });
  const { onLiveReconnected } = useSession();
  useEffect(() => onLiveReconnected?.(refetch), [onLiveReconnected]);
  return refetches;
}

export function Grid({ projectId }: { projectId: string }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [versionsOf, setVersionsOf] = useState<GridEntity | null>(null);
  const refetches = useLiveRefetches(projectId);
  return (
    <>
      {cursors.map((after, i) => (
        <GridPage
          key={after ?? "first"}
          projectId={projectId}
          after={after}
          refetches={refetches}
          onMore={i === cursors.length - 1 ? (next) => setCursors([...cursors, next]) : undefined}
          onOpenVersions={setVersionsOf}
        />
      ))}
      {versionsOf && (
        <VersionsDialog
          taskId={versionsOf.id}
          taskName={displayName(versionsOf)}
          onClose={() => setVersionsOf(null)}
        />
      )}
    </>
  );
}

interface GridPageProps {
  projectId: string;
  after: string | null;
  /** Grows when the page should be fetched again. */
  refetches: number;
  /** Present on the last page shown: asks for the page after `cursor`. */
  onMore?: (cursor: string) => void;
  onOpenVersions: (task: GridEntity) => void;
}

function GridPage({ projectId, after, refetches, onMore, onOpenVersions }: GridPageProps) {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ProjectGridDocument,
    variables: { projectId, after },
  });
  const refreshed = useRef(0);
  const refresh = () => reexecute({ requestPolicy: "network-only" });
  useEffect(() => {
    if (refetches > 0) refresh();
  }, [refetches]);
  const refreshAfterImageError = () => {
    if (Date.now() - refreshed.current < REFRESH_ON_IMAGE_ERROR_MS) return;
    refreshed.current = Date.now();
    refresh();
  };

  if (error && !data) return <ErrorMessage error={fromCombinedError(error)} />;
  if (!data) return <p aria-live="polite">{fetching ? "Loading…" : ""}</p>;
  const { nodes, pageInfo } = data.contexts;
  return (
    <>
      {after === null && nodes.length === 0 && <p>This project is empty.</p>}
      <ul class="grid">
        {nodes.map((entity) => (
          <Tile
            key={entity.id}
            entity={entity}
            onUploaded={refresh}
            onImageError={refreshAfterImageError}
            onOpenVersions={onOpenVersions}
          />
        ))}
      </ul>
      {onMore && pageInfo.hasNextPage && pageInfo.endCursor && (
        <button type="button" class="more" onClick={() => onMore(pageInfo.endCursor!)}>
          Show more
        </button>
      )}
    </>
  );
}
