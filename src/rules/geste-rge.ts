/**
 * RGE per geste (spec/rules.md §3.10, §5.5): is the company qualified for this kind of works,
 * is the matching RGE number written on the quote, was it valid at the quote date? Evaluated
 * only with a registry answer and a well-formed SIRET: nothing unverified is reported.
 */
import type { FindingCollector } from './finding-collector.js';
import type { PreparedGeste } from './prepare-gestes.js';
import { frenchLongDate } from './quote-date.js';
import type { AdemeQualification } from './rge.js';
import { coversDate, gesteTypesOf, matchesAnyLabel, rgeNumberOfQualification } from './rge.js';
import type { ValidationContext } from './validation-context.js';

/** `["QB/74612", "E-E178489"]`, as upstream renders the quote's labels. */
function labelsLiteral(labels: readonly string[]): string {
  return `[${labels.map((label) => JSON.stringify(label)).join(', ')}]`;
}

/** The qualification numbers to show the user (ADEME ids when no number can be read). */
function qualificationNumbers(qualifications: readonly AdemeQualification[]): string {
  const numbers = qualifications.map((q) => rgeNumberOfQualification(q) ?? q.id);
  return [...new Set(numbers)].join(', ');
}

export function checkGesteRge(
  ctx: ValidationContext,
  geste: PreparedGeste,
  collector: FindingCollector,
): void {
  const type = geste.type;
  if (type === undefined || ctx.qualifications === undefined || !ctx.siretValid) return;
  const ofType = ctx.qualifications.filter((q) => gesteTypesOf(q).includes(type));
  const gesteId = geste.id;
  collector.control('geste_rge_non_correspondant', ofType.length === 0, {
    gesteId,
    providedValue: type,
  });
  if (ofType.length === 0) return;
  collector.control(
    'geste_rge_non_mentionne',
    !ofType.some((q) => matchesAnyLabel(q, ctx.rgeLabels)),
    {
      gesteId,
      providedValue: `${type} ${labelsLiteral(ctx.rgeLabels)}`,
      params: { numeros_rge: qualificationNumbers(ofType) },
    },
  );
  const iso = ctx.quoteDate.iso;
  // an unreadable date is already reported by the admin lookup (date_format_erreur)
  if (iso === undefined) return;
  collector.control('geste_rge_hors_date', !ofType.some((q) => coversDate(q, iso)), {
    gesteId,
    providedValue: `${type} ${frenchLongDate(iso)}`,
  });
}
