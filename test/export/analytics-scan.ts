/**
 * What the export tests read back from the analytics database: the published tables and their
 * counts, every text-like value of every column (for the personal-data scan), and a logger
 * that keeps its records so a test can check what was logged.
 */
import type { Knex } from 'knex';
import { pino, type Logger } from 'pino';

export const SCHEMA = 'mdso_analytics';

/** E-mail addresses, French phone numbers, street addresses and SIRETs, wherever they are. */
export const PERSONAL_PATTERNS: Readonly<Record<string, RegExp>> = {
  email: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/u,
  phone: /(?<![0-9A-Za-z-])(?:\+33\s?|0)[1-9](?:[\s.]?\d{2}){4}(?![0-9A-Za-z-])/u,
  street:
    /\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|chemin|allée|impasse|place|route|quai)\b/iu,
  siret: /(?<![0-9A-Za-z-])\d{3}\s?\d{3}\s?\d{3}\s?\d{5}(?![0-9A-Za-z-])/u,
};

export async function publishedCounts(target: Knex): Promise<Record<string, number>> {
  const { rows } = (await target.raw(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? ORDER BY 1`,
    [SCHEMA],
  )) as { rows: { name: string }[] };
  const counts: Record<string, number> = {};
  for (const { name } of rows) {
    const result = (await target.raw(`SELECT count(*) AS n FROM ${SCHEMA}.??`, [name])) as {
      rows: { n: string }[];
    };
    counts[name] = Number(result.rows[0]?.n);
  }
  return counts;
}

export interface ScannedValue {
  table: string;
  column: string;
  value: string;
}

/** Every non-null value of every text, jsonb, array or varchar column, as text. */
export async function textValues(target: Knex, schema = SCHEMA): Promise<ScannedValue[]> {
  const { rows: columns } = (await target.raw(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = ? AND data_type IN ('text', 'jsonb', 'json', 'ARRAY', 'character varying')
     ORDER BY table_name, ordinal_position`,
    [schema],
  )) as { rows: { table_name: string; column_name: string }[] };
  const values: ScannedValue[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    const { rows } = (await target.raw(`SELECT ??::text AS value FROM ??.?? WHERE ?? IS NOT NULL`, [
      column,
      schema,
      table,
      column,
    ])) as { rows: { value: string }[] };
    for (const { value } of rows) values.push({ table, column, value });
  }
  return values;
}

/** What the patterns and the needles find in these values, one line per finding. */
export function findPersonalData(
  values: readonly ScannedValue[],
  needles: readonly string[],
): string[] {
  const found: string[] = [];
  for (const { table, column, value } of values) {
    for (const [kind, pattern] of Object.entries(PERSONAL_PATTERNS)) {
      if (pattern.test(value)) found.push(`${table}.${column} ${kind}: ${value}`);
    }
    for (const needle of needles) {
      if (value.toLowerCase().includes(needle.toLowerCase())) {
        found.push(`${table}.${column} « ${needle} »: ${value}`);
      }
    }
  }
  return found;
}

export interface CapturedLogger {
  logger: Logger;
  records: Record<string, unknown>[];
}

export function capturingLogger(): CapturedLogger {
  const records: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'debug' },
    { write: (line: string) => void records.push(JSON.parse(line) as Record<string, unknown>) },
  );
  return { logger, records };
}
