/**
 * Technical values printed away from their works line, found by content:
 * - a passage naming the geste's own brand or model (a description paragraph above the table,
 *   « OPTION A — Chaudière ÖKOFEN Pellematic … ηs = 95 % », a technical sheet beside or after
 *   it): the prose line that names it and the prose lines that follow, up to a priced row, a
 *   line naming another geste, or the end of the page; a word shared by two gestes links nothing;
 * - a passage stating what the lines share (« Caractéristiques communes : menuiseries X gamme
 *   Y, double vitrage… »): it holds for every geste of the family it names;
 * - the replaced boiler described in the letter (« remplacer votre chaudière fioul … non à
 *   condensation »): it holds for the heating gestes.
 * A value read on the works line itself always wins.
 */
import type { Geste } from '../../domain/attributes.js';
import { foldText } from '../../domain/fold.js';
import { namesWord, ownNamingWords } from '../../domain/geste-names.js';
import { groupOf, type GesteGroup, type GesteType } from '../../domain/geste-types.js';
import type { DocumentLine } from '../document.js';
import { replacedCondensing } from './chauffage.js';
import { technicalValues } from './gestes.js';
import { toSource } from './text.js';

const MAX_PASSAGE_LINES = 6;
/** A line ending with an amount: a priced row, a total. */
const PRICED_RE = /\d[\d\s.]*,\d{2}\s*(?:€|eur)?\s*$/u;
function isProse(line: DocumentLine): boolean {
  return line.cells.length <= 2 && !PRICED_RE.test(line.text.trim());
}

/** For each geste, the prose lines elsewhere on the document that name it (may be empty). */
export function referringPassages(
  gestes: readonly Geste[],
  lines: readonly DocumentLine[],
): string[][] {
  const own = ownNamingWords(gestes);
  const folded = lines.map((l) => foldText(l.text));
  const namedBy = (i: number) =>
    own.flatMap((list, g) => (list.some((k) => namesWord(folded[i] ?? '', k)) ? [g] : []));
  return gestes.map((_, g) => {
    const passage: string[] = [];
    const taken = new Set<number>();
    lines.forEach((line, i) => {
      if (taken.has(i) || !isProse(line) || !namedBy(i).includes(g) || namedBy(i).length > 1)
        return;
      for (let j = i; j < lines.length && j < i + MAX_PASSAGE_LINES; j += 1) {
        const next = lines[j] as DocumentLine;
        if (next.page !== line.page || !isProse(next) || taken.has(j)) break;
        if (j > i && namedBy(j).some((other) => other !== g)) break;
        taken.add(j);
        passage.push(next.text);
      }
    });
    return passage;
  });
}

/** The prose of the document as paragraphs: consecutive prose lines of a page, joined. */
export function proseParagraphs(lines: readonly DocumentLine[]): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  let page = 0;
  for (const line of lines) {
    if (!isProse(line) || line.page !== page) {
      if (current.length > 0) paragraphs.push(current.join(' '));
      current = [];
    }
    page = line.page;
    if (isProse(line)) current.push(line.text.trim());
  }
  if (current.length > 0) paragraphs.push(current.join(' '));
  return paragraphs;
}

/** « Caractéristiques communes : … », « Pour toutes les menuiseries : … ». */
const COMMON_RE =
  /^(?:(?:caracteristiques|specifications|donnees|descriptif)\s+(?:communes?|techniques?\s+communes?|generales?)|(?:pour|sur)\s+(?:toutes|tous|l'ensemble)\s|(?:toutes|tous)\s+les\s+(?:menuiseries|fenetres|ouvrants|volets|isolants)\b)/u;
const FAMILY_WORDS: [GesteGroup, RegExp][] = [
  ['menuiserie', /menuiseries?|fenetres?|ouvrants?|volets?|portes?|vitrages?/u],
  ['isolation', /isol|laine|ouate|combles?|rampants?|murs?/u],
  ['chauffage', /pompes? a chaleur|pac\b|chaudieres?|poeles?|inserts?/u],
  ['eau_chaude', /chauffe-eau|ballons?|cet\b/u],
  ['ventilation', /vmc|ventilation|bouches?/u],
];
const MAX_COMMON_LINES = 4;

/**
 * Passages stating what several lines share, with the families they name. A passage is read at
 * the left edge of its first cell, over lines printed beside it (totals), up to four lines.
 */
function commonPassages(lines: readonly DocumentLine[]): { text: string; groups: GesteGroup[] }[] {
  const found: { text: string; groups: GesteGroup[] }[] = [];
  lines.forEach((line, i) => {
    const start = line.cells.find((c) => COMMON_RE.test(foldText(c.text).trim()));
    if (!start) return;
    const parts = [start.text];
    for (let j = i + 1; j < lines.length && parts.length < MAX_COMMON_LINES; j += 1) {
      const next = lines[j] as DocumentLine;
      if (next.page !== line.page) break;
      const cell = next.cells.find((c) => Math.abs(c.x - start.x) <= 2);
      if (!cell) continue;
      if (PRICED_RE.test(cell.text.trim())) break;
      parts.push(cell.text);
    }
    const text = parts.join(' ');
    const folded = foldText(text);
    const groups = FAMILY_WORDS.filter(([, re]) => re.test(folded)).map(([g]) => g);
    found.push({ text, groups });
  });
  return found;
}

/** Only the values the geste does not have yet. */
function fill(geste: Geste, found: Partial<Geste>): Geste {
  const added = Object.entries(found).filter(
    ([key]) => (geste as unknown as Record<string, unknown>)[key] === undefined,
  );
  return added.length === 0 ? geste : { ...geste, ...Object.fromEntries(added) };
}

function valuesIn(geste: Geste, text: string): Partial<Geste> {
  // a passage is wrapped prose: one text, so a label and its value split by the wrap still meet
  return technicalValues(geste.type as GesteType, {
    designation: geste.intitule ?? '',
    details: [text],
    notes: [],
  });
}

/** « remplacer votre chaudière fioul (… non à condensation) » said in the quote's own prose. */
const OLD_BOILER_RE = /votre\s+chaudiere|ancienne\s+chaudiere|chaudiere\s+(?:existante|actuelle)/u;

function needsReplacedBoiler(g: Geste): boolean {
  return (
    groupOf(g.type as GesteType) === 'chauffage' &&
    g.type !== 'pac_air_air' &&
    g.remplacement_chaudiere_condensation === undefined
  );
}

/** The gestes with the values their passages give (see the module comment). */
export function withPassageValues(gestes: Geste[], lines: readonly DocumentLine[]): Geste[] {
  const passages = referringPassages(gestes, lines);
  let out = gestes.map((g, i) => {
    const passage = passages[i] ?? [];
    return passage.length === 0 ? g : fill(g, valuesIn(g, passage.join(' ')));
  });
  const groups = new Set(out.map((g) => groupOf(g.type as GesteType)));
  for (const common of commonPassages(lines)) {
    const applies = (g: Geste) => {
      const group = groupOf(g.type as GesteType);
      return common.groups.length > 0 ? common.groups.includes(group) : groups.size === 1;
    };
    out = out.map((g) => (applies(g) ? fill(g, valuesIn(g, common.text)) : g));
  }
  if (!out.some(needsReplacedBoiler)) return out;
  const sentences = proseParagraphs(lines)
    .flatMap((p) => p.split(/\.\s/u))
    .filter((s) => OLD_BOILER_RE.test(foldText(s)));
  const stated = replacedCondensing(sentences.map((s) => toSource(s)));
  if (stated === undefined) return out;
  return out.map((g) =>
    needsReplacedBoiler(g) ? { ...g, remplacement_chaudiere_condensation: stated } : g,
  );
}
