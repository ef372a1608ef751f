import { describe, expect, it } from '@jest/globals';
import { sniffFileType } from '../../src/reading/sniff.js';
import { fixture } from '../adapters/pdf/build-pdf.js';
import { docxLikeZip, randomBytes, windows1252, zipOf } from './make-files.js';

const ascii = (s: string) => new TextEncoder().encode(s);
const bytes = (...values: number[]) => new Uint8Array(values);

describe('sniffFileType', () => {
  it.each([
    ['an empty file', new Uint8Array(0), 'empty', 'application/x-empty'],
    ['a PDF', fixture('Devis_test.pdf'), 'pdf', 'application/pdf'],
    ['a PDF after some junk', ascii(`${'x'.repeat(500)}%PDF-1.7\n`), 'pdf', 'application/pdf'],
    ['a PNG', fixture('Devis_test.png'), 'png', 'image/png'],
    ['a JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46), 'jpeg', 'image/jpeg'],
    ['a GIF', ascii('GIF89a\x01\x00'), 'gif', 'image/gif'],
    ['a TIFF', bytes(0x49, 0x49, 0x2a, 0, 8, 0, 0, 0), 'tiff', 'image/tiff'],
    ['a HEIC photo', ascii('\0\0\0\x18ftypheic\0\0\0\0'), 'heic', 'image/heic'],
    ['a WebP', ascii('RIFF\x10\0\0\0WEBPVP8 '), 'webp', 'image/webp'],
    ['a zip', zipOf({ 'devis.pdf': '%PDF-1.4' }), 'zip', 'application/zip'],
    [
      'a .docx',
      docxLikeZip(),
      'docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [
      'an .odt',
      zipOf({ mimetype: 'application/vnd.oasis.opendocument.text' }),
      'odt',
      'application/vnd.oasis.opendocument.text',
    ],
    [
      'an OLE2 file',
      bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0),
      'ole2',
      'application/x-ole-storage',
    ],
    ['an RTF', ascii('{\\rtf1\\ansi Devis}'), 'rtf', 'application/rtf'],
    ['an HTML page', ascii('<!DOCTYPE html><html><body>404</body></html>'), 'html', 'text/html'],
    ['UTF-8 text', ascii('Devis n° 12 – pompe à chaleur'), 'text', 'text/plain'],
    ['Windows-1252 text', windows1252('Coût : 1 200 € – façade'), 'text', 'text/plain'],
    ['random bytes', randomBytes(4096), 'unknown', 'application/octet-stream'],
  ])('recognises %s', (_label, input, kind, mime) => {
    const type = sniffFileType(input);
    expect(type.kind).toBe(kind);
    expect(type.mime).toBe(mime);
    expect(type.label).toMatch(/^(un|une) /u);
  });

  it('names the text encoding', () => {
    expect(sniffFileType(ascii('Devis é')).encoding).toBe('utf-8');
    expect(sniffFileType(windows1252('Devis é')).encoding).toBe('windows-1252');
    expect(sniffFileType(bytes(0xff, 0xfe, 0x44, 0, 0x65, 0)).encoding).toBe('utf-16le');
  });

  it('tells Word documents from other OLE2 files by their streams', () => {
    const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const stream = [...new Uint8Array(Buffer.from('WordDocument', 'utf16le'))];
    expect(sniffFileType(bytes(...header, ...stream)).kind).toBe('doc');
  });
});
