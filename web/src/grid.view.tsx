/**
 * A project's contexts and tasks as a grid of tiles, a page of them at a time ("Show more" asks for
 * the next page: each page is its own query, so urql caches and refreshes them one by one).
 */
import { useQuery } from "@urql/preact";
import { useRef, useState } from "preact/hooks";
import { ErrorMessage } from "./error.view";
import { ProjectGridDocument } from "./generated/graphql";
import { fromCombinedError } from "./service.errors";
import { displayName, type GridEntity, Tile } from "./tile.view";
import { VersionsDialog } from "./versions.view";

/** A failed image may be an expired URL: ask for fresh ones, at most this often. */
const REFRESH_ON_IMAGE_ERROR_MS = 60_000;

export function Grid({ projectId }: { projectId: string }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [versionsOf, setVersionsOf] = useState<GridEntity | null>(null);
  return (
    <>
      {cursors.map((after, i) => (
        <GridPage
          key={after ?? "first"}
          projectId={projectId}
          after={after}
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
  /** Present on the last page shown: asks for the page after `cursor`. */
  onMore?: (cursor: string) => void;
  onOpenVersions: (task: GridEntity) => void;
}

function GridPage({ projectId, after, onMore, onOpenVersions }: GridPageProps) {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ProjectGridDocument,
    variables: { projectId, after },
  });
  const refreshed = useRef(0);
  const refresh = () => reexecute({ requestPolicy: "network-only" });
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
