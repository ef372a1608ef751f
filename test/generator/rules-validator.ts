/** Our rule engine as the generator's source of expected codes (fed the truth values, no registry). */
import { validateQuote } from '../../src/rules/validate-quote.js';
import type { QuoteValidator } from './truth.js';

/** The rules read no clock today; a fixed date keeps the truth files reproducible anyway. */
const RULES_TODAY = '2026-12-01';

function gesteIndex(gesteId: string | undefined): number | null {
  const match = /-geste-(\d+)$/u.exec(gesteId ?? '');
  return match ? Number(match[1]) - 1 : null;
}

export const rulesValidator: QuoteValidator = (attributes) =>
  validateQuote({ checkId: 'generated', attributes, today: RULES_TODAY }).details.map((d) => ({
    code: d.code,
    geste_index: gesteIndex(d.geste_id),
  }));
