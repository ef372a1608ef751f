/** Row shapes of `quote_checks` and `quotes_cases` and their mapping to the domain. */
import type { Provenance, QuoteAttributes } from '../domain/attributes.js';
import type { ErrorDetail, ToVerify } from '../domain/finding.js';
import type { QuoteDocument } from '../domain/quote-document.js';
import type {
  CheckedRecord,
  Enrichment,
  FindingEdits,
  Profile,
  QuoteCheck,
  QuotesCase,
  ReadingResult,
  RenovationType,
  Stage,
  StepProblem,
  ValidationOutput,
} from '../domain/quote-check.js';
import { storableDeep } from './storable-text.js';

/** jsonb parameters must be serialised: pg would turn a JS array into a PostgreSQL array. */
/** JSON text for a jsonb column; strings made storable (no NUL, no lone surrogate). */
export function jsonb(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(storableDeep(value));
}

interface ValidationRow {
  validation_errors: string[] | null;
  validation_error_details: ErrorDetail[] | null;
  validation_to_verify: ToVerify[] | null;
  validation_control_codes: string[] | null;
  validation_controls_count: number | null;
  validation_version: string | null;
  validation_error_edits: FindingEdits | null;
}

/** The columns quote_checks and quotes_cases share. */
interface CheckedRecordRow extends ValidationRow {
  id: string;
  profile: string;
  renovation_type: string;
  source_name: string | null;
  reference: string | null;
  metadata: Record<string, unknown> | null;
  email: string | null;
  email_subject: string | null;
  finished_at: Date | null;
  created_at: Date;
  result_token: string;
}

export interface QuoteCheckRow extends CheckedRecordRow {
  file_id: string | null;
  case_id: string | null;
  parent_id: string | null;
  stage: string;
  attempts: number;
  started_at: Date;
  result_sent_at: Date | null;
  reading: ReadingResult | null;
  document: QuoteDocument | null;
  text: string | null;
  anonymised_text: string | null;
  naive_attributes: QuoteAttributes | null;
  naive_version: string | null;
  private_data_qa_attributes: Record<string, unknown> | null;
  private_data_qa_version: string | null;
  qa_attributes: Record<string, unknown> | null;
  qa_version: string | null;
  enrichment: Enrichment | null;
  enrichment_version: string | null;
  read_attributes: QuoteAttributes | null;
  read_provenance: Provenance | null;
  step_problems: StepProblem[] | null;
  comment: string | null;
  application_version: string | null;
  file_text: string | null;
  file_markdown: string | null;
}

export type QuotesCaseRow = CheckedRecordRow;

function toValidation(row: ValidationRow): ValidationOutput | null {
  if (row.validation_version === null && row.validation_error_details === null) return null;
  return {
    errors: row.validation_errors ?? [],
    errorDetails: row.validation_error_details ?? [],
    ...(row.validation_to_verify ? { toVerify: row.validation_to_verify } : {}),
    controlCodes: row.validation_control_codes ?? [],
    controlsCount: row.validation_controls_count ?? 0,
    version: row.validation_version ?? '',
  };
}

export function validationColumns(validation: ValidationOutput | null): Record<string, unknown> {
  return {
    validation_errors: jsonb(validation?.errors ?? null),
    validation_error_details: jsonb(validation?.errorDetails ?? null),
    validation_to_verify: jsonb(validation?.toVerify ?? null),
    validation_control_codes: jsonb(validation?.controlCodes ?? null),
    validation_controls_count: validation?.controlsCount ?? null,
    validation_version: validation?.version ?? null,
  };
}

function toCheckedRecord(row: CheckedRecordRow): CheckedRecord {
  return {
    id: row.id,
    profile: row.profile as Profile,
    renovationType: row.renovation_type as RenovationType,
    sourceName: row.source_name,
    reference: row.reference,
    metadata: row.metadata,
    email: row.email,
    emailSubject: row.email_subject,
    finishedAt: row.finished_at,
    validation: toValidation(row),
    validationErrorEdits: row.validation_error_edits,
    resultToken: row.result_token,
  };
}

/** A row to the domain; a heavy column left out of the SELECT (summaries) reads as null. */
export function toQuoteCheck(row: QuoteCheckRow): QuoteCheck {
  return {
    ...toCheckedRecord(row),
    fileId: row.file_id,
    caseId: row.case_id,
    parentId: row.parent_id,
    stage: row.stage as Stage,
    attempts: row.attempts,
    startedAt: row.started_at,
    resultSentAt: row.result_sent_at,
    reading: row.reading ?? null,
    document: row.document ?? null,
    text: row.text ?? null,
    anonymisedText: row.anonymised_text ?? null,
    naiveAttributes: row.naive_attributes ?? null,
    naiveVersion: row.naive_version ?? null,
    privateDataQaAttributes: row.private_data_qa_attributes ?? null,
    privateDataQaVersion: row.private_data_qa_version ?? null,
    qaAttributes: row.qa_attributes ?? null,
    qaVersion: row.qa_version ?? null,
    enrichment: row.enrichment ?? null,
    enrichmentVersion: row.enrichment_version ?? null,
    readAttributes: row.read_attributes,
    readProvenance: row.read_provenance ?? null,
    stepProblems: row.step_problems ?? null,
    comment: row.comment,
    applicationVersion: row.application_version,
    givenText: row.file_markdown ?? row.file_text ?? null,
  };
}

export function toQuotesCase(row: QuotesCaseRow): QuotesCase {
  return { ...toCheckedRecord(row), createdAt: row.created_at };
}
