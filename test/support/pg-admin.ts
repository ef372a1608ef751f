/** Helpers shared by the jest global setup and test files for the test PostgreSQL server. */
import pg from 'pg';

/** Set by the global setup: the admin URL of the test server and the migrated template's name. */
export const ADMIN_URL_ENV = 'MDSO_TEST_PG_ADMIN_URL';
export const TEMPLATE_ENV = 'MDSO_TEST_PG_TEMPLATE';

/** The same server as `url`, database `database`. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
