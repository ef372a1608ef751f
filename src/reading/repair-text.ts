/**
 * Text normalisation shared by every reading path: decoding of text files and the literal
 * repairs of UTF-8 read as Latin-1 (pipeline.md §4.1), without upstream's `oe` → `œ` rule,
 * which damaged every "coefficient" and "poele".
 */
import type { QuoteDocument } from '../extract/document.js';
import type { TextEncodingName } from './sniff.js';

/** Find → replace, in this order. */
const REPAIRS: ReadonlyArray<readonly [RegExp, string]> = [
  // U+00FF stands for a space in mis-decoded text; "L'Haÿ-les-Roses" keeps its ÿ.
  [/(?<!\bHa)\u00ff/gu, ' '],
  [/\u00c3\u00a9/gu, 'é'],
  [/\u00c3\u00a8/gu, 'è'],
  [/\u00c3\u00aa/gu, 'ê'],
  [/\u00c3\u00b4/gu, 'ô'],
  [/\u00c3 /gu, 'à'],
  [/\u00c3\u00a7/gu, 'ç'],
  [/\u00e2\u0080\u0099/gu, "'"],
  [/\u00e2\u0080\u0093/gu, '-'],
  [/\u00e2\u0082\u00ac/gu, '€'],
];

/** Also drops NUL characters: never text, and PostgreSQL text cannot hold them. */
export function repairMisdecodedText(text: string): string {
  let out = text.replaceAll('\u0000', '');
  for (const [find, replace] of REPAIRS) out = out.replace(find, replace);
  return out;
}

/** Applies the repairs to every line, cell and the whole text (no repair spans a line). */
export function repairDocument(doc: QuoteDocument): QuoteDocument {
  return {
    ...doc,
    text: repairMisdecodedText(doc.text),
    lines: doc.lines.map((line) => ({
      ...line,
      text: repairMisdecodedText(line.text),
      cells: line.cells.map((cell) => ({ ...cell, text: repairMisdecodedText(cell.text) })),
    })),
  };
}

/** Characters of 0x80–0x9F in Windows-1252 (undefined positions kept as their code point). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Windows-1252, written out: Node's TextDecoder treats this label as ISO-8859-1 and turns
 * € or œ into C1 control characters.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk).replace(/[\u0080-\u009f]/gu, (c) =>
      CP1252_HIGH.charAt(c.charCodeAt(0) - 0x80),
    );
  }
  return out;
}

/**
 * Decodes a text file: UTF-8 when valid, else Windows-1252 (a superset of Latin-1 for printable
 * characters); BOM and NUL bytes dropped, CRLF and lone CR turned into LF. Form feeds stay:
 * they separate pages.
 */
export function decodeTextFile(bytes: Uint8Array, encoding: TextEncodingName): string {
  let text: string;
  if (encoding === 'windows-1252') {
    text = decodeWindows1252(bytes);
  } else if (encoding === 'utf-8') {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = decodeWindows1252(bytes);
    }
  } else {
    text = new TextDecoder(encoding).decode(bytes);
  }
  return text
    .replace(/^\ufeff/u, '')
    .replaceAll('\u0000', '')
    .replace(/\r\n?/gu, '\n');
}
