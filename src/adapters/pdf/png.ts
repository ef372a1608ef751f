/**
 * A minimal PNG encoder for 8-bit grayscale pixels (the page images given to OCR): one IDAT,
 * "Up" filter on every row (scans compress well with it), fast deflate. No dependency.
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Encodes `gray` (one byte per pixel, rows top to bottom) as a PNG file, with its resolution. */
export function encodeGrayPng(
  gray: Uint8Array,
  width: number,
  height: number,
  dpi?: number,
): Uint8Array {
  if (gray.length !== width * height) throw new Error('encodeGrayPng: size mismatch');
  const stride = width + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * stride;
    const src = y * width;
    if (y === 0) {
      raw[row] = 0;
      raw.set(gray.subarray(0, width), row + 1);
      continue;
    }
    raw[row] = 2;
    for (let x = 0; x < width; x += 1) {
      raw[row + 1 + x] = (gray[src + x]! - gray[src - width + x]!) & 0xff;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // grayscale
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    ...(dpi ? [chunk('pHYs', physChunk(dpi))] : []),
    chunk('IDAT', deflateSync(raw, { level: 3 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** Pixels per metre, both axes (OCR engines read the resolution from it). */
function physChunk(dpi: number): Uint8Array {
  const data = Buffer.alloc(9);
  const perMetre = Math.round(dpi / 0.0254);
  data.writeUInt32BE(perMetre, 0);
  data.writeUInt32BE(perMetre, 4);
  data[8] = 1;
  return data;
}

/** Luma (ITU-R BT.601) of RGBA pixels, one byte per pixel. */
export function rgbaToGray(rgba: Uint8Array | Uint8ClampedArray): Uint8Array {
  const gray = new Uint8Array(rgba.length >> 2);
  for (let i = 0, p = 0; p < gray.length; i += 4, p += 1) {
    gray[p] = (rgba[i]! * 299 + rgba[i + 1]! * 587 + rgba[i + 2]! * 114 + 500) / 1000;
  }
  return gray;
}
