/**
 * Signed, expiring URLs for the one PUT of a two-step upload, with the thumbnail URLs' keys
 * (THUMBNAIL_URL_SECRETS, parsed by url-signer.ts's parseSigningKeys):
 *
 *   {publicUrl}/thumbnail-uploads/{uploadId}?exp={unix seconds}&kid={key id}&sig={base64url}
 *
 * sig = base64url(HMAC-SHA256(key, "upload-v1\n{kid}\n{uploadId}\n{exp}")). The "upload-v1" prefix
 * keeps the two kinds apart: no thumbnail URL's signature is valid for an upload, and no upload
 * URL's for a thumbnail. The first key signs, every configured key verifies.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import {
  EXP,
  KID,
  matches,
  parseSigningKeys,
  SIG,
  SigningKeyError,
  type VerifyFailure,
} from "./url-signer.js";

export const UPLOAD_ROUTE_PREFIX = "/thumbnail-uploads";

/** The parts of a PUT to the upload route, as they arrive (query values may be arrays). */
export interface SignedUploadParams {
  uploadId: unknown;
  exp: unknown;
  kid: unknown;
  sig: unknown;
}

export type UploadVerifyResult = { ok: true; uploadId: string } | { ok: false; reason: VerifyFailure };

/** An upload's id: a random UUID. */
export const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class UploadUrlSigner {
  private readonly keys = new Map<string, string>();
  private readonly signingKid: string;
  private readonly baseUrl: string;

  /** `now` returns milliseconds since the epoch, like Date.now. */
  constructor(
    secrets: readonly string[],
    publicUrl: string,
    private readonly now: () => number = () => Date.now(),
  ) {
    const keys = parseSigningKeys(secrets);
    if (keys.length === 0) throw new SigningKeyError("UploadUrlSigner needs at least one key");
    for (const key of keys) this.keys.set(key.id, key.secret);
    this.signingKid = keys[0]!.id;
    this.baseUrl = publicUrl.replace(/\/+$/, "");
  }

  /** The PUT URL of an upload that expires at `expiresAt` (milliseconds since the epoch). */
  issue(uploadId: string, expiresAt: number): string {
    if (!UPLOAD_ID.test(uploadId)) throw new TypeError("uploadId is not a UUID");
    const exp = Math.ceil(expiresAt / 1000);
    const kid = this.signingKid;
    const sig = sign(this.keys.get(kid)!, kid, uploadId, exp);
    return `${this.baseUrl}${UPLOAD_ROUTE_PREFIX}/${uploadId}?exp=${exp}&kid=${kid}&sig=${sig}`;
  }

  /** Shape, then signature, then expiry: "expired" is only said of URLs this service issued. */
  verify({ uploadId, exp, kid, sig }: SignedUploadParams): UploadVerifyResult {
    if (!matches(UPLOAD_ID, uploadId) || !matches(EXP, exp) || !matches(KID, kid) || !matches(SIG, sig)) {
      return { ok: false, reason: "malformed" };
    }
    const secret = this.keys.get(kid);
    if (secret === undefined) return { ok: false, reason: "tampered" };
    const expected = Buffer.from(sign(secret, kid, uploadId, Number(exp)));
    if (!timingSafeEqual(expected, Buffer.from(sig))) return { ok: false, reason: "tampered" };
    if (Number(exp) * 1000 <= this.now()) return { ok: false, reason: "expired" };
    return { ok: true, uploadId };
  }
}

function sign(secret: string, kid: string, uploadId: string, exp: number): string {
  return createHmac("sha256", secret).update(`upload-v1\n${kid}\n${uploadId}\n${exp}`).digest("base64url");
}
