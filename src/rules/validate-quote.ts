/**
 * Validation of one quote (spec/rules.md §1.1): file, then admin (with the RGE lookup), works
 * and prices. Pure: the registry answer and the price ranges come in the input, no clock.
 */
import type { AidThresholdTable } from '../domain/aid-thresholds.js';
import { AID_THRESHOLDS } from '../domain/aid-thresholds.js';
import type { QuoteAttributes } from '../domain/attributes.js';
import { checkAdmin } from './admin.js';
import type { EvidenceDocument, ToVerify } from './evidence.js';
import { namesEnergyWorks, weighEvidence } from './evidence.js';
import { checkFile } from './file.js';
import type { ValidationResult } from './finding-collector.js';
import { FindingCollector } from './finding-collector.js';
import { prepareGestes } from './prepare-gestes.js';
import { checkPrices } from './prices.js';
import { readQuoteDate } from './quote-date.js';
import type { AdemeQualification } from './rge.js';
import { isValidSiret, normaliseRgeLabels } from './rge.js';
import { RULES_VERSION } from './rules-version.js';
import { checkThresholds } from './thresholds.js';
import type { PriceRanges, ValidationContext } from './validation-context.js';
import { isBlank, isRecord, readPath } from './values.js';
import { rgeLookupUrl } from './wording.js';
import { checkWorks } from './works.js';

export type { AdemeQualification } from './rge.js';
export type { ValidationResult } from './finding-collector.js';
export type { EvidenceDocument, ToVerify } from './evidence.js';
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
  /**
   * The document as read, when there is one: a `missing` finding whose mention shows a sign
   * on it becomes an *à vérifier* line instead (DESIGN.md §5). Absent for attributes alone.
   */
  evidence?: EvidenceDocument;
  /** The aid thresholds (DESIGN.md §11); the table of src/domain/aid-thresholds.json by default. */
  thresholds?: AidThresholdTable;
}

export interface QuoteValidation extends ValidationResult {
  /** Mentions seen on the document but not read: for a person to check, not to correct. */
  toVerify: ToVerify[];
}

const WORKS_NOT_RECOGNISED: ToVerify = {
  code: 'geste_renovation_energetique_absent',
  label: 'les travaux de rénovation énergétique (aucun n’a pu être reconnu automatiquement)',
};

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

export function validateQuote(input: ValidationInput): QuoteValidation {
  const collector = new FindingCollector({
    objectId: input.checkId,
    fromCase: false,
    rgeLookupUrl: rgeLookupUrl(input.frontendHost),
  });
  const ctx = createContext(input);
  const toVerify: ToVerify[] = [];
  let worksUnread = false;
  if (checkFile(ctx.attributes, collector)) {
    // a line whose type is blank is no geste (spec/rules.md §3.4 skips it)
    const noGeste = !ctx.gestes.some((g) => g.rawType !== undefined);
    const worksNamed = noGeste && input.evidence !== undefined && namesEnergyWorks(input.evidence);
    if (noGeste && !worksNamed) {
      // DESIGN.md §5: a quote of other works gets this one finding, not a list of mentions
      collector.control('geste_renovation_energetique_absent', true);
      return { ...collector.result(RULES_VERSION), toVerify };
    }
    if (worksNamed) toVerify.push(WORKS_NOT_RECOGNISED);
    worksUnread = worksNamed;
    checkAdmin(ctx, collector);
    checkWorks(ctx, collector);
    const date = ctx.quoteDate.iso ?? input.today;
    const table = input.thresholds ?? AID_THRESHOLDS;
    toVerify.push(...checkThresholds({ gestes: ctx.gestes, date, table }, collector));
    checkPrices(ctx.gestes, ctx.priceRanges, collector);
  }
  const result = collector.result(RULES_VERSION);
  if (!input.evidence) return { ...result, toVerify };
  const weighed = weighEvidence(result.details, input.evidence, ctx.gestes, worksUnread);
  return {
    ...result,
    details: weighed.details,
    errors: weighed.details.map((d) => d.code),
    toVerify: [...toVerify, ...weighed.toVerify],
  };
}
