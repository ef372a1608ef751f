import { describe, expect, it } from '@jest/globals';
import type { Geste } from '../../src/domain/attributes.js';
import { toPrf } from '../../src/eval/counts.js';
import { alignGestes } from '../../src/eval/gestes-score.js';
import { scoreDocument, type DocumentScore } from '../../src/eval/score-document.js';
import type { TruthGeste } from '../../src/eval/truth.js';
import { perfectOutcome, sampleTruth } from './fixtures.js';

function total(score: DocumentScore): ReturnType<typeof toPrf> {
  const sum = { tp: 0, fp: 0, fn: 0 };
  for (const c of Object.values(score.fields)) {
    sum.tp += c.tp;
    sum.fp += c.fp;
    sum.fn += c.fn;
  }
  return toPrf(sum);
}

describe('scoreDocument', () => {
  it('a perfect reading scores 1.0 everywhere', () => {
    const truth = sampleTruth();
    const score = scoreDocument(truth, perfectOutcome(truth));
    expect(score.group).toBe('text');
    expect(total(score)).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    for (const [name, counts] of Object.entries(score.fields)) {
      expect([name, counts.fp, counts.fn]).toEqual([name, 0, 0]);
    }
    expect(score.fields['gestes.uw']).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(score.fields['pro.rge_labels']).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(score.codes.counts).toEqual({ tp: 1, fp: 0, fn: 0 });
    // The registry code of the truth is left out.
    expect(score.codes.expected).toEqual(['date_pre_visite_manquant']);
  });

  it('a missing value lowers recall only', () => {
    const truth = sampleTruth();
    const outcome = perfectOutcome(truth);
    delete outcome.attributes.pro?.siret;
    const score = scoreDocument(truth, outcome);
    expect(score.fields['pro.siret']).toEqual({ tp: 0, fp: 0, fn: 1 });
    const prf = total(score);
    expect(prf.precision).toBe(1);
    expect(prf.recall).toBeLessThan(1);
  });

  it('a wrong value lowers precision and recall', () => {
    const truth = sampleTruth();
    const outcome = perfectOutcome(truth);
    outcome.attributes.prix_total_ttc = 1600;
    const score = scoreDocument(truth, outcome);
    expect(score.fields.prix_total_ttc).toEqual({ tp: 0, fp: 1, fn: 1 });
    const prf = total(score);
    expect(prf.precision).toBeLessThan(1);
    expect(prf.recall).toBeLessThan(1);
  });

  it('tolerates formatting differences listed in the comparison rules', () => {
    const truth = sampleTruth();
    const outcome = perfectOutcome(truth);
    const pro = outcome.attributes.pro ?? {};
    pro.siret = '123 456 789 00012';
    pro.adresse = '3 RUE DES ESSAIS 99000 VILLEFICTIVE';
    pro.telephone = '+33 1 99 00 12 34';
    const gestes = outcome.attributes.gestes ?? [];
    if (gestes[0]) gestes[0].unite = 'M2';
    const score = scoreDocument(truth, outcome);
    expect(total(score)).toMatchObject({ precision: 1, recall: 1 });
  });

  it('a spurious geste lowers precision only', () => {
    const truth = sampleTruth();
    const outcome = perfectOutcome(truth);
    outcome.attributes.gestes?.push({ type: 'vmc_simple_flux', prix_ht: 90, marque_caisson: 'X' });
    const score = scoreDocument(truth, outcome);
    expect(score.fields['gestes.type']).toEqual({ tp: 2, fp: 1, fn: 0 });
    expect(score.fields['gestes.marque_caisson']).toEqual({ tp: 0, fp: 1, fn: 0 });
    const prf = total(score);
    expect(prf.recall).toBe(1);
    expect(prf.precision).toBeLessThan(1);
  });

  it('a geste of the wrong type counts as one miss and one spurious geste', () => {
    const truth = sampleTruth();
    const outcome = perfectOutcome(truth);
    const fenetre = outcome.attributes.gestes?.[1];
    if (fenetre) fenetre.type = 'menuiserie_porte';
    const score = scoreDocument(truth, outcome);
    expect(score.fields['gestes.type']).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(score.fields['gestes.uw']).toEqual({ tp: 0, fp: 1, fn: 1 });
  });

  it('scans and unreadable files are grouped apart; unread ones are not field-scored', () => {
    const truth = { ...sampleTruth(), requires_ocr: true };
    const read = scoreDocument(truth, { ...perfectOutcome(truth), reading: 'scan' });
    expect(read.group).toBe('scan');
    expect(read.fieldsScored).toBe(true);
    const unread = scoreDocument(truth, {
      reading: 'scan',
      attributes: {},
      errors: ['file_reading_error'],
    });
    expect(unread.group).toBe('scan');
    expect(unread.fieldsScored).toBe(false);
    expect(unread.fields).toEqual({});
    expect(unread.codes.counts).toEqual({ tp: 0, fp: 1, fn: 1 });
    const corrupt = {
      ...sampleTruth(),
      kind: 'corrupt',
      expected_error_codes: ['file_reading_error'],
    };
    const broken = scoreDocument(corrupt, {
      reading: 'unreadable',
      attributes: {},
      errors: ['file_reading_error'],
    });
    expect(broken).toMatchObject({ group: 'unreadable', fieldsScored: false });
    expect(broken.codes.counts).toEqual({ tp: 1, fp: 0, fn: 0 });
  });

  it('VAT lines are matched by rate', () => {
    const truth = sampleTruth();
    const outcome = perfectOutcome(truth);
    outcome.attributes.tva = [
      { taux_tva: 10, prix_ht_total: 100, montant_tva_total: 10 },
      { taux_tva: 5.5, prix_ht_total: 1500, montant_tva_total: 82.5 },
    ];
    const score = scoreDocument(truth, outcome);
    expect(score.fields['tva.taux_tva']).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(score.fields['tva.montant_tva_total']).toEqual({ tp: 1, fp: 1, fn: 0 });
  });
});

describe('alignGestes', () => {
  const truth: TruthGeste[] = [
    { type: 'menuiserie_fenetre', prix_ht: 100, localisation: 'Séjour' },
    { type: 'menuiserie_fenetre', prix_ht: 200, localisation: 'Chambre' },
    { type: 'menuiserie_porte', prix_ht: 300 },
  ];

  it('pairs gestes of the same type by equal price before order', () => {
    const emitted: Geste[] = [
      { type: 'menuiserie_porte', prix_ht: 300 },
      { type: 'menuiserie_fenetre', prix_ht: 200 },
      { type: 'menuiserie_fenetre', prix_ht: 100 },
    ];
    expect(alignGestes(truth, emitted).pairs).toEqual([
      [0, 2],
      [1, 1],
      [2, 0],
    ]);
  });

  it('falls back to order within a type when prices differ or are missing', () => {
    const emitted: Geste[] = [
      { type: 'menuiserie_fenetre' },
      { type: 'menuiserie_fenetre', prix_ht: 999 },
      { type: 'pac_air_eau', prix_ht: 300 },
    ];
    const alignment = alignGestes(truth, emitted);
    expect(alignment.pairs).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(alignment.unmatchedTruth).toEqual([2]);
    expect(alignment.unmatchedEmitted).toEqual([2]);
  });

  it('uses prix_ttc when only TTC prices are printed', () => {
    const ttc: TruthGeste[] = [
      { type: 'isolation_plancher_bas', prix_ht: null, prix_ttc: 50 },
      { type: 'isolation_plancher_bas', prix_ht: null, prix_ttc: 80 },
    ];
    const emitted: Geste[] = [
      { type: 'isolation_plancher_bas', prix_ttc: 80 },
      { type: 'isolation_plancher_bas', prix_ttc: 50 },
    ];
    expect(alignGestes(ttc, emitted).pairs).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });
});
