/**
 * The persistent objects of the pipeline (spec/domain.md §3) in camelCase: a QuoteCheck (one
 * analysis of one file), a QuotesCase (the quotes of one mail thread or one API "dossier"),
 * and the stage a check has reached in the pipeline (DESIGN.md §4).
 */
import type { Provenance, QuoteAttributes } from './attributes.js';
import type { ErrorDetail, ToVerify } from './finding.js';
import type { QuoteDocument } from './quote-document.js';

/** Ordered stages: a check at stage S has completed every step up to S. */
export const STAGES = [
  'received',
  'scanned',
  'read',
  'extracted',
  'private_read',
  'enriched',
  'anonymised',
  'works_read',
  'merged',
  'judged',
  'final',
] as const;

export type Stage = (typeof STAGES)[number];

export const PROFILES = ['artisan', 'particulier', 'mandataire', 'conseiller', 'email'] as const;
export type Profile = (typeof PROFILES)[number];

export type RenovationType = 'geste' | 'ampleur';

/** How the text was obtained, or why it could not be. */
export interface ReadingResult {
  kind: 'text_layer' | 'plain_text' | 'ocr' | 'scan' | 'unreadable' | 'unsupported' | 'infected';
  /** Upstream reading code when the file could not be read. */
  code?: 'empty_file_error' | 'file_reading_error' | 'unsupported_file_format';
  /** French explanation for the sender when the file could not be read. */
  problem?: string;
  pageCount?: number;
  ocrEngine?: string;
}

/** Registry answers gathered by the enrich step; absent part = not verified. */
export interface Enrichment {
  rge?: { qualifications: unknown[] };
  sirene?: { found: boolean; nom?: string; adresse?: string; etat?: 'actif' | 'ferme' };
  /** Lookups that failed (outage): their rules are skipped, never reported as valid. */
  unavailable?: ('ademe' | 'sirene')[];
}

/** A step that gave up after its last attempt; becomes a finding at validation. */
export interface StepProblem {
  step: string;
  /** `server_timeout_error` when a step kept failing for a reason of ours. */
  code: 'llm_error' | 'file_reading_error' | 'server_timeout_error';
  /** French explanation for the reader of the report. */
  problem: string;
}

/** One human edit of a finding (spec/domain.md §7). */
export interface FindingEdit {
  deleted?: boolean;
  deleted_at?: string;
  reason?: string;
  comment?: string | null;
  commented_at?: string;
}

export type FindingEdits = Record<string, FindingEdit>;

export interface ValidationOutput {
  errors: string[];
  errorDetails: ErrorDetail[];
  /** Mentions seen but not read (DESIGN.md §5); absent on results stored before them. */
  toVerify?: ToVerify[];
  controlCodes: string[];
  controlsCount: number;
  version: string;
}

/** What a QuoteCheck and a QuotesCase both carry: who sent it, how, and its findings. */
export interface CheckedRecord {
  id: string;
  profile: Profile;
  renovationType: RenovationType;
  sourceName: string | null;
  reference: string | null;
  metadata: Record<string, unknown> | null;
  email: string | null;
  emailSubject: string | null;
  finishedAt: Date | null;
  validation: ValidationOutput | null;
  validationErrorEdits: FindingEdits | null;
  /** Random, unguessable key of the result page (`/resultats/<token>`), never the id. */
  resultToken: string;
}

export interface QuoteCheck extends CheckedRecord {
  fileId: string | null;
  caseId: string | null;
  parentId: string | null;
  stage: Stage;
  attempts: number;
  startedAt: Date;
  resultSentAt: Date | null;
  reading: ReadingResult | null;
  /** The document as read (lines and cells), input of the extractor. */
  document: QuoteDocument | null;
  text: string | null;
  anonymisedText: string | null;
  naiveAttributes: QuoteAttributes | null;
  naiveVersion: string | null;
  privateDataQaAttributes: Record<string, unknown> | null;
  privateDataQaVersion: string | null;
  qaAttributes: Record<string, unknown> | null;
  qaVersion: string | null;
  enrichment: Enrichment | null;
  enrichmentVersion: string | null;
  readAttributes: QuoteAttributes | null;
  readProvenance: Provenance | null;
  stepProblems: StepProblem[] | null;
  comment: string | null;
  applicationVersion: string | null;
  /** Text of the document given with the upload (API `file_markdown`, else `file_text`): read instead of the file. */
  givenText: string | null;
}

export interface QuotesCase extends CheckedRecord {
  createdAt: Date;
}

/** What is shown to people: pending until finished, then valid/invalid (DESIGN.md §5). */
export type PublicStatus = 'pending' | 'valid' | 'invalid';
