/**
 * Decompression-bomb guard, run on a PDF's bytes before pdfjs sees them. pdfjs decodes a stream
 * whole into one growing buffer and has no option to cap it: a 200 kB file whose one
 * FlateDecode stream inflates to 200 MB of zeros takes a process past 500 MB. Here every stream
 * is found by its `stream` keyword (up to `endstream`, whatever its /Length says), its filter
 * chain read from the dictionary before it, and its FlateDecode, LZWDecode and RunLengthDecode
 * layers decoded only to count bytes, chunk by chunk (zlib off the thread), within a budget.
 *
 * Not a PDF parser: a filter given by reference, or a stream pdfjs finds elsewhere, is not
 * counted; pdfjs's own reading stays time-limited by the reader.
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInflate } from 'node:zlib';
import { createLzwCounter, createRunLengthCounter, type ByteCounter } from './stream-counters.js';

export interface StreamBudget {
  /** Most bytes one stream may decode to. */
  maxStreamBytes: number;
  /**
   * Most bytes the streams other than images (contents, fonts, forms) may decode to together:
   * pdfjs decodes and keeps them whole, whereas it decodes an image only when rendering its page.
   */
  maxTotalBytes: number;
  /** Most bytes all streams, images included, may decode to together (counting costs time). */
  maxTotalWithImagesBytes: number;
}

const MIB = 1024 * 1024;

/**
 * 64 MiB is a 400 dpi colour A4 page stored uncompressed; a quote's content streams and fonts
 * together hold a few megabytes.
 */
export const DEFAULT_STREAM_BUDGET: StreamBudget = {
  maxStreamBytes: 64 * MIB,
  maxTotalBytes: 128 * MIB,
  maxTotalWithImagesBytes: 512 * MIB,
};

export type StreamInspection =
  | { ok: true; decodedBytes: number; streams: number }
  | {
      ok: false;
      decodedBytes: number;
      streams: number;
      /** A bomb (one stream or all of them too large), or counting past the deadline. */
      reason: 'stream_too_large' | 'total_too_large' | 'timeout';
    };

class OverBudget extends Error {
  override name = 'OverBudget';
}

const FLATE = new Set(['FlateDecode', 'Fl']);
const LZW = new Set(['LZWDecode', 'LZW']);
const RUN_LENGTH = new Set(['RunLengthDecode', 'RL']);
/** How far before `stream` its dictionary is looked for. */
const DICTIONARY_WINDOW = 4096;

interface FoundStream {
  data: Buffer;
  filters: string[];
  isImage: boolean;
}

/** `stream` followed by an end of line, not the tail of `endstream`. */
function nextStream(pdf: Buffer, from: number): { keyword: number; dataStart: number } | null {
  let at = pdf.indexOf('stream', from, 'latin1');
  while (at >= 0) {
    const before = pdf[at - 1];
    let dataStart = at + 6;
    if (pdf[dataStart] === 0x0d) dataStart += 1;
    if (pdf[dataStart] === 0x0a) dataStart += 1;
    const isKeyword = dataStart > at + 6 && before !== 0x64; /* not "endstream" */
    if (isKeyword) return { keyword: at, dataStart };
    at = pdf.indexOf('stream', at + 6, 'latin1');
  }
  return null;
}

function filtersOf(dictionary: string): string[] {
  const single = /\/Filter\s*\/([A-Za-z0-9]+)/u.exec(dictionary);
  if (single) return [single[1]!];
  const array = /\/Filter\s*\[([^\]]*)\]/u.exec(dictionary);
  return array ? [...array[1]!.matchAll(/\/([A-Za-z0-9]+)/gu)].map((m) => m[1]!) : [];
}

function* findStreams(pdf: Buffer): Generator<FoundStream> {
  let from = 0;
  for (;;) {
    const found = nextStream(pdf, from);
    if (!found) return;
    const end = pdf.indexOf('endstream', found.dataStart, 'latin1');
    const dataEnd = end < 0 ? pdf.length : end;
    const head = pdf.toString(
      'latin1',
      Math.max(0, found.keyword - DICTIONARY_WINDOW),
      found.keyword,
    );
    const dictionary = head.slice(head.lastIndexOf(' obj') + 1);
    yield {
      data: pdf.subarray(found.dataStart, dataEnd),
      filters: filtersOf(dictionary),
      isImage: /\/Subtype\s*\/Image\b/u.test(dictionary),
    };
    from = Math.max(dataEnd, found.dataStart);
  }
}

/** Counts the bytes the stream's decoding layers give, failing fast past `limit`. */
async function decodedSize(stream: FoundStream, limit: number): Promise<number> {
  const layers = [];
  let counter: ByteCounter | null = null;
  for (const filter of stream.filters) {
    if (FLATE.has(filter)) layers.push(createInflate());
    else if (LZW.has(filter)) counter = createLzwCounter();
    else if (RUN_LENGTH.has(filter)) counter = createRunLengthCounter();
    if (!FLATE.has(filter)) break;
  }
  if (layers.length === 0 && !counter) return 0;
  let total = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      total += counter ? counter.push(chunk) : chunk.length;
      done(total > limit ? new OverBudget() : null);
    },
  });
  try {
    await pipeline([Readable.from([stream.data]), ...layers, sink]);
  } catch (err) {
    if (err instanceof OverBudget) throw err;
    // A damaged stream decodes up to its damage: what came out is what pdfjs would get.
  }
  return total;
}

/** How much one stream may still decode to, and which budget that is. */
function limitFor(
  stream: FoundStream,
  budget: StreamBudget,
  used: { all: number; nonImage: number },
): { limit: number; reason: 'stream_too_large' | 'total_too_large' } {
  const totals = [budget.maxTotalWithImagesBytes - used.all];
  if (!stream.isImage) totals.push(budget.maxTotalBytes - used.nonImage);
  const total = Math.min(...totals);
  return total < budget.maxStreamBytes
    ? { limit: total, reason: 'total_too_large' }
    : { limit: budget.maxStreamBytes, reason: 'stream_too_large' };
}

/**
 * Decodes (to count) the streams of a PDF; `ok: false` when one stream or all of them would be
 * too large, or when counting goes past `deadlineMs` (milliseconds from now).
 */
export async function inspectPdfStreams(
  bytes: Uint8Array,
  options: { budget?: StreamBudget; deadlineMs?: number } = {},
): Promise<StreamInspection> {
  const budget = options.budget ?? DEFAULT_STREAM_BUDGET;
  const deadline = Date.now() + (options.deadlineMs ?? Number.POSITIVE_INFINITY);
  const pdf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const used = { all: 0, nonImage: 0 };
  let streams = 0;
  for (const stream of findStreams(pdf)) {
    streams += 1;
    if (Date.now() > deadline)
      return { ok: false, decodedBytes: used.all, streams, reason: 'timeout' };
    const { limit, reason } = limitFor(stream, budget, used);
    try {
      const size = await decodedSize(stream, limit);
      used.all += size;
      if (!stream.isImage) used.nonImage += size;
    } catch (err) {
      if (!(err instanceof OverBudget)) throw err;
      return { ok: false, decodedBytes: used.all + limit, streams, reason };
    }
  }
  return { ok: true, decodedBytes: used.all, streams };
}
