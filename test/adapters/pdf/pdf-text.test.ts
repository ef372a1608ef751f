import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { extractPdfText } from '../../../src/adapters/pdf/pdf-text.js';
import { extractWorks } from '../../../src/extract/works/index.js';
import {
  fixture,
  LEFT_COLUMN,
  RIGHT_COLUMN,
  TABLE,
  textThenImagePdf,
  twoColumnsAndTablePdf,
  zeroPagePdf,
} from './build-pdf.js';

async function extractOk(bytes: Uint8Array) {
  const result = await extractPdfText(bytes);
  if (!result.ok) throw new Error(`extraction failed: ${result.failure}`);
  return result;
}

describe('extractPdfText', () => {
  it('does not interleave two side-by-side columns, nor a table with them', async () => {
    const { doc } = await extractOk(await twoColumnsAndTablePdf());
    const texts = doc.lines.map((l) => l.text.trim());
    const indexOf = (t: string) => texts.indexOf(t);
    const left = LEFT_COLUMN.map(indexOf);
    const right = RIGHT_COLUMN.map(indexOf);
    // Each column is one contiguous, ordered block of lines holding nothing else.
    expect(left).toEqual(LEFT_COLUMN.map((_, i) => left[0]! + i));
    expect(right).toEqual(RIGHT_COLUMN.map((_, i) => right[0]! + i));
    expect(left[0]).toBeGreaterThanOrEqual(0);
    expect(right[0]).toBeGreaterThan(left[left.length - 1]!);
    // Each table row is one line, its cells in column order, after both columns.
    for (const row of TABLE) {
      const line = doc.lines.find((l) => l.cells[0]?.text === row[0]);
      expect(line?.cells.map((c) => c.text)).toEqual(row);
      expect(doc.lines.indexOf(line!)).toBeGreaterThan(right[right.length - 1]!);
    }
  });

  it('keeps a table whole when its value columns have multi-line titles (blind batch 11)', async () => {
    // the designations run over several lines beside empty value columns: no side-by-side blocks
    const bytes = new Uint8Array(
      readFileSync(
        new URL(
          '../../fixtures/blind-batches/batch-11/b11-02_colonne-variante-option-blocs-sans-libelles_pac-air-eau_thermique-du-bocage.pdf',
          import.meta.url,
        ),
      ),
    );
    const { doc } = await extractOk(bytes);
    const rows = doc.lines.map((l) => l.cells.map((c) => c.text.trim()));
    const first = rows.findIndex((r) => r[0] === '1');
    expect(rows[first]?.slice(-5)).toEqual(['1', 'u', '9480,00', '9480,00', '5,5']);
    expect(rows[first]?.[1]).toMatch(/^Pompe à chaleur air\/eau/u);
    expect(rows.some((r) => r.includes('Réf.') && r.includes('Qté'))).toBe(true);
  });

  it('puts the value cells centred beside a two-line designation on its first line (blind batch 11)', async () => {
    const bytes = new Uint8Array(
      readFileSync(
        new URL(
          '../../fixtures/blind-batches/batch-11/b11-08_croquis-par-ouverture-identite-en-pied_fenetres-porte_menuiserie-perrot.pdf',
          import.meta.url,
        ),
      ),
    );
    const { doc } = await extractOk(bytes);
    const rows = doc.lines.map((l) => l.cells.map((c) => c.text.trim()));
    expect(rows).toContainEqual([
      '1',
      'Fenêtre PVC 1 vantail oscillo-battant',
      '1',
      '612,00',
      '612,00',
      '5,5',
    ]);
    // a lone number or a totals line is never moved
    expect(rows).toContainEqual(['Total HT', '7 271,00 €']);
    // the quantity « 1 » and the price « 948,00 », in two cells, are not read as 1 948,00
    const works = extractWorks(doc);
    expect(works.lines.slice(0, 3).map((l) => [l.quantite, l.prix_unitaire_ht])).toEqual([
      [1, 612],
      [1, 235],
      [1, 948],
    ]);
  });

  it('recovers accents, €, ² and page numbers from a two-page quote', async () => {
    const result = await extractOk(fixture('dev-02.pdf'));
    expect(result.pageCount).toBe(2);
    expect(result.doc.pageCount).toBe(2);
    expect(result.pagesWithoutText).toEqual([]);
    expect(new Set(result.doc.lines.map((l) => l.page))).toEqual(new Set([1, 2]));
    expect(result.doc.text.split('\f')).toHaveLength(2);
    expect(result.doc.text).toMatch(/Pompe à chaleur air\/eau/u);
    expect(result.doc.text).toMatch(/13 425,00 €/u);
  });

  it('lists the image-only pages of a mixed file', async () => {
    const result = await extractOk(await textThenImagePdf());
    expect(result.pageCount).toBe(2);
    expect(result.pagesWithoutText).toEqual([2]);
    expect(result.doc.text).toContain('9 500,00 €');
  });

  it('reports every page of a scan as without text', async () => {
    const result = await extractOk(fixture('dev-08-scan.pdf'));
    expect(result.pagesWithoutText).toEqual([1]);
    expect(result.doc.lines).toEqual([]);
  });

  it('leaves the caller’s bytes usable (pdfjs detaches what it is given)', async () => {
    const bytes = fixture('Devis_test.pdf');
    await extractOk(bytes);
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect((await extractOk(bytes)).pageCount).toBe(1);
  });

  it.each([
    ['a password-protected file', 'dev-12-encrypted.pdf', 'encrypted'],
    ['a truncated file', 'dev-11-truncated.pdf', 'invalid'],
    ['an empty file', 'empty.pdf', 'invalid'],
  ])('resolves with a failure for %s', async (_label, name, failure) => {
    const result = await extractPdfText(fixture(name));
    expect(result).toMatchObject({ ok: false, failure });
  });

  it('resolves with zero_pages for a PDF whose page tree is empty', async () => {
    expect(await extractPdfText(zeroPagePdf())).toMatchObject({
      ok: false,
      failure: 'zero_pages',
      pageCount: 0,
    });
  });
});
