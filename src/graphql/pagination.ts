/** Opaque cursors over ftrack's offset paging. */
import { GraphQLError } from "graphql";
import type { Page } from "./types/connection.type.js";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export interface PageRequest {
  offset: number;
  limit: number;
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString("base64url");
}

export function pageRequest(first: number | undefined, after: string | undefined | null): PageRequest {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new GraphQLError(`"first" must be from 1 to ${MAX_PAGE_SIZE}.`, {
      extensions: { code: "BAD_USER_INPUT", argumentName: "first" },
    });
  }
  if (!after) return { offset: 0, limit };
  const match = /^offset:(\d{1,9})$/.exec(Buffer.from(after, "base64url").toString());
  if (!match) {
    throw new GraphQLError('"after" is not a cursor this API issued.', {
      extensions: { code: "BAD_USER_INPUT", argumentName: "after" },
    });
  }
  return { offset: Number(match[1]), limit };
}

export function toPage<R, T>(
  result: { items: R[]; nextOffset: number | null },
  map: (record: R) => T,
): Page<T> {
  return {
    nodes: result.items.map(map),
    pageInfo: {
      hasNextPage: result.nextOffset !== null,
      endCursor: result.nextOffset === null ? null : encodeCursor(result.nextOffset),
    },
  };
}
