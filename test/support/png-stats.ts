/**
 * Just enough PNG decoding (node:zlib, no dependency) to tell a real screenshot from an empty or
 * blank one: size, share of pixels that differ from the background, number of colours.
 * Handles what Chromium writes: 8-bit RGB or RGBA, not interlaced.
 */
import { inflateSync } from 'node:zlib';

export interface PngStats {
  width: number;
  height: number;
  /** Share of pixels whose colour differs from the most frequent one (the background). */
  inkRatio: number;
  distinctColours: number;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Undoes the per-row filters (PNG spec §9); returns the raw pixel rows. */
function unfilter(data: Uint8Array, width: number, height: number, bpp: number): Uint8Array {
  const stride = width * bpp;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const up = row - stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? (out[row + x - bpp] as number) : 0;
      const b = y > 0 ? (out[up + x] as number) : 0;
      let predictor: number;
      if (filter === 0) predictor = 0;
      else if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4)
        predictor = paeth(a, b, x >= bpp && y > 0 ? (out[up + x - bpp] as number) : 0);
      else throw new Error(`unknown PNG filter ${filter}`);
      out[row + x] = ((data[src + x] as number) + predictor) & 0xff;
    }
  }
  return out;
}

export function pngStats(png: Buffer): PngStats {
  if (png.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error('not a PNG file');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const [depth, colourType, , , interlace] = png.subarray(24, 29);
  const bpp = colourType === 6 ? 4 : colourType === 2 ? 3 : 0;
  if (depth !== 8 || bpp === 0 || interlace !== 0) {
    throw new Error(`unsupported PNG (depth ${depth}, colour type ${colourType})`);
  }
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') {
      idat.push(png.subarray(at + 8, at + 8 + length));
    }
    at += length + 12;
  }
  const pixels = unfilter(inflateSync(Buffer.concat(idat)), width, height, bpp);
  const counts = new Map<number, number>();
  for (let i = 0; i < pixels.length; i += bpp) {
    const colour =
      ((pixels[i] as number) << 16) | ((pixels[i + 1] as number) << 8) | (pixels[i + 2] as number);
    counts.set(colour, (counts.get(colour) ?? 0) + 1);
  }
  const background = Math.max(...counts.values());
  return {
    width,
    height,
    inkRatio: 1 - background / (width * height),
    distinctColours: counts.size,
  };
}
