/**
 * Sending an image to become an entity's thumbnail: the one place the page sends image bytes.
 *
 * Today this is the GraphQL multipart request (`uploadThumbnail`), sent with XMLHttpRequest because
 * fetch() reports no upload progress. A different transport (e.g. a two-step upload: reserve, send
 * the bytes, complete) replaces this module's body; its callers keep the same function.
 */
import { stringifyDocument } from "@urql/core";
import {
  type ThumbnailTarget,
  UploadThumbnailDocument,
  type UploadThumbnailMutation,
} from "./generated/graphql";
import { GRAPHQL_PATH } from "./service.config";
import { fromGraphQLError, type ServiceError } from "./service.errors";

export type UploadedEntity = UploadThumbnailMutation["uploadThumbnail"];

export interface UploadOptions {
  /** The identity's headers. */
  headers: Record<string, string>;
  /** Bytes sent so far, as a fraction from 0 to 1. */
  onProgress?: (fraction: number) => void;
}

/** Thrown when the service refuses the upload or cannot be reached. */
export class UploadError extends Error {
  constructor(readonly error: ServiceError) {
    super(error.message);
    this.name = "UploadError";
  }
}

interface GraphQLAnswer {
  data?: UploadThumbnailMutation | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export function uploadThumbnail(
  target: ThumbnailTarget,
  file: File,
  { headers, onProgress }: UploadOptions,
): Promise<UploadedEntity> {
  // The GraphQL multipart request spec: the operation, where its file goes, then the file.
  const body = new FormData();
  body.append(
    "operations",
    JSON.stringify({ query: stringifyDocument(UploadThumbnailDocument), variables: { target, file: null } }),
  );
  body.append("map", JSON.stringify({ 0: ["variables.file"] }));
  body.append("0", file, file.name);

  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", GRAPHQL_PATH);
    request.responseType = "json";
    // Apollo Server's CSRF protection accepts multipart requests only with a preflight header.
    request.setRequestHeader("apollo-require-preflight", "true");
    for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);

    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    });
    request.addEventListener("load", () => {
      const answer = request.response as GraphQLAnswer | null;
      const error = answer?.errors?.[0];
      if (error) return reject(new UploadError(fromGraphQLError(error)));
      if (!answer?.data) {
        return reject(
          // Not a GraphQL answer (e.g. a proxy's error page).
          new UploadError({ code: "BAD_RESPONSE", message: `The service answered ${request.status}.` }),
        );
      }
      resolve(answer.data.uploadThumbnail);
    });
    request.addEventListener("error", () =>
      reject(new UploadError({ code: "NETWORK_ERROR", message: "The upload did not reach the service." })),
    );
    request.send(body);
  });
}
