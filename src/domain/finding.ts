/** A finding as stored and shown (spec/domain.md §4.1), and the status it gives a check. */
import type { FindingCategory, FindingCode, FindingType } from './finding-codes.js';

/** One finding; keys whose value is absent are omitted, `from_case: false` is kept. */
export interface ErrorDetail {
  /** `<object id>-<k>` or `<object id>-<geste id>-<k>` (spec/domain.md §4.2); never repeated. */
  id: string;
  code: FindingCode;
  category: FindingCategory;
  type: FindingType;
  /** French title. */
  title: string;
  /** What precisely went wrong, when known (reading errors). */
  problem?: string;
  /** French explanation: what to add or correct, and why. */
  solution?: string;
  provided_value?: string | number;
  /** `<check id>-geste-<n>`, n 1-based. */
  geste_id?: string;
  /** true for case-level findings, false for validator findings, absent on reading errors. */
  from_case?: boolean;
}

/**
 * What an *à vérifier* line is: absent for a mention seen but not read (DESIGN.md §5);
 * `threshold` a value below an aid threshold whose source is not confirmed; `scheme` a change of
 * the aids announced but not confirmed; `information` a confirmed change (DESIGN.md §11).
 */
export type ToVerifyKind = 'threshold' | 'scheme' | 'information';

/**
 * A line for a person to check, not a point to correct, never a reason for `invalid`: a mention
 * seen on the document whose value was not read (DESIGN.md §5), or a line about the aid
 * thresholds (`kind`).
 */
export interface ToVerify {
  /** The `missing` code it stands in for, our own code for unrecognised works or a threshold. */
  code: string;
  /** French: the mention (« la date de la visite préalable »), or the whole line for a `kind`. */
  label: string;
  /** Page where the sign was seen. */
  page?: number;
  geste_id?: string;
  kind?: ToVerifyKind;
}

/** Categories never shown to users (API, e-mails): price-plausibility warnings. */
export const HIDDEN_CATEGORIES: readonly FindingCategory[] = ['geste_prices'];

export function isShownToUsers(detail: Pick<ErrorDetail, 'category'>): boolean {
  return !HIDDEN_CATEGORIES.includes(detail.category);
}

/**
 * Status of a finished check (DESIGN.md §5): only findings shown to users count, so hidden
 * price warnings alone leave the check valid. Human deletions are not considered (as upstream).
 */
export function deriveCheckStatus(
  details: readonly Pick<ErrorDetail, 'category'>[],
): 'valid' | 'invalid' {
  return details.some(isShownToUsers) ? 'invalid' : 'valid';
}

/**
 * How far a file went (DESIGN.md §6): only a `checked` quote has points to correct; the others
 * were not checked and are never reported « sans erreur » nor counted as checked.
 */
export type FileOutcome = 'checked' | 'unreadable' | 'not_a_quote' | 'no_energy_works';

export function fileOutcome(
  details: readonly Pick<ErrorDetail, 'code' | 'category'>[],
): FileOutcome {
  const codes = new Set<string>(
    details.filter((d) => d.category === 'file' || d.category === 'server').map((d) => d.code),
  );
  if (codes.has('geste_renovation_energetique_absent')) return 'no_energy_works';
  if (codes.has('file_type_error')) return 'not_a_quote';
  return codes.size > 0 ? 'unreadable' : 'checked';
}

/** What a person reads for a file that was not checked. */
export const NOT_CHECKED_LABELS: Readonly<Record<Exclude<FileOutcome, 'checked'>, string>> = {
  unreadable: 'non vérifié (fichier illisible)',
  not_a_quote: "non vérifié (ce document n'est pas un devis)",
  no_energy_works: 'non vérifié (pas de travaux de rénovation énergétique reconnus)',
};

/** Recommendations (type `warning`, « Il est recommandé… ») are counted apart from points to correct. */
export const isRecommendation = (detail: Pick<ErrorDetail, 'type'>): boolean =>
  detail.type === 'warning';
