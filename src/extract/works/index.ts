/**
 * Deterministic reader of the works of a quote: the table of priced lines and the renovation
 * gestes with the technical values the rules check. No network, no model: layout and wording
 * rules only, written for quotes of any company.
 */
import type { Geste, LinePrices } from '../../domain/attributes.js';
import type { QuoteDocument } from '../document.js';
import { buildGestes, type LineForGestes } from './gestes.js';
import { subjectInsulation } from './classify.js';
import type { GesteType } from '../../domain/geste-types.js';
import { withPassageValues } from './referring.js';
import { normaliseMarkdown } from './markdown.js';
import type { Tax } from './header.js';
import { natureOf } from './nature.js';
import { quantityTimesPrice } from './qty-price.js';
import { readMatrices } from './matrix.js';
import { readProseRows } from './prose.js';
import { quoteLines, repeatedLines } from './region.js';
import { hasSeparateInstallation } from './separation.js';
import type { RowValues } from './row-match.js';
import { readTable, type ParsedRow } from './table.js';
import { cleanText, fold } from './text.js';
import { findVatLegend, statedVatRates } from './vat.js';

export interface QuoteLine extends LinePrices {
  numero?: string;
  designation: string;
  details: string[];
  section?: string;
  nature: 'fourniture' | 'pose' | 'fourniture_pose' | 'autre';
  page: number;
}

export interface WorksExtraction {
  gestes: Geste[];
  separation_prix_fourniture_pose?: boolean;
  lines: QuoteLine[];
  /** Attribute paths of every emitted value (`gestes[0].puissance`). */
  provenancePaths: string[];
}

function documentTax(text: string): Tax {
  const folded = fold(text);
  if (/\bht\b|h\.t\.|hors\s+taxes?/u.test(folded)) return 'ht';
  if (/\bttc\b|t\.t\.c\.|toutes\s+taxes/u.test(folded)) return 'ttc';
  return 'ht';
}

function vatOf(
  row: ParsedRow,
  legend: Map<string, number>,
  single: number | undefined,
): number | undefined {
  const v = row.values;
  if (v.tvaRate !== undefined) return v.tvaRate;
  if (v.tvaCode !== undefined) return legend.get(v.tvaCode.toUpperCase()) ?? single;
  return single;
}

/**
 * A row priced by its total alone whose description says « 96 M2 × 27,50 € HT »: the quantity
 * and unit price come from there (kept only when their product is the row's total).
 */
function describedQuantity(row: ParsedRow): RowValues {
  const v = row.values;
  if (v.quantite !== undefined || v.puHt !== undefined || v.puTtc !== undefined) return v;
  const amount = v.totalHt ?? v.totalTtc;
  if (amount === undefined) return v;
  for (const text of [row.label, ...row.details, ...row.notes]) {
    const found = quantityTimesPrice(cleanText(text), amount);
    if (!found) continue;
    const ttc = v.totalHt === undefined || found.tax === 'ttc';
    if (ttc && v.totalTtc === undefined) return v;
    return {
      ...v,
      quantite: found.quantite,
      ...(found.unite ? { unite: found.unite } : {}),
      ...(ttc ? { puTtc: found.price } : { puHt: found.price }),
    };
  }
  return v;
}

function toLine(row: ParsedRow, vat: number | undefined): LineForGestes & { page: number } {
  const v = describedQuantity(row);
  const line: LineForGestes & { page: number } = {
    designation: cleanText(row.label),
    details: row.details.map(cleanText),
    notes: row.notes.map(cleanText),
    nature: natureOf(row.label, row.subsection),
    page: row.page,
  };
  if (row.numero) line.numero = row.numero;
  if (row.section) line.section = cleanText(row.section);
  if (row.room) line.room = cleanText(row.room);
  const fields: Partial<LineForGestes> = {
    quantite: v.quantite,
    unite: v.unite,
    prix_unitaire_ht: v.puHt,
    prix_ht: v.totalHt,
    taux_tva: vat,
    prix_unitaire_ttc: v.puTtc,
    prix_ttc: v.totalTtc,
  };
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) (line as unknown as Record<string, unknown>)[key] = value;
  }
  return line;
}

function exported(line: LineForGestes & { page: number }): QuoteLine {
  const { notes: _notes, room: _room, ...rest } = line;
  return rest;
}

function provenance(gestes: readonly Geste[], separation: boolean | undefined): string[] {
  const paths = gestes.flatMap((g, i) => Object.keys(g).map((key) => `gestes[${i}].${key}`));
  return separation === undefined ? paths : [...paths, 'separation_prix_fourniture_pose'];
}

/** Reads the priced lines and the gestes of a quote. */
/** « Objet : … », « Nature des travaux : … »: the quote's subject, as a label states it. */
const SUBJECT_RE =
  /(?:^|\s)(?:objet(?:\s+(?:du\s+devis|des\s+travaux))?|nature\s+des\s+travaux|projet)\s*:\s*(.{3,160})/iu;

/** The insulation the quote's subject names, when it names exactly one. */
function quoteSubjectType(lines: readonly { text: string }[]): GesteType | undefined {
  for (const line of lines) {
    const subject = SUBJECT_RE.exec(line.text)?.[1];
    if (subject) return subjectInsulation(subject);
  }
  return undefined;
}

export function extractWorks(doc: QuoteDocument): WorksExtraction {
  const all = normaliseMarkdown(doc.lines);
  const lines = quoteLines(all);
  const legend = findVatLegend(lines);
  const codes = new Set([...legend.keys()].flatMap((k) => [k, k.toLowerCase()]));
  const tax = documentTax(lines.map((l) => l.text).join('\n'));
  const matrix = readMatrices(lines);
  const rest = matrix.used.size > 0 ? lines.filter((_, i) => !matrix.used.has(i)) : lines;
  const table = [...matrix.rows, ...readTable(rest, { codes, repeated: repeatedLines(all), tax })];
  const rows = table.length > 0 ? table : readProseRows(lines, tax);
  if (!rows.some((r) => r.numero)) rows.forEach((r, i) => (r.numero = String(i + 1)));
  const rates = statedVatRates(lines);
  const single = rates.length === 1 ? rates[0] : undefined;
  const full = rows.map((r) => toLine(r, vatOf(r, legend, single)));
  const gestes = withPassageValues(buildGestes(full, quoteSubjectType(all)), lines);
  const separation = matrix.separatesInstallation || hasSeparateInstallation(full);
  const result: WorksExtraction = {
    gestes,
    lines: full.map(exported),
    provenancePaths: provenance(gestes, separation),
  };
  if (separation !== undefined) result.separation_prix_fourniture_pose = separation;
  return result;
}
