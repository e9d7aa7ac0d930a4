/** Opaque cursors over ftrack's offset paging. */
import { GraphQLError } from "graphql";
import { ErrorCode } from "../error-codes.js";
import type { PageRequest, RecordPage } from "../ftrack/ftrack.types.js";
import type { Page } from "./types/connection.type.js";
import type { PageArgs } from "./types/list.args.js";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/**
 * The page size a `first` argument will get, before it is checked (out-of-range values are refused
 * then): for limits and look-ahead, which read queries before resolvers run.
 */
export function pageSizeOf(first: unknown): number {
  if (typeof first !== "number" || !Number.isFinite(first)) return DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(first)));
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString("base64url");
}

export function pageRequest({ first, after }: PageArgs): PageRequest {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new GraphQLError(`"first" must be from 1 to ${MAX_PAGE_SIZE}.`, {
      extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName: "first" },
    });
  }
  if (!after) return { offset: 0, limit };
  const match = /^offset:(\d{1,9})$/.exec(Buffer.from(after, "base64url").toString());
  if (!match) {
    throw new GraphQLError('"after" is not a cursor this API issued.', {
      extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName: "after" },
    });
  }
  return { offset: Number(match[1]), limit };
}

export function toPage<R, T>(result: RecordPage<R>, map: (record: R) => T): Page<T> {
  return {
    nodes: result.items.map(map),
    pageInfo: {
      hasNextPage: result.nextOffset !== null,
      endCursor: result.nextOffset === null ? null : encodeCursor(result.nextOffset),
    },
  };
}
