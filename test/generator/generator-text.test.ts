/** The generated documents print what their truth says (24 quotes, PDF text read back with pdfjs). */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTruth, type DocumentTruth } from '../../src/eval/truth.js';
import { generateQuotes, type GeneratedQuote } from './generate.js';
import { pdfText } from './pdf-text.js';
import { rulesValidator } from './rules-validator.js';

/** Letters and digits only, lower case: robust to wrapping, spacing and number grouping. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

describe('generated documents', () => {
  let dir = '';
  let quotes: GeneratedQuote[] = [];
  const truths = new Map<string, DocumentTruth>();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mdso-gen-text-'));
    quotes = await generateQuotes({
      outDir: dir,
      count: 24,
      seed: 'jest',
      validate: rulesValidator,
    });
    for (const q of quotes) {
      const json: unknown = JSON.parse(await readFile(join(dir, q.truthFile), 'utf8'));
      truths.set(q.document, parseTruth(json, q.truthFile));
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the truth values in the document (spot checks on 24 quotes)', async () => {
    for (const q of quotes) {
      const truth = truths.get(q.document) as DocumentTruth;
      const bytes = new Uint8Array(await readFile(join(dir, q.document)));
      const text = squash(
        q.document.endsWith('.pdf') ? await pdfText(bytes) : new TextDecoder().decode(bytes),
      );
      const expectPrinted = (value: unknown): void => {
        if (value === null || value === undefined) return;
        const needle = typeof value === 'number' ? squash(value.toFixed(2)) : squash(String(value));
        expect([q.document, text.includes(needle) ? 'printed' : needle]).toEqual([
          q.document,
          'printed',
        ]);
      };
      if (truth.mention_devis === false)
        expect([q.document, text.includes('devis')]).toEqual([q.document, false]);
      const pro = truth.pro ?? {};
      [
        truth.numero_devis,
        pro.raison_sociale,
        pro.siret,
        pro.numero_tva,
        pro.adresse,
        pro.email,
        pro.rcs_ville,
      ].forEach(expectPrinted);
      [
        truth.client?.nom,
        truth.client?.prenom,
        truth.client?.adresse,
        truth.delai_debut_chantier,
      ].forEach(expectPrinted);
      (pro.rge_labels ?? []).forEach(expectPrinted);
      [truth.prix_total_ttc, truth.prix_total_ht].forEach(expectPrinted);
      for (const geste of truth.gestes ?? []) {
        // Plain text puts the price columns after the first line of a wrapped label.
        const label = q.document.endsWith('.txt')
          ? String(geste.intitule).slice(0, 30)
          : geste.intitule;
        [label, geste.numero_ligne, geste.prix_ht, geste.prix_ttc].forEach(expectPrinted);
        for (const key of [
          'marque',
          'reference',
          'marque_isolant',
          'reference_isolant',
          'numero_acermi',
          'marque_caisson',
          'localisation',
        ])
          expectPrinted(geste[key]);
      }
    }
  });

  it('is deterministic for a given seed', async () => {
    const again = await mkdtemp(join(tmpdir(), 'mdso-gen-'));
    try {
      const second = await generateQuotes({
        outDir: again,
        count: 3,
        seed: 'jest',
        validate: rulesValidator,
      });
      for (const q of second) {
        expect(await readFile(join(again, q.document))).toEqual(
          await readFile(join(dir, q.document)),
        );
      }
    } finally {
      await rm(again, { recursive: true, force: true });
    }
  });
});
