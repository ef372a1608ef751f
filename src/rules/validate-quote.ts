/**
 * Validation of one quote (spec/rules.md §1.1): file, then admin (with the RGE lookup), works
 * and prices. Pure: the registry answer and the price ranges come in the input, no clock.
 */
import type { QuoteAttributes } from '../domain/attributes.js';
import { checkAdmin } from './admin.js';
import { checkFile } from './file.js';
import type { ValidationResult } from './finding-collector.js';
import { FindingCollector } from './finding-collector.js';
import { prepareGestes } from './prepare-gestes.js';
import { checkPrices } from './prices.js';
import { readQuoteDate } from './quote-date.js';
import type { AdemeQualification } from './rge.js';
import { isValidSiret, normaliseRgeLabels } from './rge.js';
import { RULES_VERSION } from './rules-version.js';
import type { PriceRanges, ValidationContext } from './validation-context.js';
import { isBlank, isRecord, readPath } from './values.js';
import { rgeLookupUrl } from './wording.js';
import { checkWorks } from './works.js';

export type { AdemeQualification } from './rge.js';
export type { ValidationResult } from './finding-collector.js';
export type { PriceRanges } from './validation-context.js';
export { RULES_VERSION } from './rules-version.js';
export { readingErrorDetail, timeoutDetail } from './reading-errors.js';

export interface ValidationInput {
  /** Prefix of finding ids. */
  checkId: string;
  /** `read_attributes`. */
  attributes: QuoteAttributes;
  /** ISO date; rules never read the clock. */
  today: string;
  /** ADEME rows for `pro.siret`; absent = lookup not done or failed → nothing needing it. */
  rge?: { qualifications: AdemeQualification[] };
  priceRanges?: PriceRanges;
  /** For the RGE lookup link; default https://mon-devis-sans-oublis.beta.gouv.fr. */
  frontendHost?: string;
}

/** The registry rows, if a lookup answered; malformed rows are ignored, never fatal. */
function qualificationsOf(rge: ValidationInput['rge']): AdemeQualification[] | undefined {
  const rows: unknown = rge?.qualifications;
  return Array.isArray(rows)
    ? rows.filter((row): row is AdemeQualification => isRecord(row))
    : undefined;
}

function createContext(input: ValidationInput): ValidationContext {
  const attributes: unknown = input.attributes;
  const subject = isRecord(attributes) ? attributes : {};
  const siret = readPath(subject, 'pro.siret');
  return {
    attributes: subject,
    gestes: prepareGestes(input.checkId, subject['gestes']),
    quoteDate: readQuoteDate(subject['date_devis']),
    siretGiven: !isBlank(siret),
    siretValid: isValidSiret(siret),
    rgeLabels: normaliseRgeLabels(readPath(subject, 'pro.rge_labels')),
    qualifications: qualificationsOf(input.rge),
    priceRanges: input.priceRanges,
  };
}

export function validateQuote(input: ValidationInput): ValidationResult {
  const collector = new FindingCollector({
    objectId: input.checkId,
    fromCase: false,
    rgeLookupUrl: rgeLookupUrl(input.frontendHost),
  });
  const ctx = createContext(input);
  if (checkFile(ctx.attributes, collector)) {
    checkAdmin(ctx, collector);
    checkWorks(ctx, collector);
    checkPrices(ctx.gestes, ctx.priceRanges, collector);
  }
  return collector.result(RULES_VERSION);
}
