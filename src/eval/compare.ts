/**
 * How a value read by the engine is compared with the truth. The rules, in one place:
 *
 * - text: case-insensitive (French lower-casing), accents kept, Unicode NFC; every run of
 *   whitespace or punctuation between parts counts as one separator, so `"12 rue X, 75001 Y"`
 *   equals `"12 rue X 75001 Y"` and `"Saint-Malo"` equals `"SAINT MALO"`;
 * - long texts (start delay, insurance, addresses, descriptive geste attributes): normalised
 *   equality, or one contains the other and the shorter has at least 80 % of the longer's length;
 * - lenient texts (geste `intitule`, `numero_ligne`): normalised, one contains the other;
 * - identifiers (SIRET, VAT number, RCS, RNE, quote number, RGE and ACERMI numbers): compared on
 *   their letters and digits only, case-insensitive;
 * - phone numbers: digits only, `+33 X…` read as `0X…`;
 * - e-mails: trimmed, case-insensitive; web sites also ignore `http(s)://`, `www.` and a final `/`;
 * - numbers: equal within 0.01, or within a relative 1e-4 for large values; numeric strings
 *   written the French way (`1 234,56`) are accepted;
 * - dates: ISO `YYYY-MM-DD` (a `DD/MM/YYYY` string is converted first);
 * - booleans: exact (the strings `true`/`false` are accepted);
 * - units: `m2`, `M2`, `m²` → `m²`; `u`, `U`, `unité`, `pce` → `u`; `ml`, `m.l.` → `ml`;
 *   `forf.`, `forfait`, `ft` → `forfait`; `ens.`, `ensemble` → `ens`; `L`, `litre(s)` → `l`.
 */

export type Comparator = (truth: unknown, emitted: unknown) => boolean;

/** A value counts as present when it is neither null/undefined nor a blank string. */
export function isPresent(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  return true;
}

export function normaliseText(value: unknown): string {
  return String(value)
    .normalize('NFC')
    .toLocaleLowerCase('fr')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export const sameText: Comparator = (t, e) => normaliseText(t) === normaliseText(e);

export const sameLongText: Comparator = (t, e) => {
  const a = normaliseText(t);
  const b = normaliseText(e);
  if (a === b) return true;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return shorter.length > 0 && longer.includes(shorter) && shorter.length >= 0.8 * longer.length;
};

export const sameLenientText: Comparator = (t, e) => {
  const a = normaliseText(t);
  const b = normaliseText(e);
  if (a === '' || b === '') return a === b;
  return a.includes(b) || b.includes(a);
};

function alphanumerics(value: unknown): string {
  return String(value)
    .normalize('NFC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export const sameIdentifier: Comparator = (t, e) => alphanumerics(t) === alphanumerics(e);

export function phoneDigits(value: unknown): string {
  const digits = String(value).replace(/\D/gu, '');
  if (digits.startsWith('33') && digits.length === 11) return `0${digits.slice(2)}`;
  if (digits.startsWith('0033') && digits.length === 13) return `0${digits.slice(4)}`;
  return digits;
}

export const samePhone: Comparator = (t, e) => phoneDigits(t) === phoneDigits(e);

export const sameEmail: Comparator = (t, e) =>
  String(t).trim().toLowerCase() === String(e).trim().toLowerCase();

function website(value: unknown): string {
  return String(value)
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//u, '')
    .replace(/^www\./u, '')
    .replace(/\/+$/u, '');
}

export const sameWebsite: Comparator = (t, e) => website(t) === website(e);

/** Reads a number or a numeric string (`1 234,56`, `1234.56`); undefined otherwise. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  let text = value
    .trim()
    .replace(/[\s\u00a0\u202f]/gu, '')
    .replace(/(€|eur|%)$/iu, '');
  if (text.includes(',')) text = text.replace(/\./gu, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/u.test(text)) return undefined;
  return Number(text);
}

export const sameNumber: Comparator = (t, e) => {
  const a = toNumber(t);
  const b = toNumber(e);
  if (a === undefined || b === undefined) return false;
  const diff = Math.abs(a - b);
  return diff <= 0.01 + 1e-9 || diff <= 1e-4 * Math.max(Math.abs(a), Math.abs(b));
};

export function toIsoDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/u.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u.exec(text);
  if (fr) return `${fr[3]}-${fr[2]?.padStart(2, '0')}-${fr[1]?.padStart(2, '0')}`;
  return undefined;
}

export const sameDate: Comparator = (t, e) => {
  const a = toIsoDate(t);
  return a !== undefined && a === toIsoDate(e);
};

function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

export const sameBoolean: Comparator = (t, e) => {
  const a = toBoolean(t);
  return a !== undefined && a === toBoolean(e);
};

const UNIT_ALIASES: Record<string, string> = {
  m2: 'm²',
  'm²': 'm²',
  'm^2': 'm²',
  u: 'u',
  un: 'u',
  unite: 'u',
  unité: 'u',
  pce: 'u',
  piece: 'u',
  pièce: 'u',
  ml: 'ml',
  'm.l': 'ml',
  forf: 'forfait',
  forfait: 'forfait',
  ft: 'forfait',
  fft: 'forfait',
  ens: 'ens',
  ensemble: 'ens',
  l: 'l',
  litre: 'l',
  litres: 'l',
};

export function normaliseUnit(value: unknown): string {
  const text = String(value)
    .trim()
    .toLocaleLowerCase('fr')
    .replace(/\.+$/u, '')
    .replace(/\s+/gu, '');
  return UNIT_ALIASES[text] ?? text;
}

export const sameUnit: Comparator = (t, e) => normaliseUnit(t) === normaliseUnit(e);

/** The comparator for a value whose kind is only known from the truth (geste attributes). */
export function comparatorForValue(truth: unknown): Comparator {
  if (typeof truth === 'number') return sameNumber;
  if (typeof truth === 'boolean') return sameBoolean;
  return sameLongText;
}
