/** Shared by the thumbnail mutation tests: multipart uploads over HTTP and snapshots of ftrack's state. */
import { expect } from "vitest";
import { concreteTypes } from "../../src/emulator/schemas.js";
import type { GraphQLResponse, Harness } from "../support/service.harness.js";

export const THUMBNAIL_FIELDS = `
  __typename
  id
  thumbnailUrl
  thumbnail { id name fileType byteSize }
`;

export const UPLOAD = `
  mutation Upload($target: ThumbnailTarget!, $file: Upload!) {
    uploadThumbnail(target: $target, file: $file) { ${THUMBNAIL_FIELDS} }
  }
`;

export interface Target {
  type: string;
  id: string;
}

export interface MultipartOptions {
  filename?: string;
  mimetype?: string;
  /** Send Apollo's CSRF preflight header (default true). */
  preflight?: boolean;
  /** Identity headers, for AUTH_MODE ftrack-key or jwt. */
  headers?: Record<string, string>;
}

/** The body of a GraphQL multipart request (operations, map, file) for uploadThumbnail. */
export function uploadForm(target: Target, file: Uint8Array, options: MultipartOptions = {}): FormData {
  const form = new FormData();
  form.set("operations", JSON.stringify({ query: UPLOAD, variables: { target, file: null } }));
  form.set("map", JSON.stringify({ 0: ["variables.file"] }));
  form.set(
    "0",
    new Blob([file], { type: options.mimetype ?? "image/png" }),
    options.filename ?? "thumbnail.png",
  );
  return form;
}

export async function uploadThumbnail(
  harness: Pick<Harness, "graphqlUrl">,
  target: Target,
  file: Uint8Array,
  options: MultipartOptions = {},
): Promise<GraphQLResponse<{ uploadThumbnail: ThumbnailableResult }>> {
  const res = await fetch(harness.graphqlUrl, {
    method: "POST",
    body: uploadForm(target, file, options),
    headers: {
      ...options.headers,
      ...(options.preflight === false ? {} : { "apollo-require-preflight": "true" }),
    },
  });
  const text = await res.text();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { ...body, status: res.status, headers: res.headers };
}

export interface ThumbnailableResult {
  __typename: string;
  id: string;
  thumbnailUrl: string | null;
  thumbnail: { id: string; name: string; fileType: string | null; byteSize: number | null } | null;
}

const COMPONENT_TYPES = concreteTypes("Component");
const HOLDER_TYPES = [...concreteTypes("Context"), "AssetVersion", "User"];

/** What a failed mutation must leave unchanged: every component, location and thumbnail_id. */
export function snapshot(harness: Harness) {
  const { store } = harness.emulator;
  const components = [...store.scan(COMPONENT_TYPES)].map((e) => e.id).sort();
  const locations = [...store.scan(["ComponentLocation"])].map((e) => e.id).sort();
  const thumbnails = Object.fromEntries(
    [...store.scan(HOLDER_TYPES)].map((e) => [e.id, e.attrs.thumbnail_id ?? null]),
  );
  return { size: store.size, components, locations, thumbnails };
}

export function thumbnailIdOf(harness: Harness, id: string): string | null {
  const entity = harness.emulator.store.get(HOLDER_TYPES, id);
  if (!entity) throw new Error(`no entity ${id}`);
  return (entity.attrs.thumbnail_id as string | null) ?? null;
}

export function expectCode(response: GraphQLResponse<unknown>, code: string): void {
  expect(response.errors, JSON.stringify(response)).toBeDefined();
  expect(response.errors?.[0]?.extensions?.code, JSON.stringify(response.errors)).toBe(code);
  expect(response.errors?.[0]?.message.length).toBeGreaterThan(20);
}

/** GraphQL enum value of a __typename ("AssetBuild" -> "ASSET_BUILD"). */
export function enumOf(typename: string): string {
  return typename.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();
}
