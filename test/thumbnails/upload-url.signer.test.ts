import { describe, expect, it } from "vitest";
import { type SignedUploadParams, UploadUrlSigner } from "../../src/thumbnails/upload-url.signer.js";
import { ThumbnailUrlSigner } from "../../src/thumbnails/url-signer.js";

const NEW_KEY = "2026-06:secret-new-0123456789-abcdefghijklmn";
const OLD_KEY = "2026-01:secret-old-0123456789-abcdefghijklmn";
const UPLOAD = "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b";
const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);

function paramsOf(url: string): SignedUploadParams {
  const parsed = new URL(url);
  const [, prefix, uploadId] = parsed.pathname.split("/");
  expect(prefix).toBe("thumbnail-uploads");
  const q = parsed.searchParams;
  return { uploadId, exp: q.get("exp"), kid: q.get("kid"), sig: q.get("sig") };
}

describe("UploadUrlSigner", () => {
  const state = { ms: T0 };
  const signer = new UploadUrlSigner([NEW_KEY, OLD_KEY], "https://thumbs.example/", () => state.ms);

  it("issues a PUT URL on the public URL that verifies until it expires", () => {
    const url = signer.issue(UPLOAD, T0 + 900_000);
    expect(url).toMatch(
      /^https:\/\/thumbs\.example\/thumbnail-uploads\/3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b\?exp=\d+&kid=2026-06&sig=[\w-]{43}$/,
    );
    expect(signer.verify(paramsOf(url))).toEqual({ ok: true, uploadId: UPLOAD });
    state.ms = T0 + 900_000;
    expect(signer.verify(paramsOf(url))).toEqual({ ok: false, reason: "expired" });
    state.ms = T0;
  });

  it("binds every part: another id, expiry or key id is tampered", () => {
    const params = paramsOf(signer.issue(UPLOAD, T0 + 60_000));
    const other = "00000000-0000-4000-8000-000000000000";
    expect(signer.verify({ ...params, uploadId: other })).toEqual({ ok: false, reason: "tampered" });
    expect(signer.verify({ ...params, exp: String(Number(params.exp) + 1) })).toEqual({
      ok: false,
      reason: "tampered",
    });
    expect(signer.verify({ ...params, kid: "2026-01" })).toEqual({ ok: false, reason: "tampered" });
    expect(signer.verify({ ...params, kid: "gone" })).toEqual({ ok: false, reason: "tampered" });
  });

  it("refuses what is not an upload URL's shape", () => {
    const params = paramsOf(signer.issue(UPLOAD, T0 + 60_000));
    for (const bad of [
      { ...params, uploadId: "../etc" },
      { ...params, uploadId: UPLOAD.toUpperCase() },
      { ...params, exp: ["1", "2"] },
      { ...params, sig: undefined },
      { ...params, sig: "short" },
    ]) {
      expect(signer.verify(bad)).toEqual({ ok: false, reason: "malformed" });
    }
  });

  it("verifies URLs signed with an older key that is still configured (rotation)", () => {
    const before = new UploadUrlSigner([OLD_KEY], "https://thumbs.example", () => T0);
    expect(signer.verify(paramsOf(before.issue(UPLOAD, T0 + 60_000)))).toEqual({
      ok: true,
      uploadId: UPLOAD,
    });
  });

  it("never accepts a thumbnail URL's signature, made with the same key, as an upload's", () => {
    const thumbnails = new ThumbnailUrlSigner(
      {
        secrets: [NEW_KEY],
        secretIsRandom: false,
        ttlSeconds: 3600,
        windowSeconds: 600,
        sizeLadder: [100],
        cacheBytes: 1024,
        deliveryFormats: [],
      },
      "https://thumbs.example",
      () => T0,
    );
    const thumbnail = new URL(thumbnails.issue(UPLOAD, 100));
    const q = thumbnail.searchParams;
    expect(
      signer.verify({ uploadId: UPLOAD, exp: q.get("exp"), kid: q.get("kid"), sig: q.get("sig") }),
    ).toEqual({
      ok: false,
      reason: "tampered",
    });
  });
});
