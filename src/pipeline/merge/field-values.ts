/**
 * Field kinds of the attribute merge: how an LLM value is coerced into our attribute types
 * (never trusted raw: a value that does not parse is dropped), how two values are compared, and
 * which one is kept when the deterministic reading and an LLM disagree.
 */
import { parseDate } from '../../domain/dates.js';
import {
  digitsOf,
  isValidEmail,
  isValidFrenchVat,
  isValidSiren,
  isValidSiret,
  normalisePhone,
} from '../../domain/identifiers.js';
import { NUMBER_SOURCE, parseNumber } from '../../domain/numbers.js';
import { foldText } from '../../domain/fold.js';
import { readQuantity, type QuantityId } from '../../domain/units.js';

/** Identifiers checked by a key or a syntax. */
export type IdentifierKind = 'siret' | 'siren' | 'vat' | 'phone' | 'email';

/**
 * `label`, `flag`: short values (legal form, civility, booleans) — the deterministic value stays;
 * `enum:a|b|c`: like `label`, restricted to the listed spellings; `measure:<quantity>`: a number
 * in the unit of a quantity of domain/units.ts (a text with another unit is dropped: an LLM's
 * « 200 mm » is no thermal resistance, its « 1,26 » is an ETAS of 126 %).
 */
export type FieldKind =
  | IdentifierKind
  | 'date'
  | 'number'
  | 'text'
  | 'label'
  | 'flag'
  | `enum:${string}`
  | `measure:${QuantityId}`;

export type Scalar = string | number | boolean;

const LEADING_NUMBER = new RegExp(`^(${NUMBER_SOURCE})`, 'u');

/** A number, or a string starting with one (`12,5`, `1 234,56 €`, `30 m²`, `126 %`). */
export function toNumberValue(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value
    .trim()
    .replace(/^(?:€|EUR)\s*/iu, '')
    .replace(/[−–]/gu, '-');
  const match = LEADING_NUMBER.exec(text);
  return match?.[1] === undefined ? undefined : parseNumber(match[1]);
}

export function toTextValue(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim().replace(/\s+/gu, ' ');
  return text === '' ? undefined : text;
}

function toFlag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const text = toTextValue(value)?.toLowerCase();
  if (text === undefined) return undefined;
  if (['true', 'oui', 'yes', 'vrai', '1'].includes(text)) return true;
  if (['false', 'non', 'no', 'faux', '0'].includes(text)) return false;
  return undefined;
}

function toEnum(value: unknown, options: readonly string[]): string | undefined {
  const text = toTextValue(value);
  if (text === undefined) return undefined;
  return options.find((option) => foldText(option) === foldText(text));
}

function toIdentifier(kind: IdentifierKind, text: string): string | undefined {
  switch (kind) {
    case 'siret': {
      const digits = digitsOf(text);
      return digits.length === 14 || digits.length === 9 ? digits : undefined;
    }
    case 'siren': {
      const digits = digitsOf(text);
      return digits.length === 9 ? digits : undefined;
    }
    case 'vat': {
      const vat = text.replace(/[\s.-]/gu, '').toUpperCase();
      return /^[A-Z]{2}[0-9A-Z]{2,13}$/u.test(vat) ? vat : undefined;
    }
    case 'phone':
      return normalisePhone(text);
    case 'email':
      return /^\S+@\S+$/u.test(text) ? text : undefined;
  }
}

/** The LLM value in our attribute type; undefined when it is blank or does not parse. */
export function coerceValue(kind: FieldKind, value: unknown): Scalar | undefined {
  if (kind === 'number') return toNumberValue(value);
  if (kind.startsWith('measure:')) {
    return readQuantity(value, kind.slice('measure:'.length) as QuantityId)?.value;
  }
  if (kind === 'flag') return toFlag(value);
  if (kind.startsWith('enum:')) return toEnum(value, kind.slice(5).split('|'));
  const text = toTextValue(value);
  if (text === undefined) return undefined;
  // an ISO timestamp counts for its day
  if (kind === 'date')
    return parseDate(/^\d{4}-\d{2}-\d{2}T/u.test(text) ? text.slice(0, 10) : text);
  if (kind === 'text' || kind === 'label') return text;
  return toIdentifier(kind as IdentifierKind, text);
}

/** Lower case, no accents, punctuation as spaces: `4, allée X` and `4 Allee X` compare equal. */
export function foldForComparison(text: string): string {
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function sameValue(kind: FieldKind, a: Scalar, b: Scalar): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 0.005;
  if (typeof a !== 'string' || typeof b !== 'string') return a === b;
  if (kind === 'siret' || kind === 'siren') return digitsOf(a) === digitsOf(b);
  if (kind === 'vat')
    return a.replace(/\s/gu, '').toUpperCase() === b.replace(/\s/gu, '').toUpperCase();
  if (kind === 'phone') return (normalisePhone(a) ?? a) === (normalisePhone(b) ?? b);
  return foldForComparison(a) === foldForComparison(b);
}

function passesCheck(kind: IdentifierKind, value: string): boolean {
  switch (kind) {
    case 'siret':
      return digitsOf(value).length === 9 ? isValidSiren(value) : isValidSiret(value);
    case 'siren':
      return isValidSiren(value);
    case 'vat':
      return value.startsWith('FR') ? isValidFrenchVat(value) : true;
    case 'phone':
      return normalisePhone(value) !== undefined;
    case 'email':
      return isValidEmail(value);
  }
}

const IDENTIFIER_KINDS: readonly string[] = ['siret', 'siren', 'vat', 'phone', 'email'];

/**
 * Which value wins when both are present and differ: identifiers keep the one passing its key
 * (deterministic first), a printed SIREN gives way to a valid SIRET of the same company, free
 * text gives way to a longer LLM text containing it, everything else keeps the deterministic value.
 */
export function preferredSource(kind: FieldKind, naive: Scalar, llm: Scalar): 'naive' | 'llm' {
  if (typeof naive !== 'string' || typeof llm !== 'string') return 'naive';
  if (IDENTIFIER_KINDS.includes(kind)) {
    const idKind = kind as IdentifierKind;
    const naiveOk = passesCheck(idKind, naive);
    const llmOk = passesCheck(idKind, llm);
    if (naiveOk && llmOk && kind === 'siret' && naive.length === 9) {
      return llm.length === 14 && llm.startsWith(naive) ? 'llm' : 'naive';
    }
    return !naiveOk && llmOk ? 'llm' : 'naive';
  }
  if (kind === 'text') {
    const a = foldForComparison(naive);
    const b = foldForComparison(llm);
    return a !== '' && b.length > a.length && b.includes(a) ? 'llm' : 'naive';
  }
  return 'naive';
}
