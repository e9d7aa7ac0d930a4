/**
 * Signed, expiring thumbnail URLs on this service's own delivery route.
 *
 * URL shape (format negotiated by the Accept header, not part of the URL):
 *   {publicUrl}/thumbnails/{componentId}/{size}?exp={unix seconds}&kid={key id}&sig={base64url}
 *
 * - sig = base64url(HMAC-SHA256(key, "v1\n{kid}\n{componentId}\n{size}\n{exp}")), 43 characters.
 *   Every part of the URL except the host is bound: changing any of them breaks the signature.
 * - kid = which key signed: the id given with the key (`id:key` in THUMBNAIL_URL_SECRETS), else the
 *   first 8 characters of base64url(HMAC-SHA256(key, "thumbnail-url-key-id")). An HMAC under the key
 *   reveals nothing about it (a plain hash would let one leaked URL test guesses of a weak key
 *   offline). The first configured key signs; every configured key verifies, so keys rotate by
 *   prepending a new one and dropping the old one after a TTL.
 * - exp = now + ttlSeconds rounded UP to a multiple of windowSeconds, so the same URL is issued for
 *   a whole window and browsers can cache it.
 * - size is rounded up to the configured ladder, so a few sizes are fetched and cached, not 4096.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { ThumbnailConfig } from "../config.js";
import { ErrorCode } from "../error-codes.js";
import { ThumbnailError } from "./thumbnail.errors.js";

export const MIN_THUMBNAIL_SIZE = 1;
export const MAX_THUMBNAIL_SIZE = 4096;
/** The size a URL field issues when the query names none. */
export const DEFAULT_THUMBNAIL_SIZE = 300;

/** A requested size outside 1..4096 or not an integer: a BAD_USER_INPUT for the caller. */
export class InvalidThumbnailSizeError extends ThumbnailError {
  constructor(readonly size: number) {
    super(
      ErrorCode.BAD_USER_INPUT,
      `Thumbnail size must be an integer from ${MIN_THUMBNAIL_SIZE} to ${MAX_THUMBNAIL_SIZE}.`,
      { argumentName: "size" },
    );
    this.name = "InvalidThumbnailSizeError";
  }
}

/** The parts of a request to the delivery route, as they arrive (query values may be arrays). */
export interface SignedUrlParams {
  componentId: unknown;
  size: unknown;
  exp: unknown;
  kid: unknown;
  sig: unknown;
}

export type VerifyFailure = "tampered" | "expired" | "malformed";

export type VerifyResult =
  | { ok: true; componentId: string; size: number; expiresAt: number }
  | { ok: false; reason: VerifyFailure };

// Component ids are UUIDs in ftrack; this is wider but keeps the id a plain path segment.
const COMPONENT_ID = /^[A-Za-z0-9_-]{1,128}$/;
// Canonical decimal forms only, so one value has exactly one spelling in a URL.
const SIZE = /^[1-9][0-9]{0,3}$/;
// Shared with the upload URL signer: the same parameter forms.
export const EXP = /^[1-9][0-9]{0,11}$/;
export const KID = /^[A-Za-z0-9_-]{1,32}$/;
export const SIG = /^[A-Za-z0-9_-]{43}$/;
/** URLs remembered for the current expiry window (a list of entities repeats few images). */
const MAX_REMEMBERED_URLS = 10_000;

/** Shortest signing key: anything shorter can be brute-forced from one URL. */
export const MIN_KEY_BYTES = 32;

export interface SigningKey {
  id: string;
  secret: string;
}

/** A THUMBNAIL_URL_SECRETS item that cannot be a signing key. Its message never quotes the key. */
export class SigningKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SigningKeyError";
  }
}

/** The id of a key configured without one: an HMAC under the key, so it reveals nothing about it. */
export function keyId(secret: string): string {
  return createHmac("sha256", secret).update("thumbnail-url-key-id").digest("base64url").slice(0, 8);
}

/**
 * The configured keys, newest first. Each item is `key`, or `id:key` to choose the id URLs carry:
 * the id is everything before the first ':' (1 to 32 of A-Z a-z 0-9 _ -), the key everything after
 * it, so a key may itself contain ':' as long as it is given an id.
 */
export function parseSigningKeys(items: readonly string[]): SigningKey[] {
  const keys: SigningKey[] = [];
  items.forEach((item, index) => {
    const which = `item ${index + 1}`;
    if (item.trim() === "") throw new SigningKeyError(`${which} is empty (a stray comma?)`);
    const colon = item.indexOf(":");
    const secret = colon === -1 ? item : item.slice(colon + 1);
    const id = colon === -1 ? keyId(secret) : item.slice(0, colon);
    if (!KID.test(id)) {
      throw new SigningKeyError(
        `${which}: the id before ':' must be 1 to 32 letters, digits, '_' or '-' (items are key or id:key)`,
      );
    }
    if (Buffer.byteLength(secret) < MIN_KEY_BYTES) {
      throw new SigningKeyError(
        `${which}: the key is ${Buffer.byteLength(secret)} bytes, at least ${MIN_KEY_BYTES} are needed; make one with \`openssl rand -base64 32\``,
      );
    }
    const clash = keys.findIndex((key) => key.id === id);
    if (clash !== -1) throw new SigningKeyError(`items ${clash + 1} and ${index + 1} have the same key id`);
    keys.push({ id, secret });
  });
  return keys;
}

export class ThumbnailUrlSigner {
  private readonly keys = new Map<string, string>();
  private readonly signingKid: string;
  private readonly ladder: number[];
  private readonly baseUrl: string;
  /** URLs issued in the current window, by "componentId/size": the same inputs sign the same URL. */
  private readonly issued = new Map<string, string>();
  private issuedExp = 0;

  /** `now` returns milliseconds since the epoch, like Date.now. */
  constructor(
    private readonly config: ThumbnailConfig,
    publicUrl: string,
    private readonly now: () => number = Date.now,
  ) {
    const keys = parseSigningKeys(config.secrets);
    if (keys.length === 0) throw new SigningKeyError("ThumbnailUrlSigner needs at least one key");
    for (const key of keys) this.keys.set(key.id, key.secret);
    this.signingKid = keys[0]!.id;
    this.ladder = [...config.sizeLadder].sort((a, b) => a - b);
    this.baseUrl = publicUrl.replace(/\/+$/, "");
  }

  /** Rounds a requested size up to the ladder; throws InvalidThumbnailSizeError outside 1..4096. */
  roundSize(size: number): number {
    if (!Number.isInteger(size) || size < MIN_THUMBNAIL_SIZE || size > MAX_THUMBNAIL_SIZE) {
      throw new InvalidThumbnailSizeError(size);
    }
    return this.ladder.find((rung) => rung >= size) ?? size;
  }

  /** The expiry (unix seconds) a URL issued now carries. */
  expiry(): number {
    const { ttlSeconds, windowSeconds } = this.config;
    const earliest = Math.floor(this.now() / 1000) + ttlSeconds;
    return Math.ceil(earliest / windowSeconds) * windowSeconds;
  }

  issue(componentId: string, size: number): string {
    const rounded = this.roundSize(size);
    const exp = this.expiry();
    if (exp !== this.issuedExp || this.issued.size >= MAX_REMEMBERED_URLS) {
      this.issued.clear();
      this.issuedExp = exp;
    }
    const key = `${componentId}/${rounded}`;
    const known = this.issued.get(key);
    // Only checked ids are remembered, so a remembered URL needs no check (it runs for every entity).
    if (known !== undefined) return known;
    if (!COMPONENT_ID.test(componentId)) throw new TypeError("componentId is not a valid component id");
    const kid = this.signingKid;
    const sig = sign(this.keys.get(kid)!, kid, componentId, rounded, exp);
    const url = `${this.baseUrl}/thumbnails/${componentId}/${rounded}?exp=${exp}&kid=${kid}&sig=${sig}`;
    this.issued.set(key, url);
    return url;
  }

  /**
   * Checks the shape, then the signature, then the expiry: "expired" is only said of URLs this
   * service really issued. A URL whose key is no longer configured is "tampered".
   */
  verify(params: SignedUrlParams): VerifyResult {
    const { componentId, size, exp, kid, sig } = params;
    if (
      !matches(COMPONENT_ID, componentId) ||
      !matches(SIZE, size) ||
      !matches(EXP, exp) ||
      !matches(KID, kid) ||
      !matches(SIG, sig)
    ) {
      return { ok: false, reason: "malformed" };
    }
    const sizeNumber = Number(size);
    if (sizeNumber > MAX_THUMBNAIL_SIZE) return { ok: false, reason: "malformed" };

    const secret = this.keys.get(kid);
    if (secret === undefined) return { ok: false, reason: "tampered" };
    const expected = Buffer.from(sign(secret, kid, componentId, sizeNumber, Number(exp)));
    // Compare the canonical text: equal length is guaranteed by the SIG pattern.
    if (!timingSafeEqual(expected, Buffer.from(sig))) return { ok: false, reason: "tampered" };

    const expiresAt = Number(exp);
    if (expiresAt * 1000 <= this.now()) return { ok: false, reason: "expired" };
    return { ok: true, componentId, size: sizeNumber, expiresAt };
  }
}

function sign(secret: string, kid: string, componentId: string, size: number, exp: number): string {
  return createHmac("sha256", secret)
    .update(`v1\n${kid}\n${componentId}\n${size}\n${exp}`)
    .digest("base64url");
}

export function matches(pattern: RegExp, value: unknown): value is string {
  return typeof value === "string" && pattern.test(value);
}
