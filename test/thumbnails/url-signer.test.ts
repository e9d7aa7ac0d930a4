import { describe, expect, it } from "vitest";
import type { ThumbnailConfig } from "../../src/config.js";
import {
  InvalidThumbnailSizeError,
  keyId,
  type SignedUrlParams,
  ThumbnailUrlSigner,
} from "../../src/thumbnails/url-signer.js";

const COMPONENT = "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b";
const T0 = Date.UTC(2026, 0, 1, 12, 0, 0); // a multiple of 600 s

function config(overrides: Partial<ThumbnailConfig> = {}): ThumbnailConfig {
  return {
    secrets: ["secret-new-0123456789"],
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
    expect(params.kid).toBe(keyId("secret-new-0123456789"));
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
    const old = new ThumbnailUrlSigner(config({ secrets: ["old-key-aaaaaaaa"] }), "http://h", c.now);
    const oldUrl = paramsOf(old.issue(COMPONENT, 100));

    const rotated = new ThumbnailUrlSigner(
      config({ secrets: ["new-key-bbbbbbbb", "old-key-aaaaaaaa"] }),
      "http://h",
      c.now,
    );
    const newUrl = paramsOf(rotated.issue(COMPONENT, 100));
    expect(newUrl.kid).toBe(keyId("new-key-bbbbbbbb"));
    expect(newUrl.kid).not.toBe(oldUrl.kid);
    expect(rotated.verify(oldUrl).ok).toBe(true);
    expect(rotated.verify(newUrl).ok).toBe(true);

    const retired = new ThumbnailUrlSigner(config({ secrets: ["new-key-bbbbbbbb"] }), "http://h", c.now);
    expect(retired.verify(oldUrl)).toEqual({ ok: false, reason: "tampered" });
    expect(retired.verify(newUrl).ok).toBe(true);
  });

  it("binds every part: changing the id, size, exp, kid or sig fails as tampered", () => {
    const c = clock();
    const signer = new ThumbnailUrlSigner(
      config({ secrets: ["key-one-xxxxxxxx", "key-two-yyyyyyyy"] }),
      "http://h",
      c.now,
    );
    const good = paramsOf(signer.issue(COMPONENT, 100));
    const sig = good.sig as string;
    const flipped = (sig[0] === "A" ? "B" : "A") + sig.slice(1);
    const cases: Partial<SignedUrlParams>[] = [
      { componentId: "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6c" },
      { size: "150" },
      { size: "4096" },
      { exp: String(Number(good.exp) + 600) },
      { exp: String(Number(good.exp) - 600) },
      { kid: keyId("key-two-yyyyyyyy") }, // a real key id, but not the one that signed
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
    const foreign = new ThumbnailUrlSigner(config({ secrets: ["attacker-zzzzzzzz"] }), "http://h", c.now);
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
      { kid: "short" },
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
    expect(() => new ThumbnailUrlSigner(config({ secrets: [] }), "http://h")).toThrow();
  });
});
