/** One entity's upload as the page shows it: sending (with progress), checking, done or failed. */
import { useState } from "preact/hooks";
import type { ThumbnailTarget } from "./generated/graphql";
import type { ServiceError } from "./service.errors";
import { useSession } from "./session.context";
import { UploadError, uploadThumbnail } from "./thumbnail.upload";

export type UploadState =
  | { step: "idle" }
  | { step: "sending"; fraction: number }
  /** All bytes sent; the service checks and stores the image. */
  | { step: "checking" }
  | { step: "done" }
  | { step: "failed"; error: ServiceError };

export function useUpload(target: ThumbnailTarget, onUploaded: () => void) {
  const session = useSession();
  const [state, setState] = useState<UploadState>({ step: "idle" });

  async function upload(file: File) {
    setState({ step: "sending", fraction: 0 });
    try {
      await uploadThumbnail(target, file, {
        headers: session.headers,
        onProgress: (fraction) =>
          setState(fraction < 1 ? { step: "sending", fraction } : { step: "checking" }),
      });
      setState({ step: "done" });
      onUploaded();
    } catch (error) {
      if (!(error instanceof UploadError)) throw error;
      if (error.error.code === "UNAUTHENTICATED") session.signOut?.(error.error.message);
      setState({ step: "failed", error: error.error });
    }
  }

  const busy = state.step === "sending" || state.step === "checking";
  return { state, busy, upload };
}
