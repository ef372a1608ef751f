/**
 * RGE certificate numbers as printed: Qualibat `E-E123456`, Qualit'EnR `QPAC/12345`, `QB/…`,
 * `QS/…`, `QPV/…`, `VPLUS/…`, `CPLUS/…`, `RE/…`, Qualifelec-style `Q90513`, `RE16128`.
 */
import type { Printed } from './registration.js';

const PREFIXED_RE =
  /(?<![\p{L}\d/])(E-?E\d{5,6}|(?:QPAC|QPV|QB|QS|QFRG|VPLUS|CPLUS|RE|QBA?|QE|QSOL)\s?\/\s?\d{4,6}|RE\d{5,6})(?![\p{L}\d/])/gu;
const CONTEXTUAL_RE = /(?<![\p{L}\d/-])((?:Q|E)\d{5,6})(?![\p{L}\d/])/gu;
const RGE_CONTEXT_RE = /\b(?:RGE|qualif\w*|certificat|reconnu|quali\w+)\b/iu;

/** Every RGE number of a text (de-duplicated, in order). */
export function findRgeNumbers(text: string): Printed[] {
  const found: { index: number; p: Printed }[] = [];
  for (const m of text.matchAll(PREFIXED_RE)) {
    found.push({ index: m.index, p: { value: (m[1] ?? '').replace(/\s/gu, ''), raw: m[1] ?? '' } });
  }
  for (const line of text.split('\n')) {
    if (!RGE_CONTEXT_RE.test(line)) continue;
    const offset = text.indexOf(line);
    for (const m of line.matchAll(CONTEXTUAL_RE)) {
      found.push({ index: offset + m.index, p: { value: m[1] ?? '', raw: m[1] ?? '' } });
    }
  }
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.index - b.index)
    .map((f) => f.p)
    .filter((p) => !seen.has(p.value) && Boolean(seen.add(p.value)));
}
