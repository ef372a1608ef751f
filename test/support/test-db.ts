/**
 * One database per test file, cloned from the migrated template of the global setup
 * (STYLE.md §14). Call `drop()` in `afterAll`.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { createKnex } from '../../src/db/database.js';
import { ADMIN_URL_ENV, adminQuery, TEMPLATE_ENV, withDatabase } from './pg-admin.js';

export interface TestDatabase {
  knex: Knex;
  url: string;
  name: string;
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** An empty database (no migrations applied) instead of a copy of the migrated template. */
  empty?: boolean;
}

export function testAdminUrl(): string {
  const url = process.env[ADMIN_URL_ENV];
  if (!url) throw new Error(`${ADMIN_URL_ENV} is unset: is jest's globalSetup configured?`);
  return url;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const adminUrl = testAdminUrl();
  const template = options.empty ? 'template0' : process.env[TEMPLATE_ENV];
  if (!template) throw new Error(`${TEMPLATE_ENV} is unset: is jest's globalSetup configured?`);
  const name = `mdso_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const url = withDatabase(adminUrl, name);
  const knex = createKnex(url);
  return {
    knex,
    url,
    name,
    drop: async () => {
      await knex.destroy();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
