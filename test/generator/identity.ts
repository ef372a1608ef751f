/** Identifiers that look real and pass their checks, but designate nobody. */
import { isLuhnValid } from '../../src/domain/identifiers.js';
import type { Rng } from './prng.js';

/** Appends the digit that makes `body` + digit Luhn-valid. */
function withLuhnKey(body: string): string {
  for (let key = 0; key <= 9; key += 1) if (isLuhnValid(`${body}${key}`)) return `${body}${key}`;
  throw new Error('unreachable');
}

export function siren(rng: Rng): string {
  let body = String(rng.int(1, 9));
  for (let i = 0; i < 7; i += 1) body += String(rng.int(0, 9));
  return withLuhnKey(body);
}

/** SIREN + NIC, the 14 digits Luhn-valid as a whole. */
export function siret(rng: Rng, sirenDigits: string): string {
  return withLuhnKey(`${sirenDigits}000${rng.int(1, 4)}`);
}

/** Intra-community VAT number: FR + key + SIREN, key = (12 + 3 × (SIREN mod 97)) mod 97. */
export function vatNumber(sirenDigits: string): string {
  const key = (12 + 3 * (Number(sirenDigits) % 97)) % 97;
  return `FR${String(key).padStart(2, '0')}${sirenDigits}`;
}

/** Ranges reserved for fiction by the French numbering plan. */
export const FICTION_LANDLINES = ['019900', '026191', '035301', '046571', '053649'] as const;
export const FICTION_MOBILE = '063998';

export function phone(rng: Rng, kind: 'landline' | 'mobile'): string {
  const prefix = kind === 'mobile' ? FICTION_MOBILE : rng.pick(FICTION_LANDLINES);
  return `${prefix}${String(rng.int(0, 9999)).padStart(4, '0')}`;
}

export function rgeNumber(rng: Rng): string {
  return rng.pick([
    () => `E-E${rng.int(100000, 999999)}`,
    () => `QPAC/${rng.int(10000, 99999)}`,
    () => `QB/${rng.int(10000, 99999)}`,
    () => `QS/${rng.int(10000, 99999)}`,
    () => `VPLUS/${rng.int(10000, 99999)}`,
  ])();
}

export function acermiNumber(rng: Rng): string {
  return `${String(rng.int(1, 24)).padStart(2, '0')}/${String(rng.int(1, 250)).padStart(3, '0')}/${rng.int(100, 999)}`;
}

export function apeCode(rng: Rng): string {
  return rng.pick(['4322B', '4329A', '4332A', '4399C', '4321A', '4322A']);
}

export function quoteNumber(rng: Rng, initials: string, dateIso: string): string {
  const [year = '2026', month = '10'] = dateIso.split('-');
  const n = rng.int(1, 999);
  return rng.pick([
    () => `${initials}-${year.slice(2)}${month}-${String(n).padStart(4, '0')}`,
    () => `D${year}-${String(n).padStart(3, '0')}`,
    () => `${String(n).padStart(4, '0')}/${year.slice(2)}`,
    () => `DEV${year.slice(2)}${month}${String(n).padStart(3, '0')}`,
  ])();
}
