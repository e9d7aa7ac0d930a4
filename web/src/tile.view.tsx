/**
 * One entity of the grid: its thumbnail (its own, or the one it inherits, badged), a drop target for
 * a new one, and its actions (upload with the file picker, clear its own, a task's versions), each a
 * button the keyboard reaches.
 */
import { useMutation } from "@urql/preact";
import { useState } from "preact/hooks";
import { ErrorMessage } from "./error.view";
import { FilePicker } from "./file-picker.view";
import { ClearThumbnailDocument, type ProjectGridQuery } from "./generated/graphql";
import { fromCombinedError, type ServiceError } from "./service.errors";
import { targetOf } from "./thumbnail.target";
import { ThumbnailView } from "./thumbnail.view";
import { type UploadState, useUpload } from "./upload.hook";

export type GridEntity = ProjectGridQuery["contexts"]["nodes"][number];

/** The width a tile's image is shown at; styles.css sizes the grid's columns to it. */
const TILE_IMAGE_SIZES = "14rem";

interface TileProps {
  entity: GridEntity;
  /** The thumbnail changed outside urql's view (an upload): show the grid afresh. */
  onUploaded: () => void;
  onImageError: () => void;
  onOpenVersions: (task: GridEntity) => void;
}

/** The name, with its parent's to tell apart the many "Compositing" tasks. */
export function displayName(entity: { name: string; parent: { name: string } | null }): string {
  return entity.parent ? `${entity.name} (${entity.parent.name})` : entity.name;
}

export function Tile({ entity, onUploaded, onImageError, onOpenVersions }: TileProps) {
  const target = targetOf(entity);
  const name = displayName(entity);
  const { state, busy, upload } = useUpload(target, onUploaded);
  const [clearing, clear] = useMutation(ClearThumbnailDocument);
  const [dropping, setDropping] = useState(false);
  const error: ServiceError | null =
    state.step === "failed" ? state.error : clearing.error ? fromCombinedError(clearing.error) : null;

  const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes("Files") ?? false;

  return (
    <li
      class={dropping ? "tile is-dropping" : "tile"}
      data-id={entity.id}
      aria-busy={busy || clearing.fetching}
      onDragEnter={(event) => {
        if (hasFiles(event)) setDropping(true);
      }}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault(); // allows the drop
        if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
      }}
      onDragLeave={(event) => {
        // Moving onto a child element is not leaving the tile.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropping(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setDropping(false);
        const file = event.dataTransfer?.files[0];
        if (file && !busy) void upload(file);
      }}
    >
      <ThumbnailView
        thumbnail={entity.thumbnail}
        name={name}
        sizes={TILE_IMAGE_SIZES}
        onError={onImageError}
      />
      <div class="tile-body">
        <h3 class="tile-name">{entity.name}</h3>
        <p class="tile-kind">
          {entity.objectType}
          {entity.parent && ` in ${entity.parent.name}`}
        </p>
        <div class="tile-actions">
          <FilePicker label={`Upload a thumbnail for ${name}`} disabled={busy} onFile={upload}>
            Upload
          </FilePicker>
          {entity.thumbnail && !entity.thumbnail.inherited && (
            <button
              type="button"
              aria-label={`Clear the thumbnail of ${name}`}
              disabled={busy || clearing.fetching}
              onClick={() => void clear({ target })}
            >
              Clear
            </button>
          )}
          {entity.__typename === "Task" && (
            <button type="button" aria-label={`Versions of ${name}`} onClick={() => onOpenVersions(entity)}>
              Versions
            </button>
          )}
        </div>
        <UploadStatus state={state} />
        {error && <ErrorMessage error={error} />}
      </div>
    </li>
  );
}

function UploadStatus({ state }: { state: UploadState }) {
  return (
    <p class="tile-status" aria-live="polite">
      {state.step === "sending" && (
        <>
          <progress max={1} value={state.fraction} aria-label="Upload progress" />
          Uploading {Math.round(state.fraction * 100)}%
        </>
      )}
      {state.step === "checking" && (
        <>
          <progress aria-label="Upload progress" />
          Checking the image
        </>
      )}
      {state.step === "done" && "Thumbnail updated."}
    </p>
  );
}
