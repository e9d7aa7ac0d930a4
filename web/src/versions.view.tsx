/**
 * A task's versions in a modal dialog: any version's thumbnail can become the thumbnail of the
 * object the task belongs to (its shot, usually), and that thumbnail can be cleared.
 */
import { useMutation, useQuery } from "@urql/preact";
import { useEffect, useRef } from "preact/hooks";
import { ErrorMessage } from "./error.view";
import { ClearThumbnailDocument, CopyThumbnailDocument, TaskVersionsDocument } from "./generated/graphql";
import { fromCombinedError } from "./service.errors";
import { targetOf } from "./thumbnail.target";
import { ThumbnailView } from "./thumbnail.view";

const VERSION_IMAGE_SIZES = "8rem";

interface VersionsDialogProps {
  taskId: string;
  /** The task's name as the grid shows it. */
  taskName: string;
  onClose: () => void;
}

export function VersionsDialog({ taskId, taskName, onClose }: VersionsDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  // Modal: focus moves in, stays in, and Escape closes it.
  useEffect(() => dialog.current?.showModal(), []);

  const [{ data, fetching, error }] = useQuery({ query: TaskVersionsDocument, variables: { taskId } });
  const [copying, copy] = useMutation(CopyThumbnailDocument);
  const [clearing, clear] = useMutation(ClearThumbnailDocument);
  const parent = data?.task?.parent ?? null;
  const versions = data?.task?.versions.nodes ?? [];
  const failure = error ?? copying.error ?? clearing.error;
  const busy = copying.fetching || clearing.fetching;

  return (
    <dialog ref={dialog} class="versions" aria-labelledby="versions-title" onClose={onClose}>
      <h2 id="versions-title">Versions of {taskName}</h2>
      {fetching && !data && <p>Loading…</p>}
      {parent && (
        <section class="versions-parent" aria-label={`${parent.name}'s thumbnail`}>
          <ThumbnailView thumbnail={parent.thumbnail} name={parent.name} sizes={VERSION_IMAGE_SIZES} />
          <p>{parent.name}'s thumbnail</p>
          {parent.thumbnail && (
            <button
              type="button"
              aria-label={`Clear the thumbnail of ${parent.name}`}
              disabled={busy}
              onClick={() => void clear({ target: targetOf(parent) })}
            >
              Clear
            </button>
          )}
        </section>
      )}
      {data && versions.length === 0 && <p>This task has no versions.</p>}
      <ul class="versions-list">
        {versions.map((version) => {
          const name = `${version.asset?.name ?? "Version"} v${version.version}`;
          return (
            <li key={version.id}>
              <ThumbnailView thumbnail={version.thumbnail} name={name} sizes={VERSION_IMAGE_SIZES} />
              <div>
                <p id={`version-${version.id}`}>
                  {name} {version.isLatestVersion && <span class="badge">latest</span>}
                </p>
                {version.user && <p class="muted">by {version.user.username}</p>}
                {parent && version.thumbnail && (
                  <button
                    type="button"
                    aria-describedby={`version-${version.id}`}
                    disabled={busy}
                    onClick={() =>
                      void copy({
                        source: { type: "ASSET_VERSION", id: version.id },
                        targets: [targetOf(parent)],
                      })
                    }
                  >
                    Use as {parent.name}'s thumbnail
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <p class="tile-status" aria-live="polite">
        {copying.data && !busy && `${parent?.name ?? "The object"} now uses the version's thumbnail.`}
      </p>
      {failure && <ErrorMessage error={fromCombinedError(failure)} />}
      <button type="button" class="close" onClick={() => dialog.current?.close()}>
        Close
      </button>
    </dialog>
  );
}
