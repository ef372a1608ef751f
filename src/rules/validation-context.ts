/** What the quote-level rules read, prepared once per validation run. */
import type { GesteType } from '../domain/geste-types.js';
import type { PreparedGeste } from './prepare-gestes.js';
import type { QuoteDate } from './quote-date.js';
import type { AdemeQualification } from './rge.js';
import type { Subject } from './values.js';

/** Usual price range per geste type, bounds inclusive (spec/rules.md §3.12). */
export type PriceRanges = Partial<Record<GesteType, { min: number; max: number }>>;

export interface ValidationContext {
  readonly attributes: Subject;
  readonly gestes: readonly PreparedGeste[];
  readonly quoteDate: QuoteDate;
  /** `pro.siret` is not blank. */
  readonly siretGiven: boolean;
  /** `pro.siret` passes the SIRET format check. */
  readonly siretValid: boolean;
  /** `pro.rge_labels`, normalised. */
  readonly rgeLabels: readonly string[];
  /** ADEME qualifications of the SIRET; undefined when the lookup was not made or failed. */
  readonly qualifications?: readonly AdemeQualification[];
  readonly priceRanges?: PriceRanges;
}
