import { describe, expect, test } from '@jest/globals';
import {
  findStartDate,
  findStartDelay,
  findVisitDate,
  hasValidity,
} from '../../../src/extract/admin/terms.js';
import { documentFromText } from '../../../src/extract/document.js';
import type { DocumentLine } from '../../../src/extract/document.js';

const linesOf = (...lines: string[]) => documentFromText(lines.join('\n')).lines;

/** Lines with explicit cells, as a PDF's label | value columns give them. */
function cells(...rows: [string, number, number][][]): DocumentLine[] {
  return rows.map((row) => ({
    page: 1,
    text: row.map(([t]) => t).join('   '),
    cells: row.map(([text, x, xEnd]) => ({ text, x, xEnd })),
  }));
}

describe('key → value reading from the label lexicon', () => {
  test.each([
    ['Relevé sur site du 14/10/2026', '2026-10-14'],
    ['Métré réalisé le 3 octobre 2026', '2026-10-03'],
    ['Diagnostic sur place réalisé le 02.10.2026', '2026-10-02'],
    ['DEVIS MENUISERIES   Prise de cotes le 22/10/2026', '2026-10-22'],
  ])('a visit date after its label: %s', (line, iso) => {
    expect(findVisitDate(linesOf(line))).toBe(iso);
  });

  test('a value in the next cell of the line (a "label | value" block)', () => {
    const lines = cells([
      ['Relevé sur site du', 44, 117],
      ['28.10.2026', 142, 188],
    ]);
    expect(findVisitDate(lines, 10)).toBe('2026-10-28');
  });

  test('a value under its heading on the next line', () => {
    const lines = cells(
      [
        ['N° devis', 40, 90],
        ['Date de début', 200, 260],
      ],
      [
        ['D-26-114', 40, 88],
        ['11/01/2027', 200, 250],
      ],
    );
    expect(findStartDate(lines, 10)).toBe('2027-01-11');
  });

  test('a date in another clause does not belong to the label', () => {
    expect(
      findVisitDate(linesOf('Visite technique : à planifier. Date : 06/10/2026')),
    ).toBeUndefined();
  });

  test.each([
    ['Travaux réalisés le 24/11/2026', '2026-11-24'],
    ['Date de début prévue : 11/01/2027', '2027-01-11'],
  ])('a start date after its label: %s', (line, iso) => {
    expect(findStartDate(linesOf(line))).toBe(iso);
  });

  test.each(['Délai de paiement : 30 jours', 'Délai de rétractation : 14 jours'])(
    'a delay of something else is no start delay: %s',
    (line) => {
      expect(findStartDelay(linesOf(line))).toBeUndefined();
    },
  );

  test.each([
    "Échéance de l'offre : 06/11/2026",
    "Prix fermes jusqu'au 28/02/2027",
    'Nos prix sont maintenus pendant 60 jours.',
  ])('a validity phrased otherwise: %s', (line) => {
    expect(hasValidity(linesOf(line))).toBe(true);
  });
});
