/** Quotes for rule tests: a complete quote raises nothing; tests remove what they check. */
import type { Geste, QuoteAttributes } from '../../src/domain/attributes.js';
import type { GesteType } from '../../src/domain/geste-types.js';
import { appliesTo, checkedFields } from '../../src/rules/engine.js';
import type { ValidationInput, ValidationResult } from '../../src/rules/validate-quote.js';
import { validateQuote } from '../../src/rules/validate-quote.js';
import { WORKS_TABLES } from '../../src/rules/works.js';

/** Fictitious, Luhn-valid. */
export const VALID_SIRET = '12345678900007';
export const CHECK_ID = 'c0ffee00-0000-4000-8000-000000000001';
export const TODAY = '2026-11-24';

export function completeQuote(): QuoteAttributes {
  return {
    type_fichier: 'devis',
    mention_devis: true,
    numero_devis: 'DV-0001',
    date_devis: '2026-10-14',
    validite: true,
    date_debut_chantier: '2026-11-16',
    date_pre_visite: '2026-10-01',
    separation_prix_fourniture_pose: true,
    prix_total_ht: 1000,
    prix_total_ttc: 1055,
    pro: {
      raison_sociale: 'Exemple Rénovation',
      forme_juridique: 'SAS',
      siret: VALID_SIRET,
      numero_tva: 'FR00123456789',
      capital: 10000,
      rcs: '123456789',
      rcs_ville: 'Exempleville',
      assurance: 'Assureur Exemple, contrat n° X-1',
      adresse: '1 rue de l’Exemple, 00000 Exempleville',
      rge_labels: ['QPAC/12345'],
    },
    client: {
      civilite: 'Madame',
      nom: 'Martin',
      prenom: 'Claire',
      adresse: '2 rue du Client, 00000 Exempleville',
    },
    // a quote with no energy-renovation geste gets a single finding (DESIGN.md §5): one
    // complete geste lets the admin rules speak; it raises nothing and adds its own controls
    gestes: [completeGeste('isolation_comble_perdu')],
  };
}

/** Controls the complete geste of `completeQuote()` adds to the 25 of file + admin. */
export const COMPLETE_GESTE_CONTROLS = 9;

/** Values that make a technical control pass, where "any text" would not. */
const PASSING_VALUES: Readonly<Record<string, unknown>> = {
  contenance_silo: 500,
  label_flamme_verte: false,
  presence_parement: true,
  presence_protection: true,
  presence_fixation: true,
};

/** A geste of `type` carrying every field its controls read (read off the tables). */
export function completeGeste(type: GesteType): Geste {
  const geste: Record<string, unknown> = {
    type,
    intitule: `Ligne ${type}`,
    quantite: 1,
    prix_unitaire_ht: 100,
    prix_ht: 100,
    taux_tva: 5.5,
  };
  for (const table of WORKS_TABLES) {
    const rules = table.filter((rule) => appliesTo(rule, type));
    for (const field of checkedFields(rules)) {
      if (field !== 'type') geste[field] = PASSING_VALUES[field] ?? 'x';
    }
  }
  // test values: any text where the rule only asks for a value
  return geste as unknown as Geste;
}

export function without(value: object, ...keys: string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}

export function validate(
  attributes: QuoteAttributes,
  extra: Partial<ValidationInput> = {},
): ValidationResult {
  return validateQuote({ checkId: CHECK_ID, attributes, today: TODAY, ...extra });
}

/** Validates a complete quote holding these gestes. */
export function validateGestes(
  gestes: unknown[],
  extra: Partial<ValidationInput> = {},
): ValidationResult {
  return validate({ ...completeQuote(), gestes: gestes as Geste[] }, extra);
}
