/**
 * Gestes of the works-data LLM against those of the deterministic reading. An LLM geste of an
 * unknown type (after the aliases of src/rules/prepare-gestes.ts) is dropped. The others are
 * matched to a naive geste of the same type: the same `numero_ligne` when both have one, else
 * by closeness of price and wording (a different line number counting against), else — when
 * the type appears once on each side and nothing contradicts — by type alone. A matched geste gets the fields it lacked;
 * an unmatched one is appended when it has a price or a clear label. Naive gestes are never
 * dropped nor reordered.
 */
import type { Geste } from '../../domain/attributes.js';
import type { GesteType } from '../../domain/geste-types.js';
import { attributePaths } from '../../extract/index.js';
import { canonicalGesteType } from '../../rules/prepare-gestes.js';
import { coerceValue, foldForComparison } from './field-values.js';
import { GESTE_FIELD_KINDS } from './geste-fields.js';
import { mergeFields, type MergeState } from './merge-state.js';

interface Side {
  geste: Geste;
  type: GesteType | string;
}

/** The LLM geste in our types; undefined when its type is unknown. */
export function coerceLlmGeste(raw: Readonly<Record<string, unknown>>): Geste | undefined {
  const type = typeof raw['type'] === 'string' ? canonicalGesteType(raw['type']) : undefined;
  if (type === undefined) return undefined;
  const geste: Record<string, unknown> = { type };
  for (const [key, kind] of Object.entries(GESTE_FIELD_KINDS)) {
    const value = coerceValue(kind, raw[key]);
    if (value !== undefined) geste[key] = value;
  }
  return geste as unknown as Geste;
}

function words(text: string | undefined): Set<string> {
  return new Set(
    foldForComparison(text ?? '')
      .split(' ')
      .filter((w) => w.length >= 3),
  );
}

/** Dice coefficient of the label words; undefined when either side has no label. */
function labelSimilarity(a: Geste, b: Geste): number | undefined {
  const wa = words(a.intitule);
  const wb = words(b.intitule);
  if (wa.size === 0 || wb.size === 0) return undefined;
  const common = [...wa].filter((w) => wb.has(w)).length;
  return (2 * common) / (wa.size + wb.size);
}

/** +1 when the first price both sides have agrees (1 % or 1 cent), −0.5 when it does not. */
function priceEvidence(a: Geste, b: Geste): number {
  for (const key of ['prix_ht', 'prix_ttc', 'prix_unitaire_ht'] as const) {
    const x = a[key];
    const y = b[key];
    if (x === undefined || y === undefined) continue;
    return Math.abs(x - y) <= Math.max(0.01, 0.01 * Math.max(Math.abs(x), Math.abs(y))) ? 1 : -0.5;
  }
  return 0;
}

const SAME_LINE = 10;
const MATCH_THRESHOLD = 0.5;

/**
 * How well an LLM geste fits a naive one; undefined when the types differ. The same line
 * number settles it; a different one counts against (a reader may number lines itself).
 */
function matchScore(naive: Side, llm: Side): number | undefined {
  if (naive.type !== llm.type) return undefined;
  const a = naive.geste.numero_ligne;
  const b = llm.geste.numero_ligne;
  const sameLine =
    a !== undefined && b !== undefined && foldForComparison(a) === foldForComparison(b);
  if (sameLine) return SAME_LINE;
  const lineEvidence = a !== undefined && b !== undefined ? -1 : 0;
  const labels = labelSimilarity(naive.geste, llm.geste) ?? 0;
  return lineEvidence + priceEvidence(naive.geste, llm.geste) + labels;
}

function countByType(sides: readonly Side[], type: string): number {
  return sides.filter((side) => side.type === type).length;
}

/** LLM index → naive index, best scores first; ties go to the earlier gestes. */
function matchGestes(naive: readonly Side[], llm: readonly Side[]): Map<number, number> {
  const pairs: { i: number; j: number; score: number }[] = [];
  llm.forEach((l, i) =>
    naive.forEach((n, j) => {
      const score = matchScore(n, l);
      if (score === undefined) return;
      const alone = countByType(naive, n.type) === 1 && countByType(llm, l.type) === 1;
      // alone of its type on both sides: the same geste unless two clues say otherwise
      if (score >= MATCH_THRESHOLD || (alone && score > -1)) pairs.push({ i, j, score });
    }),
  );
  pairs.sort((p, q) => q.score - p.score || p.j - q.j || p.i - q.i);
  const matches = new Map<number, number>();
  const taken = new Set<number>();
  for (const { i, j } of pairs) {
    if (matches.has(i) || taken.has(j)) continue;
    matches.set(i, j);
    taken.add(j);
  }
  return matches;
}

/** Worth adding on its own: a price, or a label of at least two words. */
function isCredible(geste: Geste): boolean {
  const priced = [geste.prix_ht, geste.prix_ttc, geste.prix_unitaire_ht].some(
    (p) => p !== undefined,
  );
  return priced || words(geste.intitule).size >= 2;
}

function side(geste: Geste): Side {
  return { geste, type: canonicalGesteType(String(geste.type)) ?? geste.type };
}

export interface GestesMerge {
  gestes?: Geste[];
  /** LLM gestes left out: unknown type, or unmatched without price nor clear label. */
  dropped: number;
}

export function mergeGestes(
  state: MergeState,
  naiveGestes: readonly Geste[] | undefined,
  llmGestes: readonly Readonly<Record<string, unknown>>[] | undefined,
): GestesMerge {
  const naive = (naiveGestes ?? []).map(side);
  const coerced = (llmGestes ?? []).map(coerceLlmGeste);
  const llm = coerced.filter((g): g is Geste => g !== undefined).map(side);
  let dropped = coerced.length - llm.length;
  const matches = matchGestes(naive, llm);
  const gestes = naive.map((n) => n.geste);
  llm.forEach((l, i) => {
    const j = matches.get(i);
    if (j !== undefined) {
      const { type: _type, ...fields } = l.geste;
      gestes[j] = mergeFields(state, `gestes[${j}]`, gestes[j], fields, GESTE_FIELD_KINDS);
    } else if (isCredible(l.geste)) {
      const prefix = `gestes[${gestes.length}]`;
      for (const path of attributePaths(l.geste, prefix)) state.sources[path] = 'llm';
      gestes.push(l.geste);
    } else {
      dropped += 1;
    }
  });
  return { gestes: gestes.length > 0 ? gestes : undefined, dropped };
}
