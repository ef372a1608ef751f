/**
 * Sums document scores into the accuracy report: per group (text documents, scans, unreadable
 * files), per field, per section and overall (micro-averaged: counts are summed, then precision,
 * recall and F1 computed), plus the F1 of finding codes.
 */
import { LINE_PRICE_KEYS } from '../domain/attributes.js';
import { addCounts, addTo, toPrf, zeroCounts, type Counts, type Prf } from './counts.js';
import { LIST_FIELDS, SCALAR_FIELDS, sectionOf, type FieldSection } from './fields.js';
import { NETWORK_CODES, type DocumentGroup, type DocumentScore } from './score-document.js';

export const GROUPS: readonly DocumentGroup[] = ['text', 'scan', 'unreadable'];
export const SECTIONS: readonly FieldSection[] = ['document', 'pro', 'client', 'prix', 'gestes'];

export interface GroupReport {
  documents: string[];
  /** Documents whose fields were scored. */
  fieldDocuments: string[];
  /** Documents of the group left out of the field scores because we could not read them. */
  unscoredDocuments: string[];
  fields: Record<string, Prf>;
  sections: Record<FieldSection, Prf>;
  /** Every field value of the group. */
  overall: Prf;
  codes: Prf;
  /** Documents whose set of codes is exactly the expected one. */
  codesExact: number;
  /** False "missing" findings (a `missing` code the truth does not expect), summed. */
  falseMissing: number;
}

export interface DocumentSummary {
  id: string;
  document: string;
  group: DocumentGroup;
  reading: string;
  fieldsScored: boolean;
  fields: Prf;
  codes: Prf;
  missingCodes: string[];
  extraCodes: string[];
  /** Extra codes of type `missing`: findings telling the professional to add what is printed. */
  falseMissing: string[];
}

export interface EvalReport {
  today: string;
  documents: DocumentSummary[];
  groups: Record<DocumentGroup, GroupReport>;
  /** Code F1 over every document, whatever its group. */
  codesAll: Prf;
  notes: string[];
}

const COMMON_GESTE_FIELDS = ['type', 'intitule', 'numero_ligne', ...LINE_PRICE_KEYS].map(
  (k) => `gestes.${k}`,
);

/** Report order: quote fields as listed in fields.ts, then VAT, then gestes (common first). */
export function fieldOrder(names: Iterable<string>): string[] {
  const fixed = [
    ...SCALAR_FIELDS.map((f) => f.name),
    LIST_FIELDS.rgeLabels,
    LIST_FIELDS.tvaRate,
    LIST_FIELDS.tvaBase,
    LIST_FIELDS.tvaAmount,
    ...COMMON_GESTE_FIELDS,
  ];
  const rank = (name: string): number => {
    const i = fixed.indexOf(name);
    if (i >= 0) return SECTIONS.indexOf(sectionOf(name)) * 1000 + i;
    return SECTIONS.indexOf(sectionOf(name)) * 1000 + 900;
  };
  return [...new Set(names)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function sumFields(fields: Record<string, Counts>): Counts {
  return Object.values(fields).reduce((acc, c) => addCounts(acc, c), zeroCounts());
}

function groupReport(scores: readonly DocumentScore[]): GroupReport {
  const fields: Record<string, Counts> = {};
  const sections = Object.fromEntries(SECTIONS.map((s) => [s, zeroCounts()])) as Record<
    FieldSection,
    Counts
  >;
  const codes = zeroCounts();
  let codesExact = 0;
  let falseMissing = 0;
  for (const score of scores) {
    falseMissing += score.codes.falseMissing.length;
    for (const [name, counts] of Object.entries(score.fields)) {
      addTo(fields, name, counts);
      addCounts(sections[sectionOf(name)], counts);
    }
    addCounts(codes, score.codes.counts);
    if (score.codes.counts.fp === 0 && score.codes.counts.fn === 0) codesExact += 1;
  }
  const ordered = fieldOrder(Object.keys(fields));
  return {
    documents: scores.map((s) => s.id),
    fieldDocuments: scores.filter((s) => s.fieldsScored).map((s) => s.id),
    unscoredDocuments: scores.filter((s) => !s.fieldsScored).map((s) => s.id),
    fields: Object.fromEntries(ordered.map((name) => [name, toPrf(fields[name] ?? zeroCounts())])),
    sections: Object.fromEntries(SECTIONS.map((s) => [s, toPrf(sections[s])])) as Record<
      FieldSection,
      Prf
    >,
    overall: toPrf(sumFields(fields)),
    codes: toPrf(codes),
    codesExact,
    falseMissing,
  };
}

function summarise(score: DocumentScore): DocumentSummary {
  const { expected, emitted } = score.codes;
  return {
    id: score.id,
    document: score.document,
    group: score.group,
    reading: score.reading,
    fieldsScored: score.fieldsScored,
    fields: toPrf(sumFields(score.fields)),
    codes: toPrf(score.codes.counts),
    missingCodes: expected.filter((c) => !emitted.includes(c)),
    extraCodes: emitted.filter((c) => !expected.includes(c)),
    falseMissing: score.codes.falseMissing,
  };
}

export function aggregate(
  scores: readonly DocumentScore[],
  opts: { today: string; notes?: string[] },
): EvalReport {
  const groups = Object.fromEntries(
    GROUPS.map((g) => [g, groupReport(scores.filter((s) => s.group === g))]),
  ) as Record<DocumentGroup, GroupReport>;
  const notes = [...(opts.notes ?? [])];
  const text = groups.text;
  const scan = groups.scan;
  notes.push(
    `Fields are scored on ${text.fieldDocuments.length} text document(s)` +
      (scan.fieldDocuments.length > 0
        ? ` and, apart, on ${scan.fieldDocuments.length} scan(s) read by OCR`
        : '') +
      '.',
  );
  const unscored = [...scan.unscoredDocuments, ...groups.unreadable.unscoredDocuments];
  if (unscored.length > 0) {
    notes.push(
      `Not read, so left out of the field scores (codes still compared): ${unscored.join(', ')}.`,
    );
  }
  notes.push(
    `Codes needing the RGE registry are left out of the code scores: ${[...NETWORK_CODES].join(', ')}.`,
  );
  const allCodes = scores.reduce((acc, s) => addCounts(acc, s.codes.counts), zeroCounts());
  return {
    today: opts.today,
    documents: scores.map(summarise),
    groups,
    codesAll: toPrf(allCodes),
    notes,
  };
}
