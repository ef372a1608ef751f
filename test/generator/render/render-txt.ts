/** Draws a quote model as plain text (the `.txt` variant: a quote pasted from an e-mail or ERP export). */
import type { ColumnKey } from '../layouts/index.js';
import type { QuoteModel } from '../model.js';
import {
  cell,
  clientLines,
  closingLines,
  companyLines,
  headerCell,
  legalLines,
  metaLines,
  siteLine,
  titleLine,
  totalRows,
  ttcNote,
  vatLegendRows,
} from './texts.js';

const WIDTHS: Record<ColumnKey, number> = {
  num: 5,
  designation: 46,
  qty: 6,
  unit: 6,
  qtyunit: 10,
  pu: 13,
  total: 14,
  tva: 8,
};

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    if (current && `${current} ${word}`.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  return current ? [...lines, current] : lines;
}

function row(m: QuoteModel, cells: Partial<Record<ColumnKey, string>>): string {
  return m.layout.columns
    .map((k) => {
      const text = cells[k] ?? '';
      return k === 'designation' || k === 'num' ? text.padEnd(WIDTHS[k]) : text.padStart(WIDTHS[k]);
    })
    .join(' ')
    .trimEnd();
}

function table(m: QuoteModel): string[] {
  const out = [row(m, Object.fromEntries(m.layout.columns.map((k) => [k, headerCell(m, k)])))];
  out.push(m.layout.columns.map((k) => '-'.repeat(WIDTHS[k])).join(' '));
  let section: string | null = null;
  for (const line of m.lines) {
    if (m.layout.sections && line.section !== section) {
      section = line.section;
      out.push(row(m, { designation: (section ?? '').toUpperCase() }));
    }
    const [first = '', ...rest] = wrap(line.designation, WIDTHS.designation);
    const cells = Object.fromEntries(m.layout.columns.map((k) => [k, cell(m, line, k)]));
    out.push(row(m, { ...cells, designation: first }));
    for (const more of rest) out.push(row(m, { designation: more }));
    for (const detail of line.details)
      for (const part of wrap(`- ${detail}`, WIDTHS.designation - 2))
        out.push(row(m, { designation: `  ${part}` }));
  }
  return out;
}

function totals(m: QuoteModel): string[] {
  const out = totalRows(m).map(
    ([label, value]) => `${' '.repeat(50)}${label.padEnd(26)}${value.padStart(16)}`,
  );
  if (m.layout.vat === 'code') {
    out.push('', 'Code  Taux TVA       Base HT   Montant TVA');
    for (const [code = '', rate = '', base = '', vat = ''] of vatLegendRows(m))
      out.push(`${code.padEnd(4)}${rate.padStart(10)}${base.padStart(14)}${vat.padStart(14)}`);
  }
  const note = ttcNote(m);
  return note ? [...out, note] : out;
}

export function renderTxt(m: QuoteModel): string {
  const out: string[] = [
    m.company.raison_sociale.toUpperCase(),
    m.company.tagline,
    ...companyLines(m),
    '',
  ];
  out.push(titleLine(m), ...metaLines(m), '');
  out.push('Client :', ...clientLines(m, true).map((l) => `  ${l}`), '');
  out.push(`Objet : ${m.objet}`);
  const site = siteLine(m);
  if (site) out.push(site);
  out.push('');
  if (m.layout.totals === 'before') out.push(...totals(m), '');
  out.push(...table(m), '');
  if (m.layout.totals === 'after') out.push(...totals(m), '');
  out.push(
    ...closingLines(m),
    '',
    ...legalLines(m),
    '',
    'Pour l’entreprise',
    m.company.signatory,
    '',
  );
  return out.join('\n');
}
