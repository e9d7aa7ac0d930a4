/**
 * The dimensions memo on its own, with a probe that scales like ftrack (fit inside, never enlarge):
 * which sample answers which box, when it probes, and that probes are shared and failures fall back.
 */
import { describe, expect, it } from "vitest";
import { type ImageSize, ThumbnailDimensions } from "../../src/thumbnails/thumbnail-dimensions.memo.js";

/** What ftrack delivers for an original at a box. */
function scaledToFit(original: ImageSize, box: number): ImageSize {
  const scale = Math.min(1, box / Math.max(original.width, original.height));
  return { width: Math.round(original.width * scale), height: Math.round(original.height * scale) };
}

function memoOver(originals: Record<string, ImageSize>) {
  const probes: string[] = [];
  const memo = new ThumbnailDimensions(async (componentId, box) => {
    probes.push(`${componentId}@${box}`);
    const original = originals[componentId];
    if (original === undefined) return null;
    return scaledToFit(original, box);
  });
  return { memo, probes };
}

describe("ThumbnailDimensions", () => {
  it("probes once at the largest box; a sample smaller than its box is the original and answers every box", async () => {
    const { memo, probes } = memoOver({ small: { width: 320, height: 240 } });
    expect(await memo.widths("small", [100, 300, 500])).toEqual([100, 300, 320]);
    expect(probes).toEqual(["small@500"]);
    expect(await memo.widths("small", [4096, 32])).toEqual([320, 32]);
    expect(probes).toEqual(["small@500"]);
  });

  it("a sample that fills its box answers smaller boxes, and a larger box probes again", async () => {
    const { memo, probes } = memoOver({ tall: { width: 700, height: 1000 } });
    expect(await memo.widths("tall", [100, 300])).toEqual([70, 210]);
    expect(await memo.widths("tall", [150])).toEqual([105]);
    expect(probes).toEqual(["tall@300"]);
    expect(await memo.widths("tall", [100, 500, 1200])).toEqual([70, 350, 700]);
    expect(probes).toEqual(["tall@300", "tall@1200"]);
  });

  it("learns from what the delivery route recorded, without probing", async () => {
    const { memo, probes } = memoOver({});
    memo.record("seen", 500, { width: 256, height: 256 });
    expect(await memo.widths("seen", [100, 300, 500, 800])).toEqual([100, 256, 256, 256]);
    // A less telling sample (a smaller box) does not replace a better one.
    memo.record("seen", 100, { width: 100, height: 100 });
    expect(await memo.widths("seen", [800])).toEqual([256]);
    expect(probes).toEqual([]);
  });

  it("shares one probe between concurrent asks", async () => {
    const { memo, probes } = memoOver({ c: { width: 800, height: 600 } });
    const answers = await Promise.all([memo.widths("c", [100, 300]), memo.widths("c", [300])]);
    expect(answers).toEqual([[100, 300], [300]]);
    expect(probes).toEqual(["c@300"]);
  });

  it("answers null when the probe finds nothing or fails, and asks again next time", async () => {
    const { memo, probes } = memoOver({});
    expect(await memo.widths("gone", [100])).toBeNull();
    expect(await memo.widths("gone", [100])).toBeNull();
    expect(probes).toEqual(["gone@100", "gone@100"]);
    const failing = new ThumbnailDimensions(() => Promise.reject(new Error("ftrack is down")));
    expect(await failing.widths("x", [100])).toBeNull();
    expect(await failing.widths("x", [])).toEqual([]);
  });

  it("forgets the least recently used component beyond its bound", async () => {
    const probes: string[] = [];
    const memo = new ThumbnailDimensions(
      async (id, box) => {
        probes.push(id);
        return scaledToFit({ width: 50, height: 50 }, box);
      },
      { maxEntries: 2 },
    );
    await memo.widths("a", [100]);
    await memo.widths("b", [100]);
    await memo.widths("a", [100]); // a is now the most recent
    await memo.widths("c", [100]); // evicts b
    await memo.widths("a", [100]);
    await memo.widths("b", [100]);
    expect(probes).toEqual(["a", "b", "c", "b"]);
  });
});
