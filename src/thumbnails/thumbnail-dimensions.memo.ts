/**
 * How wide a thumbnail really is at each size, so a `srcset` advertises the widths a browser gets:
 * ftrack scales an image to fit inside size x size and never enlarges it, so a 320 x 240 original is
 * 320 wide at size 500, and a portrait image is narrower than its box.
 *
 * A small memo by component id (component ids are immutable in ftrack: a new thumbnail is a new
 * component) holds one sample, "at box B the image delivered was w x h", fed by every fetch the
 * delivery route makes. A sample smaller than its box is the original itself and answers every box;
 * one that fills its box answers that box and smaller ones. When the memo cannot tell, one probe
 * fetches the largest size asked for (through the delivery cache, so it warms what the browser asks
 * next) and reads the image header. With REDIS_URL the samples are shared by the replicas, so one
 * replica's fetch answers the others' srcsets too.
 */

export interface ImageSize {
  width: number;
  height: number;
}

/** Fetches a thumbnail scaled to fit box x box and tells its size; null when there is none. */
export type ThumbnailProbe = (componentId: string, box: number) => Promise<ImageSize | null>;

/** What the delivery route reports after fetching a thumbnail. */
export interface DimensionsRecorder {
  record(componentId: string, box: number, size: ImageSize): void;
}

export interface Sample extends ImageSize {
  box: number;
}

/** Samples kept beside the memo and shared by the replicas; never fails (nothing found instead). */
export interface SharedDimensions {
  read(componentId: string): Promise<Sample[]>;
  write(componentId: string, sample: Sample): void;
}

/** Components remembered; an entry is a few numbers. */
const MAX_ENTRIES = 20_000;

const isOriginal = (sample: Sample) => Math.max(sample.width, sample.height) < sample.box;

export class ThumbnailDimensions implements DimensionsRecorder {
  // A Map iterates in insertion order: the first key is the least recently used.
  readonly #samples = new Map<string, Sample>();
  readonly #probing = new Map<string, Promise<void>>();

  private readonly maxEntries: number;
  private readonly shared?: SharedDimensions;

  constructor(
    private readonly probe: ThumbnailProbe,
    options: { maxEntries?: number; shared?: SharedDimensions } = {},
  ) {
    this.maxEntries = options.maxEntries ?? MAX_ENTRIES;
    this.shared = options.shared;
  }

  record(componentId: string, box: number, size: ImageSize): void {
    const sample = { box, width: size.width, height: size.height };
    if (this.#keep(componentId, sample)) this.shared?.write(componentId, sample);
  }

  /** Keeps the sample when it tells more than the one held; true when it was kept. */
  #keep(componentId: string, sample: Sample): boolean {
    if (!(sample.width > 0 && sample.height > 0)) return false;
    const current = this.#samples.get(componentId);
    // Keep the sample that answers the most boxes: the original's own size, else the largest box.
    if (current && (isOriginal(current) || (!isOriginal(sample) && current.box >= sample.box))) return false;
    this.#samples.delete(componentId);
    this.#samples.set(componentId, sample);
    if (this.#samples.size > this.maxEntries) {
      this.#samples.delete(this.#samples.keys().next().value as string);
    }
    return true;
  }

  /**
   * The width delivered at each box (ascending or not), probing once when the memo cannot tell;
   * null when the probe found nothing (no such thumbnail, ftrack unreachable).
   */
  async widths(componentId: string, boxes: readonly number[]): Promise<number[] | null> {
    if (boxes.length === 0) return [];
    const largest = Math.max(...boxes);
    if (widthAt(this.#sample(componentId), largest) === undefined && this.shared) {
      for (const sample of await this.shared.read(componentId)) this.#keep(componentId, sample);
    }
    if (widthAt(this.#sample(componentId), largest) === undefined) {
      await this.#probeOnce(componentId, largest);
    }
    const sample = this.#sample(componentId);
    if (widthAt(sample, largest) === undefined) return null;
    return boxes.map((box) => widthAt(sample, box)!);
  }

  #sample(componentId: string): Sample | undefined {
    const sample = this.#samples.get(componentId);
    if (sample) {
      this.#samples.delete(componentId);
      this.#samples.set(componentId, sample);
    }
    return sample;
  }

  /** One probe per component and box at a time; a failed probe records nothing. */
  #probeOnce(componentId: string, box: number): Promise<void> {
    const key = `${componentId}/${box}`;
    let flight = this.#probing.get(key);
    if (!flight) {
      flight = this.probe(componentId, box)
        .then(
          (size) => {
            if (size) this.record(componentId, box, size);
          },
          () => {},
        )
        .finally(() => this.#probing.delete(key));
      this.#probing.set(key, flight);
    }
    return flight;
  }
}

/** The width an image scaled to fit box x box (never enlarged) has, as far as `sample` tells. */
function widthAt(sample: Sample | undefined, box: number): number | undefined {
  if (!sample || (box > sample.box && !isOriginal(sample))) return undefined;
  const scale = Math.min(1, box / Math.max(sample.width, sample.height));
  return Math.max(1, Math.round(sample.width * scale));
}
