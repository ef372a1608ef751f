/**
 * An image's width and height read from its header, before any decoder sees it: a PNG or JPEG
 * claiming 65 535 × 65 535 pixels makes a decoder allocate gigabytes (or abort the process), and
 * a header that cannot be read means a damaged file. Formats without a header we read (HEIC,
 * AVIF) give null: no opinion. A PNG or JPEG cut short (no end marker) is told apart too:
 * decoders show its missing part grey, and the OCR of half a quote would judge half a quote.
 */
import type { SniffedKind } from './sniff.js';

export interface ImageSize {
  width: number;
  height: number;
}

/** What the header says: the size, and whether the file reaches its end marker. */
export type ImageHeader = (ImageSize & { complete: boolean }) | 'corrupt';

/** Images with more pixels than this are not read (a 12 MP phone photo has 12 million). */
export const MAX_IMAGE_PIXELS = 40_000_000;

const JPEG_SOF = new Set([
  0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf,
]);

function u16be(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
}
function u16le(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}
function u32be(b: Uint8Array, at: number): number {
  return u16be(b, at) * 65536 + u16be(b, at + 2);
}
function u32le(b: Uint8Array, at: number): number {
  return u16le(b, at) + u16le(b, at + 2) * 65536;
}
function ascii(b: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...b.subarray(at, at + length));
}

function pngSize(b: Uint8Array): ImageSize | 'corrupt' {
  if (b.length < 24 || ascii(b, 12, 4) !== 'IHDR') return 'corrupt';
  return { width: u32be(b, 16), height: u32be(b, 20) };
}

/** Walks the JPEG markers up to the frame header (SOFn), which holds the size. */
function jpegSize(b: Uint8Array): ImageSize | 'corrupt' {
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return 'corrupt';
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return 'corrupt'; // image data before any frame
    const length = u16be(b, at + 2);
    if (length < 2) return 'corrupt';
    if (JPEG_SOF.has(marker)) {
      if (at + 9 > b.length) return 'corrupt';
      return { width: u16be(b, at + 7), height: u16be(b, at + 5) };
    }
    at += 2 + length;
  }
  return 'corrupt';
}

/**
 * The end-of-image marker after the first scan: entropy-coded data never holds FF D9 (its FF
 * bytes are stuffed), and the thumbnail's own marker sits in a segment before the first scan.
 */
function jpegComplete(b: Uint8Array): boolean {
  const view = Buffer.from(b.buffer, b.byteOffset, b.length);
  const scan = view.indexOf(Buffer.from([0xff, 0xda]));
  return scan > 0 && view.lastIndexOf(Buffer.from([0xff, 0xd9])) > scan;
}

function pngComplete(b: Uint8Array): boolean {
  return Buffer.from(b.buffer, b.byteOffset, b.length).lastIndexOf('IEND', undefined, 'latin1') > 8;
}

function bmpSize(b: Uint8Array): ImageSize | 'corrupt' {
  const header = u32le(b, 14);
  if (header === 12) return { width: u16le(b, 18), height: u16le(b, 20) };
  if (b.length < 26) return 'corrupt';
  const height = u32le(b, 22);
  return { width: Math.abs(u32le(b, 18) | 0), height: Math.abs(height | 0) };
}

function webpSize(b: Uint8Array): ImageSize | 'corrupt' {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8X' && b.length >= 30) {
    const w = (b[24]! | (b[25]! << 8) | (b[26]! << 16)) + 1;
    const h = (b[27]! | (b[28]! << 8) | (b[29]! << 16)) + 1;
    return { width: w, height: h };
  }
  if (chunk === 'VP8L' && b.length >= 25) {
    const bits = u32le(b, 21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8 ' && b.length >= 30) {
    return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  return 'corrupt';
}

/** The first image directory's ImageWidth (256) and ImageLength (257) tags. */
function tiffSize(b: Uint8Array): ImageSize | 'corrupt' {
  const le = b[0] === 0x49;
  const u16 = (at: number): number => (le ? u16le(b, at) : u16be(b, at));
  const u32 = (at: number): number => (le ? u32le(b, at) : u32be(b, at));
  const ifd = u32(4);
  if (ifd < 8 || ifd + 2 > b.length) return 'corrupt';
  const size: Partial<ImageSize> = {};
  const entries = u16(ifd);
  for (let i = 0; i < entries && ifd + 2 + 12 * (i + 1) <= b.length; i += 1) {
    const entry = ifd + 2 + 12 * i;
    const tag = u16(entry);
    const value = u16(entry + 2) === 3 ? u16(entry + 8) : u32(entry + 8);
    if (tag === 256) size.width = value;
    if (tag === 257) size.height = value;
  }
  return size.width !== undefined && size.height !== undefined
    ? { width: size.width, height: size.height }
    : 'corrupt';
}

/**
 * The size an image's header declares and whether the file is complete (PNG and JPEG end
 * markers; other formats are taken as complete); 'corrupt' when the header cannot be read;
 * null: not known.
 */
export function imageSize(bytes: Uint8Array, kind: SniffedKind): ImageHeader | null {
  let size: ImageSize | 'corrupt';
  switch (kind) {
    case 'png':
      size = pngSize(bytes);
      break;
    case 'jpeg':
      size = jpegSize(bytes);
      break;
    case 'gif':
      size = bytes.length < 10 ? 'corrupt' : { width: u16le(bytes, 6), height: u16le(bytes, 8) };
      break;
    case 'bmp':
      size = bmpSize(bytes);
      break;
    case 'webp':
      size = webpSize(bytes);
      break;
    case 'tiff':
      size = tiffSize(bytes);
      break;
    default:
      return null;
  }
  if (size !== 'corrupt' && (size.width === 0 || size.height === 0)) return 'corrupt';
  if (size === 'corrupt') return size;
  const complete =
    kind === 'png' ? pngComplete(bytes) : kind === 'jpeg' ? jpegComplete(bytes) : true;
  return { ...size, complete };
}
