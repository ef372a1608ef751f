/**
 * Seeded mutations of quote files for the fuzz suite: PDFs (truncations, flipped bytes in the
 * cross-reference table and in streams, wrong lengths and offsets, absurd numbers, spliced
 * files), images (truncated, flipped, with rewritten dimensions) and text quotes (long runs,
 * control characters, broken encodings). Same seed, same files.
 */
import type { Rng } from '../generator/prng.js';

export type Mutator = (rng: Rng, bytes: Buffer) => Buffer;

function flipBits(rng: Rng, bytes: Buffer, start: number, end: number, count: number): Buffer {
  const out = Buffer.from(bytes);
  if (end <= start) return out;
  for (let i = 0; i < count; i += 1) {
    const at = rng.int(start, end - 1);
    out[at] = out[at]! ^ (1 << rng.int(0, 7));
  }
  return out;
}

function replaceRandomMatch(rng: Rng, bytes: Buffer, re: RegExp, by: (m: string) => string) {
  const text = bytes.toString('latin1');
  const matches = [...text.matchAll(re)];
  if (matches.length === 0) return bytes;
  const m = rng.pick(matches);
  const at = m.index;
  return Buffer.from(text.slice(0, at) + by(m[0]) + text.slice(at + m[0].length), 'latin1');
}

/** Ranges of stream data: between `stream` + end of line and `endstream`. */
function streamRanges(bytes: Buffer): [number, number][] {
  const ranges: [number, number][] = [];
  let at = bytes.indexOf('stream', 0, 'latin1');
  while (at >= 0) {
    const end = bytes.indexOf('endstream', at + 6, 'latin1');
    if (bytes[at - 1] !== 0x64 && end > at + 8) ranges.push([at + 7, end]);
    at = bytes.indexOf('stream', Math.max(at + 6, end + 9), 'latin1');
    if (end < 0) break;
  }
  return ranges;
}

const ABSURD_NUMBERS = ['0', '-1', '99999999999999999999', '1e308', '-2147483649', '3.4e38', 'NaN'];

export const PDF_MUTATORS: Readonly<Record<string, Mutator>> = {
  truncate: (rng, b) => b.subarray(0, rng.int(8, Math.max(8, b.length - 1))),
  truncateTail: (rng, b) => b.subarray(0, Math.max(8, b.length - rng.int(1, 400))),
  flipXref: (rng, b) => {
    const start = Math.max(0, b.lastIndexOf('xref', undefined, 'latin1'));
    return flipBits(rng, b, start, b.length, rng.int(1, 12));
  },
  flipStream: (rng, b) => {
    const ranges = streamRanges(b);
    if (ranges.length === 0) return flipBits(rng, b, 0, b.length, 8);
    const [start, end] = rng.pick(ranges);
    return flipBits(rng, b, start, end, rng.int(1, 24));
  },
  flipAnywhere: (rng, b) => flipBits(rng, b, 0, b.length, rng.int(1, 40)),
  zeroRun: (rng, b) => {
    const out = Buffer.from(b);
    const start = rng.int(0, b.length - 1);
    out.fill(rng.pick([0, 0x20, 0xff]), start, Math.min(b.length, start + rng.int(1, 4096)));
    return out;
  },
  deleteXref: (rng, b) => {
    const xref = b.lastIndexOf('xref', undefined, 'latin1');
    const startxref = b.lastIndexOf('startxref', undefined, 'latin1');
    if (xref < 0 || startxref <= xref) return PDF_MUTATORS.truncateTail!(rng, b);
    return Buffer.concat([b.subarray(0, xref), b.subarray(startxref)]);
  },
  wrongStartxref: (rng, b) =>
    replaceRandomMatch(rng, b, /startxref\s+\d+/gu, () => `startxref\n${rng.pick(ABSURD_NUMBERS)}`),
  wrongLength: (rng, b) =>
    replaceRandomMatch(rng, b, /\/Length \d+/gu, () => `/Length ${rng.pick(ABSURD_NUMBERS)}`),
  absurdNumber: (rng, b) =>
    replaceRandomMatch(rng, b, /(?<=[\s[])\d+(?=[\s\]/>])/gu, () => rng.pick(ABSURD_NUMBERS)),
  absurdCount: (rng, b) =>
    replaceRandomMatch(rng, b, /\/Count \d+/gu, () => `/Count ${rng.pick(ABSURD_NUMBERS)}`),
  dropEndobj: (rng, b) => replaceRandomMatch(rng, b, /endobj/gu, () => ''),
  breakNames: (rng, b) =>
    replaceRandomMatch(
      rng,
      b,
      /\/(?:Type|Kids|Contents|Resources|Font|Root|Pages|Filter)\b/gu,
      (m) => rng.pick([`${m}x`, '/', `${m} ${m}`, `${m.slice(0, 2)}#00`]),
    ),
  duplicateChunk: (rng, b) => {
    const start = rng.int(0, b.length - 1);
    const chunk = b.subarray(start, Math.min(b.length, start + rng.int(1, 8192)));
    const at = rng.int(0, b.length);
    return Buffer.concat([b.subarray(0, at), chunk, b.subarray(at)]);
  },
  junkPrefix: (rng, b) => Buffer.concat([Buffer.from(randomAscii(rng, rng.int(1, 900))), b]),
  doubleEof: (rng, b) => Buffer.concat([b, b.subarray(rng.int(0, b.length - 1))]),
};

export const IMAGE_MUTATORS: Readonly<Record<string, Mutator>> = {
  truncate: (rng, b) => b.subarray(0, rng.int(16, Math.max(16, b.length - 1))),
  flipHeader: (rng, b) => flipBits(rng, b, 2, Math.min(b.length, 700), rng.int(1, 6)),
  flipAnywhere: (rng, b) => flipBits(rng, b, 2, b.length, rng.int(1, 30)),
  zeroRun: PDF_MUTATORS.zeroRun!,
  duplicateChunk: PDF_MUTATORS.duplicateChunk!,
  dimensions: (rng, b) => {
    const out = Buffer.from(b);
    const value = rng.pick([0, 1, 65_535, 30_000, rng.int(2, 9000)]);
    if (out.toString('latin1', 12, 16) === 'IHDR') {
      out.writeUInt32BE(value, rng.pick([16, 20]));
      return out;
    }
    const sof = out.indexOf(Buffer.from([0xff, 0xc0]));
    if (sof > 0 && sof + 9 < out.length) out.writeUInt16BE(value, sof + rng.pick([5, 7]));
    return out;
  },
};

function randomAscii(rng: Rng, length: number): string {
  return Array.from({ length }, () => String.fromCharCode(rng.int(32, 126))).join('');
}

const RUNS = [' ', '.', '\t', '0', '-', '_', '=', '€', 'é', '\u00a0', '*', ' .', '1 '];

export const TEXT_MUTATORS: Readonly<Record<string, Mutator>> = {
  longRun: (rng, b) => {
    const at = rng.int(0, b.length);
    const run = Buffer.from(rng.pick(RUNS).repeat(rng.int(1000, 60_000)), 'utf8');
    return Buffer.concat([b.subarray(0, at), run, b.subarray(at)]);
  },
  controlChars: (rng, b) => {
    const out = Buffer.from(b);
    for (let i = 0; i < rng.int(1, 60); i += 1) out[rng.int(0, out.length - 1)] = rng.int(0, 31);
    return out;
  },
  invalidUtf8: (rng, b) => {
    const out = Buffer.from(b);
    for (let i = 0; i < rng.int(1, 30); i += 1)
      out[rng.int(0, out.length - 1)] = rng.int(0x80, 0xff);
    return out;
  },
  boms: (rng, b) =>
    Buffer.concat([
      Buffer.from(
        rng.pick([
          [0xef, 0xbb, 0xbf],
          [0xff, 0xfe],
          [0xfe, 0xff],
        ]),
      ),
      b,
    ]),
  manyLines: (rng, b) => Buffer.concat(Array.from({ length: rng.int(5, 400) }, () => b)),
  lineEndings: (rng, b) =>
    Buffer.from(
      b.toString('latin1').replace(/\n/gu, () => rng.pick(['\r', '\r\n', '\n\n', '\f', '\u2028'])),
      'latin1',
    ),
  truncate: PDF_MUTATORS.truncate!,
};

/** Applies 1 to `max` mutators picked from `table`; returns the bytes and their names. */
export function mutate(
  rng: Rng,
  table: Readonly<Record<string, Mutator>>,
  bytes: Buffer,
  max = 3,
): { bytes: Buffer; mutations: string[] } {
  let out = bytes;
  const mutations: string[] = [];
  for (let i = rng.int(1, max); i > 0; i -= 1) {
    const name = rng.pick(Object.keys(table));
    out = table[name]!(rng, out);
    mutations.push(name);
  }
  return { bytes: out, mutations };
}
