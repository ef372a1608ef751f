import { describe, expect, it } from '@jest/globals';
import type { QuoteAttributes } from '../../src/domain/attributes.js';
import { ADMIN_RULES } from '../../src/rules/admin.js';
import { checkedFields } from '../../src/rules/engine.js';
import { COMPLETE_GESTE_CONTROLS, completeQuote, validate } from './fixtures.js';

type Edit = (quote: QuoteAttributes & Record<string, unknown>) => void;

function codesAfter(edit: Edit): string[] {
  const quote = completeQuote() as QuoteAttributes & Record<string, unknown>;
  edit(quote);
  return validate(quote).errors;
}

const pro = (q: QuoteAttributes) => q.pro as Record<string, unknown>;
const client = (q: QuoteAttributes) => q.client as Record<string, unknown>;

describe('admin validator', () => {
  it('raises nothing on a complete quote and counts 1 file + 24 admin controls', () => {
    const result = validate(completeQuote());
    expect(result.errors).toEqual([]);
    expect(result.controlsCount).toBe(25 + COMPLETE_GESTE_CONTROLS);
    expect(result.controlCodes.slice(0, 2)).toEqual(['file_type_error', 'devis_manquant']);
  });

  it.each<[string, Edit, string[]]>([
    ['no mention and no word', (q) => delete q.mention_devis, ['devis_manquant']],
    ['mention false', (q) => (q.mention_devis = false), ['devis_manquant']],
    [
      'mention false but the word read',
      (q) => Object.assign(q, { mention_devis: false, devis: 'DEVIS' }),
      [],
    ],
    ['no number', (q) => (q.numero_devis = '  '), ['numero_devis_manquant']],
    ['no date', (q) => delete q.date_devis, ['date_devis_manquant']],
    ['no start date', (q) => delete q.date_debut_chantier, ['date_chantier_manquant']],
    [
      'a start delay only',
      (q) =>
        Object.assign(q, {
          date_debut_chantier: undefined,
          delai_debut_chantier: 'sous 6 semaines',
        }),
      [],
    ],
    ['no visit', (q) => (q.date_pre_visite = ''), ['date_pre_visite_manquant']],
    ['validity false', (q) => (q.validite = false), ['date_validite_manquant']],
    ['no validity', (q) => delete q.validite, ['date_validite_manquant']],
    ['no company name', (q) => delete pro(q).raison_sociale, ['pro_raison_sociale_manquant']],
    ['no legal form', (q) => delete pro(q).forme_juridique, ['pro_forme_juridique_manquant']],
    [
      'legal form at top level',
      (q) => {
        delete pro(q).forme_juridique;
        q.pro_forme_juridique = 'SARL';
      },
      [],
    ],
    ['no VAT number', (q) => delete pro(q).numero_tva, ['tva_manquant']],
    ['no capital', (q) => delete pro(q).capital, ['capital_manquant']],
    ['capital 0 is a value', (q) => (pro(q).capital = 0), []],
    ...[
      'EI',
      'E.I.',
      'EIRL',
      'Entreprise individuelle',
      'micro-entrepreneur',
      'Auto-entrepreneur',
    ].map((form): [string, Edit, string[]] => [
      `a sole trader (${form}) has no capital`,
      (q) => {
        delete pro(q).capital;
        pro(q).forme_juridique = form;
      },
      [],
    ]),
    [
      'a company without capital (SARL) still gets capital_manquant',
      (q) => {
        delete pro(q).capital;
        pro(q).forme_juridique = 'SARL';
      },
      ['capital_manquant'],
    ],
    ['no SIRET', (q) => delete pro(q).siret, ['siret_manquant']],
    ['no insurance', (q) => delete pro(q).assurance, ['pro_assurance_manquant']],
    ['no company address', (q) => delete pro(q).adresse, ['pro_adresse_manquant']],
    ['no first name', (q) => delete client(q).prenom, ['client_prenom_manquant']],
    ['no family name', (q) => delete client(q).nom, ['client_nom_manquant']],
    ['no title', (q) => delete client(q).civilite, ['client_civilite_manquant']],
    ['no client address', (q) => delete client(q).adresse, ['client_adresse_manquant']],
    [
      'no client at all',
      (q) => delete q.client,
      [
        'client_prenom_manquant',
        'client_nom_manquant',
        'client_civilite_manquant',
        'client_adresse_manquant',
      ],
    ],
    ['no RGE label', (q) => (pro(q).rge_labels = []), ['rge_manquant']],
    ['only blank RGE labels', (q) => (pro(q).rge_labels = ['', ' ']), ['rge_manquant']],
    [
      'supply and fitting together',
      (q) => (q.separation_prix_fourniture_pose = false),
      ['separation_fourniture_pose_manquant'],
    ],
    ['no total incl. VAT', (q) => delete q.prix_total_ttc, ['prix_total_ttc_manquant']],
    ['no total excl. VAT', (q) => delete q.prix_total_ht, ['prix_total_ht_manquant']],
  ])('%s', (_name, edit, expected) => {
    expect(codesAfter(edit)).toEqual(expected);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['RCS number and city', { rcs: '123456789', rcs_ville: 'Lyon' }, []],
    ['RCS number without city', { rcs: '123456789', rcs_ville: null }, ['rcs_ville_manquant']],
    ['RNE only: no city needed', { rcs: null, rcs_ville: null, rne: '123456789' }, []],
    ['RCS city with a SIRET', { rcs: null, rcs_ville: 'Lyon' }, []],
    ['nothing', { rcs: null, rcs_ville: null }, ['rcs_manquant']],
    [
      'RCS city, no SIRET',
      { rcs: null, rcs_ville: 'Lyon', siret: null },
      ['siret_manquant', 'rcs_manquant'],
    ],
  ])('registration: %s', (_name, fields, expected) => {
    expect(codesAfter((q) => Object.assign(pro(q), fields))).toEqual(expected);
  });

  it.each<[string, unknown, string[]]>([
    ['valid', '12345678900007', []],
    ['valid with spaces', '123 456 789 00007', []],
    ['as a number', 12345678900007, []],
    ['a SIREN, RGE label printed', '123456789', ['siret_format_erreur', 'siret_format_erreur']],
    ['13 digits', '1234567890007', ['siret_format_erreur', 'siret_format_erreur']],
    ['bad Luhn key', '12345678900008', ['siret_format_erreur', 'siret_format_erreur']],
    ['letters', '1234567890000A', ['siret_format_erreur', 'siret_format_erreur']],
    ['La Poste, no Luhn', '35600000000012', []],
  ])('SIRET %s', (_name, siret, expected) => {
    expect(codesAfter((q) => (pro(q).siret = siret))).toEqual(expected);
  });

  it('reports a bad SIRET once when no RGE label is printed', () => {
    const codes = codesAfter((q) => Object.assign(pro(q), { siret: '123456789', rge_labels: [] }));
    expect(codes).toEqual(['siret_format_erreur', 'rge_manquant']);
  });

  it('reports the lookup-stage SIRET error as an error, after row 21', () => {
    const quote = completeQuote();
    pro(quote).siret = '123456789';
    const { details, controlsCount } = validate(quote);
    expect(details.map((d) => [d.code, d.type])).toEqual([
      ['siret_format_erreur', 'wrong'],
      ['siret_format_erreur', 'error'],
    ]);
    expect(controlsCount).toBe(26 + COMPLETE_GESTE_CONTROLS);
  });

  it.each<[string, string[]]>([
    ['14/10/2026', []],
    ['14/10/26', []],
    ['14 octobre 2026', []],
    ['1er décembre 2026', []],
    ['2026-10-14T09:30:00Z', []],
    ['le mois prochain', ['date_format_erreur']],
    ['31/02/2026', ['date_format_erreur']],
  ])('quote date %j', (date, expected) => {
    expect(codesAfter((q) => (q.date_devis = date))).toEqual(expected);
  });

  it('reads its fields off the table', () => {
    expect(checkedFields(ADMIN_RULES)).toEqual(
      expect.arrayContaining(['mention_devis', 'devis', 'pro.siret', 'pro.rne', 'client.prenom']),
    );
  });

  it('never throws on odd values', () => {
    const odd = { type_fichier: 'devis', pro: 'n/a', client: [1, 2], date_devis: 42, gestes: 'x' };
    const result = validate(odd as unknown as QuoteAttributes);
    // gestes that are not a list hold no geste: the single finding of DESIGN.md §5
    expect(result.errors).toEqual(['geste_renovation_energetique_absent']);
    const withGeste = { ...odd, gestes: [{ type: 'pac_air_eau' }] };
    expect(validate(withGeste as unknown as QuoteAttributes).errors).toContain('siret_manquant');
  });
});
