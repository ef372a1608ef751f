/** Dates read by the RGE rules (spec/rules.md §5.3): ISO, DD/MM/YYYY, French month names. */
import { FRENCH_MONTHS, parseDate } from '../domain/dates.js';
import { isBlank, toText } from './values.js';

/** An ISO `YYYY-MM-DD` date from a date text (an ISO timestamp keeps its day). */
export function parseIsoDate(text: string): string | undefined {
  const trimmed = text.trim();
  const timestamp = /^(\d{4}-\d{2}-\d{2})T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?$/u.exec(trimmed);
  return parseDate(timestamp?.[1] ?? trimmed);
}

/** The quote date: absent, or given (with `iso` undefined when it cannot be read). */
export interface QuoteDate {
  readonly given: boolean;
  readonly iso?: string;
}

export function readQuoteDate(value: unknown): QuoteDate {
  if (isBlank(value)) return { given: false };
  const text = toText(value);
  return { given: true, iso: text === undefined ? undefined : parseIsoDate(text) };
}

/** `2018-10-01` → `1 octobre 2018`. */
export function frenchLongDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day ?? ''} ${FRENCH_MONTHS[(month ?? 1) - 1] ?? ''} ${year ?? ''}`;
}
