/**
 * A model's shape (« Vitosol 200-FM », « SV2F ») is a sign of the reference only for a geste
 * whose brand was read (sign-lines.ts): on a scan the brand and the model land on different
 * lines; a cable code (« H07V-U ») beside an unbranded geste proves nothing.
 */
import { describe, expect, it } from '@jest/globals';
import { validateQuote } from '../../src/rules/validate-quote.js';
import { CHECK_ID, completeGeste, completeQuote, TODAY } from './fixtures.js';

function judge(gesteEdit: (g: Record<string, unknown>) => void, text: string) {
  const quote = completeQuote() as unknown as Record<string, unknown>;
  const geste = completeGeste('chauffe_eau_solaire_individuel') as unknown as Record<
    string,
    unknown
  >;
  delete geste.reference;
  gesteEdit(geste);
  quote.gestes = [geste];
  const lines = text.split('\n').map((l) => ({ text: l, page: 1 }));
  const result = validateQuote({
    checkId: CHECK_ID,
    attributes: quote,
    today: TODAY,
    evidence: { lines, termsStart: -1, ocr: true },
  });
  return {
    missing: result.errors.includes('eau_chaude_reference_manquant'),
    toVerify: (result.toVerify ?? []).some((t) => t.code === 'eau_chaude_reference_manquant'),
  };
}

const SCAN = [
  'A Fourniture chauffe-eau solaire individuel VIESSMANN : 2 1 ens. 4 770,00',
  'capteurs plans Vitosol 200-FM type SV2F (surface 4,62 m2)',
].join('\n');

describe('a model shape as a sign of the reference', () => {
  it('counts for a geste whose brand was read', () => {
    expect(judge((g) => (g.marque = 'VIESSMANN'), SCAN)).toEqual({
      missing: false,
      toVerify: true,
    });
  });

  it('does not count for a geste without a brand', () => {
    expect(judge((g) => delete g.marque, SCAN)).toEqual({ missing: true, toVerify: false });
  });

  it('is not read in plain words and numbers', () => {
    const text = 'Chauffe-eau solaire individuel 300 L, capteurs 4,62 m2, marque VIESSMANN';
    expect(judge((g) => (g.marque = 'VIESSMANN'), text).missing).toBe(true);
  });
});
