/**
 * The header row of a table of priced lines ("N° Désignation Qté U. P.U. HT TVA Total HT" and its
 * variants): which value columns follow the label, in which order, and whether prices are given
 * excluding (HT) or including (TTC) VAT.
 */
import { fold } from './text.js';

export type ColumnKind = 'qty' | 'unit' | 'pu' | 'total' | 'tva' | 'tvaAmount' | 'remise';
export type Tax = 'ht' | 'ttc';

export interface Column {
  kind: ColumnKind;
  tax?: Tax;
  /** A unit price split in two columns (« PU Fourn. HT », « PU M.O. HT »): the row's is their sum. */
  part?: 'supply' | 'labour';
}

export interface TableHeader {
  /** Value columns after the label, left to right. */
  columns: Column[];
  /** The table has a line-number column before the label. */
  hasNumber: boolean;
  /** A quantity column printed before the label ("Qté | Désignation | …"). */
  quantityFirst: boolean;
}

type Keyword = ColumnKind | 'num' | 'label' | 'taxWord';

const KEYWORDS: [Keyword, RegExp][] = [
  ['tvaAmount', /montant\s+(?:de\s+(?:la\s+)?)?t\.?v\.?a\.?/y],
  [
    'pu',
    /(?:p\.\s?u\.?|p\.?u\.|pu|prix\s+unit(?:aire|\.)?|prix\s+u\.?|tarif\s+unit(?:aire)?)(?![a-z])/y,
  ],
  ['total', /(?:prix\s+)?(?:total|montant)(?:\s+(?:ligne|net))?(?![a-z])|prix(?![a-z])/y],
  ['tva', /(?:taux\s+(?:de\s+)?)?t\.?v\.?a\.?(?![a-z])|taux(?![a-z])|tx(?![a-z])/y],
  ['remise', /(?:remise|rem\.|reduction|rabais|escompte)(?![a-z])/y],
  ['qty', /(?:qte|qt[eé]?s?\.?|quantites?|quant\.|nb|nombre)(?![a-z])/y],
  ['unit', /(?:u\.|u|unites?|un\.|unit\.?|u\.m\.?)(?![a-z])/y],
  [
    'num',
    /(?:n°|no\.?|num(?:ero)?\.?|ref(?:erence)?\.?|code|art\.|article|item|poste|pos\.|#|lot)(?![a-z])/y,
  ],
  [
    'label',
    /(?:designations?|descriptions?|libelles?|intitules?|prestations?|details?|nature\s+des\s+travaux|produits?|ouvrages?|travaux)(?![a-z])/y,
  ],
  [
    'taxWord',
    /(?:\(?\s*(?:ht|h\.t\.?|hors\s+taxes?|ttc|t\.t\.c\.?)\s*\)?|€|\(€\)|en\s+€|eur|%|\(%\)|unitaire)(?![a-z])/y,
  ],
];

interface Found {
  kind: Keyword;
  text: string;
  /** Unknown words printed right after the keyword (« fourn. » in « PU Fourn. HT »). */
  after?: string;
}

function scanKeywords(folded: string): { found: Found[]; unknownWords: number } {
  const found: Found[] = [];
  let unknownWords = 0;
  let i = 0;
  while (i < folded.length) {
    if (/\s|[|/:;]/u.test(folded[i] ?? '')) {
      i += 1;
      continue;
    }
    let matched = false;
    for (const [kind, re] of KEYWORDS) {
      re.lastIndex = i;
      const m = re.exec(folded);
      if (m && m[0].length > 0) {
        found.push({ kind, text: m[0] });
        i += m[0].length;
        matched = true;
        break;
      }
    }
    if (!matched) {
      unknownWords += 1;
      const start = i;
      while (i < folded.length && !/\s/u.test(folded[i] ?? '')) i += 1;
      const last = found[found.length - 1];
      if (last) last.after = `${last.after ?? ''} ${folded.slice(start, i)}`;
    }
  }
  return { found, unknownWords };
}

function taxOf(text: string): Tax | undefined {
  if (/ttc|t\.t\.c|toutes/u.test(text)) return 'ttc';
  if (/\bht\b|h\.t|hors/u.test(text)) return 'ht';
  return undefined;
}

/** "Prix HT … Montant HT": with two totals and no unit price, the first is the unit price. */
function fixUnitPrice(columns: Column[]): Column[] {
  const totals = columns.filter((c) => c.kind === 'total');
  if (totals.length !== 2 || columns.some((c) => c.kind === 'pu')) return columns;
  const first = totals[0] as Column;
  return columns.map((c) => (c === first ? { ...c, kind: 'pu' } : c));
}

/**
 * Columns a header may leave unnamed (a unit price under a two-line "Prix / unitaire" heading, a
 * VAT rate under an unknown word) are added as optional cells: a row may then fill them or not.
 */
function completeColumns(columns: Column[]): Column[] {
  const out = [...columns];
  const total = out.findIndex((c) => c.kind === 'total');
  if (total >= 0 && !out.some((c) => c.kind === 'pu'))
    out.splice(total, 0, { kind: 'pu', tax: out[total]?.tax });
  if (!out.some((c) => c.kind === 'tva')) out.push({ kind: 'tva' });
  return out;
}

function partOf(words: string): Column['part'] {
  if (/^\s*(?:fourn|fourniture|mat[eé]?r?|materiel|materiaux)/u.test(words)) return 'supply';
  if (/^\s*(?:m\.?\s?o\b|main|pose)/u.test(words)) return 'labour';
  return undefined;
}

function toColumns(found: Found[]): Column[] {
  const columns: Column[] = [];
  for (const f of found) {
    if (f.kind === 'taxWord') {
      const last = columns[columns.length - 1];
      const tax = taxOf(f.text);
      if (last && tax && (last.kind === 'pu' || last.kind === 'total') && !last.tax) last.tax = tax;
      continue;
    }
    if (f.kind === 'num' || f.kind === 'label') continue;
    const tax = f.kind === 'pu' || f.kind === 'total' ? taxOf(f.text) : undefined;
    const column: Column = tax ? { kind: f.kind, tax } : { kind: f.kind };
    const part = f.kind === 'pu' ? partOf(f.after ?? '') : undefined;
    if (part) column.part = part;
    columns.push(column);
  }
  return columns;
}

const VALUE_KINDS = new Set<Keyword>(['qty', 'pu', 'total', 'tva', 'unit', 'remise']);

/** Reads a header row; undefined when the text is not one. */
export function parseHeader(text: string): TableHeader | undefined {
  if (text.length > 180) return undefined;
  const { found, unknownWords } = scanKeywords(fold(text));
  const kinds = new Set(found.map((f) => f.kind));
  const valueKinds = [...kinds].filter((k) => VALUE_KINDS.has(k)).length;
  const hasLabel = kinds.has('label');
  // "Désignation | Montant HT" alone is a header when nothing else is on the line
  const short = valueKinds === 1 && hasLabel && unknownWords <= 1 && text.length < 60;
  if (!(short || (hasLabel ? valueKinds >= 2 : valueKinds >= 3))) return undefined;
  if (!kinds.has('pu') && !kinds.has('total')) return undefined;
  if (unknownWords > Math.max(3, found.length)) return undefined;
  const labelIndex = found.findIndex((f) => f.kind === 'label');
  const hasNumber = found.some((f, i) => f.kind === 'num' && (labelIndex < 0 || i < labelIndex));
  const after =
    labelIndex >= 0 ? found.slice(labelIndex + 1) : found.filter((f) => f.kind !== 'num');
  const columns = completeColumns(fixUnitPrice(toColumns(after)));
  if (columns.length < 2) return undefined;
  const quantityFirst = labelIndex > 0 && found.slice(0, labelIndex).some((f) => f.kind === 'qty');
  return { columns, hasNumber, quantityFirst };
}

/** A second header line holding only qualifiers ("HT", "TTC", "€", "unitaire"). */
export function headerQualifier(text: string): Tax | 'none' | undefined {
  const folded = fold(text).trim();
  if (!folded || folded.length > 40) return undefined;
  const { found, unknownWords } = scanKeywords(folded);
  if (unknownWords > 0 || found.some((f) => f.kind !== 'taxWord')) return undefined;
  return taxOf(folded) ?? 'none';
}

/** Gives a qualifier to the price columns printed without one. */
export function qualifyColumns(header: TableHeader, fallback: Tax): TableHeader {
  const known = new Set(header.columns.map((c) => c.tax).filter((t): t is Tax => t !== undefined));
  const tax = known.size === 1 ? [...known][0] : fallback;
  const columns = header.columns.map((c) =>
    (c.kind === 'pu' || c.kind === 'total') && !c.tax && tax ? { ...c, tax } : c,
  );
  return { ...header, columns };
}
