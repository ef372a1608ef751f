/**
 * « RCS B 523 … » that a PDF's text layer glued into « RCSB523… » (corpus-real: « 00000000000000
 * RCSD-000000-036 ») is still a sign of the registration: not claimed missing (DESIGN.md §5).
 */
import { describe, expect, it } from '@jest/globals';
import { validateQuote } from '../../src/rules/validate-quote.js';
import { CHECK_ID, completeQuote, TODAY } from './fixtures.js';

function rcsMissing(text: string): boolean {
  const quote = completeQuote() as unknown as Record<string, unknown>;
  const pro = { ...(quote.pro as Record<string, unknown>) };
  delete pro.rcs;
  delete pro.rcs_ville;
  quote.pro = pro;
  const lines = text.split('\n').map((l) => ({ text: l, page: 1 }));
  const result = validateQuote({
    checkId: CHECK_ID,
    attributes: quote,
    today: TODAY,
    evidence: { lines, termsStart: -1, ocr: false },
  });
  return result.errors.includes('rcs_manquant');
}

describe('a registration number glued to its label', () => {
  it.each([
    ['SASU au capital de 500 € - 00000000000000 RCSD-000000-036'],
    ['SARL Exemple – RCSB523456789'],
  ])('%s is a sign', (line) => {
    expect(rcsMissing(`Devis n° 12\n${line}`)).toBe(false);
  });

  it('a footer without any registration keeps the finding', () => {
    expect(rcsMissing('Devis n° 12\nSASU au capital de 500 € - SIRET 732 829 320 00074')).toBe(
      true,
    );
  });
});
