/**
 * Demo thumbnails: real PNG/JPEG images rendered from an SVG with a readable label on a colour
 * derived from the label, so every seeded entity shows a distinct, recognisable picture.
 */
import { createHash } from "node:crypto";
import sharp from "sharp";

export interface LabelImageOptions {
  width?: number;
  height?: number;
  format?: "png" | "jpeg";
  /** Second, smaller line under the label (e.g. the entity type). */
  caption?: string;
}

/** A hue from the label's hash: stable across runs, different for different labels. */
function labelHue(label: string): number {
  return createHash("md5").update(label).digest().readUInt16BE(0) % 360;
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

function labelSvg(label: string, { width = 320, height = 180, caption }: LabelImageOptions = {}): string {
  const hue = labelHue(label);
  // Shrink the font for long labels so they stay inside the image.
  const fontSize = Math.max(
    12,
    Math.min(Math.round(height / 5), Math.round((width * 1.25) / Math.max(label.length, 1))),
  );
  const captionSize = Math.round(fontSize * 0.55);
  const textY = caption ? height / 2 - captionSize * 0.2 : height / 2 + fontSize * 0.35;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="hsl(${hue}, 65%, 55%)"/>
    <stop offset="1" stop-color="hsl(${(hue + 40) % 360}, 60%, 30%)"/>
  </linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#g)"/>
  <circle cx="${width * 0.85}" cy="${height * 0.2}" r="${height * 0.35}" fill="hsl(${(hue + 180) % 360}, 70%, 70%)" fill-opacity="0.35"/>
  <text x="50%" y="${textY}" text-anchor="middle" font-family="DejaVu Sans" font-weight="bold"
    font-size="${fontSize}" fill="#ffffff">${escapeXml(label)}</text>
  ${
    caption
      ? `<text x="50%" y="${height / 2 + captionSize * 1.6}" text-anchor="middle" font-family="DejaVu Sans"
    font-size="${captionSize}" fill="#ffffff" fill-opacity="0.85">${escapeXml(caption)}</text>`
      : ""
  }
</svg>`;
}

/** Renders the label image; PNG by default. */
export async function renderLabelImage(label: string, options: LabelImageOptions = {}): Promise<Buffer> {
  const image = sharp(Buffer.from(labelSvg(label, options)));
  return options.format === "jpeg" ? image.jpeg({ quality: 80 }).toBuffer() : image.png().toBuffer();
}
