/**
 * Pending uploads: get_upload_metadata issues an unguessable one-time token bound to a component id;
 * `PUT /upload/<token>` stores the bytes. Multipart uploads keep their parts in memory until
 * complete_multipart_upload joins them.
 */
import { createHash, randomBytes } from "node:crypto";
import { extname } from "node:path";

const TOKEN_TTL_MS = 60 * 60 * 1000;

export interface PendingUpload {
  componentId: string;
  /** Declared size, checked against the bytes received. */
  size?: number;
  contentType: string;
  expiresAt: number;
  /** Set for multipart uploads: the number of parts and the parts received so far. */
  parts?: { count: number; received: Map<number, Buffer> };
}

const CONTENT_TYPES: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".tif": "image/tiff",
  ".tiff": "image/tiff",
  ".json": "application/json",
  ".txt": "text/plain",
  ".mp4": "video/mp4",
  ".mov": "video/quicktime",
  ".pdf": "application/pdf",
};

/** Content type from a file name or a file_type such as ".png". */
export function contentTypeOf(fileNameOrType: string | undefined | null): string {
  if (!fileNameOrType) return "application/octet-stream";
  const ext = (fileNameOrType.startsWith(".") ? fileNameOrType : extname(fileNameOrType)).toLowerCase();
  return CONTENT_TYPES[ext] ?? "application/octet-stream";
}

export const etagOf = (bytes: Buffer) => createHash("md5").update(bytes).digest("hex");

export class UploadRegistry {
  private readonly pending = new Map<string, PendingUpload>();

  /** Issues a token for a single-part upload, or an upload id for a multipart one. */
  issue(componentId: string, fileName: string | undefined, size: number | undefined, parts?: number): string {
    this.sweep();
    const token = randomBytes(24).toString("base64url");
    this.pending.set(token, {
      componentId,
      size,
      contentType: contentTypeOf(fileName),
      expiresAt: Date.now() + TOKEN_TTL_MS,
      parts: parts ? { count: parts, received: new Map() } : undefined,
    });
    return token;
  }

  get(token: string): PendingUpload | undefined {
    const upload = this.pending.get(token);
    if (upload && upload.expiresAt < Date.now()) {
      this.pending.delete(token);
      return undefined;
    }
    return upload;
  }

  /** Ends the token's life: it was used. */
  consume(token: string): void {
    this.pending.delete(token);
  }

  private sweep() {
    const now = Date.now();
    for (const [token, upload] of this.pending) if (upload.expiresAt < now) this.pending.delete(token);
  }
}
