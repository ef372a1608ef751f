/**
 * The words that name one geste on a document — its brand, and the model words that carry a
 * digit or are long — so that a passage away from the works line (a description above the
 * table, a technical sheet) can be tied to it by content. Shared by the reader (values read
 * there) and the evidence check (signs seen there). A word shared by two gestes names neither.
 */
import { foldText } from './fold.js';

const COMMON_WORDS = new Set(['type', 'modele', 'serie', 'gamme', 'pompe', 'chaleur', 'avec']);

/** Folded naming words of a geste from its brand and model. */
function namingWords(brand: unknown, model: unknown): string[] {
  const keys: string[] = [];
  const b = typeof brand === 'string' ? foldText(brand).trim() : '';
  if (b.length >= 3) keys.push(b);
  const m = typeof model === 'string' ? foldText(model) : '';
  for (const word of m.split(/[\s,;()]+/u)) {
    const w = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (COMMON_WORDS.has(w)) continue;
    if ((/\d/u.test(w) && w.length >= 3) || w.length >= 6) keys.push(w);
  }
  return keys;
}

/** For each geste (brand, model), the naming words no other geste of the document shares. */
export function ownNamingWords(
  gestes: readonly { marque?: unknown; reference?: unknown }[],
): string[][] {
  const keys = gestes.map((g) => namingWords(g.marque, g.reference));
  const owners = new Map<string, number>();
  keys.flat().forEach((k) => owners.set(k, (owners.get(k) ?? 0) + 1));
  return keys.map((list) => list.filter((k) => owners.get(k) === 1));
}

/** The folded text names this word as a whole word. */
export function namesWord(folded: string, word: string): boolean {
  let at = folded.indexOf(word);
  const boundary = (c: string | undefined) => c === undefined || !/[\p{L}\p{N}]/u.test(c);
  while (at >= 0) {
    if (boundary(folded[at - 1]) && boundary(folded[at + word.length])) return true;
    at = folded.indexOf(word, at + 1);
  }
  return false;
}
