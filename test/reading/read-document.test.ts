import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPdfReader, type PdfReader } from '../../src/adapters/pdf/pdf-reader.js';
import { readDocument, type ReadOutcome } from '../../src/reading/read-document.js';
import { fixture, textThenImagePdf, zeroPagePdf } from '../adapters/pdf/build-pdf.js';
import { docxLikeZip, randomBytes, windows1252, zipOf } from './make-files.js';

const TIMEOUT_MS = 20_000;
const ascii = (s: string) => new TextEncoder().encode(s);

let reader: PdfReader;
beforeAll(() => {
  reader = createPdfReader();
});
afterAll(async () => {
  await reader.close();
});

function read(bytes: Uint8Array, filename: string, timeoutMs = TIMEOUT_MS): Promise<ReadOutcome> {
  return readDocument(bytes, { filename, reader, timeoutMs });
}

async function failure(bytes: Uint8Array, filename: string, timeoutMs?: number) {
  const outcome = await read(bytes, filename, timeoutMs);
  if (outcome.ok) throw new Error(`expected a failure for ${filename}`);
  expect(outcome.problem).toContain(`« ${filename.split(/[/\\]/u).pop()} »`);
  return outcome;
}

async function success(bytes: Uint8Array, filename: string) {
  const outcome = await read(bytes, filename);
  if (!outcome.ok) throw new Error(`expected text for ${filename}: ${outcome.problem}`);
  return outcome;
}

describe('readDocument: bad inputs', () => {
  it('an empty file', async () => {
    const out = await failure(fixture('empty.pdf'), 'empty.pdf');
    expect(out).toMatchObject({
      code: 'empty_file_error',
      reason: 'empty_file',
      kind: 'unreadable',
    });
    expect(out.problem).toMatch(/est vide \(0 octet\).*Renvoyez le devis au format PDF/u);
  });

  it('a truncated PDF (interrupted transfer)', async () => {
    const name = 'dev-11-truncated.pdf';
    const out = await failure(fixture(name), name);
    expect(out).toMatchObject({ code: 'file_reading_error', reason: 'truncated' });
    expect(out.problem).toMatch(/est incomplet.*Renvoyez le fichier complet/u);
  });

  it('a PDF cut at half its length', async () => {
    const whole = fixture('Devis_test.pdf');
    const out = await failure(whole.slice(0, whole.length >> 1), 'Devis_test.pdf');
    expect(out).toMatchObject({ code: 'file_reading_error', reason: 'truncated' });
    expect(out.problem).toMatch(/incomplet/u);
  });

  it('a password-protected PDF', async () => {
    const name = 'dev-12-encrypted.pdf';
    const out = await failure(fixture(name), name);
    expect(out).toMatchObject({ code: 'file_reading_error', reason: 'encrypted' });
    expect(out.problem).toMatch(/protégé par un mot de passe.*version non protégée/u);
  });

  it('a PDF whose structure is broken', async () => {
    const out = await failure(
      ascii('%PDF-1.4\n1 0 obj\n<< /Type /Cat\nendobj\n%%EOF\n'),
      'devis.pdf',
    );
    expect(out).toMatchObject({ code: 'file_reading_error', reason: 'corrupt' });
    expect(out.problem).toMatch(/endommagé.*Exportez à nouveau le devis en PDF/u);
  });

  it('a PDF without any page', async () => {
    const out = await failure(zeroPagePdf(), 'devis.pdf');
    expect(out).toMatchObject({ code: 'empty_file_error', reason: 'zero_pages', pageCount: 0 });
    expect(out.problem).toMatch(/ne contient aucune page/u);
  });

  it('a scanned PDF (no text layer on any page)', async () => {
    const name = 'dev-08-scan.pdf';
    const out = await failure(fixture(name), name);
    expect(out).toMatchObject({ code: 'empty_file_error', reason: 'no_text_layer', kind: 'scan' });
    expect(out.pageCount).toBe(1);
    expect(out.problem).toMatch(/scan ou une photo.*texte n’a pas pu être lu/u);
    expect(out.problem).toMatch(
      /reconnaissance automatique du texte \(OCR\) n’est pas activée sur ce service/u,
    );
    expect(out.problem).toMatch(/PDF produit par le logiciel de devis/u);
  });

  it('a photo (PNG)', async () => {
    const out = await failure(fixture('Devis_test.png'), 'Devis_test.png');
    expect(out).toMatchObject({ code: 'empty_file_error', reason: 'image', mime: 'image/png' });
    expect(out.problem).toMatch(/est une image PNG.*\(OCR\) n’est pas activée sur ce service/u);
  });

  it('a .zip name over a few bytes of text', async () => {
    const out = await failure(fixture('Devis_test.zip'), 'Devis_test.zip');
    expect(out).toMatchObject({ code: 'unsupported_file_format', reason: 'unknown_format' });
    expect(out.problem).toMatch(/extension \.zip mais contient du texte brut.*format PDF/u);
  });

  it('a real zip archive', async () => {
    const out = await failure(zipOf({ 'devis.pdf': '%PDF-1.4' }), 'pieces.zip');
    expect(out).toMatchObject({ code: 'unsupported_file_format', reason: 'zip' });
    expect(out.problem).toMatch(
      /archive ZIP.*directement le devis en pièce jointe, au format PDF/u,
    );
  });

  it('a Word document (.docx)', async () => {
    const out = await failure(docxLikeZip(), 'devis.docx');
    expect(out).toMatchObject({ code: 'unsupported_file_format', reason: 'office' });
    expect(out.problem).toMatch(/document Word \(\.docx\).*Enregistrez le devis en PDF/u);
  });

  it('an HTML page renamed .pdf', async () => {
    const html = ascii('<!DOCTYPE html><html><body>Session expirée</body></html>');
    const out = await failure(html, 'devis.pdf');
    expect(out).toMatchObject({
      code: 'unsupported_file_format',
      reason: 'not_really_pdf',
      mime: 'text/html',
    });
    expect(out.problem).toMatch(
      /porte l’extension \.pdf mais n’est pas un PDF : c’est une page web/u,
    );
  });

  it('a zip renamed .pdf', async () => {
    const out = await failure(docxLikeZip(), 'C:\\Users\\artisan\\devis.pdf');
    expect(out).toMatchObject({ reason: 'not_really_pdf', code: 'unsupported_file_format' });
    expect(out.problem).toMatch(/c’est un document Word \(\.docx\)/u);
    expect(out.problem).not.toMatch(/Users/u);
  });

  it('random bytes', async () => {
    const out = await failure(randomBytes(8192), 'piece-jointe.bin');
    expect(out).toMatchObject({ code: 'unsupported_file_format', reason: 'unknown_format' });
    expect(out.problem).toMatch(/un format inconnu : ce format n’est pas lu/u);
  });

  it('a blank text file', async () => {
    const out = await failure(ascii(' \r\n\t \r\n'), 'devis.txt');
    expect(out).toMatchObject({ code: 'empty_file_error', reason: 'blank_text' });
    expect(out.problem).toMatch(/ne contient aucun texte/u);
  });

  it('a PDF whose reading crashes the worker', async () => {
    const starved = createPdfReader({ maxHeapMb: 4 });
    try {
      const opts = { filename: 'devis.pdf', reader: starved, timeoutMs: TIMEOUT_MS };
      const out = await readDocument(fixture('Devis_test.pdf'), opts);
      expect(out).toMatchObject({ ok: false, code: 'file_reading_error', reason: 'corrupt' });
      expect(!out.ok && out.problem).toMatch(/lecture du fichier PDF « devis.pdf » a échoué/u);
    } finally {
      await starved.close();
    }
  });

  it('a PDF that takes longer than the time limit, leaving the pool usable', async () => {
    const slow = fixture('dev-13-29-pages.pdf');
    const out = await failure(slow, 'devis.pdf', 1);
    expect(out).toMatchObject({ code: 'file_reading_error', reason: 'timeout' });
    expect(out.problem).toMatch(/a pris trop de temps et a été interrompue/u);
    const after = await success(fixture('Devis_test.pdf'), 'Devis_test.pdf');
    expect(after.kind).toBe('text_layer');
  });
});

describe('readDocument: readable inputs', () => {
  it('reads a PDF text layer with page numbers, whatever the name says', async () => {
    const out = await success(fixture('dev-02.pdf'), 'piece jointe');
    expect(out).toMatchObject({ kind: 'text_layer', pageCount: 2, mime: 'application/pdf' });
    expect(out.doc.lines.some((l) => l.page === 2)).toBe(true);
  });

  it('reads a PDF that is not a quote (the rules judge it, not the reader)', async () => {
    const out = await success(fixture('dev-10-attestation.pdf'), 'a.pdf');
    expect(out.kind).toBe('text_layer');
  });

  it('lists scanned pages of a partly scanned PDF', async () => {
    const out = await success(await textThenImagePdf(), 'devis.pdf');
    expect(out).toMatchObject({ kind: 'text_layer', pageCount: 2, pagesWithoutText: [2] });
  });

  it('reads a Windows-1252 text file', async () => {
    const text = 'Devis n° 12\r\nCoût : 1 200 € – façade, cœur de métier\r\n';
    const out = await success(windows1252(text), 'devis.txt');
    expect(out).toMatchObject({ kind: 'plain_text', mime: 'text/plain', pagesWithoutText: [] });
    expect(out.doc.text).toBe('Devis n° 12\nCoût : 1 200 € – façade, cœur de métier\n');
  });

  it('reads a nameless text file', async () => {
    const out = await success(fixture('file_without_content_type'), 'file_without_content_type');
    expect(out.doc.lines[0]?.text).toMatch(/^This is a file with no extension/u);
  });

  it('repairs UTF-8 read as Latin-1, strips NUL bytes, keeps "oe"', async () => {
    const text = 'Ã©tÃ© 2026\0, coefficient du poele\r\nPrix : 100 â\u0082¬';
    const out = await success(ascii(text), 'devis.txt');
    expect(out.doc.text).toBe('été 2026, coefficient du poele\nPrix : 100 €');
  });
});
