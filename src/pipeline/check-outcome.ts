/** The result of checking one document in memory (CLI `check`, eval, and the runner's last step). */
import type { Provenance, QuoteAttributes } from '../domain/attributes.js';
import type { ErrorDetail, ToVerify } from '../domain/finding.js';

export type { ErrorDetail, ToVerify } from '../domain/finding.js';

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
  /** Mentions seen on the document but not read: *à vérifier* (DESIGN.md §5); absent when none. */
  a_verifier?: ToVerify[];
  control_codes: string[];
  controls_count: number;
  versions: CheckVersions;
}
