/**
 * Did OCR read the top and bottom of each page? The company's identity (SIRET, capital, RCS,
 * VAT number, insurance) is mostly printed in a letterhead or a small footer, the parts of a
 * scan or photo OCR reads worst: a logo band, a stamp, 6-point type. When the first or last
 * lines of a page come out as noise (« Pas EE NS TEMPS », « C0 1446 A1 es EE AE »), the
 * identity may be printed there unread, so its absence proves nothing (DESIGN.md §5).
 */
import { foldText } from '../domain/fold.js';

/** Lines looked at, at the top and at the bottom of each page. */
const EDGE_LINES = 2;

/** Short words a real line may hold in numbers (French articles, units, abbreviations). */
const SHORT_WORDS = new Set(
  'a à au de du d l la le les et en un on ou y n° no nº m2 m² m3 ml kg kw h ht ttc tva ep cm mm m mr mme mlle st ste sté tél tel fax cdt € eur sa sas sarl eurl ei ce fr rcs rue bd av'.split(
    ' ',
  ),
);

/**
 * A line of OCR noise: at least three words, half of them or more fragments (one or two
 * letters that are no common short word, or letters without a vowel).
 */
export function isOcrNoise(text: string): boolean {
  const words = foldText(text)
    .split(/\s+/u)
    .map((w) => w.replace(/^[^\p{L}\d]+|[^\p{L}\d°²³€]+$/gu, ''))
    .filter((w) => /\p{L}/u.test(w));
  if (words.length < 3) return false;
  const fragments = words.filter(
    (w) =>
      (w.replace(/[^\p{L}]/gu, '').length <= 2 && !SHORT_WORDS.has(w)) ||
      /^[^aeiouy]{2,}$/u.test(w),
  );
  return fragments.length * 2 >= words.length;
}

/** True when the first or last lines of some page are OCR noise. */
export function hasUnreadEdge(lines: readonly { text: string; page: number }[]): boolean {
  const pages = new Map<number, string[]>();
  for (const line of lines) {
    if (!line.text.trim()) continue;
    const list = pages.get(line.page) ?? [];
    list.push(line.text);
    pages.set(line.page, list);
  }
  for (const texts of pages.values()) {
    const edges = [...texts.slice(0, EDGE_LINES), ...texts.slice(-EDGE_LINES)];
    if (edges.some(isOcrNoise)) return true;
  }
  return false;
}
