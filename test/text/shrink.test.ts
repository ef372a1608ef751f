import { describe, expect, it } from '@jest/globals';
import { documentFromText } from '../../src/extract/document.js';
import { findTermsStart, shrinkDocument, shrinkText } from '../../src/text/shrink.js';

const quote = [
  'DEVIS N° 42',
  'Les conditions générales de vente figurent en annexe et font partie du devis.',
  'Total TTC 1 000,00 €',
  'Powered by TCPDF (www.tcpdf.org)',
  'CONDITIONS GÉNÉRALES DE VENTE ET D’EXÉCUTION',
  'Article 1 – Champ d’application, le 12/01/2020 pour 99 999,00 €',
].join('\n');

describe('shrinker', () => {
  it('cuts the text from the terms heading to the end and replaces generator footers', () => {
    const shrunk = shrinkText(quote);
    expect(shrunk).toContain('Total TTC 1 000,00 €');
    expect(shrunk).toContain('POWERED_BY');
    expect(shrunk).not.toContain('99 999,00');
    expect(shrunk.endsWith('TERM')).toBe(true);
  });

  it('keeps a quote that only mentions the terms in a sentence', () => {
    const text = 'DEVIS\nVoir nos conditions générales de vente au verso.\nTotal HT 10,00 €';
    expect(shrinkText(text)).toBe(text);
  });

  it.each([
    ['Conditions Generales de Vente'],
    ['  conditions générales de vente :'],
    ['CONDITIONS DE VENTE'],
    ['Article 12 - Conditions générales de vente'],
  ])('recognises the heading %j whatever the case and accents', (heading) => {
    expect(findTermsStart(['devis', heading, 'texte'])).toBe(1);
  });

  it('drops the lines of a document from the heading on', () => {
    const doc = shrinkDocument(documentFromText(quote));
    expect(doc.lines.map((l) => l.text)).toEqual([
      'DEVIS N° 42',
      'Les conditions générales de vente figurent en annexe et font partie du devis.',
      'Total TTC 1 000,00 €',
    ]);
    expect(doc.text).not.toContain('Article 1');
  });
});
