/**
 * Quote totals: `Total HT`, `Total TTC` (before any premium is deducted; `Net à payer` and
 * `Reste à charge` are not the TTC total), with `Montant total` read as TTC on TTC-only quotes.
 */
import type { DocumentLine } from '../document.js';
import { NUMBER_SOURCE, parseNumber, roundCents } from '../../domain/numbers.js';
import { findLabelledAmounts, type LabelHit } from './amounts.js';
import { TABLE_HEADER_RE } from './context.js';

const NB = '(?<![\\p{L}\\-])(?<!sous\\s)';
const HT =
  '(?:H\\.?\\s?T\\.?|hors\\s+taxes?)(?![\\p{L}])(?:\\s+(?:net|apr[èe]s\\s+remise|remis[ée]))?';
const TTC = '(?:T\\.?\\s?T\\.?\\s?C\\.?|toutes\\s+taxes\\s+comprises)(?![\\p{L}])';

const HT_LABEL_RE = new RegExp(
  `${NB}(?:(?:montant|prix)\\s+)?total(?:\\s+(?:g[ée]n[ée]ral|global))?(?:\\s+net)?\\s+${HT}|^(?:montant|net|prix)(?:\\s+(?:total|global))?\\s+${HT}`,
  'iu',
);
const TTC_LABEL_RE = new RegExp(
  `${NB}(?:(?:montant|prix)\\s+)?total(?:\\s+g[ée]n[ée]ral)?(?:\\s+net)?\\s+${TTC}|^(?:montant|net|prix)(?:\\s+total)?\\s+${TTC}|${NB}total\\s+[àa]\\s+payer\\s+${TTC}`,
  'iu',
);
const PLAIN_TOTAL_RE =
  /^(?:montant\s+total|total\s+g[ée]n[ée]ral|total|montant\s+global|prix\s+total|net\s+[àa]\s+payer|total\s+[àa]\s+payer|montant\s+[àa]\s+payer)\s*(?::|$|(?=\s*[\d€]))/iu;
const TO_PAY_RE = /^(?:net|total|montant)\s+[àa]\s+payer/iu;

const SENTENCE_RE = /montant|total|s['’][ée]l[èe]ve|co[ûu]t|prix/iu;
const AMOUNT_THEN_TAX_RE = new RegExp(
  `(${NUMBER_SOURCE})\\s*(?:€|euros?|EUR)\\s*(?:(${HT})|(${TTC}))`,
  'giu',
);

/** Totals written in a sentence: `s'élève à 3 200,00 € HT, soit 3 376,00 € TTC`. */
function sentenceTotals(lines: DocumentLine[]): Totals {
  const out: Totals = {};
  for (const line of lines) {
    if (!SENTENCE_RE.test(line.text)) continue;
    for (const m of line.text.matchAll(AMOUNT_THEN_TAX_RE)) {
      const value = parseNumber(m[1] ?? '');
      if (value === undefined) continue;
      if (m[2]) out.prixTotalHt ??= value;
      else out.prixTotalTtc ??= value;
    }
  }
  return out;
}

export interface Totals {
  prixTotalHt?: number;
  prixTotalTtc?: number;
}

function hitsOf(lines: DocumentLine[], label: RegExp): LabelHit[] {
  return findLabelledAmounts(lines, label).filter(
    (h) => !TABLE_HEADER_RE.test(lines[h.lineIndex]?.text ?? ''),
  );
}

function last(hits: LabelHit[]): number | undefined {
  return hits[hits.length - 1]?.value;
}

function ttcFromPlainTotals(
  lines: DocumentLine[],
  ht: number | undefined,
  vatTotal: number | undefined,
): number | undefined {
  const hits = hitsOf(lines, PLAIN_TOTAL_RE);
  if (ht !== undefined && vatTotal !== undefined) {
    return hits.find((h) => Math.abs(roundCents(ht + vatTotal) - h.value) <= 0.02)?.value;
  }
  const plain = hits.filter((h) => !TO_PAY_RE.test(h.label));
  const text = lines.map((l) => l.text).join('\n');
  if (ht === undefined && /\bTTC\b|toutes\s+taxes/iu.test(text)) return last(plain);
  return undefined;
}

/** Reads the totals; `vatTotal` (sum of the VAT amounts) helps to recognise an unlabelled TTC. */
export function findTotals(lines: DocumentLine[], vatTotal?: number): Totals {
  const sentence = sentenceTotals(lines);
  const prixTotalHt = last(hitsOf(lines, HT_LABEL_RE)) ?? sentence.prixTotalHt;
  const prixTotalTtc =
    last(hitsOf(lines, TTC_LABEL_RE)) ??
    sentence.prixTotalTtc ??
    ttcFromPlainTotals(lines, prixTotalHt, vatTotal);
  const out: Totals = {};
  if (prixTotalHt !== undefined) out.prixTotalHt = prixTotalHt;
  if (prixTotalTtc !== undefined) out.prixTotalTtc = prixTotalTtc;
  return out;
}
