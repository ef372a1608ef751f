import { describe, expect, it } from '@jest/globals';
import type { AdemeQualification } from '../../src/rules/rge.js';
import type { ValidationResult } from '../../src/rules/validate-quote.js';
import { completeGeste, completeQuote, validate } from './fixtures.js';

const PAC_DOMAIN = 'Pompe à chaleur : chauffage';

function qualification(over: Partial<AdemeQualification> = {}): AdemeQualification {
  return {
    id: 'Q12345-5311D108-2025-01-01',
    nom_certificat: 'QualiPAC module Chauffage et ECS',
    domaine: [PAC_DOMAIN],
    date_debut: '2025-01-01',
    date_fin: '2027-12-31',
    ...over,
  };
}

function run(
  qualifications: AdemeQualification[] | undefined,
  edit: (quote: ReturnType<typeof completeQuote>) => void = () => undefined,
): ValidationResult {
  const quote = completeQuote();
  quote.gestes = [completeGeste('pac_air_eau')];
  edit(quote);
  return validate(quote, qualifications ? { rge: { qualifications } } : {});
}

const RGE_CODES = /rge|siret|date_format/u;
const rgeFindings = (result: ValidationResult) =>
  result.details.filter((d) => RGE_CODES.test(d.code)).map((d) => [d.code, d.provided_value]);

describe('RGE checks', () => {
  it('reports nothing needing the registry when the lookup was not made', () => {
    const result = run(undefined);
    expect(result.errors).toEqual([]);
    expect(result.controlsCount).toBe(25 + 9 + 3);
  });

  it('passes a qualified company whose RGE number is on the quote', () => {
    const result = run([qualification()]);
    expect(result.errors).toEqual([]);
    expect(result.controlsCount).toBe(25 + 9 + 3 + 3);
  });

  it('checks every RGE label of the quote, not only the first', () => {
    const result = run([qualification()], (q) => (q.pro!.rge_labels = ['QB/99999', 'QPAC/12345']));
    expect(result.errors).toEqual([]);
  });

  it('reports a number belonging to no qualification of the SIRET', () => {
    const result = run([qualification({ id: 'Q99999-X-2025-01-01' })]);
    expect(rgeFindings(result)).toEqual([
      ['rge_non_correspondant', undefined],
      ['geste_rge_non_mentionne', 'pac_air_eau ["QPAC/12345"]'],
    ]);
    const mentionne = result.details.find((d) => d.code === 'geste_rge_non_mentionne');
    expect(mentionne?.solution).toContain('99999');
    expect(mentionne?.solution).toContain('https://mon-devis-sans-oublis.beta.gouv.fr/rge');
    expect(result.details[0]).toMatchObject({ category: 'admin', type: 'error' });
  });

  it('reports qualifications out of date at the quote date', () => {
    const result = run([qualification({ date_fin: '2026-06-30' })]);
    expect(rgeFindings(result)).toEqual([
      ['rge_hors_date', undefined],
      ['geste_rge_hors_date', 'pac_air_eau 14 octobre 2026'],
    ]);
    expect(result.controlsCount).toBe(25 + 1 + 9 + 3 + 3);
  });

  it('reports a company not qualified for the geste', () => {
    const other = qualification({ domaine: ['Isolation des combles perdus'] });
    const result = run([qualification({ domaine: [] }), other]);
    expect(rgeFindings(result)).toEqual([['geste_rge_non_correspondant', 'pac_air_eau']]);
    expect(result.details[0]?.solution).toContain('/rge');
    expect(result.controlsCount).toBe(25 + 9 + 3 + 1);
  });

  it('maps the certificate name `Chauffage +` to hot-water gestes', () => {
    const q = qualification({ domaine: [], nom_certificat: 'Chauffage +' });
    const result = run([q], (quote) => (quote.gestes = [completeGeste('chauffe_eau_thermo')]));
    expect(result.errors).toEqual([]);
  });

  it('shows the quote labels, even none, in the provided value', () => {
    const result = run([qualification()], (q) => (q.pro!.rge_labels = []));
    expect(rgeFindings(result)).toEqual([
      ['rge_manquant', undefined],
      ['geste_rge_non_mentionne', 'pac_air_eau []'],
    ]);
  });

  it('skips the date controls without a quote date', () => {
    const result = run([qualification({ date_fin: '2020-01-01' })], (q) => delete q.date_devis);
    expect(result.errors).toEqual(['date_devis_manquant']);
    expect(result.controlsCount).toBe(25 + 9 + 3 + 2);
  });

  it('reports an unreadable date once and never crashes', () => {
    const result = run([qualification()], (q) => (q.date_devis = 'courant octobre'));
    expect(result.errors).toEqual(['date_format_erreur']);
    expect(result.controlsCount).toBe(25 + 1 + 9 + 3 + 2);
  });

  it('reports a bad SIRET twice and verifies nothing with it', () => {
    const result = run([qualification()], (q) => (q.pro!.siret = '123456789'));
    expect(result.errors).toEqual(['siret_format_erreur', 'siret_format_erreur']);
    expect(result.controlsCount).toBe(25 + 1 + 9 + 3);
  });

  it('does not look up RGE numbers without a SIRET', () => {
    const result = run([qualification({ id: 'Q99999-X-2025-01-01' })], (q) => delete q.pro!.siret);
    expect(result.errors).toEqual(['siret_manquant']);
  });

  it('ignores malformed registry rows', () => {
    const rows = [null, 'x', qualification()] as unknown as AdemeQualification[];
    expect(run(rows).errors).toEqual([]);
  });
});
