/**
 * Admin RGE lookup (spec/rules.md §3.3 row 22, §5.4, with DESIGN.md §5 fixes): every RGE label
 * of the quote is checked; the control is evaluated, and counted, only when it fails.
 */
import type { FindingCode } from '../domain/finding-codes.js';
import type { FindingCollector } from './finding-collector.js';
import { coversDate, matchesAnyLabel } from './rge.js';
import type { ValidationContext } from './validation-context.js';

/** The first failing step of the lookup, if any. */
function lookupFailure(ctx: ValidationContext): FindingCode | undefined {
  if (ctx.quoteDate.given && ctx.quoteDate.iso === undefined) return 'date_format_erreur';
  // the format is checked before any lookup, so a bad SIRET is reported here a second time
  if (!ctx.siretValid) return 'siret_format_erreur';
  // no registry answer: report nothing that needs it
  if (ctx.qualifications === undefined) return undefined;
  const matching = ctx.qualifications.filter((q) => matchesAnyLabel(q, ctx.rgeLabels));
  if (matching.length === 0) return 'rge_non_correspondant';
  const iso = ctx.quoteDate.iso;
  if (iso !== undefined && !matching.some((q) => coversDate(q, iso))) return 'rge_hors_date';
  return undefined;
}

export function checkRgeLookup(ctx: ValidationContext, collector: FindingCollector): void {
  if (!ctx.siretGiven || ctx.rgeLabels.length === 0) return;
  const failure = lookupFailure(ctx);
  if (failure !== undefined) collector.control(failure, true, { type: 'error' });
}
