/**
 * Labelled measures shared by several families (power, ETAS, COP, refrigerant, volumes) and the
 * text a geste's values are read from: its label, its description lines, then the description
 * of its section.
 */
import { cleanText, numberAfter, toSource, type Source } from './text.js';

export interface GesteText {
  designation: string;
  details: string[];
  /** Description lines under the section title, shared by the rows of the section. */
  notes: string[];
  section?: string;
  room?: string;
  quantite?: number;
  unite?: string;
}

/** Label and description lines as one source (one line per item). */
export function ownSource(g: GesteText): Source {
  return toSource([g.designation, ...g.details].map(cleanText).join('\n'));
}

/** Label, description lines and section description as one source. */
export function widerSource(g: GesteText): Source {
  return toSource([g.designation, ...g.details, ...g.notes].map(cleanText).join('\n'));
}

/** Items (label, then each description line) as separate sources. */
export function itemSources(g: GesteText): Source[] {
  return [g.designation, ...g.details, ...g.notes].map((t) => toSource(cleanText(t)));
}

const NUM = String.raw`(?<n>\d+(?:[.,]\d+)?)`;

const POWER_FILLER = String.raw`(?:\s+(?:calorifique|thermique|de chauffe|de chauffage|en chauffage|chauffage|utile|restituee|nominale|maximale|max\.?|pac|en mode chaud|a\s+[+-]?\d+\s*°c)|\s*\([^)]{0,20}\))*`;
const POWER_LABEL_RE = new RegExp(
  String.raw`puissance${POWER_FILLER}\s*(?:[:=]|de)?\s*(?:pnom\s*[:=]?\s*)?${NUM}\s*kw\b`,
  'u',
);
const POWER_ANY_RE = new RegExp(String.raw`${NUM}\s*kw\b`, 'gu');
const POWER_EXCLUDED_RE =
  /(?:appoint|resistance|electrique|absorbee|modulation|plage|mini|minimale|de\s+\d+(?:[.,]\d+)?\s*(?:a|-)\s*$|\ba\s*$)[^.;\n]{0,12}$/u;

/** Heating power in kW: a labelled power first, else a kW value that is not a back-up or a range. */
export function powerKw(src: Source): number | undefined {
  const labelled = numberAfter(src, POWER_LABEL_RE);
  if (labelled !== undefined) return labelled;
  for (const m of src.folded.matchAll(POWER_ANY_RE)) {
    const before = src.folded.slice(Math.max(0, m.index - 40), m.index);
    if (POWER_EXCLUDED_RE.test(before)) continue;
    return numberAfter({ raw: m[0], folded: m[0] }, new RegExp(NUM, 'u'));
  }
  return undefined;
}

const NOMINAL_RE = new RegExp(
  String.raw`(?:puissance(?:\s+(?:calorifique|thermique|frigorifique|de chauffe|chauffage))*\s+nominale${POWER_FILLER}|\bpnom|\bp\s*nom(?:inale)?)\s*(?:[:=]|de)?\s*${NUM}\s*kw\b`,
  'u',
);

/** Rated power in kW ("puissance nominale", "Pnom"). */
export function nominalPowerKw(src: Source): number | undefined {
  return numberAfter(src, NOMINAL_RE);
}

const ETAS_RE = new RegExp(
  String.raw`(?:\betas\b|η\s*s\b|ηs|η\s*wh|ηwh|efficacite\s+energetique\s+saisonniere|efficacite\s+saisonniere)(?:[^%\d\n(]|\([^)\n]{0,20}\)){0,40}?${NUM}\s*%`,
  'u',
);

/** « ETAS : 1,26 »: the efficiency printed as a ratio, with no unit after it. */
const ETAS_RATIO_RE =
  /(?:\betas\b|η\s*s\b|ηs)\s*(?:\([^)\n]{0,20}\)\s*)?(?:[:=]|de)?\s*(?<n>[0-2][.,]\d{1,3})(?![\d.,]|\s*(?:%|kw|w\b|°|pts?\b|points?))/u;

/**
 * Seasonal efficiency ETAS in %; a ratio (1,26) is read as 126 % only when it is labelled ETAS
 * or ηs and followed by no unit: a bare ratio is unambiguous then (no ETAS is 1,26 %).
 */
export function etasPercent(src: Source): number | undefined {
  const percent = numberAfter(src, ETAS_RE);
  if (percent !== undefined) return percent;
  const ratio = numberAfter(src, ETAS_RATIO_RE);
  return ratio !== undefined && ratio >= 0.3 ? Math.round(ratio * 1000) / 10 : undefined;
}

const COP_RE = new RegExp(
  String.raw`(?<![a-z])cop\b(?:\s*(?:moyen|nominal|de|:|=|\([^)]*\)|a\s*[+-]?\d+\s*°\s*c|\ben\b\s*chauffage))*\s*[:=]?\s*${NUM}(?!\s*°)`,
  'u',
);
const SCOP_RE = new RegExp(
  String.raw`\bscop\b(?:\s*(?:moyen|de|:|=|\([^)]*\)|climat\s+moyen|en\s+chauffage|chauffage))*\s*[:=]?\s*${NUM}`,
  'u',
);

export function copValue(src: Source): number | undefined {
  return numberAfter(src, COP_RE);
}

export function scopValue(src: Source): number | undefined {
  return numberAfter(src, SCOP_RE);
}

const FLUID_RE =
  /\b(?<v>r[- ]?(?:32|410\s?a|290|134\s?a|407\s?c|454\s?b|513\s?a|744|1234\s?[yz][ef]|452\s?b|717|600\s?a|417\s?a|422\s?d|448\s?a|449\s?a|466\s?a|452\s?a))\b/u;
const FLUID_LABEL_RE =
  /(?:fluide(?:\s+frigorigene)?|refrigerant|gaz(?:\s+frigorigene)?)\s*:?\s*(?<v>r[- ]?\d{2,4}[a-z]{0,2})\b/u;

/** Refrigerant as usually written ("R32", "R410A"). */
export function refrigerant(src: Source): string | undefined {
  const m = FLUID_LABEL_RE.exec(src.folded) ?? FLUID_RE.exec(src.folded);
  const v = m?.groups?.v;
  return v ? v.replace(/[\s-]/gu, '').toUpperCase() : undefined;
}

/** A volume in litres given with a label ("capacité 200 L"), else after the label words given. */
export function litres(src: Source, labels = 'capacite|volume|contenance'): number | undefined {
  const labelled = new RegExp(
    String.raw`(?:${labels})(?:\s+(?:utile|nominale?|de\s+stockage|du\s+ballon|totale))?\s*(?:[:=]|de)?\s*(?<n>\d{1,2}(?:\s\d{3})+|\d+)\s*(?:l|litres?)\b`,
    'u',
  );
  return numberAfter(src, labelled);
}

/** The first `N L` volume of a text that is not a diameter, buffer tank or expansion vessel. */
export function anyLitres(src: Source): number | undefined {
  for (const m of src.folded.matchAll(/(?<n>\d{2,4})\s*(?:l|litres)\b/gu)) {
    const before = src.folded.slice(Math.max(0, m.index - 25), m.index);
    if (/tampon|expansion|vase|ø|reservoir/u.test(before)) continue;
    return Number(m.groups?.n);
  }
  return undefined;
}
