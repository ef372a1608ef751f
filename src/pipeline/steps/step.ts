/**
 * What a pipeline step is (STYLE.md §4): a function of the check and the deps returning a patch,
 * an outcome and its version. Steps never write to the database; the runner persists each
 * result in one transaction. Running a step again replaces its output.
 */
import type { Knex } from 'knex';
import type { AdemeClient } from '../../adapters/ademe.js';
import type { ClamavClient } from '../../adapters/clamav.js';
import type { LlmClient } from '../../adapters/llm/llm-client.js';
import type { OcrEngine } from '../../adapters/ocr/ocr-engine.js';
import type { PdfReader } from '../../adapters/pdf/pdf-reader.js';
import type { SireneClient } from '../../adapters/sirene.js';
import type { QuoteCheck, Stage } from '../../domain/quote-check.js';
import type { Logger } from '../../logger.js';
import type { StepPatch } from '../../db/quote-checks-repo.js';

export interface StepDeps {
  db: Knex;
  logger: Logger;
  reader: PdfReader;
  readTimeoutMs: number;
  /** Reads scans and photos; without it they get the scan finding. */
  ocr?: OcrEngine;
  clamav?: ClamavClient;
  ademe?: AdemeClient;
  sirene?: SireneClient;
  lookupTtlMs: number;
  llm: {
    /** Reads the full text: only a provider allowed to receive personal data. */
    privateData?: LlmClient;
    /** Reads the anonymised text. */
    worksData?: LlmClient;
  };
  /** ISO date (Europe/Paris) the rules compare dates with. */
  today(): string;
  priceRanges?: Readonly<Record<string, { min: number; max: number }>>;
  frontendHost?: string;
}

export interface StepResult {
  patch: StepPatch;
  outcome: 'done' | 'skipped';
  version?: string;
}

export interface Step {
  name: string;
  /** The stage this step starts from; it moves the check to the next stage of STAGES. */
  from: Stage;
  run(check: QuoteCheck, deps: StepDeps): Promise<StepResult>;
  /**
   * After the last failed attempt: the patch that lets the check go on (e.g. an `llm_error`
   * problem, the deterministic reading kept). Absent: the check finishes with a server finding.
   */
  giveUp?(check: QuoteCheck, err: unknown): StepPatch;
}
