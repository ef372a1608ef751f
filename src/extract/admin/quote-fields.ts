/**
 * Quote-level fields: number, dates, validity, start date or delay, totals and VAT recap.
 */
import type { QuoteAttributes } from '../../domain/attributes.js';
import type { AdminContext } from './context.js';
import { findIssueDate, findQuoteNumber } from './quote-header.js';
import { findStartDate, findStartDelay, findVisitDate, hasValidity } from './terms.js';
import { findTotals } from './totals.js';
import { completeVatEntries, findVatTotal, lineSumsByRate } from './vat-bases.js';
import { findVatEntries } from './vat.js';

type QuoteFields = Pick<
  QuoteAttributes,
  | 'numero_devis'
  | 'date_devis'
  | 'validite'
  | 'date_pre_visite'
  | 'date_debut_chantier'
  | 'delai_debut_chantier'
  | 'prix_total_ht'
  | 'prix_total_ttc'
  | 'tva'
>;

function defined<T extends object>(values: T): T {
  const out = {} as T;
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') Object.assign(out, { [key]: value });
  }
  return out;
}

function readMoney(
  ctx: AdminContext,
): Pick<QuoteFields, 'prix_total_ht' | 'prix_total_ttc' | 'tva'> {
  const vatTotal = findVatTotal(ctx.body);
  const entries = findVatEntries(ctx.body);
  const printedVat = entries.reduce((sum, e) => sum + (e.montant_tva_total ?? 0), 0);
  const totals = findTotals(ctx.body, vatTotal ?? (printedVat > 0 ? printedVat : undefined));
  const tva = completeVatEntries(entries, {
    prixTotalHt: totals.prixTotalHt,
    prixTotalTtc: totals.prixTotalTtc,
    vatTotal,
    lineSums: lineSumsByRate(ctx.body),
  });
  return defined({
    prix_total_ht: totals.prixTotalHt,
    prix_total_ttc: totals.prixTotalTtc,
    tva: tva.length > 0 ? tva : undefined,
  });
}

/** Reads the quote-level fields of a quote or invoice. */
export function readQuoteFields(ctx: AdminContext): QuoteFields {
  const dateDebut = findStartDate(ctx.body, ctx.tolerance);
  const issueDate = findIssueDate(ctx);
  return {
    ...defined({
      numero_devis: findQuoteNumber(ctx),
      date_devis: issueDate,
      date_pre_visite: findVisitDate(ctx.body, ctx.tolerance, issueDate),
      date_debut_chantier: dateDebut,
      delai_debut_chantier: dateDebut ? undefined : findStartDelay(ctx.body, ctx.tolerance),
    }),
    validite: hasValidity(ctx.body, ctx.tolerance),
    ...readMoney(ctx),
  };
}
