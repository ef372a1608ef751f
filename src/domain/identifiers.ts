/**
 * Checks of French identifiers (SIREN, SIRET, intra-community VAT number), phone numbers,
 * e-mail addresses and IBANs. Pure functions, shared by the extractor and the rules.
 */

/** Keeps the digits of a string. */
export function digitsOf(raw: string): string {
  return raw.replace(/\D/gu, '');
}

/** Luhn checksum over a string of digits. */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/u.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** La Poste's SIREN: its establishments' SIRETs do not satisfy the Luhn key. */
export const LA_POSTE_SIREN = '356000000';

/** A 9-digit SIREN with a valid Luhn key (spaces ignored). */
export function isValidSiren(raw: string): boolean {
  const digits = raw.replace(/\s/gu, '');
  return /^\d{9}$/u.test(digits) && isLuhnValid(digits);
}

/**
 * The one SIRET format check of the service (DESIGN.md §5): exactly 14 digits once white space
 * is removed, with a valid Luhn key — La Poste's establishments excepted.
 */
export function isValidSiret(raw: string): boolean {
  const digits = raw.replace(/\s/gu, '');
  if (!/^\d{14}$/u.test(digits)) return false;
  return digits.startsWith(LA_POSTE_SIREN) || isLuhnValid(digits);
}

/** The 2-digit key of a French VAT number: (12 + 3 × (SIREN mod 97)) mod 97. */
export function frenchVatKey(siren: string): string {
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return String(key).padStart(2, '0');
}

/** `FR` + key + SIREN with the official key (spaces ignored). */
export function isValidFrenchVat(raw: string): boolean {
  const vat = raw.replace(/\s/gu, '').toUpperCase();
  const m = /^FR(\d{2})(\d{9})$/u.exec(vat);
  if (!m) return false;
  return frenchVatKey(m[2] ?? '') === m[1];
}

/** The SIREN carried by a French VAT number, if it has one. */
export function sirenOfVat(raw: string): string | undefined {
  const m = /^FR[0-9A-Z]{2}(\d{9})$/u.exec(raw.replace(/\s/gu, '').toUpperCase());
  return m?.[1];
}

/**
 * Normalises a French phone number to its 10 national digits (`+33 6 …`, `0033 6 …`,
 * `+33 (0)6 …` → `06…`); undefined when it is not one.
 */
export function normalisePhone(raw: string): string | undefined {
  let digits = raw.replace(/\(0\)/gu, '').replace(/[^\d+]/gu, '');
  if (digits.startsWith('+33')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('0033')) digits = `0${digits.slice(4)}`;
  else if (digits.startsWith('33') && digits.length === 11) digits = `0${digits.slice(2)}`;
  return /^0[1-9]\d{8}$/u.test(digits) ? digits : undefined;
}

const EMAIL_RE = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/u;

export function isValidEmail(raw: string): boolean {
  return EMAIL_RE.test(raw.trim()) && !raw.includes('..');
}

/** ISO 13616 check (mod 97 = 1), spaces ignored. */
export function isValidIban(raw: string): boolean {
  const iban = raw.replace(/\s/gu, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/u.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = /\d/u.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of value) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}
