/**
 * The service's errors as the page shows them: a plain sentence per `extensions.code`, with the
 * service's own message (which says what to do) as the detail.
 */
import type { CombinedError } from "@urql/core";

export interface ServiceError {
  code: string;
  /** What the service said, e.g. the size limit or the accepted types. */
  message: string;
}

const PLAIN_WORDS: Record<string, string> = {
  THUMBNAIL_TOO_LARGE: "The file is too large.",
  THUMBNAIL_UNSUPPORTED_TYPE: "This file is not an image type the service accepts.",
  THUMBNAIL_BAD_RESOLUTION: "The image is too small or too large.",
  FORBIDDEN: "You are not allowed to change this thumbnail.",
  UNAUTHENTICATED: "The service did not accept your sign-in.",
  NOT_FOUND: "This item no longer exists.",
  SOURCE_HAS_NO_THUMBNAIL: "There is no thumbnail to copy.",
  FTRACK_UNAVAILABLE: "ftrack is not answering. Try again shortly.",
  BAD_USER_INPUT: "The service could not use this request.",
  NETWORK_ERROR: "The service could not be reached.",
};

/** The sentence the page shows for an error. */
export function plainWords(error: ServiceError): string {
  return PLAIN_WORDS[error.code] ?? "Something went wrong.";
}

/** The first error of a GraphQL answer, or of a request that got no answer. */
export function fromCombinedError(error: CombinedError): ServiceError {
  const first = error.graphQLErrors[0];
  if (first) return fromGraphQLError(first);
  return { code: "NETWORK_ERROR", message: error.networkError?.message ?? error.message };
}

export function fromGraphQLError(error: {
  message: string;
  extensions?: Record<string, unknown>;
}): ServiceError {
  const code = error.extensions?.code;
  return { code: typeof code === "string" ? code : "INTERNAL_SERVER_ERROR", message: error.message };
}
