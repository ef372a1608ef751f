/**
 * Hostile images built on the fly: PNGs and JPEGs whose headers claim absurd sizes, a PNG whose
 * pixels inflate to hundreds of megabytes, headers alone. Sent through the pipeline's OCR path
 * (preparation, then tesseract) by the fuzz suite and its regression tests.
 */
import { crc32, deflateSync } from 'node:zlib';
import { deflateRepeated, type HostileFile } from './hostile-pdfs.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function u32be(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.from(type, 'latin1');
  return Buffer.concat([u32be(data.length), head, data, u32be(crc32(Buffer.concat([head, data])))]);
}

/** A grayscale 8-bit PNG header (IHDR) of the given size, CRC right. */
export function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.concat([u32be(width), u32be(height), Buffer.from([8, 0, 0, 0, 0])]);
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', ihdr)]);
}

/**
 * A valid grayscale PNG whose rows (filter byte + white pixels) are deflated in one IDAT:
 * width × height bytes once inflated, about a thousandth of that in the file.
 */
export async function whitePng(width: number, height: number): Promise<Buffer> {
  const row = Buffer.alloc(width + 1, 0xff);
  row[0] = 0;
  const rowsPerChunk = 50;
  const chunk = Buffer.concat(Array.from({ length: rowsPerChunk }, () => row));
  const idat = await deflateRepeated(chunk, Math.ceil(height / rowsPerChunk));
  return Buffer.concat([
    pngHeader(width, height),
    pngChunk('IDAT', idat),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A baseline JPEG header (SOI, SOF0) claiming `width` × `height`, then junk and EOI. */
export function jpegHeader(width: number, height: number, padding = 12_000): Buffer {
  const sof = Buffer.from([
    0xff,
    0xc0,
    0x00,
    0x0b,
    0x08,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    0x01,
    0x01,
    0x11,
    0x00,
  ]);
  const filler = Buffer.alloc(padding, 0x55);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), sof, filler, Buffer.from([0xff, 0xd9])]);
}

export const HOSTILE_IMAGES: readonly HostileFile[] = [
  // 4 billion pixels claimed, no pixel data: a decoder must not allocate them first.
  {
    name: 'png-absurd-dimensions',
    build: () =>
      Buffer.concat([
        pngHeader(65_535, 65_535),
        pngChunk('IDAT', deflateSync(Buffer.alloc(20_000))),
        pngChunk('IEND', Buffer.alloc(0)),
      ]),
  },
  // 25 000 × 12 000 white pixels (300 MB) in about 300 kB: a real image bomb.
  { name: 'png-decompression-bomb', build: () => whitePng(25_000, 12_000) },
  { name: 'jpeg-absurd-dimensions', build: () => jpegHeader(65_000, 65_000) },
  {
    name: 'png-header-only',
    build: () => Buffer.concat([pngHeader(2000, 3000), Buffer.alloc(12_000)]),
  },
];
