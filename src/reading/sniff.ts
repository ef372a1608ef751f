/**
 * File type from the bytes, never from the name: e-mail attachments arrive as
 * `application/octet-stream`, renamed, or nameless (stack-and-pitfalls.md §C.6).
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface SniffedType {
  kind: SniffedKind;
  mime: string;
  /** French name of the format, for messages: "une image PNG". */
  label: string;
  /** For `text`: how to decode it. */
  encoding?: TextEncodingName;
}

/** Every kind the sniffer names: MIME type and French label. */
const TYPES = {
  empty: ['application/x-empty', 'un fichier vide'],
  pdf: ['application/pdf', 'un document PDF'],
  png: ['image/png', 'une image PNG'],
  jpeg: ['image/jpeg', 'une image JPEG'],
  gif: ['image/gif', 'une image GIF'],
  tiff: ['image/tiff', 'une image TIFF'],
  bmp: ['image/bmp', 'une image BMP'],
  heic: ['image/heic', 'une photo HEIC (format des iPhone)'],
  avif: ['image/avif', 'une image AVIF'],
  webp: ['image/webp', 'une image WebP'],
  zip: ['application/zip', 'une archive ZIP'],
  docx: [
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'un document Word (.docx)',
  ],
  xlsx: [
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'un classeur Excel (.xlsx)',
  ],
  pptx: [
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'une présentation PowerPoint (.pptx)',
  ],
  odt: ['application/vnd.oasis.opendocument.text', 'un document OpenDocument Texte (.odt)'],
  ods: ['application/vnd.oasis.opendocument.spreadsheet', 'un classeur OpenDocument (.ods)'],
  odp: ['application/vnd.oasis.opendocument.presentation', 'une présentation OpenDocument (.odp)'],
  ole2: ['application/x-ole-storage', 'un fichier Microsoft Office'],
  doc: ['application/msword', 'un document Word (.doc)'],
  xls: ['application/vnd.ms-excel', 'un classeur Excel (.xls)'],
  ppt: ['application/vnd.ms-powerpoint', 'une présentation PowerPoint (.ppt)'],
  msg: ['application/vnd.ms-outlook', 'un message Outlook (.msg)'],
  rtf: ['application/rtf', 'un document RTF'],
  html: ['text/html', 'une page web (HTML)'],
  xml: ['application/xml', 'un fichier XML'],
  text: ['text/plain', 'un fichier texte'],
  unknown: ['application/octet-stream', 'un format inconnu'],
} as const satisfies Record<string, readonly [mime: string, label: string]>;

export type SniffedKind = keyof typeof TYPES;

export const IMAGE_KINDS: ReadonlySet<SniffedKind> = new Set([
  'png',
  'jpeg',
  'gif',
  'tiff',
  'bmp',
  'heic',
  'avif',
  'webp',
]);
export const OFFICE_KINDS: ReadonlySet<SniffedKind> = new Set([
  'docx',
  'xlsx',
  'pptx',
  'odt',
  'ods',
  'odp',
  'ole2',
  'doc',
  'xls',
  'ppt',
  'msg',
  'rtf',
]);

/** How much of the file the text heuristics look at. */
const TEXT_SAMPLE_BYTES = 64 * 1024;

export function typeOf(kind: SniffedKind, encoding?: TextEncodingName): SniffedType {
  const [mime, label] = TYPES[kind];
  return encoding ? { kind, mime, label, encoding } : { kind, mime, label };
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, Math.min(end, bytes.length)));
}

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  return signature.every((b, i) => bytes[offset + i] === b);
}

/** Latin-1 view of a prefix, to search ASCII markers with plain string methods. */
function latin1(bytes: Uint8Array, length: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(length, bytes.length)).toString(
    'latin1',
  );
}

function includesUtf16(bytes: Uint8Array, word: string): boolean {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return view.includes(Buffer.from(word, 'utf16le'));
}

function sniffZip(bytes: Uint8Array): SniffedKind {
  const nameLength = (bytes[26] ?? 0) | ((bytes[27] ?? 0) << 8);
  const extraLength = (bytes[28] ?? 0) | ((bytes[29] ?? 0) << 8);
  if (ascii(bytes, 30, 30 + nameLength) === 'mimetype') {
    const start = 30 + nameLength + extraLength;
    const mime = ascii(bytes, start, start + 60);
    if (mime.startsWith('application/vnd.oasis.opendocument.text')) return 'odt';
    if (mime.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
    if (mime.startsWith('application/vnd.oasis.opendocument.presentation')) return 'odp';
  }
  // Entry names are stored uncompressed in local headers and in the central directory.
  const names = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  if (names.includes('ppt/presentation.xml')) return 'pptx';
  return 'zip';
}

function sniffOle2(bytes: Uint8Array): SniffedKind {
  if (includesUtf16(bytes, 'WordDocument')) return 'doc';
  if (includesUtf16(bytes, 'Workbook') || includesUtf16(bytes, 'Book')) return 'xls';
  if (includesUtf16(bytes, 'PowerPoint Document')) return 'ppt';
  if (includesUtf16(bytes, '__substg1.0_')) return 'msg';
  return 'ole2';
}

function sniffImage(bytes: Uint8Array): SniffedKind | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  const head = ascii(bytes, 0, 12);
  if (head.startsWith('GIF87a') || head.startsWith('GIF89a')) return 'gif';
  if (head.startsWith('II*\0') || head.startsWith('MM\0*')) return 'tiff';
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') return 'webp';
  if (head.slice(4, 8) === 'ftyp') {
    const brand = head.slice(8, 12);
    if (brand === 'avif' || brand === 'avis') return 'avif';
    if (['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) {
      return 'heic';
    }
  }
  const dibHeader = bytes.length > 18 ? (bytes[14] ?? 0) | ((bytes[15] ?? 0) << 8) : 0;
  if (head.startsWith('BM') && [12, 40, 52, 56, 108, 124].includes(dibHeader)) return 'bmp';
  return null;
}

/** Text when the sample decodes without control characters (bar a few stray NULs). */
function sniffTextEncoding(bytes: Uint8Array): TextEncodingName | null {
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  const sample = bytes.length > TEXT_SAMPLE_BYTES ? bytes.subarray(0, TEXT_SAMPLE_BYTES) : bytes;
  let control = 0;
  let nul = 0;
  let undefinedInCp1252 = 0;
  for (const b of sample) {
    if (b === 0) nul += 1;
    else if ((b < 0x20 && ![9, 10, 11, 12, 13, 26, 27].includes(b)) || b === 0x7f) control += 1;
    else if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d) {
      undefinedInCp1252 += 1;
    }
  }
  if (nul > Math.max(4, sample.length * 0.005) || control > sample.length * 0.01) return null;
  try {
    // A sample cut inside a multi-byte sequence is fine; a file ending inside one is not.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: sample !== bytes });
    return 'utf-8';
  } catch {
    return undefinedInCp1252 > sample.length * 0.01 ? null : 'windows-1252';
  }
}

export function sniffFileType(bytes: Uint8Array): SniffedType {
  if (bytes.length === 0) return typeOf('empty');
  const head = latin1(bytes, 1024);
  if (head.startsWith('%PDF-')) return typeOf('pdf');
  const image = sniffImage(bytes);
  if (image) return typeOf(image);
  if (startsWith(bytes, [0x50, 0x4b]) && [3, 5, 7].includes(bytes[2] ?? 0)) {
    return typeOf(sniffZip(bytes));
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return typeOf(sniffOle2(bytes));
  }
  // Some generators put junk before the header; readers accept it within the first 1 KB.
  if (head.includes('%PDF-')) return typeOf('pdf');
  const text = head.replace(/^\u00ef\u00bb\u00bf/u, '').trimStart();
  if (text.startsWith('{\\rtf')) return typeOf('rtf');
  const encoding = sniffTextEncoding(bytes);
  if (!encoding) return typeOf('unknown');
  const lower = text.slice(0, 1024).toLowerCase();
  if (/^<!doctype html|^<html|<html[\s>]|<head[\s>]|<body[\s>]/u.test(lower)) return typeOf('html');
  if (lower.startsWith('<?xml')) return typeOf('xml');
  return typeOf('text', encoding);
}
