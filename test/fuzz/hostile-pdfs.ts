/**
 * Hostile PDFs built on the fly (nothing to check in): decompression bombs, deep object
 * nesting, absurd page sizes and page trees. Each one is a named case of the fuzz suite and of
 * its regression tests; `quoteLike` says whether the file is meant to look like a quote (every
 * one of them must end with a French finding).
 */
import { createDeflate, deflateSync } from 'node:zlib';
import {
  assemblePdf,
  flate,
  onePagePdf,
  QUOTE_CONTENT,
  streamObject,
  type PdfObject,
} from './pdf-assembler.js';

export interface HostileFile {
  name: string;
  build(): Buffer | Promise<Buffer>;
}

const MIB = 1024 * 1024;

/** `chunk` repeated `times`, deflated as a stream: the whole never sits in memory. */
export async function deflateRepeated(chunk: Buffer, times: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (data: Buffer) => out.push(data));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  for (let i = 0; i < times; i += 1) {
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(out);
}

/** `mib` MiB of zeros deflated: about 1/1000 of that (zlib's best ratio on zeros). */
export function zerosDeflated(mib: number): Promise<Buffer> {
  return deflateRepeated(Buffer.alloc(MIB), mib);
}

/** The 200 MB bomb of issue 9: one FlateDecode content stream of zeros, a ~200 kB file. */
export async function flateBombPdf(inflatedMib = 200): Promise<Buffer> {
  const data = await zerosDeflated(inflatedMib);
  return onePagePdf({ content: streamObject(data, '/Filter /FlateDecode') });
}

/**
 * LZW codes (PDF flavour, early change 1) for runs of zeros: code 258 is "00", 259 "000", … up to
 * 4094, then 4094 again and again, each standing for 3 838 zeros: a few kilobytes decode to
 * hundreds of megabytes. Widths follow the decoder's table, which grows from the second code.
 */
export function lzwZeros(repeats: number): Buffer {
  const codes: number[] = [256, 0];
  for (let code = 258; code <= 4094; code += 1) codes.push(code);
  for (let i = 0; i < repeats; i += 1) codes.push(4094);
  codes.push(257);
  const out: number[] = [];
  let bits = 0;
  let buffer = 0;
  let width = 9;
  let next = 258;
  let hasPrevious = false;
  for (const code of codes) {
    buffer = (buffer << width) | code;
    bits += width;
    while (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
    if (code === 256) {
      [width, next, hasPrevious] = [9, 258, false];
      continue;
    }
    if (hasPrevious) {
      next += 1;
      if (next + 1 >= 1 << width && width < 12) width += 1;
    }
    hasPrevious = true;
  }
  if (bits > 0) out.push((buffer << (8 - bits)) & 0xff);
  return Buffer.from(out);
}

/**
 * `count` pages; page i shows `contents[i]` (or the only one, shared): objects are the
 * catalog, the page tree, the pages, the font, then the content streams.
 */
function pagesPdf(count: number, contents: readonly PdfObject[]): Buffer {
  const kids = Array.from({ length: count }, (_, i) => `${3 + i} 0 R`).join(' ');
  const font = 3 + count;
  const pages = Array.from({ length: count }, (_, i) => ({
    body:
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ` +
      `/Contents ${font + 1 + (contents.length === 1 ? 0 : i)} 0 R ` +
      `/Resources << /Font << /F1 ${font} 0 R >> >> >>`,
  }));
  return assemblePdf([
    { body: '<< /Type /Catalog /Pages 2 0 R >>' },
    { body: `<< /Type /Pages /Kids [${kids}] /Count ${count} >>` },
    ...pages,
    { body: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>' },
    ...contents,
  ]);
}

const quoteStream = (): ReturnType<typeof streamObject> =>
  streamObject(Buffer.from(QUOTE_CONTENT, 'latin1'));

export const HOSTILE_PDFS: readonly HostileFile[] = [
  { name: 'flate-bomb-200mb', build: () => flateBombPdf(200) },
  {
    name: 'flate-bomb-double-filter',
    build: async () =>
      onePagePdf({
        content: streamObject(
          deflateSync(await zerosDeflated(400), { level: 9 }),
          '/Filter [/FlateDecode /FlateDecode]',
        ),
      }),
  },
  {
    name: 'flate-bomb-image-without-text',
    build: async () =>
      onePagePdf({
        content: streamObject(Buffer.from('q 595 0 0 842 0 0 cm /Im0 Do Q', 'latin1')),
        resources: '/XObject << /Im0 6 0 R >>',
        extra: [
          streamObject(
            await zerosDeflated(300),
            '/Type /XObject /Subtype /Image /Width 20000 /Height 15000 /ColorSpace /DeviceGray ' +
              '/BitsPerComponent 8 /Filter /FlateDecode',
          ),
        ],
      }),
  },
  {
    name: 'flate-bomb-font-file',
    build: async () =>
      onePagePdf({
        content: quoteStream(),
        resources: '/Font << /F2 6 0 R >>',
        extra: [
          {
            body:
              '<< /Type /Font /Subtype /TrueType /BaseFont /Bomb /FirstChar 32 /LastChar 32 ' +
              '/Widths [250] /FontDescriptor 7 0 R >>',
          },
          {
            body:
              '<< /Type /FontDescriptor /FontName /Bomb /Flags 32 /FontBBox [0 0 1000 1000] ' +
              '/ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 8 0 R >>',
          },
          streamObject(await zerosDeflated(200), '/Filter /FlateDecode'),
        ],
      }),
  },
  {
    name: 'flate-bomb-split-over-pages',
    build: async () => {
      const bomb = streamObject(await zerosDeflated(40), '/Filter /FlateDecode');
      return pagesPdf(
        8,
        Array.from({ length: 8 }, () => bomb),
      );
    },
  },
  {
    name: 'flate-bomb-wrong-length',
    build: async () => {
      const data = await zerosDeflated(200);
      return onePagePdf({
        content: { body: '<< /Length 12 /Filter /FlateDecode >>', stream: data },
      });
    },
  },
  {
    name: 'lzw-bomb',
    build: () => onePagePdf({ content: streamObject(lzwZeros(60_000), '/Filter /LZWDecode') }),
  },
  {
    name: 'text-operator-flood',
    build: () =>
      onePagePdf({
        content: streamObject(
          flate(`BT /F1 1 Tf ${'(devis) Tj 0 1 Td '.repeat(1_500_000)}ET`),
          '/Filter /FlateDecode',
        ),
      }),
  },
  {
    name: 'deep-array-nesting',
    build: () => onePagePdf({ page: `/Junk ${'['.repeat(200_000)}${']'.repeat(200_000)}` }),
  },
  {
    name: 'deep-dictionary-nesting',
    build: () => onePagePdf({ page: `/Junk ${'<< /A '.repeat(100_000)}1${' >>'.repeat(100_000)}` }),
  },
  {
    name: 'deep-graphics-state-nesting',
    build: () =>
      onePagePdf({
        content: streamObject(
          flate(`${'q '.repeat(500_000)}${QUOTE_CONTENT}`),
          '/Filter /FlateDecode',
        ),
      }),
  },
  {
    name: 'deep-page-tree',
    build: () => {
      const depth = 3000;
      // 2 → 3 → … → depth+1 (Pages), then the page, its content and font.
      const nodes = Array.from({ length: depth }, (_, i) => ({
        body: `<< /Type /Pages /Kids [${i + 3} 0 R] /Count 1 ${i > 0 ? `/Parent ${i + 1} 0 R ` : ''}>>`,
      }));
      const page = depth + 2;
      return assemblePdf([
        { body: '<< /Type /Catalog /Pages 2 0 R >>' },
        ...nodes,
        {
          body: `<< /Type /Page /Parent ${depth + 1} 0 R /MediaBox [0 0 595 842] /Contents ${page + 1} 0 R /Resources << /Font << /F1 ${page + 2} 0 R >> >> >>`,
        },
        quoteStream(),
        { body: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>' },
      ]);
    },
  },
  {
    name: 'cyclic-page-tree',
    build: () =>
      assemblePdf([
        { body: '<< /Type /Catalog /Pages 2 0 R >>' },
        { body: '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>' },
        { body: '<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>' },
      ]),
  },
  {
    name: 'self-referencing-form-xobject',
    build: () =>
      onePagePdf({
        content: streamObject(Buffer.from(`${QUOTE_CONTENT}\n/X0 Do`, 'latin1')),
        resources: '/XObject << /X0 6 0 R >>',
        extra: [
          streamObject(
            Buffer.from('/X0 Do /X0 Do', 'latin1'),
            '/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X0 6 0 R >> >>',
          ),
        ],
      }),
  },
  { name: 'huge-media-box', build: () => onePagePdf({ mediaBox: '[0 0 1e12 1e12]' }) },
  { name: 'zero-media-box', build: () => onePagePdf({ mediaBox: '[0 0 0 0]' }) },
  { name: 'negative-media-box', build: () => onePagePdf({ mediaBox: '[0 0 -595 -842]' }) },
  { name: 'junk-media-box', build: () => onePagePdf({ mediaBox: '[/A (b) <<>> null]' }) },
  { name: 'huge-user-unit', build: () => onePagePdf({ page: '/UserUnit 75000' }) },
  {
    name: 'huge-media-box-without-text',
    build: () =>
      onePagePdf({
        mediaBox: '[0 0 14400 14400]',
        page: '/UserUnit 75000',
        content: streamObject(Buffer.from('0 0 m 1 1 l S', 'latin1')),
      }),
  },
  {
    name: 'absurd-page-count',
    build: () =>
      Buffer.from(
        pagesPdf(1, [quoteStream()]).toString('latin1').replace('/Count 1 ', '/Count 2000000000 '),
        'latin1',
      ),
  },
  { name: 'thousands-of-pages', build: () => pagesPdf(3000, [quoteStream()]) },
  {
    name: 'xref-prev-loop',
    build: () => {
      const pdf = onePagePdf({});
      const text = pdf.toString('latin1');
      const xref = text.lastIndexOf('xref');
      return Buffer.from(text.replace('/Root 1 0 R', `/Root 1 0 R /Prev ${xref}`), 'latin1');
    },
  },
];
