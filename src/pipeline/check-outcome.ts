/** The result of checking one document in memory (CLI `check`, eval, and the runner's last step). */
import type { Provenance, QuoteAttributes } from '../domain/attributes.js';
import type { ErrorDetail } from '../domain/finding.js';

export type { ErrorDetail } from '../domain/finding.js';

export type CheckStatus = 'valid' | 'invalid';

export interface CheckVersions {
  extractor: string;
  rules: string;
  llm_private?: string;
  llm_works?: string;
}

/** How the text was obtained; `scan` means pages without a text layer and no OCR ran. */
export type ReadingKind =
  'text_layer' | 'plain_text' | 'ocr' | 'scan' | 'unreadable' | 'unsupported';

export interface CheckOutcome {
  id: string;
  status: CheckStatus;
  reading: ReadingKind;
  pageCount?: number;
  attributes: QuoteAttributes;
  provenance: Provenance;
  errors: string[];
  error_details: ErrorDetail[];
  control_codes: string[];
  controls_count: number;
  versions: CheckVersions;
}
