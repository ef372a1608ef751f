/**
 * Accumulates what one validation run evaluates: control codes in order, and findings with ids
 * from ONE counter per run, so ids never repeat (spec/domain.md §4.2 fix).
 */
import type { FindingCode, FindingType } from '../domain/finding-codes.js';
import { FINDING_CATALOGUE } from '../domain/finding-codes.js';
import type { ErrorDetail } from '../domain/finding.js';
import type { WordingParams } from './wording.js';
import { renderWording } from './wording.js';

export interface ValidationResult {
  /** Findings in evaluation order. */
  details: ErrorDetail[];
  /** Codes of the findings, in order (duplicates possible). */
  errors: string[];
  /** Every evaluated control, in order, with duplicates. */
  controlCodes: string[];
  controlsCount: number;
  version: string;
}

/** What a finding is about, beyond its code. */
export interface FindingTarget {
  readonly gesteId?: string;
  /** Canonical type of the geste: picks the wording variant that names the right equipment. */
  readonly gesteType?: string;
  readonly providedValue?: string | number;
  /** What precisely is wrong, in French (a value below an aid threshold, with its source). */
  readonly problem?: string;
  /** Extra values for the explanation (the RGE link is always provided). */
  readonly params?: WordingParams;
  /** Overrides the catalogue type of the code. */
  readonly type?: FindingType;
}

export interface CollectorOptions {
  /** Id of the QuoteCheck (or the QuotesCase for case findings): prefix of finding ids. */
  readonly objectId: string;
  readonly fromCase: boolean;
  readonly rgeLookupUrl: string;
}

export class FindingCollector {
  private readonly details: ErrorDetail[] = [];
  private readonly controlCodes: FindingCode[] = [];

  constructor(private readonly options: CollectorOptions) {}

  /** Records one evaluated control and, when it failed, its finding. */
  control(code: FindingCode, failed: boolean, target: FindingTarget = {}): void {
    this.controlCodes.push(code);
    if (failed) this.details.push(this.detail(code, target));
  }

  get findingCount(): number {
    return this.details.length;
  }

  result(version: string): ValidationResult {
    return {
      details: [...this.details],
      errors: this.details.map((d) => d.code),
      controlCodes: [...this.controlCodes],
      controlsCount: this.controlCodes.length,
      version,
    };
  }

  private detail(code: FindingCode, target: FindingTarget): ErrorDetail {
    const k = this.details.length + 1;
    const prefix = target.gesteId
      ? `${this.options.objectId}-${target.gesteId}`
      : this.options.objectId;
    const spec = FINDING_CATALOGUE[code];
    const params = { rge_lookup_url: this.options.rgeLookupUrl, ...target.params };
    const detail: ErrorDetail = {
      id: `${prefix}-${k}`,
      code,
      category: spec.category,
      type: target.type ?? spec.type,
      ...renderWording(code, params, target.gesteType ? { gesteType: target.gesteType } : {}),
    };
    if (target.problem !== undefined) detail.problem = target.problem;
    if (target.providedValue !== undefined) detail.provided_value = target.providedValue;
    if (target.gesteId) detail.geste_id = target.gesteId;
    detail.from_case = this.options.fromCase;
    return detail;
  }
}
