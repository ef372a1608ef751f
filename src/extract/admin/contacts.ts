/**
 * Finders for contact details and bank identifiers in free text: phone numbers, e-mail
 * addresses, web sites, IBANs. Each match keeps the text as printed (for anonymisation) and a
 * normalised value.
 */
import { isValidEmail, isValidIban, normalisePhone } from '../../domain/identifiers.js';

export interface TextMatch {
  /** Normalised value (digits for phones, no spaces for IBANs). */
  value: string;
  /** As printed. */
  raw: string;
  index: number;
}

const SEP = '[ \\u00a0\\u202f.\\-]?';
const PHONE_RE = new RegExp(
  `(?<![\\w+])(?:(?:\\+|00)33${SEP}(?:\\(0\\)${SEP})?[1-9]|\\(?0[1-9]\\)?)(?:${SEP}\\d{2}){4}(?![\\d,])`,
  'gu',
);

export function findPhones(text: string): TextMatch[] {
  const found: TextMatch[] = [];
  for (const m of text.matchAll(PHONE_RE)) {
    const value = normalisePhone(m[0]);
    if (value) found.push({ value, raw: m[0].trim(), index: m.index });
  }
  return found;
}

// The local part is at most 64 characters (RFC 5321): unbounded, a long run of dots is rescanned
// from each of its positions (quadratic time).
const EMAIL_FIND_RE = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/gu;

export function findEmails(text: string): TextMatch[] {
  const found: TextMatch[] = [];
  for (const m of text.matchAll(EMAIL_FIND_RE)) {
    const raw = m[0].replace(/^[.]+|[.]+$/gu, '');
    if (isValidEmail(raw)) found.push({ value: raw.toLowerCase(), raw, index: m.index });
  }
  return found;
}

const URL_RE =
  /(?<![@\w.])(?:(?:https?|ftp):\/\/[^\s<>"«»]+|www\.[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:\/[^\s<>"«»]*)?)/giu;
const LABELLED_SITE_RE =
  /\b(?:site(?:\s+(?:web|internet))?|web)\s*:\s*((?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/[^\s]*)?)/giu;

export function findUrls(text: string): TextMatch[] {
  const found: TextMatch[] = [];
  for (const m of text.matchAll(URL_RE)) {
    const raw = m[0].replace(/[.,;:)]+$/u, '');
    found.push({ value: raw, raw, index: m.index });
  }
  for (const m of text.matchAll(LABELLED_SITE_RE)) {
    const raw = (m[1] ?? '').replace(/[.,;:)]+$/u, '');
    const index = m.index + m[0].length - (m[1] ?? '').length;
    if (!found.some((f) => f.raw.includes(raw))) found.push({ value: raw, raw, index });
  }
  return found.sort((a, b) => a.index - b.index);
}

const IBAN_RE = /\b[A-Z]{2}\d{2}(?:[ \u00a0]?[A-Z0-9]{4}){2,7}(?:[ \u00a0]?[A-Z0-9]{1,3})?\b/gu;

export function findIbans(text: string): TextMatch[] {
  const found: TextMatch[] = [];
  for (const m of text.matchAll(IBAN_RE)) {
    const value = m[0].replace(/\s/gu, '');
    if (isValidIban(value)) found.push({ value, raw: m[0], index: m.index });
  }
  return found;
}
