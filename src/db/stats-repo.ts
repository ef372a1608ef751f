/**
 * The figures of the public statistics (spec/api.md §5.20), aggregated by PostgreSQL in one pass
 * over `quote_checks`, with exact decimal arithmetic for the roundings up:
 * - errors per check: stored `validation_errors` lengths over all checks, up to 0.1;
 * - processing time: checks that took strictly between 0 and 1000 s; mean rounded up, median of
 *   the durations each rounded up (mean of the two middle ones for an even count);
 * - cost: checks whose works-data LLM result (`qa_result`) holds token `usage`, priced at
 *   Mistral's rates whatever the model (tokens by started thousand, VAT, each part and the sum
 *   up to the cent), mean up to the cent.
 */
import type { Knex } from 'knex';

export interface QuoteCheckFigures {
  quoteChecksCount: number;
  averageErrorsCount: number | null;
  averageProcessingSeconds: number | null;
  medianProcessingSeconds: number | null;
  averageCostEuros: number | null;
}

/** € per started thousand tokens, excluding VAT (upstream's fixed Mistral prices). */
const PROMPT_EUROS_PER_THOUSAND = '0.0018';
const COMPLETION_EUROS_PER_THOUSAND = '0.0054';
const VAT = '1.2';

const tokens = (name: string) =>
  `CASE WHEN jsonb_typeof(qa_result -> 'usage' -> '${name}') = 'number'
     THEN (qa_result -> 'usage' ->> '${name}')::numeric ELSE 0 END`;

/** One part of a check's cost: started thousands × price × VAT, rounded up to the cent. */
const part = (name: string, price: string) =>
  `ceil(ceil(${tokens(name)} / 1000) * ${price} * ${VAT} * 100) / 100`;

const FIGURES_SQL = `
  SELECT
    count(*)::int AS checks,
    CASE WHEN count(*) > 0
      THEN ceil(coalesce(sum(errors), 0)::numeric * 10 / count(*)) / 10 END AS average_errors,
    ceil(avg(seconds) FILTER (WHERE seconds > 0 AND seconds < 1000)) AS average_seconds,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY ceil(seconds)::float8)
      FILTER (WHERE seconds > 0 AND seconds < 1000) AS median_seconds,
    ceil(avg(euros) * 100) / 100 AS average_euros
  FROM (
    SELECT
      CASE WHEN jsonb_typeof(validation_errors) = 'array'
        THEN jsonb_array_length(validation_errors) END AS errors,
      EXTRACT(EPOCH FROM finished_at - started_at) AS seconds,
      CASE WHEN jsonb_typeof(qa_result -> 'usage') = 'object' THEN
        ceil((${part('prompt_tokens', PROMPT_EUROS_PER_THOUSAND)}
          + ${part('completion_tokens', COMPLETION_EUROS_PER_THOUSAND)}) * 100) / 100
      END AS euros
    FROM quote_checks
  ) AS per_check`;

interface FiguresRow {
  checks: number;
  average_errors: string | null;
  average_seconds: string | null;
  median_seconds: number | null;
  average_euros: string | null;
}

const toNumber = (value: string | number | null): number | null =>
  value === null ? null : Number(value);

export async function computeQuoteCheckFigures(db: Knex): Promise<QuoteCheckFigures> {
  const result = (await db.raw(FIGURES_SQL)) as { rows: FiguresRow[] };
  const row = result.rows[0];
  if (!row) throw new Error('stats query returned no row');
  return {
    quoteChecksCount: row.checks,
    averageErrorsCount: toNumber(row.average_errors),
    averageProcessingSeconds: toNumber(row.average_seconds),
    medianProcessingSeconds: toNumber(row.median_seconds),
    averageCostEuros: toNumber(row.average_euros),
  };
}
