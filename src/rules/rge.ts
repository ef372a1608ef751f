/**
 * RGE numbers, ADEME qualifications and SIRET format (spec/rules.md §5.1, §5.3, §6; DESIGN.md §5).
 */
import type { GesteType } from '../domain/geste-types.js';
import { gesteTypesOfQualification } from './ademe-mapping.js';
import { parseIsoDate } from './quote-date.js';
import { toText, toTextList } from './values.js';
import { isValidSiret as isValidSiretNumber } from '../domain/identifiers.js';

/** One row of the ADEME RGE history for the quote's SIRET (spec/external.md). */
export interface AdemeQualification {
  /** ADEME's `_id`, e.g. `Q90513-5311D108-2025-12-03`. */
  id: string;
  nom_certificat?: string;
  domaine: string[];
  /** ISO dates of the qualification period, both inclusive. */
  date_debut?: string;
  date_fin?: string;
}

/** The SIRET written as a string without any whitespace; undefined when blank. */
export function compactSiret(value: unknown): string | undefined {
  const text = toText(value)?.replace(/\s/gu, '');
  return text === '' ? undefined : text;
}

/** The one SIRET format check (domain/identifiers.ts), over a value of any type. */
export function isValidSiret(value: unknown): boolean {
  const siret = compactSiret(value);
  return siret !== undefined && isValidSiretNumber(siret);
}

/** The quote's RGE labels: whitespace removed, blanks dropped, de-duplicated, in order. */
export function normaliseRgeLabels(value: unknown): string[] {
  const labels = toTextList(value).map((label) => label.replace(/\s/gu, ''));
  return [...new Set(labels.filter((label) => label !== ''))];
}

/** The run of at least 3 digits ending a label (`E-E178489` → `178489`). */
export function rgeNumberOfLabel(label: string): string | undefined {
  return /(\d{3,})$/u.exec(label.replace(/\s/gu, ''))?.[1];
}

/** The first run of at least 3 digits followed by `-` in ADEME's id (`Q90513-…` → `90513`). */
export function rgeNumberOfQualification(qualification: AdemeQualification): string | undefined {
  return /(\d{3,})-/u.exec(toText(qualification.id) ?? '')?.[1];
}

/** A label matches a qualification when both carry a number and the numbers are equal. */
export function matchesAnyLabel(
  qualification: AdemeQualification,
  labels: readonly string[],
): boolean {
  const number = rgeNumberOfQualification(qualification);
  return number !== undefined && labels.some((label) => rgeNumberOfLabel(label) === number);
}

/** The qualification was valid on `isoDate` (bounds inclusive; a missing bound is open). */
export function coversDate(qualification: AdemeQualification, isoDate: string): boolean {
  const start = boundOf(qualification.date_debut);
  const end = boundOf(qualification.date_fin);
  if (start === null || end === null) return false;
  return (start === undefined || start <= isoDate) && (end === undefined || isoDate <= end);
}

/** undefined = no bound; null = a bound that cannot be read. */
function boundOf(value: unknown): string | undefined | null {
  const text = toText(value);
  if (text === undefined) return undefined;
  return parseIsoDate(text) ?? null;
}

export function gesteTypesOf(qualification: AdemeQualification): GesteType[] {
  return gesteTypesOfQualification(
    toTextList(qualification.domaine),
    toText(qualification.nom_certificat),
  );
}
