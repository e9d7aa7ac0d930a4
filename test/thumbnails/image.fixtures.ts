/** Images (good and bad) the thumbnail tests upload, made on the fly. */
import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";

export function solid(
  format: "png" | "jpeg" | "gif" | "webp",
  width = 64,
  height = 48,
  color = "#3366cc",
): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .toFormat(format)
    .toBuffer();
}

/** A JPEG carrying EXIF GPS coordinates (and a camera make), as a phone would write it. */
export function jpegWithGps(width = 80, height = 60): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#884422" } })
    .withExif({
      IFD0: { Make: "PhoneCo", Model: "Snapper 9" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "51/1 30/1 0/1",
        GPSLongitudeRef: "W",
        GPSLongitude: "0/1 7/1 0/1",
      },
    })
    .jpeg()
    .toBuffer();
}

/** Whether EXIF data holds a GPS IFD pointer (tag 0x8825), in either byte order. */
export function exifHasGps(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  return exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25]));
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A valid 1-bit greyscale PNG of width x height, all black: 20000x20000 compresses to ~48 KB but
 * would decode to 400 megapixels (a decompression bomb).
 */
export function blankPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth 1, colour type 0 (greyscale), default compression/filter/interlace
  const raw = Buffer.alloc((1 + Math.ceil(width / 8)) * height);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(raw, { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The first half of a real PNG: a valid header, then the data stops. */
export async function truncatedPng(): Promise<Buffer> {
  const png = await sharp({ create: { width: 200, height: 150, channels: 3, background: "#ff0000" } })
    .png()
    .toBuffer();
  return png.subarray(0, Math.floor(png.length / 2));
}

export const SVG = Buffer.from(
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64"/></svg>',
);

/** A minimal PDF (what a "thumbnail.png" that is really a PDF starts with). */
export const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n",
);

export const TEXT = Buffer.from("These are not the pixels you are looking for.\n");
