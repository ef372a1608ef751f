/**
 * The log tables of the analytics export (issue 11): processing logs with their payloads
 * rebuilt from a whitelist (spec/metabase.md §4.5 exported them raw: user agents, referers,
 * SIRETs, companies' e-mails and phone numbers), and what this service adds, the inbound and
 * outbound mails as counts and states, without an address, a subject, a file name or a body.
 */
import { code, codeArray, countWhere, tagArray, whitelistedJson } from './analytics-sql.js';
import type { AnalyticsColumn, AnalyticsTable } from './analytics-tables.js';

const col = (name: string, type: string, select?: string): AnalyticsColumn =>
  select === undefined ? { name, type } : { name, type, select };

/** What a processing log may say: step attempts and outcomes, versions, durations, codes. */
const LOG_INPUT_KEYS = { attempt: 'number', date: 'date', geste_types: 'codes' } as const;
const LOG_OUTPUT_KEYS = {
  outcome: 'code',
  version: 'version',
  duration_ms: 'number',
  error_code: 'code',
  valid: 'boolean',
} as const;

const processingLogs: AnalyticsTable = {
  name: 'processing_logs',
  from: 'processing_logs l',
  columns: [
    col('id', 'uuid', 'l.id'),
    col('tags', 'text[]', tagArray('l.tags')),
    col(
      'processable_type',
      'text',
      `CASE WHEN l.processable_type IN ('QuoteCheck', 'QuotesCase', 'QuoteFile')
        THEN l.processable_type END`,
    ),
    col('processable_id', 'uuid', 'l.processable_id'),
    col('input_parameters', 'text', whitelistedJson('l.input_parameters', LOG_INPUT_KEYS)),
    col('output_result', 'text', whitelistedJson('l.output_result', LOG_OUTPUT_KEYS)),
    col('started_at', 'timestamptz', 'l.started_at'),
    col('finished_at', 'timestamptz', 'l.finished_at'),
  ],
  indexed: ['processable_id'],
};

/** Received mails: channel, fate, what their attachments became (counts and reason codes). */
const inboundEmails: AnalyticsTable = {
  name: 'inbound_emails',
  from: 'inbound_emails m',
  columns: [
    col('id', 'uuid', 'm.id'),
    col('channel', 'text', code('m.channel')),
    col('status', 'text', code('m.status')),
    col('error_code', 'text', code('m.error_code')),
    col('case_id', 'uuid', 'm.case_id'),
    col('received_at', 'timestamptz', 'm.received_at'),
    col('processed_at', 'timestamptz', 'm.processed_at'),
    col('raw_deleted_at', 'timestamptz', 'm.raw_deleted_at'),
    col('attempts', 'integer', 'm.attempts'),
    col('raw_size', 'bigint', 'm.raw_size'),
    col('has_references', 'boolean', 'm.has_references'),
    col(
      'parts_count',
      'integer',
      "CASE WHEN jsonb_typeof(m.parts) = 'array' THEN jsonb_array_length(m.parts) END",
    ),
    col('quote_parts_count', 'integer', countWhere('m.parts', 'outcome', 'quote')),
    col('ignored_parts_count', 'integer', countWhere('m.parts', 'outcome', 'ignored')),
    col('not_checked_parts_count', 'integer', countWhere('m.parts', 'outcome', 'not_checked')),
    col('part_reasons', 'jsonb', codeArray('m.parts', 'reason')),
    col('created_at', 'timestamptz', 'm.created_at'),
    col('updated_at', 'timestamptz', 'm.updated_at'),
  ],
  indexed: ['case_id'],
};

/** Sent mails: which template, through which transport, in which state, about what. */
const outboundEmails: AnalyticsTable = {
  name: 'outbound_emails',
  from: 'outbound_emails o',
  columns: [
    col('id', 'uuid', 'o.id'),
    col('template', 'text', code('o.template')),
    col('status', 'text', code('o.status')),
    col('transport', 'text', code('o.transport')),
    col('case_id', 'uuid', 'o.case_id'),
    col('check_id', 'uuid', 'o.check_id'),
    col('inbound_email_id', 'uuid', 'o.inbound_email_id'),
    col('attempts', 'integer', 'o.attempts'),
    col('sent_at', 'timestamptz', 'o.sent_at'),
    col('created_at', 'timestamptz', 'o.created_at'),
    col('updated_at', 'timestamptz', 'o.updated_at'),
  ],
  indexed: ['case_id'],
};

export function analyticsLogTables(): AnalyticsTable[] {
  return [processingLogs, inboundEmails, outboundEmails];
}
