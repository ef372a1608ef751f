/**
 * Company registration details printed in the legal mentions: SIRET (or SIREN), RCS number and
 * city, RNE registration, intra-community VAT number, share capital, APE code.
 */
import { NUMBER_SOURCE, parseNumber } from '../../domain/numbers.js';
import { digitsOf, sirenOfVat } from '../../domain/identifiers.js';
import { restoreCase } from './person-name.js';

export interface Printed<T = string> {
  value: T;
  /** As printed, for anonymisation. */
  raw: string;
}

const DIGITS_9_14 = '(\\d(?:[ \\u00a0.]?\\d){8,13})(?!\\d)';
const SIRET_RE = new RegExp(`\\bSIRET\\b[^\\d\\n]{0,14}?${DIGITS_9_14}`, 'giu');
const SIREN_RE = new RegExp(`\\bSIREN\\b[^\\d\\n]{0,14}?(\\d(?:[ \\u00a0.]?\\d){8})(?!\\d)`, 'giu');
const BARE_SIRET_RE = /(?<![\d\w])\d{3}[ \u00a0]?\d{3}[ \u00a0]?\d{3}[ \u00a0]?\d{5}(?![\d\w])/gu;

function printed(m: RegExpMatchArray, group = 1): Printed {
  const raw = (m[group] ?? '').trim();
  return { value: digitsOf(raw), raw };
}

/** Every number printed after a `SIRET` label, in text order. */
export function findSirets(text: string): Printed[] {
  return [...text.matchAll(SIRET_RE)].map((m) => printed(m));
}

export function findSirens(text: string): Printed[] {
  return [...text.matchAll(SIREN_RE)].map((m) => printed(m));
}

/** The establishment identifier: labelled SIRET, else SIREN, else a bare 14-digit number. */
export function findSiret(text: string): Printed | undefined {
  const labelled = findSirets(text)[0] ?? findSirens(text)[0];
  if (labelled) return labelled;
  const bare = BARE_SIRET_RE.exec(text);
  BARE_SIRET_RE.lastIndex = 0;
  return bare ? { value: digitsOf(bare[0]), raw: bare[0] } : undefined;
}

const VAT_RE = /\bFR[ \u00a0]?[0-9A-Z]{2}[ \u00a0]?\d{3}[ \u00a0]?\d{3}[ \u00a0]?\d{3}\b/gu;

export function findVatNumbers(text: string): Printed[] {
  return [...text.matchAll(VAT_RE)].map((m) => ({ value: m[0].replace(/\s/gu, ''), raw: m[0] }));
}

/** The company's VAT number: the one carrying its SIREN when known, else the first. */
export function pickVatNumber(all: Printed[], siren?: string): Printed | undefined {
  return all.find((v) => siren && sirenOfVat(v.value) === siren) ?? all[0];
}

const CITY =
  "[A-ZÀ-Ý][\\p{L}'’]*(?:[ \\-](?:[A-ZÀ-Ý][\\p{L}'’]*|sur|sous|en|lès|lez|les|le|la|de|du|des|aux?|d['’]\\p{L}+|l['’]\\p{L}+)){0,4}";
const RCS_LABEL = '(?:R\\.?\\s?C\\.?\\s?S\\.?|Rcs|rcs)';
const NINE = '(\\d(?:[ \\u00a0.]?\\d){8})(?!\\d)';
const RCS_CITY_FIRST_RE = new RegExp(
  `\\b${RCS_LABEL}(?:\\s*:)?\\s+(?:de\\s+|d['’]\\s*)?(${CITY})?\\s*(?:[:,]\\s*)?(?:[AB]\\s+)?(?:(?:n°|no|num[ée]ro|sous\\s+le\\s+(?:n°|num[ée]ro))\\s*:?\\s*)?${NINE}(?:[ \\u00a0]+(${CITY}))?`,
  'gu',
);
const RCS_NUMBER_FIRST_RE = new RegExp(`${NINE}\\s*${RCS_LABEL}\\s+(?:de\\s+)?(${CITY})`, 'gu');
const RCS_CITY_ONLY_RE = new RegExp(
  `\\b${RCS_LABEL}(?:\\s*:)?\\s+(?:de\\s+|d['’]\\s*)?(${CITY})(?![\\p{L}\\s]*\\d)`,
  'gu',
);
const NOT_A_CITY =
  /^(?:APE|NAF|TVA|SIRET|SIREN|Code|N°|RM|RNE|B|A|Capital|Si[èe]ge|Tél|T[ée]l[ée]phone|Email|Assurance|Immatricul\p{L}*)$/u;

export interface RcsMention {
  rcs?: Printed;
  ville?: Printed;
}

function cityOf(raw: string | undefined): Printed | undefined {
  const city = (raw ?? '').trim().replace(/(?:\s+(?:sous|le|la|de|du|des|[AB]))+$/u, '');
  if (!city || NOT_A_CITY.test(city.split(/[\s-]/u)[0] ?? '')) return undefined;
  return { value: restoreCase(city), raw: city };
}

/** Every RCS mention (`RCS Lyon B 123 456 789`, `123 456 789 R.C.S. Lyon`). */
export function findRcsMentions(text: string): RcsMention[] {
  const found: { index: number; mention: RcsMention }[] = [];
  for (const m of text.matchAll(RCS_CITY_FIRST_RE)) {
    found.push({
      index: m.index,
      mention: { rcs: printed(m, 2), ville: cityOf(m[1]) ?? cityOf(m[3]) },
    });
  }
  for (const m of text.matchAll(RCS_NUMBER_FIRST_RE)) {
    found.push({ index: m.index, mention: { rcs: printed(m, 1), ville: cityOf(m[2]) } });
  }
  for (const m of text.matchAll(RCS_CITY_ONLY_RE)) {
    const ville = cityOf(m[1]);
    if (ville && !found.some((f) => f.index === m.index))
      found.push({ index: m.index, mention: { ville } });
  }
  return found.sort((a, b) => a.index - b.index).map((f) => f.mention);
}

const RNE_RE = /\bRNE\b|registre\s+national\s+des\s+entreprises/iu;
const RNE_NUMBER_RE =
  /(?:\bRNE\b|registre\s+national\s+des\s+entreprises)[^\d\n]{0,20}?(\d(?:[ \u00a0.]?\d){8})(?!\d)/iu;

/** The SIREN of an RNE registration, when one is printed. */
export function findRne(text: string, siren?: Printed): Printed | undefined {
  if (!RNE_RE.test(text)) return undefined;
  const labelled = RNE_NUMBER_RE.exec(text);
  if (labelled) return printed(labelled);
  return findSirens(text)[0] ?? siren;
}

const CAPITAL_RE = new RegExp(
  `\\bcapital(?:\\s+social)?(?:\\s+(?:de|:))?\\s*:?\\s*(${NUMBER_SOURCE})[ \\u00a0]?(€|euros?\\b|EUR\\b)`,
  'iu',
);

export function findCapital(text: string): Printed<number> | undefined {
  const m = CAPITAL_RE.exec(text);
  const value = m ? parseNumber(m[1] ?? '') : undefined;
  if (!m || value === undefined) return undefined;
  return { value, raw: m[0].slice(m[0].indexOf(m[1] ?? '')).trim() };
}

const APE_RE =
  /\b(?:code\s+)?(?:APE|NAF)(?:\s*\/\s*(?:NAF|APE))?\s*(?:n°|:)?\s*:?\s*(\d{2}[.\s]?\d{2}\s?[A-Z])(?![\p{L}\d])/u;

export function findApe(text: string): string | undefined {
  const m = APE_RE.exec(text);
  return m ? (m[1] ?? '').replace(/[.\s]/gu, '') : undefined;
}
