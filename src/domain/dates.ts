/**
 * French date formats: `06/10/2026`, `06/10/26`, `6/10/2026`, `06-10-2026`, `06.10.2026`,
 * `2026-10-06`, `2026/10/06`, `6 oct. 2026`, `6 octobre 2026`, `1er décembre 2026`,
 * `lundi 6 octobre 2026`.
 * Parsed dates are ISO `YYYY-MM-DD`; impossible dates (31/02) are rejected.
 */

/** Full French month names, January first. */
export const FRENCH_MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
] as const;

const MONTHS: Record<string, number> = {
  janvier: 1,
  janv: 1,
  jan: 1,
  fevrier: 2,
  février: 2,
  fevr: 2,
  févr: 2,
  fev: 2,
  fév: 2,
  mars: 3,
  mar: 3,
  avril: 4,
  avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  juil: 7,
  aout: 8,
  août: 8,
  septembre: 9,
  sept: 9,
  sep: 9,
  octobre: 10,
  oct: 10,
  novembre: 11,
  nov: 11,
  decembre: 12,
  décembre: 12,
  dec: 12,
  déc: 12,
};

const MONTH_NAMES_SOURCE = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

export const DATE_SOURCE =
  `(?:\\d{4}[-/]\\d{2}[-/]\\d{2}` +
  `|\\d{1,2}[/.\\-]\\d{1,2}[/.\\-](?:\\d{4}|\\d{2})` +
  `|\\d{1,2}(?:er)?[ \\u00a0](?:${MONTH_NAMES_SOURCE})\\.?[ \\u00a0]\\d{4})`;

const DATE_RE = new RegExp(`(?<![\\d/.\\-])${DATE_SOURCE}(?![\\d/])`, 'giu');

function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return undefined;
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function fullYear(text: string): number {
  const y = Number(text);
  return text.length === 2 ? 2000 + y : y;
}

/** Parses one date; undefined when the text is not exactly a date. */
export function parseDate(raw: string): string | undefined {
  const text = raw
    .trim()
    .toLowerCase()
    .replace(/\u00a0/gu, ' ');
  let m = /^(\d{4})[-/](\d{2})[-/](\d{2})$/u.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/u.exec(text);
  if (m) return isoDate(fullYear(m[3] ?? ''), Number(m[2]), Number(m[1]));
  m = new RegExp(`^(\\d{1,2})(?:er)? (${MONTH_NAMES_SOURCE})\\.? (\\d{4})$`, 'u').exec(text);
  if (m) {
    const month = MONTHS[m[2] ?? ''];
    if (month) return isoDate(Number(m[3]), month, Number(m[1]));
  }
  return undefined;
}

export interface DateMatch {
  iso: string;
  index: number;
  end: number;
  text: string;
}

/** Every date of a text, in order. */
export function findDates(text: string): DateMatch[] {
  const found: DateMatch[] = [];
  for (const m of text.matchAll(DATE_RE)) {
    const iso = parseDate(m[0]);
    if (iso) found.push({ iso, index: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return found;
}

/** The date in France (ISO `YYYY-MM-DD`) at `now`: the `today` the rules compare dates with. */
export function parisToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now);
}

const DAY_MONTH_RE = new RegExp(
  `(?<![\\d/.\\-])(\\d{1,2})(?:er)?[ \\u00a0](${MONTH_NAMES_SOURCE})\\.?(?![ \\u00a0]?\\d)(?![\\p{L}])`,
  'giu',
);

/**
 * Dates printed without a year (« suite à mon passage du jeudi 12 novembre ») of an event that
 * happened before `reference` (the quote's date): the year is the latest that puts the date on
 * or before it. Only month names: « 12/11 » alone is too often something else.
 */
export function findPastDatesWithoutYear(text: string, reference: string): DateMatch[] {
  const ref = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(reference);
  if (!ref) return [];
  const found: DateMatch[] = [];
  for (const m of text.matchAll(DAY_MONTH_RE)) {
    const month = MONTHS[(m[2] ?? '').toLowerCase()];
    if (!month) continue;
    const day = Number(m[1]);
    const year = Number(ref[1]);
    const sameYear = isoDate(year, month, day);
    const iso = sameYear && sameYear <= reference ? sameYear : isoDate(year - 1, month, day);
    if (iso) found.push({ iso, index: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return found;
}
