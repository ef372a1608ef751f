/**
 * Expected finding codes of a truth that does not list them (the real-world corpus): the rules fed
 * the truth's values, as the corpus README says its own expectations were made (no registry, no
 * price ranges). A value the truth leaves out counts as not printed.
 */
import type { QuoteAttributes } from '../domain/attributes.js';
import { THRESHOLD_CODES } from '../domain/finding-codes.js';
import { validateQuote } from '../rules/validate-quote.js';
import type { DocumentTruth } from './truth.js';

const ATTRIBUTE_KEYS = [
  'type_fichier',
  'mention_devis',
  'numero_devis',
  'date_devis',
  'validite',
  'date_pre_visite',
  'date_debut_chantier',
  'delai_debut_chantier',
  'pro',
  'client',
  'prix_total_ht',
  'prix_total_ttc',
  'tva',
  'separation_prix_fourniture_pose',
  'gestes',
] as const;

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
}

/** The truth's values the rules read (the rest of a truth describes the document). */
export type TruthValues = Partial<Pick<DocumentTruth, (typeof ATTRIBUTE_KEYS)[number]>>;

/**
 * The attributes a perfect reader would return for this truth: its values without the nulls
 * ("not on the page"). One definition for the eval, the generator and the corpus-truth tests.
 */
export function truthAttributes(truth: TruthValues): QuoteAttributes {
  const picked: Record<string, unknown> = {};
  for (const key of ATTRIBUTE_KEYS) picked[key] = truth[key] ?? null;
  // the real-world truths name a geste's VAT rate `tva` ("10,00 %")
  if (Array.isArray(picked.gestes)) {
    picked.gestes = (picked.gestes as Record<string, unknown>[]).map((g) =>
      g.taux_tva === undefined && g.tva !== undefined ? { ...g, taux_tva: g.tva } : g,
    );
  }
  // a quote prints the word "devis" whenever it is one (the real-world truths do not say)
  if (picked.mention_devis === null && picked.type_fichier === 'devis') picked.mention_devis = true;
  return withoutNulls(picked) as QuoteAttributes;
}

export function expectedCodesFromTruth(truth: DocumentTruth, today: string): string[] {
  const result = validateQuote({ checkId: 'truth', attributes: truthAttributes(truth), today });
  return [...new Set(result.errors)];
}

/**
 * The aid-threshold codes (DESIGN.md §11) the truth's values call for. Truths written before the
 * thresholds existed do not list them, though their expected codes are « what the rules say on
 * the truth »: these codes are added to every truth's expectations, so a threshold finding counts
 * as correct exactly when the truth's own values are below a confirmed threshold.
 */
export function thresholdCodesFromTruth(truth: DocumentTruth, today: string): string[] {
  return expectedCodesFromTruth(truth, today).filter((code) =>
    (THRESHOLD_CODES as readonly string[]).includes(code),
  );
}
