/**
 * Where a mention shows on the document (evidence.ts, DESIGN.md §5): lines folded for matching,
 * a mention's labels and value patterns (domain/mention-signs*.ts) looked for line by line,
 * with the value a label announces on the same line or the next, and the two rules that take a
 * sign outside the geste's own lines: printed once per geste of the family, or a model's shape
 * for a geste whose brand was read.
 */
import { foldText } from '../domain/fold.js';
import type { MentionSigns, NearValue } from '../domain/mention-signs.js';
import {
  DATE_PATTERN,
  DURATION_PATTERN,
  labelSurroundings,
  labelsPattern,
  MONTH_YEAR_PATTERN,
} from '../domain/mention-signs.js';
import type { PreparedGeste } from './prepare-gestes.js';

export interface FoldedLine {
  readonly text: string;
  readonly page: number;
  /** The first cell: where a heading stands when the line also carries other columns. */
  readonly head: string;
  /** Each cell, when the reader saw the line's columns. */
  readonly cells?: readonly string[];
}

/** Joins letter-spaced words ("d e v i s" → "devis") and normalises apostrophes and spaces. */
export function normaliseLine(raw: string): string {
  return foldText(raw)
    .replace(/œ/gu, 'oe')
    .replace(/æ/gu, 'ae')
    .replace(/[’`´]/gu, "'")
    .replace(/\b(?:[a-z] ){2,}[a-z]\b/gu, (run) => run.replace(/ /gu, ''))
    .replace(/\s+/gu, ' ')
    .trim();
}

/** One pattern per mention and reading mode, built on first use. */
const patternCache = new WeakMap<MentionSigns, Map<boolean, RegExp>>();
function labelsOf(signs: MentionSigns, ocr: boolean): RegExp | undefined {
  if (!signs.labels?.length) return undefined;
  let byMode = patternCache.get(signs);
  if (!byMode) patternCache.set(signs, (byMode = new Map()));
  let re = byMode.get(ocr);
  if (!re) byMode.set(ocr, (re = labelsPattern(signs.labels, { ocr })));
  return re;
}

function valueFollows(near: NearValue, after: string): boolean {
  switch (near) {
    case 'date':
      return DATE_PATTERN.test(after);
    case 'when':
      return (
        DATE_PATTERN.test(after) || DURATION_PATTERN.test(after) || MONTH_YEAR_PATTERN.test(after)
      );
    case 'number':
      return /\d/u.test(after);
  }
}

/**
 * The texts a name may stand in: each cell, and a cell with the short ones after it (« Mme |
 * MOREAU | Emma »), never a cell with the next column's sentence (« M. et Mme BOURGEOIS | Fourniture et
 * installation d'un poêle… » holds no first name).
 */
function cellTexts(cells: readonly string[]): string[] {
  const out = [...cells];
  cells.forEach((cell, i) => {
    let text = cell;
    for (let j = i + 1; j < cells.length && cells[j]!.split(' ').length <= 2; j += 1) {
      text = `${text} ${cells[j]}`;
      out.push(text);
    }
  });
  return out;
}

/**
 * The lines where a sign of the mention stands, in order (one per line). Within a geste's own
 * lines (`acrossLines`), a value may run over the line break (« … revêtus KNAUF » / « INSULATION
 * Fibraroc 35 »); in a header it may not (a name ends its line, the next begins another).
 */
export function* signLines(
  signs: MentionSigns,
  lines: readonly FoldedLine[],
  ocr: boolean,
  acrossLines = false,
): Generator<FoldedLine> {
  const labels = labelsOf(signs, ocr);
  const elsewhere = signs.notOnLineWith;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    const next = acrossLines ? lines[i + 1]?.text : undefined;
    const joined = next === undefined ? line.text : `${line.text} ${next}`;
    const texts = signs.withinCell && line.cells?.length ? cellTexts(line.cells) : [joined];
    if (signs.values?.some((re) => texts.some((t) => re.test(t))) && !elsewhere?.test(line.text)) {
      yield line;
      continue;
    }
    for (const m of labels ? line.text.matchAll(labels) : []) {
      if (elsewhere?.test(labelSurroundings(line.text, m.index, m[0].length))) continue;
      const after = `${line.text.slice(m.index + m[0].length)} ${lines[i + 1]?.text ?? ''}`;
      if (!signs.near || valueFollows(signs.near, after)) {
        yield line;
        break;
      }
    }
  }
}

/** A model's shape in the geste's lines, when the reader found the geste's brand. */
export function brandedSign(
  signs: MentionSigns,
  lines: readonly FoldedLine[],
  gestes: readonly PreparedGeste[],
  gesteId: string,
): FoldedLine | undefined {
  const patterns = signs.brandedValues;
  const geste = gestes.find((g) => g.id === gesteId);
  if (!patterns || !geste || typeof geste.data.marque !== 'string') return undefined;
  return lines.find((line) => patterns.some((re) => re.test(line.text)));
}

/** The line where a sign of the mention stands, or undefined. */
export function findSign(
  signs: MentionSigns,
  lines: readonly FoldedLine[],
  ocr: boolean,
  acrossLines = false,
): FoldedLine | undefined {
  for (const line of signLines(signs, lines, ocr, acrossLines)) return line;
  return undefined;
}

/**
 * A mention printed at least once per geste of the family, somewhere in the quote, is taken as
 * printed for each even when one of them sits outside the geste's own lines (a block describing
 * an opening above its price table, « F3 Chambre 2 — … Uw = 1,3 »): we cannot tell which one
 * lacks it, so none is claimed missing (DESIGN.md §5).
 */
export function signedForEach(
  signs: MentionSigns,
  quote: readonly FoldedLine[],
  gestes: readonly PreparedGeste[],
  gesteId: string,
  ocr: boolean,
): FoldedLine | undefined {
  // per type, or per family (« menuiserie »: a window and a door both have a wall position)
  const self = gestes.find((g) => g.id === gesteId);
  const familyOf = (g: PreparedGeste | undefined) => g?.type?.split('_')[0];
  const counts = [
    gestes.filter((g) => self?.type !== undefined && g.type === self.type).length,
    gestes.filter((g) => familyOf(self) !== undefined && familyOf(g) === familyOf(self)).length,
  ].filter((n) => n >= 2);
  if (counts.length === 0) return undefined;
  const printed = [...signLines(signs, quote, ocr)];
  return counts.some((n) => printed.length >= n) ? printed[0] : undefined;
}
