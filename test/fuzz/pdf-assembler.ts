/**
 * A tiny PDF writer for the fuzz suite: numbered objects in, a file with a correct
 * cross-reference table out. Hostile PDFs (bombs, deep nesting, absurd pages) are built from it
 * deterministically, so none needs to be checked in.
 */
import { deflateSync } from 'node:zlib';

export type PdfPart = string | Buffer;

/** One indirect object: its body (dictionary, array…) and, for a stream, its raw data. */
export interface PdfObject {
  body: string;
  stream?: Buffer;
}

/** Writes objects 1..n (object 1 is the catalog) with an xref table and a trailer. */
export function assemblePdf(objects: readonly PdfObject[], trailerExtra = ''): Buffer {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = chunks[0]!.length;
  const offsets: number[] = [];
  const push = (part: PdfPart): void => {
    const buffer = typeof part === 'string' ? Buffer.from(part, 'latin1') : part;
    chunks.push(buffer);
    length += buffer.length;
  };
  objects.forEach((object, index) => {
    offsets.push(length);
    push(`${index + 1} 0 obj\n${object.body}\n`);
    if (object.stream) {
      push('stream\n');
      push(object.stream);
      push('\nendstream\n');
    }
    push('endobj\n');
  });
  const xref = length;
  push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`);
  for (const offset of offsets) push(`${String(offset).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\n`);
  push(`startxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(chunks);
}

/** A stream object whose dictionary gets the right /Length (extra keys in `dict`). */
export function streamObject(data: Buffer, dict = ''): PdfObject {
  return { body: `<< /Length ${data.length} ${dict}>>`, stream: data };
}

export function flate(data: Buffer | string): Buffer {
  return deflateSync(typeof data === 'string' ? Buffer.from(data, 'latin1') : data, { level: 9 });
}

/** A one-page text quote's content stream: enough words for the reader to find a quote. */
export const QUOTE_CONTENT = [
  'BT /F1 11 Tf 50 780 Td (DEVIS N 2026-042 du 02/11/2026) Tj ET',
  'BT /F1 11 Tf 50 760 Td (ISOLATIONS DU TEST SARL SIRET 811 766 179 00014) Tj ET',
  'BT /F1 11 Tf 50 740 Td (Isolation des combles perdus R = 7 m2.K/W 80 m2 2 400,00 EUR) Tj ET',
  'BT /F1 11 Tf 50 720 Td (Total HT 2 400,00 EUR TVA 5,5 % Total TTC 2 532,00 EUR) Tj ET',
].join('\n');

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/**
 * A one-page PDF: catalog, pages, one page (object 3) whose content is object 4 and font
 * object 5, then `extra` objects from number 6. `page` and `resources` add keys to the page
 * dictionary and to its resources.
 */
export function onePagePdf(options: {
  content?: PdfObject;
  page?: string;
  resources?: string;
  mediaBox?: string;
  extra?: PdfObject[];
}): Buffer {
  return assemblePdf([
    { body: '<< /Type /Catalog /Pages 2 0 R >>' },
    { body: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
    {
      body:
        `<< /Type /Page /Parent 2 0 R /MediaBox ${options.mediaBox ?? '[0 0 595 842]'} ` +
        `/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> ${options.resources ?? ''}>> ` +
        `${options.page ?? ''}>>`,
    },
    options.content ?? streamObject(Buffer.from(QUOTE_CONTENT, 'latin1')),
    { body: FONT },
    ...(options.extra ?? []),
  ]);
}
