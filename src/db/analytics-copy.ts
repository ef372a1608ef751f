/**
 * Moving the analytics tables between the two databases (issue 11), streamed: each table is
 * one `COPY (SELECT …) TO STDOUT` on the source piped into one `COPY … FROM STDIN` on the
 * target, with back-pressure, so no table is ever held in memory. The source reads every table
 * in one repeatable-read snapshot (feedbacks and their checks agree). The target loads into a
 * staging schema inside one transaction that ends by swapping it for the published schema:
 * readers see the previous export until the commit, and a failure at any point (or a process
 * that dies) rolls everything back, leaving the previous export in place.
 */
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { analyticsSelectSql, type AnalyticsTable } from './analytics-tables.js';

/** The schema Metabase reads, and the ones used while replacing it. */
export const ANALYTICS_SCHEMA = 'mdso_analytics';
const STAGING_SCHEMA = 'mdso_analytics_staging';
const PREVIOUS_SCHEMA = 'mdso_analytics_previous';

/** How long the swap may wait for Metabase queries on the previous tables. */
const SWAP_LOCK_TIMEOUT = '60s';

export interface AnalyticsConnection {
  readonly client: pg.Client;
  /** Why the connection was lost, when it was (later queries only say it is unusable). */
  readonly lostWith: () => Error | undefined;
  /** Ends the connection; an open transaction is rolled back by the server. */
  close(): Promise<void>;
}

const CLOSE_TIMEOUT_MS = 5_000;

/** A dedicated connection with a stable session set-up (ISO dates, UTC, our name). */
export async function openAnalyticsConnection(
  url: string,
  role: 'source' | 'target',
): Promise<AnalyticsConnection> {
  const client = new pg.Client({
    connectionString: url,
    application_name: `mdso-export-metabase-${role}`,
  });
  // A connection lost between two queries is reported by the next query; never crash on it.
  let lost: Error | undefined;
  client.on('error', (err) => (lost ??= err));
  await client.connect();
  await client.query(
    "SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC'; SET IntervalStyle = 'iso_8601'",
  );
  return {
    client,
    lostWith: () => lost,
    close: async () => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          // a connection stuck in a COPY does not answer Terminate: cut it
          (
            client as unknown as { connection?: { stream?: { destroy(): void } } }
          ).connection?.stream?.destroy();
          resolve();
        }, CLOSE_TIMEOUT_MS);
      });
      await Promise.race([client.end().catch(() => undefined), timeout]);
      clearTimeout(timer);
    },
  };
}

/** The source side: one read-only snapshot for every table of the run. */
export async function beginSourceSnapshot(source: AnalyticsConnection): Promise<void> {
  await source.client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
}

/** The target side: a fresh staging schema, inside the transaction that will publish it. */
export async function beginStaging(target: AnalyticsConnection): Promise<void> {
  await target.client.query('BEGIN');
  await target.client.query(`DROP SCHEMA IF EXISTS ${STAGING_SCHEMA} CASCADE`);
  await target.client.query(`CREATE SCHEMA ${STAGING_SCHEMA}`);
}

const ident = (name: string): string => pg.escapeIdentifier(name);

/**
 * Creates the table in the staging schema and streams the rows in; returns how many rows the
 * target took (checked against how many the source sent).
 */
export async function copyTable(
  source: AnalyticsConnection,
  target: AnalyticsConnection,
  table: AnalyticsTable,
): Promise<number> {
  const name = `${STAGING_SCHEMA}.${ident(table.name)}`;
  const columns = table.columns.map((c) => `${ident(c.name)} ${c.type}`).join(', ');
  await target.client.query(`CREATE TABLE ${name} (${columns})`);
  const out = source.client.query(copyTo(`COPY (${analyticsSelectSql(table)}) TO STDOUT`));
  // FREEZE: the table was created in this transaction, so its rows can be written frozen.
  const into = target.client.query(
    copyFrom(
      `COPY ${name} (${table.columns.map((c) => ident(c.name)).join(', ')}) FROM STDIN WITH (FREEZE)`,
    ),
  );
  await pipeline(out, into);
  if (out.rowCount !== into.rowCount) {
    throw new Error(
      `${table.name}: ${out.rowCount} rows read from the source, ${into.rowCount} written`,
    );
  }
  await target.client.query(`ALTER TABLE ${name} ADD PRIMARY KEY (id)`);
  for (const column of table.indexed ?? []) {
    await target.client.query(`CREATE INDEX ON ${name} (${ident(column)})`);
  }
  await target.client.query(`ANALYZE ${name}`);
  return into.rowCount;
}

export interface PublishOptions {
  /** Role granted read access to the published schema (Metabase's database user). */
  readerRole?: string | undefined;
  /** Said on the schema (`COMMENT ON SCHEMA`), for whoever looks at it. */
  comment: string;
}

/**
 * Replaces the published schema by the staging one and commits: one transaction, so readers
 * go from the complete previous export to the complete new one.
 */
export async function publishStaging(
  target: AnalyticsConnection,
  options: PublishOptions,
): Promise<void> {
  const run = (sql: string) => target.client.query(sql);
  if (options.readerRole) {
    const role = ident(options.readerRole);
    await run(`GRANT USAGE ON SCHEMA ${STAGING_SCHEMA} TO ${role}`);
    await run(`GRANT SELECT ON ALL TABLES IN SCHEMA ${STAGING_SCHEMA} TO ${role}`);
  }
  await run(`COMMENT ON SCHEMA ${STAGING_SCHEMA} IS ${pg.escapeLiteral(options.comment)}`);
  await run(`SET LOCAL lock_timeout = '${SWAP_LOCK_TIMEOUT}'`);
  await run(`DROP SCHEMA IF EXISTS ${PREVIOUS_SCHEMA} CASCADE`);
  const { rows } = await target.client.query<{ present: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1) AS present',
    [ANALYTICS_SCHEMA],
  );
  if (rows[0]?.present) {
    await run(`ALTER SCHEMA ${ANALYTICS_SCHEMA} RENAME TO ${PREVIOUS_SCHEMA}`);
  }
  await run(`ALTER SCHEMA ${STAGING_SCHEMA} RENAME TO ${ANALYTICS_SCHEMA}`);
  await run(`DROP SCHEMA IF EXISTS ${PREVIOUS_SCHEMA} CASCADE`);
  await run('COMMIT');
}
