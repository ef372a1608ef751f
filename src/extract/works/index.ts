/**
 * Deterministic reader of the works of a quote: the table of priced lines and the renovation
 * gestes with the technical values the rules check. No network, no model: layout and wording
 * rules only, written for quotes of any company.
 */
import type { Geste, LinePrices } from '../../domain/attributes.js';
import type { DocumentLine, QuoteDocument } from '../document.js';
import { buildGestes, technicalValues, type LineForGestes } from './gestes.js';
import type { GesteType } from '../../domain/geste-types.js';
import { proseParagraphs, referringPassages } from './referring.js';
import { replacedCondensing } from './chauffage.js';
import { groupOf } from '../../domain/geste-types.js';
import { normaliseMarkdown } from './markdown.js';
import type { Tax } from './header.js';
import { natureOf } from './nature.js';
import { readProseRows } from './prose.js';
import { quoteLines, repeatedLines } from './region.js';
import { hasSeparateInstallation } from './separation.js';
import { readTable, type ParsedRow } from './table.js';
import { cleanText, fold, toSource } from './text.js';
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

function toLine(row: ParsedRow, vat: number | undefined): LineForGestes & { page: number } {
  const v = row.values;
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

/**
 * Values a geste's own line does not give, read from the passages that name it elsewhere on the
 * document (referring.ts); a value read on the line itself always wins.
 */
function withReferringValues(gestes: Geste[], lines: readonly DocumentLine[]): Geste[] {
  const passages = referringPassages(gestes, lines);
  return gestes.map((geste, i) => {
    const passage = passages[i] ?? [];
    if (passage.length === 0) return geste;
    // a passage is wrapped prose: one text, so a label and its value split by the wrap still meet
    const found = technicalValues(geste.type as GesteType, {
      designation: geste.intitule ?? '',
      details: [passage.join(' ')],
      notes: [],
    });
    const added = Object.fromEntries(
      Object.entries(found).filter(
        ([key]) => (geste as unknown as Record<string, unknown>)[key] === undefined,
      ),
    );
    return { ...geste, ...added };
  });
}

/** « remplacer votre chaudière fioul (… non à condensation) » said in the quote's own prose. */
const OLD_BOILER_RE = /votre\s+chaudiere|ancienne\s+chaudiere|chaudiere\s+(?:existante|actuelle)/u;

function withReplacedBoilerOfLetter(gestes: Geste[], lines: readonly DocumentLine[]): Geste[] {
  const needs = (g: Geste): boolean =>
    groupOf(g.type as GesteType) === 'chauffage' &&
    g.type !== 'pac_air_air' &&
    g.remplacement_chaudiere_condensation === undefined;
  if (!gestes.some(needs)) return gestes;
  const sentences = proseParagraphs(lines)
    .flatMap((p) => p.split(/\.\s/u))
    .filter((s) => OLD_BOILER_RE.test(fold(s)));
  const stated = replacedCondensing(sentences.map((s) => toSource(s)));
  if (stated === undefined) return gestes;
  return gestes.map((g) => (needs(g) ? { ...g, remplacement_chaudiere_condensation: stated } : g));
}

/** Reads the priced lines and the gestes of a quote. */
export function extractWorks(doc: QuoteDocument): WorksExtraction {
  const all = normaliseMarkdown(doc.lines);
  const lines = quoteLines(all);
  const legend = findVatLegend(lines);
  const codes = new Set([...legend.keys()].flatMap((k) => [k, k.toLowerCase()]));
  const tax = documentTax(lines.map((l) => l.text).join('\n'));
  const table = readTable(lines, { codes, repeated: repeatedLines(all), tax });
  const rows = table.length > 0 ? table : readProseRows(lines, tax);
  if (!rows.some((r) => r.numero)) rows.forEach((r, i) => (r.numero = String(i + 1)));
  const rates = statedVatRates(lines);
  const single = rates.length === 1 ? rates[0] : undefined;
  const full = rows.map((r) => toLine(r, vatOf(r, legend, single)));
  const gestes = withReplacedBoilerOfLetter(withReferringValues(buildGestes(full), lines), lines);
  const separation = hasSeparateInstallation(full);
  const result: WorksExtraction = {
    gestes,
    lines: full.map(exported),
    provenancePaths: provenance(gestes, separation),
  };
  if (separation !== undefined) result.separation_prix_fourniture_pose = separation;
  return result;
}
