/**
 * The two-step upload as a front end does it: createThumbnailUpload and completeThumbnailUpload as
 * JSON GraphQL requests (to the service or a gateway), the file as a PUT to the URL the first one
 * returned, with the headers it returned.
 */
import { request } from "node:http";
import { expect } from "vitest";
import { type GraphQLResponse, graphql } from "./service.harness.js";

export interface Target {
  type: string;
  id: string;
}

export interface UploadTicket {
  id: string;
  url: string;
  method: string;
  headers: { name: string; value: string }[];
  expiresAt: string;
}

export const CREATE_UPLOAD = `
  mutation Create($target: ThumbnailTarget!, $fileName: String!, $contentType: String!, $byteSize: Int!) {
    createThumbnailUpload(target: $target, fileName: $fileName, contentType: $contentType, byteSize: $byteSize) {
      id url method headers { name value } expiresAt
    }
  }
`;

export const COMPLETE_UPLOAD = `
  mutation Complete($id: ID!) {
    completeThumbnailUpload(id: $id) { __typename id thumbnailUrl thumbnail { id name fileType byteSize } }
  }
`;

export interface CompletedEntity {
  __typename: string;
  id: string;
  thumbnailUrl: string | null;
  thumbnail: { id: string; name: string; fileType: string | null; byteSize: number | null } | null;
}

type Endpoint = { graphqlUrl: string };

export function createUpload(
  endpoint: Endpoint,
  target: Target,
  file: { fileName?: string; contentType?: string; byteSize: number },
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<{ createThumbnailUpload: UploadTicket }>> {
  return graphql(
    endpoint,
    CREATE_UPLOAD,
    {
      target,
      fileName: file.fileName ?? "thumb.png",
      contentType: file.contentType ?? "image/png",
      byteSize: file.byteSize,
    },
    headers,
  );
}

/** createUpload that must succeed: the ticket. */
export async function reserve(
  endpoint: Endpoint,
  target: Target,
  bytes: Uint8Array,
  headers: Record<string, string> = {},
  contentType = "image/png",
): Promise<UploadTicket> {
  const res = await createUpload(endpoint, target, { byteSize: bytes.length, contentType }, headers);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.createThumbnailUpload;
}

export interface PutAnswer {
  status: number;
  body: { code?: string; message?: string } | null;
  headers: Headers;
}

/** The PUT, with the ticket's method and headers, as fetch sends it (Content-Length set). */
export async function putFile(
  ticket: Pick<UploadTicket, "url" | "method" | "headers">,
  bytes: Uint8Array,
  extraHeaders: Record<string, string> = {},
): Promise<PutAnswer> {
  const headers = Object.fromEntries(ticket.headers.map(({ name, value }) => [name, value]));
  const res = await fetch(ticket.url, {
    method: ticket.method,
    headers: { ...headers, ...extraHeaders },
    body: new Uint8Array(bytes),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

/**
 * A PUT whose body is streamed in chunks with no Content-Length (chunked), so the service learns
 * its size only while reading; resolves with the answer once the request is written and answered.
 */
export function putChunked(url: string, chunks: Uint8Array[]): Promise<PutAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "PUT", headers: { "content-type": "image/png" } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        text += chunk;
      });
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          body: text ? JSON.parse(text) : null,
          headers: new Headers(res.headers as Record<string, string>),
        }),
      );
    });
    // The service may answer and close before the whole body is written.
    req.on("error", reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

export function completeUpload(
  endpoint: Endpoint,
  id: string,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<{ completeThumbnailUpload: CompletedEntity }>> {
  return graphql(endpoint, COMPLETE_UPLOAD, { id }, headers);
}
