/**
 * Sending an image to become an entity's thumbnail: the one place the page sends image bytes.
 *
 * The two-step upload, which works the same through a studio's gateway (only JSON goes through
 * GraphQL): createThumbnailUpload reserves a signed URL, the file goes there as one PUT (sent with
 * XMLHttpRequest, since fetch() reports no upload progress), then completeThumbnailUpload makes it
 * the thumbnail. Callers see one function.
 */
import { stringifyDocument, type TypedDocumentNode } from "@urql/core";
import {
  CompleteThumbnailUploadDocument,
  type CompleteThumbnailUploadMutation,
  CreateThumbnailUploadDocument,
  type CreateThumbnailUploadMutation,
  type ThumbnailTarget,
} from "./generated/graphql";
import { GRAPHQL_PATH } from "./service.config";
import { fromGraphQLError, type ServiceError } from "./service.errors";

export type UploadedEntity = CompleteThumbnailUploadMutation["completeThumbnailUpload"];
type UploadTicket = CreateThumbnailUploadMutation["createThumbnailUpload"];

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

const NETWORK_ERROR: ServiceError = {
  code: "NETWORK_ERROR",
  message: "The upload did not reach the service.",
};
const badResponse = (status: number): ServiceError => ({
  code: "BAD_RESPONSE",
  message: `The service answered ${status}.`,
});

export async function uploadThumbnail(
  target: ThumbnailTarget,
  file: File,
  { headers, onProgress }: UploadOptions,
): Promise<UploadedEntity> {
  const { createThumbnailUpload: ticket } = await mutate(
    CreateThumbnailUploadDocument,
    // An unknown type is refused at once, before any byte is sent.
    {
      target,
      fileName: file.name,
      contentType: file.type || "application/octet-stream",
      byteSize: file.size,
    },
    headers,
  );
  await sendBytes(ticket, file, onProgress);
  const { completeThumbnailUpload } = await mutate(
    CompleteThumbnailUploadDocument,
    { id: ticket.id },
    headers,
  );
  return completeThumbnailUpload;
}

/** One GraphQL mutation as JSON; its first error, or no answer, is thrown as an UploadError. */
async function mutate<Data, Variables>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  headers: Record<string, string>,
): Promise<Data> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_PATH, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query: stringifyDocument(document), variables }),
    });
  } catch {
    throw new UploadError(NETWORK_ERROR);
  }
  const answer = (await response.json().catch(() => null)) as {
    data?: Data | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  } | null;
  const error = answer?.errors?.[0];
  if (error) throw new UploadError(fromGraphQLError(error));
  // Not a GraphQL answer (e.g. a proxy's error page).
  if (!answer?.data) throw new UploadError(badResponse(response.status));
  return answer.data;
}

/** The file as the body of the ticket's request: 204, or `{ code, message }` saying why not. */
function sendBytes(ticket: UploadTicket, file: File, onProgress?: (fraction: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(ticket.method, ticket.url);
    request.responseType = "json";
    // The signed URL is the grant: no identity headers go with the bytes.
    for (const { name, value } of ticket.headers) request.setRequestHeader(name, value);
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    });
    request.addEventListener("load", () => {
      if (request.status === 204) return resolve();
      const body = request.response as { code?: unknown; message?: unknown } | null;
      reject(
        new UploadError(
          typeof body?.code === "string" && typeof body.message === "string"
            ? { code: body.code, message: body.message }
            : badResponse(request.status),
        ),
      );
    });
    request.addEventListener("error", () => reject(new UploadError(NETWORK_ERROR)));
    request.send(file);
  });
}
