/**
 * Reading attribute values the way the rules need them. Values may come from an LLM, so every
 * function accepts anything and never throws (numbers written as strings are fine).
 */
import { parseNumber } from '../domain/numbers.js';

/** A record of attribute values (the quote, a geste, a client block). */
export type Subject = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is Subject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a dotted path (`pro.siret`); undefined when any step is missing or not an object. */
export function readPath(subject: unknown, path: string): unknown {
  let value: unknown = subject;
  for (const key of path.split('.')) {
    if (!isRecord(value) || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

/**
 * Blank: null/undefined, an empty or whitespace-only string, an empty list or object, NaN.
 * An explicit `false` is a value, not a blank (DESIGN.md §5 fixes upstream here).
 */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'number') return Number.isNaN(value);
  if (Array.isArray(value)) return value.length === 0;
  if (isRecord(value)) return Object.keys(value).length === 0;
  return false;
}

/** Truthy as the rules mean it: anything but null/undefined, `false` and a blank string. */
export function isTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false;
  return typeof value !== 'string' || value.trim() !== '';
}

/** A number, or a string holding only a number (French or English notation). */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') return parseNumber(value);
  return undefined;
}

/** Trimmed text of a string or a number; undefined for anything else or blank. */
export function toText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' ? undefined : text;
}

/** A value as a list of non-blank texts: a scalar becomes a one-element list. */
export function toTextList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.map(toText).filter((text): text is string => text !== undefined);
}
