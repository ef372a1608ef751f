import { describe, expect, it } from '@jest/globals';
import type { QuoteAttributes } from '../../src/domain/attributes.js';
import { RULES_VERSION } from '../../src/rules/validate-quote.js';
import { CHECK_ID, completeGeste, completeQuote, validate, validateGestes } from './fixtures.js';

describe('validateQuote: order and counting (spec/rules.md §1)', () => {
  it('gives a quote with no gestes the single no-works finding (DESIGN.md §5)', () => {
    const result = validate({ type_fichier: 'devis' });
    expect(result.errors).toEqual(['geste_renovation_energetique_absent']);
    expect(result.controlsCount).toBe(2);
  });

  it('counts 25 controls, then one per unknown geste, for a quote with no data', () => {
    const result = validate({ type_fichier: 'devis', gestes: [{ type: 'inconnu' }] });
    expect(result.controlsCount).toBe(26);
    expect(result.controlCodes).toHaveLength(26);
    expect(result.errors).toHaveLength(23);
    expect(result.errors).not.toContain('siret_format_erreur');
    expect(result.version).toBe(RULES_VERSION);
  });

  it('counts 7 + 6 technical and 2 × 3 price controls for a CET and a loft without SIRET', () => {
    const gestes = [{ type: 'chauffe_eau_thermo' }, { type: 'isolation_comble_perdu' }];
    const result = validate({ type_fichier: 'devis', gestes });
    expect(result.controlsCount).toBe(25 + 19);
  });

  it.each([[undefined], ['autre'], [''], ['bon de commande']])(
    'stops at the file validator when type_fichier is %j',
    (typeFichier) => {
      const quote = { ...completeQuote(), type_fichier: typeFichier } as QuoteAttributes;
      const result = validate({ ...quote, gestes: [completeGeste('pac_air_eau')] });
      expect(result.errors).toEqual(['file_type_error']);
      expect(result.controlCodes).toEqual(['file_type_error']);
      expect(result.details[0]).toMatchObject({ category: 'file', type: 'error' });
    },
  );

  it('accepts invoices', () => {
    expect(validate({ ...completeQuote(), type_fichier: 'facture' }).errors).toEqual([]);
  });

  it('orders findings: admin, then families in order, then price presence per geste', () => {
    const quote = completeQuote();
    delete quote.numero_devis;
    const gestes = [
      { type: 'vmc_simple_flux', intitule: 'VMC' },
      { ...completeGeste('isolation_comble_perdu'), marque_isolant: null, prix_ht: null },
      { ...completeGeste('pac_air_eau'), COP: null, taux_tva: null },
    ];
    const { errors } = validate({ ...quote, gestes: gestes as QuoteAttributes['gestes'] });
    expect(errors[0]).toBe('numero_devis_manquant');
    expect(errors.indexOf('isolation_marque_manquant')).toBe(1);
    expect(errors.indexOf('pac_cop_chauffage_manquant')).toBe(2);
    expect(errors.indexOf('vmc_type_manquant')).toBe(3);
    expect(errors.slice(3, 15).every((code) => code.startsWith('vmc_'))).toBe(true);
    expect(errors.slice(15)).toEqual([
      'geste_prix_ht_manquant',
      'geste_prix_unitaire_ht_manquant',
      'geste_taux_tva_manquant',
      'geste_prix_ht_manquant',
      'geste_taux_tva_manquant',
    ]);
  });
});

describe('validateQuote: finding details (spec/domain.md §4)', () => {
  const quote = completeQuote();
  delete quote.numero_devis;
  const result = validate({
    ...quote,
    gestes: [{ type: 'pac_air_eau', intitule: 'Pompe à chaleur 8 kW' }, { type: 'pac_air_eau' }],
  });

  it('gives unique ids of the upstream shape from one counter', () => {
    const ids = result.details.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe(`${CHECK_ID}-1`);
    expect(ids[1]).toBe(`${CHECK_ID}-${CHECK_ID}-geste-1-2`);
    for (const [k, detail] of result.details.entries()) {
      const prefix = detail.geste_id ? `${CHECK_ID}-${detail.geste_id}` : CHECK_ID;
      expect(detail.id).toBe(`${prefix}-${k + 1}`);
    }
  });

  it('attaches geste findings to their geste with the line label', () => {
    const first = result.details.find((d) => d.geste_id === `${CHECK_ID}-geste-1`);
    expect(first).toMatchObject({ provided_value: 'Pompe à chaleur 8 kW', from_case: false });
    const second = result.details.find((d) => d.geste_id === `${CHECK_ID}-geste-2`);
    expect(second).toBeDefined();
    expect(second).not.toHaveProperty('provided_value');
  });

  it('fills admin findings without geste nor provided value', () => {
    expect(result.details[0]).toEqual({
      id: `${CHECK_ID}-1`,
      code: 'numero_devis_manquant',
      category: 'admin',
      type: 'warning',
      title: expect.any(String),
      solution: expect.any(String),
      from_case: false,
    });
  });

  it('keeps ids unique when a price warning hits the same geste', () => {
    const priced = validateGestes(
      [{ ...completeGeste('pac_air_eau'), ETAS: null, prix_ht: 99999 }],
      { priceRanges: { pac_air_eau: { min: 5000, max: 20000 } } },
    );
    expect(priced.errors).toEqual(['chauffage_etas_manquant', 'geste_prix_inhabituel']);
    const ids = priced.details.map((d) => d.id);
    expect(new Set(ids).size).toBe(2);
  });
});

describe('validateQuote: geste types (spec/rules.md §3.4)', () => {
  it('skips gestes without a type entirely', () => {
    const result = validateGestes([
      { type: '' },
      { intitule: 'Échafaudage' },
      { type: 'vmc_simple_flux' },
    ]);
    const alone = validateGestes([{ type: 'vmc_simple_flux' }]);
    expect(result.controlCodes).toEqual(alone.controlCodes);
    expect(result.errors).toEqual(alone.errors);
  });

  it('reports an unknown type, once, with the type as provided value', () => {
    const result = validateGestes([{ type: 'panneaux_photovoltaiques', intitule: 'PV' }]);
    expect(result.details).toEqual([
      expect.objectContaining({
        code: 'geste_type_inconnu',
        category: 'gestes',
        type: 'warning',
        provided_value: 'panneaux_photovoltaiques',
        geste_id: `${CHECK_ID}-geste-1`,
      }),
    ]);
    expect(result.controlsCount).toBe(26);
  });

  it('gives LLM spellings the controls of their canonical type, prices included', () => {
    const alias = validate({ type_fichier: 'devis', gestes: [{ type: 'pompe_a_chaleur' }] });
    const canonical = validate({ type_fichier: 'devis', gestes: [{ type: 'pac_air_eau' }] });
    expect(alias.controlCodes).toEqual(canonical.controlCodes);
    expect(alias.controlCodes).toContain('geste_prix_ht_manquant');
  });

  it('never throws on odd gestes', () => {
    const result = validateGestes([null, 42, 'x', { type: 7 }, { type: ['pac'] }]);
    expect(result.errors).toEqual(['geste_type_inconnu']);
  });
});
