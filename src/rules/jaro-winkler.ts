/**
 * The Jaro-Winkler variant of upstream (spec/rules.md §3.11), reproduced exactly: window
 * max(⌊longer/2⌋ − 1, 0), boost only from 0.7, prefix not capped at 4, scaled by
 * min(0.1, 1/longer). Callers normalise the strings first (`normaliseForComparison`).
 */

function matchFlags(a: readonly string[], b: readonly string[]): [boolean[], boolean[]] {
  const window = Math.max(Math.floor(Math.max(a.length, b.length) / 2) - 1, 0);
  const inA = a.map(() => false);
  const inB = b.map(() => false);
  a.forEach((char, i) => {
    const last = Math.min(b.length - 1, i + window);
    for (let j = Math.max(0, i - window); j <= last; j += 1) {
      if (!inB[j] && b[j] === char) {
        inA[i] = true;
        inB[j] = true;
        return;
      }
    }
  });
  return [inA, inB];
}

export function jaroWinkler(s1: string, s2: string): number {
  const a = [...s1];
  const b = [...s2];
  const [inA, inB] = matchFlags(a, b);
  const seqA = a.filter((_, i) => inA[i]);
  const seqB = b.filter((_, j) => inB[j]);
  const m = seqA.length;
  if (m === 0) return 0;
  const t = seqA.filter((char, k) => char !== seqB[k]).length;
  const jaro = (m / a.length + m / b.length + (m - Math.floor(t / 2)) / m) / 3;
  if (jaro < 0.7) return jaro;
  const longer = Math.max(a.length, b.length);
  let prefix = 0;
  while (prefix < Math.min(a.length, b.length) && a[prefix] === b[prefix]) prefix += 1;
  return jaro + Math.min(0.1, 1 / longer) * prefix * (1 - jaro);
}

/** Lower case, no accents, punctuation and runs of spaces as one space (DESIGN.md §5 fix). */
export function normaliseForComparison(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
