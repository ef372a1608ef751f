/**
 * What the analytics export copies (issue 11, spec/metabase.md §4): each target table as one
 * list of columns, each with its target type and the source expression that anonymises it, so
 * that the source SELECT and the target CREATE TABLE cannot drift apart. The quote tables are
 * here; the processing logs and the mail tables in analytics-log-tables.ts.
 * Analytical columns (ids, dates, statuses, codes, counts, profiles, geste types, versions) are
 * kept; free text, e-mail addresses, references, names and payloads never leave.
 */
import {
  codeArray,
  code,
  emailDomain,
  FINDING_ID,
  findingId,
  isFilled,
  placeholder,
  PLACEHOLDERS,
  pseudonym,
  version,
} from './analytics-sql.js';
import { analyticsLogTables } from './analytics-log-tables.js';

export interface AnalyticsColumn {
  name: string;
  /** PostgreSQL type in the target. */
  type: string;
  /** Source expression (the column of the same name when absent). */
  select?: string;
}

export interface AnalyticsTable {
  name: string;
  /** FROM clause of the source SELECT (with its alias and any WHERE). */
  from: string;
  columns: readonly AnalyticsColumn[];
  /** Columns indexed in the target besides the `id` primary key (joins in dashboards). */
  indexed?: readonly string[];
}

export interface AnalyticsTableOptions {
  /** Salt of the pseudonyms of this run (32 hex digits, random, never stored). */
  saltHex: string;
}

const col = (name: string, type: string, select?: string): AnalyticsColumn =>
  select === undefined ? { name, type } : { name, type, select };

/** Columns that quote_checks and quotes_cases share (spec/metabase.md §4.1, §4.2). */
function recordColumns(alias: string, saltHex: string): AnalyticsColumn[] {
  return [
    col('id', 'uuid', `${alias}.id`),
    col('profile', 'text', code(`${alias}.profile`)),
    col('email_domain', 'text', emailDomain(`${alias}.email_domain`, saltHex)),
    col('renovation_type', 'text', code(`${alias}.renovation_type`)),
    col('source_name', 'text', version(`${alias}.source_name`)),
    col('validation_controls_count', 'integer', `${alias}.validation_controls_count`),
    col('validation_errors', 'jsonb', `${alias}.validation_errors`),
    col('validation_control_codes', 'jsonb', `${alias}.validation_control_codes`),
    col('created_at', 'timestamptz', `${alias}.created_at`),
    col('updated_at', 'timestamptz', `${alias}.updated_at`),
    col('finished_at', 'timestamptz', `${alias}.finished_at`),
    col('reference', 'text', pseudonym(`${alias}.reference`, saltHex)),
    // ours: the mentions listed « à vérifier » (codes only; the labels are ours anyway)
    col('validation_to_verify', 'jsonb', codeArray(`${alias}.validation_to_verify`, 'code')),
    col('validation_version', 'text', version(`${alias}.validation_version`)),
    col('validation_error_edited_at', 'timestamptz', `${alias}.validation_error_edited_at`),
    col('result_sent_at', 'timestamptz', `${alias}.result_sent_at`),
  ];
}

function quoteChecks(saltHex: string): AnalyticsTable {
  return {
    name: 'quote_checks',
    from: 'quote_checks q',
    columns: [
      ...recordColumns('q', saltHex),
      col('started_at', 'timestamptz', 'q.started_at'),
      col('case_id', 'uuid', 'q.case_id'),
      col('parent_id', 'uuid', 'q.parent_id'),
      col('text', 'text', placeholder('q.text', PLACEHOLDERS.text)),
      col('comment', 'text', placeholder('q.comment', PLACEHOLDERS.comment)),
      col('commented_at', 'timestamptz', 'q.commented_at'),
      // ours: where the check is, how its file was read, what works it holds, which versions
      col('stage', 'text', code('q.stage')),
      col('attempts', 'integer', 'q.attempts'),
      col('reading_kind', 'text', code("q.reading ->> 'kind'")),
      col(
        'page_count',
        'integer',
        `CASE WHEN jsonb_typeof(q.reading -> 'pageCount') = 'number'
          THEN (q.reading ->> 'pageCount')::numeric::integer END`,
      ),
      col('ocr_engine', 'text', version("q.reading ->> 'ocrEngine'")),
      col('geste_types', 'jsonb', codeArray("q.read_attributes -> 'gestes'", 'type')),
      col('naive_version', 'text', version('q.naive_version')),
      col('private_data_qa_version', 'text', version('q.private_data_qa_version')),
      col('qa_version', 'text', version('q.qa_version')),
      col('enrichment_version', 'text', version('q.enrichment_version')),
      col('application_version', 'text', version('q.application_version')),
    ],
    indexed: ['case_id'],
  };
}

function quotesCases(saltHex: string): AnalyticsTable {
  return { name: 'quotes_cases', from: 'quotes_cases c', columns: recordColumns('c', saltHex) };
}

/** Feedbacks: the rating and what it is about; whether an e-mail or a comment was left. */
const quoteCheckFeedbacks: AnalyticsTable = {
  name: 'quote_check_feedbacks',
  from: 'quote_check_feedbacks f LEFT JOIN quote_checks q ON q.id = f.quote_check_id',
  columns: [
    col('id', 'uuid', 'f.id'),
    col('quote_check_id', 'uuid', 'f.quote_check_id'),
    col('validation_error_details_id', 'text', findingId('f.validation_error_details_id')),
    col('rating', 'integer', 'f.rating'),
    col('created_at', 'timestamptz', 'f.created_at'),
    col('updated_at', 'timestamptz', 'f.updated_at'),
    col('email', 'text', placeholder('f.email', PLACEHOLDERS.email)),
    col('comment', 'text', placeholder('f.comment', PLACEHOLDERS.comment)),
    // ours (spec/metabase.md §6.9): a flag instead of an address, the code the feedback is about
    col('email_provided', 'boolean', isFilled('f.email')),
    col(
      'validation_error_code',
      'text',
      code(`(SELECT d ->> 'code' FROM jsonb_array_elements(
        CASE WHEN jsonb_typeof(q.validation_error_details) = 'array'
          THEN q.validation_error_details ELSE '[]'::jsonb END) d
        WHERE d ->> 'id' = f.validation_error_details_id LIMIT 1)`),
    ),
  ],
  indexed: ['quote_check_id'],
};

const ISO = "'^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]{5,15}(Z|[+-][0-9]{2}(:?[0-9]{2})?)?$'";
const editTime = (key: string) =>
  `CASE WHEN jsonb_typeof(e.value -> '${key}') = 'string' AND e.value ->> '${key}' ~ ${ISO}
    THEN e.value -> '${key}' END`;

/**
 * Human edits of findings (spec/metabase.md §4.4, §6.1): per finding, its code, whether it was
 * dismissed and when, the reason only when it is one of the catalogue's (else `autre`), and
 * whether it was commented and when; never the comment or a free reason.
 */
const quoteErrorEdits: AnalyticsTable = {
  name: 'quote_error_edits',
  from: 'quote_checks q WHERE q.validation_error_edits IS NOT NULL',
  columns: [
    col('id', 'uuid', 'q.id'),
    col(
      'validation_error_edits',
      'jsonb',
      `coalesce((SELECT jsonb_object_agg(e.key, jsonb_strip_nulls(jsonb_build_object(
        'code', ${code(`(SELECT d ->> 'code' FROM jsonb_array_elements(
          CASE WHEN jsonb_typeof(q.validation_error_details) = 'array'
            THEN q.validation_error_details ELSE '[]'::jsonb END) d
          WHERE d ->> 'id' = e.key LIMIT 1)`)},
        'deleted', CASE WHEN jsonb_typeof(e.value -> 'deleted') = 'boolean'
          THEN e.value -> 'deleted' END,
        'deleted_at', ${editTime('deleted_at')},
        'reason', CASE WHEN e.value ->> 'reason' IN ('information_present', 'not_used')
          THEN e.value -> 'reason'
          WHEN ${isFilled("e.value ->> 'reason'")} THEN '"autre"'::jsonb END,
        'commented', ${isFilled("e.value ->> 'comment'")},
        'commented_at', ${editTime('commented_at')})))
      FROM jsonb_each(CASE WHEN jsonb_typeof(q.validation_error_edits) = 'object'
        THEN q.validation_error_edits ELSE '{}'::jsonb END) e
      WHERE e.key ~ '${FINDING_ID}'), '{}'::jsonb)`,
    ),
    col('validation_error_edited_at', 'timestamptz', 'q.validation_error_edited_at'),
    col('created_at', 'timestamptz', 'q.created_at'),
  ],
};

/** Every exported table, in load order. */
export function analyticsTables(options: AnalyticsTableOptions): AnalyticsTable[] {
  return [
    quoteChecks(options.saltHex),
    quotesCases(options.saltHex),
    quoteCheckFeedbacks,
    quoteErrorEdits,
    ...analyticsLogTables(),
  ];
}

/** The source query of a table: what leaves the application database. */
export function analyticsSelectSql(table: AnalyticsTable): string {
  const columns = table.columns.map((c) => `${c.select ?? c.name} AS ${c.name}`).join(',\n  ');
  return `SELECT ${columns}\nFROM ${table.from}`;
}
