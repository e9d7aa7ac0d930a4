/**
 * `srcset` attribute values whose width descriptors are the widths really delivered (see
 * thumbnail-dimensions.memo.ts): sizes round up to the ladder, and a size that delivers no wider an
 * image than a smaller one is left out, so a browser never picks a URL for pixels it cannot get.
 */
import type { ThumbnailDimensions } from "./thumbnail-dimensions.memo.js";
import type { ThumbnailUrlSigner } from "./url-signer.js";

export class SrcsetBuilder {
  constructor(
    private readonly urls: ThumbnailUrlSigner,
    private readonly dimensions: ThumbnailDimensions,
  ) {}

  /** "<url> <width>w, ..." by ascending width; throws InvalidThumbnailSizeError for a size out of range. */
  async build(componentId: string, sizes: readonly number[]): Promise<string> {
    const rungs = [...new Set(sizes.map((size) => this.urls.roundSize(size)))].sort((a, b) => a - b);
    // Unknown widths (the probe found nothing) fall back to the rungs: the URLs still work.
    const widths = (await this.dimensions.widths(componentId, rungs)) ?? rungs;
    const entries: string[] = [];
    let widest = 0;
    rungs.forEach((rung, i) => {
      const width = widths[i]!;
      if (width <= widest) return;
      widest = width;
      entries.push(`${this.urls.issue(componentId, rung)} ${width}w`);
    });
    return entries.join(", ");
  }
}
