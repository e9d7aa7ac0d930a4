import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ThumbnailConfig } from "../../src/config.js";
import {
  InvalidThumbnailSizeError,
  keyId,
  parseSigningKeys,
  type SignedUrlParams,
  SigningKeyError,
  ThumbnailUrlSigner,
} from "../../src/thumbnails/url-signer.js";
import { flipSignature } from "../support/signature.tamper.js";

const COMPONENT = "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b";
const T0 = Date.UTC(2026, 0, 1, 12, 0, 0); // a multiple of 600 s

function config(overrides: Partial<ThumbnailConfig> = {}): ThumbnailConfig {
  return {
    secrets: ["secret-new-0123456789-abcdefghijklmn"],
    secretIsRandom: false,
    ttlSeconds: 3600,
    windowSeconds: 600,
    sizeLadder: [32, 64, 100, 150, 200, 300, 500, 800, 1200, 2048, 4096],
    cacheBytes: 1024,
    deliveryFormats: ["webp"],
    ...overrides,
  };
}

function clock(start = T0) {
  const state = { ms: start };
  return { state, now: () => state.ms };
}

/** The route's view of a URL: path parameters and query values. */
function paramsOf(url: string): SignedUrlParams {
  const parsed = new URL(url);
  const [, prefix, componentId, size] = parsed.pathname.split("/");
  expect(prefix).toBe("thumbnails");
  return {
    componentId,
    size,
    exp: parsed.searchParams.get("exp") ?? undefined,
    kid: parsed.searchParams.get("kid") ?? undefined,
    sig: parsed.searchParams.get("sig") ?? undefined,
  };
}

describe("ThumbnailUrlSigner", () => {
  it("issues a URL on the public URL with the documented shape, and verifies it", () => {
    const c = clock();
    const signer = new ThumbnailUrlSigner(config(), "https://thumbs.example.test/", c.now);
    const url = signer.issue(COMPONENT, 100);
    expect(url).toMatch(
      new RegExp(
        `^https://thumbs\\.example\\.test/thumbnails/${COMPONENT}/100\\?exp=\\d+&kid=[A-Za-z0-9_-]{8}&sig=[A-Za-z0-9_-]{43}$`,
      ),
    );
    const params = paramsOf(url);
    expect(params.kid).toBe(keyId("secret-new-0123456789-abcdefghijklmn"));
    expect(signer.verify(params)).toEqual({
      ok: true,
      componentId: COMPONENT,
      size: 100,
      expiresAt: T0 / 1000 + 3600,
    });
  });

  it("never puts a secret in the URL", () => {
    const signer = new ThumbnailUrlSigner(config(), "http://localhost:4000");
    expect(signer.issue(COMPONENT, 300)).not.toContain("secret-new");
  });

  it("issues the same URL within a window and a new one in the next window", () => {
    const c = clock(T0 + 1000); // just after a window boundary
    const signer = new ThumbnailUrlSigner(config(), "http://localhost:4000", c.now);
    const first = signer.issue(COMPONENT, 100);
    c.state.ms = T0 + 600_999; // the last instant of the same window
    expect(signer.issue(COMPONENT, 100)).toBe(first);
    expect(paramsOf(first).exp).toBe(String(T0 / 1000 + 3600 + 600));

    c.state.ms = T0 + 601_000;
    const next = signer.issue(COMPONENT, 100);
    expect(next).not.toBe(first);
    expect(Number(paramsOf(next).exp)).toBe(T0 / 1000 + 3600 + 1200);
    // Both still verify.
    expect(signer.verify(paramsOf(first)).ok).toBe(true);
    expect(signer.verify(paramsOf(next)).ok).toBe(true);
  });

  it("expires: valid until exp, 'expired' from then on", () => {
    const c = clock();
    const signer = new ThumbnailUrlSigner(config(), "http://localhost:4000", c.now);
    const params = paramsOf(signer.issue(COMPONENT, 64));
    const exp = Number(params.exp);
    expect(exp).toBeGreaterThanOrEqual(T0 / 1000 + 3600);
    c.state.ms = exp * 1000 - 1;
    expect(signer.verify(params).ok).toBe(true);
    c.state.ms = exp * 1000;
    expect(signer.verify(params)).toEqual({ ok: false, reason: "expired" });
  });

  it("rotates keys: the first signs, every listed key verifies, a removed key fails", () => {
    const c = clock();
    const old = new ThumbnailUrlSigner(
      config({ secrets: ["old-key-aaaaaaaa-0123456789abcdefghij"] }),
      "http://h",
      c.now,
    );
    const oldUrl = paramsOf(old.issue(COMPONENT, 100));

    const rotated = new ThumbnailUrlSigner(
      config({ secrets: ["new-key-bbbbbbbb-0123456789abcdefghij", "old-key-aaaaaaaa-0123456789abcdefghij"] }),
      "http://h",
      c.now,
    );
    const newUrl = paramsOf(rotated.issue(COMPONENT, 100));
    expect(newUrl.kid).toBe(keyId("new-key-bbbbbbbb-0123456789abcdefghij"));
    expect(newUrl.kid).not.toBe(oldUrl.kid);
    expect(rotated.verify(oldUrl).ok).toBe(true);
    expect(rotated.verify(newUrl).ok).toBe(true);

    const retired = new ThumbnailUrlSigner(
      config({ secrets: ["new-key-bbbbbbbb-0123456789abcdefghij"] }),
      "http://h",
      c.now,
    );
    expect(retired.verify(oldUrl)).toEqual({ ok: false, reason: "tampered" });
    expect(retired.verify(newUrl).ok).toBe(true);
  });

  it("binds every part: changing the id, size, exp, kid or sig fails as tampered", () => {
    const c = clock();
    const signer = new ThumbnailUrlSigner(
      config({ secrets: ["key-one-xxxxxxxx-0123456789abcdefghij", "key-two-yyyyyyyy-0123456789abcdefghij"] }),
      "http://h",
      c.now,
    );
    const good = paramsOf(signer.issue(COMPONENT, 100));
    const flipped = flipSignature(good.sig as string);
    const cases: Partial<SignedUrlParams>[] = [
      { componentId: "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6c" },
      { size: "150" },
      { size: "4096" },
      { exp: String(Number(good.exp) + 600) },
      { exp: String(Number(good.exp) - 600) },
      { kid: keyId("key-two-yyyyyyyy-0123456789abcdefghij") }, // a real key id, but not the one that signed
      { kid: "AAAAAAAA" }, // unknown key id
      { sig: flipped },
    ];
    for (const change of cases) {
      expect(signer.verify({ ...good, ...change }), JSON.stringify(change)).toEqual({
        ok: false,
        reason: "tampered",
      });
    }
    // A signature made by another (unknown) key over the same fields fails too.
    const foreign = new ThumbnailUrlSigner(
      config({ secrets: ["attacker-zzzzzzzz-0123456789abcdefghi"] }),
      "http://h",
      c.now,
    );
    const forged = paramsOf(foreign.issue(COMPONENT, 100));
    expect(signer.verify({ ...forged, kid: good.kid })).toEqual({ ok: false, reason: "tampered" });
  });

  it("checks the signature before the expiry, so a forged expired URL is 'tampered'", () => {
    const c = clock();
    const signer = new ThumbnailUrlSigner(config(), "http://h", c.now);
    const good = paramsOf(signer.issue(COMPONENT, 100));
    c.state.ms = T0 + 10 * 3600_000;
    expect(signer.verify(good)).toEqual({ ok: false, reason: "expired" });
    expect(signer.verify({ ...good, size: "200" })).toEqual({ ok: false, reason: "tampered" });
  });

  it("rejects malformed input without throwing", () => {
    const c = clock();
    const signer = new ThumbnailUrlSigner(config(), "http://h", c.now);
    const good = paramsOf(signer.issue(COMPONENT, 100));
    const cases: Partial<SignedUrlParams>[] = [
      { componentId: undefined },
      { componentId: "" },
      { componentId: "../etc/passwd" },
      { componentId: "a b" },
      { componentId: "x".repeat(129) },
      { size: "0" },
      { size: "-1" },
      { size: "0100" },
      { size: "100.0" },
      { size: "4097" },
      { size: "abc" },
      { exp: undefined },
      { exp: "soon" },
      { exp: ["1", "2"] },
      { exp: `0${good.exp}` },
      { kid: undefined },
      { kid: "" },
      { kid: "k".repeat(33) },
      { kid: "a.b" },
      { sig: undefined },
      { sig: "" },
      { sig: `${good.sig}A` },
      { sig: (good.sig as string).slice(1) },
      { sig: `${(good.sig as string).slice(1)}=` },
      { sig: [good.sig, good.sig] },
    ];
    for (const change of cases) {
      expect(signer.verify({ ...good, ...change }), JSON.stringify(change)).toEqual({
        ok: false,
        reason: "malformed",
      });
    }
  });

  it("rounds sizes up to the ladder and rejects sizes outside 1..4096", () => {
    const signer = new ThumbnailUrlSigner(config(), "http://h");
    expect(signer.roundSize(1)).toBe(32);
    expect(signer.roundSize(32)).toBe(32);
    expect(signer.roundSize(33)).toBe(64);
    expect(signer.roundSize(101)).toBe(150);
    expect(signer.roundSize(2049)).toBe(4096);
    expect(signer.roundSize(4096)).toBe(4096);
    expect(paramsOf(signer.issue(COMPONENT, 120)).size).toBe("150");
    for (const bad of [0, -5, 4097, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => signer.roundSize(bad)).toThrow(InvalidThumbnailSizeError);
      expect(() => signer.issue(COMPONENT, bad)).toThrow(InvalidThumbnailSizeError);
    }
    const error = (() => {
      try {
        signer.roundSize(5000);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidThumbnailSizeError);
    expect((error as InvalidThumbnailSizeError).code).toBe("BAD_USER_INPUT");
  });

  it("sorts an unsorted ladder and keeps a size above the top rung as asked", () => {
    const signer = new ThumbnailUrlSigner(config({ sizeLadder: [500, 100] }), "http://h");
    expect(signer.roundSize(50)).toBe(100);
    expect(signer.roundSize(300)).toBe(500);
    expect(signer.roundSize(800)).toBe(800);
  });

  it("refuses component ids that are not a plain path segment", () => {
    const signer = new ThumbnailUrlSigner(config(), "http://h");
    expect(() => signer.issue("a/b", 100)).toThrow(TypeError);
    expect(() => signer.issue("", 100)).toThrow(TypeError);
  });

  it("needs a secret", () => {
    expect(() => new ThumbnailUrlSigner(config({ secrets: [] }), "http://h")).toThrow(SigningKeyError);
  });
});

describe("signing keys (THUMBNAIL_URL_SECRETS items)", () => {
  const KEY = "k2Jc0y8mB9vQeR3tU6wX1zA4dF7gH0jL5nP8sV2bN4c=";

  it("derives a key id with an HMAC under the key: no plain hash of the key appears in URLs", () => {
    const id = keyId(KEY);
    expect(id).toBe(createHmac("sha256", KEY).update("thumbnail-url-key-id").digest("base64url").slice(0, 8));
    // The old id was a plain SHA-256 of the key: anyone holding a URL could test guesses offline.
    const plain = createHash("sha256").update(`thumbnail-url-key\n${KEY}`).digest("base64url").slice(0, 8);
    expect(id).not.toBe(plain);
    expect(id).not.toBe(createHash("sha256").update(KEY).digest("base64url").slice(0, 8));
    expect(parseSigningKeys([KEY])).toEqual([{ id, secret: KEY }]);
  });

  it("takes explicit ids as id:key, and the id is what URLs carry", () => {
    const keys = parseSigningKeys([`2026-06:${KEY}`, `legacy_1:${KEY}x`]);
    expect(keys).toEqual([
      { id: "2026-06", secret: KEY },
      { id: "legacy_1", secret: `${KEY}x` },
    ]);
    const signer = new ThumbnailUrlSigner(config({ secrets: [`2026-06:${KEY}`] }), "http://h");
    const params = paramsOf(signer.issue(COMPONENT, 100));
    expect(params.kid).toBe("2026-06");
    expect(signer.verify(params).ok).toBe(true);
  });

  it("splits at the first ':' only, so a key containing ':' is written with an id", () => {
    const colonKey = "part:one:two-0123456789abcdefghijklmno";
    expect(parseSigningKeys([`main:${colonKey}`])).toEqual([{ id: "main", secret: colonKey }]);
  });

  it("verifies URLs signed by an explicit-id key after rotation, by id", () => {
    const c = clock();
    const old = new ThumbnailUrlSigner(config({ secrets: [`v1:${KEY}`] }), "http://h", c.now);
    const issued = paramsOf(old.issue(COMPONENT, 100));
    const rotated = new ThumbnailUrlSigner(
      config({ secrets: [`v2:${KEY}-next`, `v1:${KEY}`] }),
      "http://h",
      c.now,
    );
    expect(rotated.verify(issued).ok).toBe(true);
    expect(paramsOf(rotated.issue(COMPONENT, 100)).kid).toBe("v2");
  });

  it.each([
    [
      ["short-key"],
      /item 1: the key is 9 bytes, at least 32 are needed; make one with `openssl rand -base64 32`/,
    ],
    [[KEY, ""], /item 2 is empty/],
    [[KEY, "   "], /item 2 is empty/],
    [[`v1:${"x".repeat(31)}`], /item 1: the key is 31 bytes/],
    [[`v1:`], /item 1: the key is 0 bytes/],
    [[`:${KEY}`], /item 1: the id before ':' must be 1 to 32 letters/],
    [[`bad id:${KEY}`], /item 1: the id before ':' must be/],
    [[`${"i".repeat(33)}:${KEY}`], /item 1: the id before ':' must be/],
    [[`a:${KEY}`, `a:${KEY}-other`], /items 1 and 2 have the same key id/],
    [[KEY, KEY], /items 1 and 2 have the same key id/],
  ])("refuses %j", (items, message) => {
    expect(() => parseSigningKeys(items)).toThrow(SigningKeyError);
    expect(() => parseSigningKeys(items)).toThrow(message);
  });

  it("never quotes a key in its errors", () => {
    const weak = "hunter2-weak";
    const error = (() => {
      try {
        parseSigningKeys([weak]);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).not.toContain(weak);
  });
});
