import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { attributePaths, EXTRACTOR_VERSION, extractQuote } from '../../src/extract/index.js';
import { documentFromText, type QuoteDocument } from '../../src/extract/document.js';

const QUOTE = [
  'ATELIER EXEMPLE                                  DEVIS',
  '12 rue des Artisans                              N° : AE-2026-12',
  '35000 Rennes                                     Date : 06/10/2026',
  '                                 Monsieur Jean EXEMPLE',
  '                                 4 allée des Lilas',
  '                                 35700 Rennes',
  'Désignation                         Qté     P.U. HT     TVA     Total HT',
  'Fourniture laine de verre 300 mm     62 m²    11,40 €   5,5 %   706,80 €',
  'Total HT 706,80 €',
  'TVA 5,5 % 38,87 €',
  'Total TTC 745,67 €',
  'ATELIER EXEMPLE – SARL au capital de 8 000 € – SIRET 732 829 320 00074',
].join('\n');

function hasEmptyValue(value: unknown): boolean {
  if (value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0 || value.some(hasEmptyValue);
  if (typeof value === 'object') return Object.values(value as object).some(hasEmptyValue);
  return false;
}

describe('extractQuote', () => {
  test('version and provenance of every emitted value', () => {
    const { attributes, provenance, version } = extractQuote(documentFromText(QUOTE));
    expect(version).toBe(EXTRACTOR_VERSION);
    expect(attributes).toMatchObject({
      type_fichier: 'devis',
      numero_devis: 'AE-2026-12',
      pro: { siret: '73282932000074', forme_juridique: 'SARL' },
      client: { nom: 'Exemple' },
      tva: [{ taux_tva: 5.5, prix_ht_total: 706.8, montant_tva_total: 38.87 }],
    });
    expect(provenance).toMatchObject({
      'pro.siret': 'naive',
      'client.nom': 'naive',
      'tva[0].taux_tva': 'naive',
      noms: 'naive',
    });
    expect(Object.keys(provenance).sort()).toEqual(attributePaths(attributes).sort());
    expect(Object.values(provenance).every((p) => p === 'naive')).toBe(true);
  });

  test('never emits null or empty values', () => {
    expect(hasEmptyValue(extractQuote(documentFromText(QUOTE)).attributes)).toBe(false);
  });

  test('a document that is not a quote keeps only its type and the private data', () => {
    const text =
      "ATTESTATION D'ASSURANCE\nMadame Anne EXEMPLE\n2 rue du Port\n56100 Lorient\nContrat n° 12";
    const { attributes } = extractQuote(documentFromText(text));
    expect(attributes.type_fichier).toBe('autre');
    expect(attributes.pro).toBeUndefined();
    expect(attributes.client).toBeUndefined();
    expect(attributes.gestes).toBeUndefined();
    expect(attributes.noms).toEqual(['Anne EXEMPLE']);
  });

  test('an empty document gives no attributes', () => {
    expect(extractQuote(documentFromText('')).attributes).toEqual({});
  });

  test('runs on every corpus document', () => {
    const dir = join(process.cwd(), 'test/fixtures/corpus-doc');
    for (const file of readdirSync(dir).filter(
      (f) => f.endsWith('.json') && !f.endsWith('.truth.json'),
    )) {
      const doc = JSON.parse(readFileSync(join(dir, file), 'utf8')) as QuoteDocument;
      expect(extractQuote(doc).attributes.type_fichier).toBeDefined();
    }
  });
});

test('attributePaths', () => {
  expect(
    attributePaths({
      pro: { siret: '1', rge_labels: ['a'] },
      tva: [{ taux_tva: 5.5 }],
      noms: [],
      x: undefined,
    }),
  ).toEqual(['pro.siret', 'pro.rge_labels', 'tva[0].taux_tva']);
});
