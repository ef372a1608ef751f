/**
 * The VAT breakdown: the LLM's lines fill an absent breakdown; against a naive breakdown, a line
 * of the same rate fills the amounts it lacked, and rates the naive reading did not see are
 * reported as one conflict on `tva` (the naive table is kept: it was read where it is printed).
 */
import type { TvaLine } from '../../domain/attributes.js';
import { attributePaths } from '../../extract/index.js';
import { toNumberValue, type FieldKind } from './field-values.js';
import { mergeFields, type MergeState } from './merge-state.js';

const TVA_LINE_KINDS: Readonly<Record<string, FieldKind>> = {
  prix_ht_total: 'number',
  montant_tva_total: 'number',
};

function coerceTvaLine(raw: unknown): TvaLine | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const record = raw as Readonly<Record<string, unknown>>;
  const rate = toNumberValue(record['taux_tva']);
  if (rate === undefined) return undefined;
  const line: TvaLine = { taux_tva: rate };
  const base = toNumberValue(record['prix_ht_total']);
  const amount = toNumberValue(record['montant_tva_total']);
  if (base !== undefined) line.prix_ht_total = base;
  if (amount !== undefined) line.montant_tva_total = amount;
  return line;
}

const sameRate = (a: TvaLine, b: TvaLine): boolean => Math.abs(a.taux_tva - b.taux_tva) < 0.005;

export function mergeTva(
  state: MergeState,
  naive: readonly TvaLine[] | undefined,
  llmRaw: unknown,
): TvaLine[] | undefined {
  const llm = (Array.isArray(llmRaw) ? llmRaw : [])
    .map(coerceTvaLine)
    .filter((line): line is TvaLine => line !== undefined);
  if (naive === undefined || naive.length === 0) {
    if (llm.length === 0) return naive === undefined ? undefined : [...naive];
    for (const path of attributePaths(llm, 'tva')) state.sources[path] = 'llm';
    return llm;
  }
  const merged = naive.map((line, j) => {
    const match = llm.find((l) => sameRate(l, line));
    if (match === undefined) return line;
    return mergeFields(state, `tva[${j}]`, line, { ...match }, TVA_LINE_KINDS);
  });
  if (llm.some((l) => !naive.some((n) => sameRate(n, l)))) {
    state.conflicts.push({
      path: 'tva',
      kept: 'naive',
      naive: naive.map((line) => line.taux_tva),
      llm: llm.map((line) => line.taux_tva),
    });
  }
  return merged;
}
