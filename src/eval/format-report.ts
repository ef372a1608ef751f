/** Renders the accuracy report as plain-text tables (for the terminal and the README). */
import type { Prf } from './counts.js';
import { GROUPS, SECTIONS, type EvalReport, type GroupReport } from './aggregate.js';
import type { DocumentGroup } from './score-document.js';

const GROUP_TITLES: Record<DocumentGroup, string> = {
  text: 'Text documents',
  scan: 'Scans',
  unreadable: 'Unreadable files',
};

function pct(value: number | null): string {
  return value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`;
}

function table(header: string[], rows: string[][], leftColumns: readonly number[] = [0]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const render = (cells: string[]): string =>
    cells
      .map((c, i) =>
        leftColumns.includes(i) ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [render(header), rule, ...rows.map(render)];
}

function prfCells(prf: Prf): string[] {
  return [
    String(prf.tp + prf.fn),
    String(prf.tp + prf.fp),
    String(prf.tp),
    pct(prf.precision),
    pct(prf.recall),
    pct(prf.f1),
  ];
}

const PRF_HEADER = ['truth', 'emitted', 'correct', 'precision', 'recall', 'F1'];

function fieldTable(group: GroupReport): string[] {
  const rows = Object.entries(group.fields)
    .filter(([, prf]) => prf.tp + prf.fp + prf.fn > 0)
    .map(([name, prf]) => [name, ...prfCells(prf)]);
  rows.push(['', '', '', '', '', '', '']);
  for (const section of SECTIONS) rows.push([`[${section}]`, ...prfCells(group.sections[section])]);
  rows.push(['ALL FIELDS', ...prfCells(group.overall)]);
  return table(['field', ...PRF_HEADER], rows);
}

const CODES_WIDTH = 90;

/** Missing (-) and extra (+) codes, cut to a readable width (the JSON output has them all). */
function codeDiff(missing: readonly string[], extra: readonly string[]): string {
  const items = [...missing.map((c) => `-${c}`), ...extra.map((c) => `+${c}`)];
  if (items.length === 0) return 'ok';
  let text = '';
  let shown = 0;
  for (const item of items) {
    if (shown > 0 && text.length + item.length + 1 > CODES_WIDTH) break;
    text = shown === 0 ? item : `${text} ${item}`;
    shown += 1;
  }
  return shown < items.length ? `${text} … (+${items.length - shown} more)` : text;
}

function documentTable(report: EvalReport): string[] {
  const rows = report.documents.map((d) => [
    d.id,
    d.group,
    d.reading,
    d.fieldsScored ? pct(d.fields.f1) : 'not read',
    d.codes.tp + d.codes.fp + d.codes.fn === 0 ? '(none)' : pct(d.codes.f1),
    String(d.falseMissing.length),
    codeDiff(d.missingCodes, d.extraCodes),
  ]);
  const header = [
    'document',
    'group',
    'reading',
    'fields F1',
    'codes F1',
    'false missing',
    'codes (-missing +extra)',
  ];
  return table(header, rows, [0, 1, 2, 6]);
}

function codesTable(report: EvalReport): string[] {
  const rows = GROUPS.filter((g) => report.groups[g].documents.length > 0).map((g) => {
    const group = report.groups[g];
    const perDoc = (group.falseMissing / group.documents.length).toFixed(2);
    return [
      g,
      String(group.documents.length),
      String(group.codesExact),
      ...prfCells(group.codes),
      `${group.falseMissing} (${perDoc}/doc)`,
    ];
  });
  const falseMissing = report.documents.reduce((n, d) => n + d.falseMissing.length, 0);
  const perDoc = report.documents.length
    ? (falseMissing / report.documents.length).toFixed(2)
    : '0';
  rows.push([
    'all',
    String(report.documents.length),
    '',
    ...prfCells(report.codesAll),
    `${falseMissing} (${perDoc}/doc)`,
  ]);
  return table(['group', 'docs', 'exact', ...PRF_HEADER, 'false missing'], rows);
}

/** Every false "missing" finding, by document: what a professional would be wrongly told to add. */
function falseMissingList(report: EvalReport): string[] {
  return report.documents
    .filter((d) => d.falseMissing.length > 0)
    .map((d) => `- ${d.id}: ${d.falseMissing.join(', ')}`);
}

export function formatReport(report: EvalReport): string {
  const out: string[] = [];
  const text = report.groups.text;
  out.push(
    `Accuracy report: ${report.documents.length} document(s), rules evaluated on ${report.today}`,
  );
  out.push('');
  const scan = report.groups.scan;
  out.push(
    `Summary: fields F1 ${pct(text.overall.f1)} (P ${pct(text.overall.precision)}, R ${pct(text.overall.recall)}) ` +
      `on ${text.fieldDocuments.length} text document(s); finding codes on text documents: ` +
      `precision ${pct(text.codes.precision)}, recall ${pct(text.codes.recall)}, F1 ${pct(text.codes.f1)}; ` +
      `on all documents: precision ${pct(report.codesAll.precision)}, recall ${pct(report.codesAll.recall)}, ` +
      `F1 ${pct(report.codesAll.f1)}.`,
  );
  if (scan.fieldDocuments.length > 0) {
    out.push(
      `Scans read by OCR: fields F1 ${pct(scan.overall.f1)} on ${scan.fieldDocuments.length} document(s); ` +
        `finding codes precision ${pct(scan.codes.precision)}, recall ${pct(scan.codes.recall)}.`,
    );
  }
  out.push('');
  out.push('Per document');
  out.push(...documentTable(report));
  for (const g of ['text', 'scan'] as const) {
    const group = report.groups[g];
    if (group.fieldDocuments.length === 0) continue;
    out.push('');
    out.push(`${GROUP_TITLES[g]}: field scores (${group.fieldDocuments.length} document(s))`);
    out.push(...fieldTable(group));
  }
  out.push('');
  out.push('Finding codes, compared per document as sets');
  out.push(...codesTable(report));
  const falseMissing = falseMissingList(report);
  if (falseMissing.length > 0) {
    out.push('');
    out.push('False "missing" findings (the professional would be told to add what is printed)');
    out.push(...falseMissing);
  }
  out.push('');
  out.push('Notes');
  for (const note of report.notes) out.push(`- ${note}`);
  return `${out.join('\n')}\n`;
}
