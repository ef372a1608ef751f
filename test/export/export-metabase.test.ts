/**
 * The analytics export between two real databases of the test server (issue 11): every table
 * arrives with the source's row count, nothing personal arrives (scan of every text value), the
 * analytical columns arrive intact, and the run is one `export_logs` row with its counts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { listExportLogs } from '../../src/db/export-logs-repo.js';
import { PLACEHOLDERS } from '../../src/db/analytics-sql.js';
import { exportMetabase, type MetabaseExportOutcome } from '../../src/export/export-metabase.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';
import {
  capturingLogger,
  findPersonalData,
  PERSONAL_PATTERNS,
  publishedCounts,
  SCHEMA,
  textValues,
} from './analytics-scan.js';
import { NEEDLES, seedSource, sourceCounts, type SourceIds } from './metabase-fixtures.js';

let source: TestDatabase;
let target: TestDatabase;
let ids: SourceIds;
let outcome: MetabaseExportOutcome;
const captured = capturingLogger();

beforeAll(async () => {
  source = await createTestDatabase();
  target = await createTestDatabase({ empty: true });
  ids = await seedSource(source.knex);
  outcome = await exportMetabase(
    { db: source.knex, sourceUrl: source.url, targetUrl: target.url, logger: captured.logger },
    { trigger: 'manual' },
  );
});

afterAll(async () => {
  await source?.drop();
  await target?.drop();
});

async function row(table: string, id: string): Promise<Record<string, unknown>> {
  const found = (await target.knex.withSchema(SCHEMA).from(table).where({ id }).first()) as
    Record<string, unknown> | undefined;
  if (!found) throw new Error(`${table} ${id} not exported`);
  return found;
}

describe('exportMetabase', () => {
  it('publishes every table with the row count of the source, and logs that count', async () => {
    const expected = await sourceCounts(source.knex);
    expect(await publishedCounts(target.knex)).toEqual(expected);
    expect(outcome).toMatchObject({ status: 'exported', tableCounts: expected });
    const [log] = await listExportLogs(source.knex, 1);
    expect(log).toMatchObject({
      status: 'success',
      trigger: 'manual',
      tableCounts: expected,
      recordsExported: Object.values(expected).reduce((a, b) => a + b, 0),
      failedTable: null,
    });
    expect(log?.durationMs).toBeGreaterThan(0);
    expect(log?.finishedAt).toBeInstanceOf(Date);
    expect(captured.records.filter((r) => r['level'] === 50)).toEqual([]);
  });

  it('exports no e-mail address, phone number, street address, SIRET, name or free text', async () => {
    const values = await textValues(target.knex);
    expect(values.length).toBeGreaterThan(50);
    expect(findPersonalData(values, NEEDLES)).toEqual([]);
  });

  it('(the same scan finds every kind of personal data and every needle in the source)', async () => {
    const found = findPersonalData(await textValues(source.knex, 'public'), NEEDLES).join('\n');
    for (const kind of Object.keys(PERSONAL_PATTERNS)) expect(found).toContain(` ${kind}: `);
    for (const needle of NEEDLES) expect(found).toContain(`« ${needle} »`);
  });

  it('keeps the analytical columns of a check and stands placeholders and pseudonyms in', async () => {
    const check = await row('quote_checks', ids.check1);
    expect(check).toMatchObject({
      profile: 'conseiller',
      email_domain: 'orange.fr',
      case_id: ids.case1,
      validation_errors: ['rge_manquant', 'client_nom_manquant'],
      validation_control_codes: ['rge_manquant', 'client_nom_manquant', 'devis_manquant'],
      validation_controls_count: 3,
      validation_to_verify: ['visite_technique_manquant'],
      geste_types: ['pac_air_eau'],
      reading_kind: 'text_layer',
      page_count: 2,
      stage: 'final',
      validation_version: '0.0.1',
      text: PLACEHOLDERS.text,
      comment: PLACEHOLDERS.comment,
    });
    expect(check['text']).toContain('anonymisé');
    expect(check['finished_at']).toEqual(new Date('2026-12-01T09:00:00Z'));
    expect(check['reference']).toMatch(/^ref_[0-9a-f]{16}$/u);
    // equal references keep one pseudonym within a run
    expect((await row('quote_checks', ids.check3))['reference']).toBe(check['reference']);

    const bare = await row('quote_checks', ids.check2);
    expect(bare).toMatchObject({
      text: null,
      comment: null,
      reference: null,
      source_name: 'email',
    });
    expect(bare['email_domain']).toMatch(/^dom_[0-9a-f]{16}$/u);
    expect((await row('quotes_cases', ids.case1))['email_domain']).toBe('france-renov.gouv.fr');
  });

  it('keeps of human edits the finding code, flags and dates, never the words', async () => {
    const edits = (await row('quote_error_edits', ids.check1))['validation_error_edits'];
    expect(edits).toEqual({
      [`${ids.check1}-1`]: {
        code: 'rge_manquant',
        deleted: true,
        deleted_at: '2026-12-01T10:00:00Z',
        reason: 'autre',
        commented: true,
        commented_at: '2026-12-01T10:05:00Z',
      },
      [`${ids.check1}-2`]: {
        code: 'client_nom_manquant',
        deleted: true,
        reason: 'information_present',
        commented: false,
      },
    });
  });

  it('says whether a feedback left an e-mail or a comment, and what finding it is about', async () => {
    const feedbacks = (await target.knex
      .withSchema(SCHEMA)
      .from('quote_check_feedbacks')
      .orderBy('created_at')) as Record<string, unknown>[];
    const byDetail = (id: unknown) =>
      feedbacks.find((f) => f['validation_error_details_id'] === id);
    expect(byDetail(`${ids.check1}-2`)).toMatchObject({
      email: PLACEHOLDERS.email,
      email_provided: true,
      comment: PLACEHOLDERS.comment,
      validation_error_code: 'client_nom_manquant',
    });
    expect(feedbacks.filter((f) => f['rating'] === 5)).toHaveLength(1);
    const blank = feedbacks.find((f) => f['quote_check_id'] === ids.check2);
    expect(blank).toMatchObject({
      validation_error_details_id: null,
      email: null,
      email_provided: false,
      comment: null,
    });
  });

  it('keeps of processing logs the whitelisted keys, and of mails the counts and states', async () => {
    const logs = (await target.knex.withSchema(SCHEMA).from('processing_logs')) as {
      tags: string[];
      input_parameters: string | null;
      output_result: string | null;
    }[];
    const rge = logs.find((l) => l.tags.includes('success'));
    expect(rge?.tags).toEqual(['rge_validation', 'success']);
    expect(JSON.parse(rge?.input_parameters ?? '')).toEqual({
      date: '2026-11-01',
      geste_types: ['pac_air_eau'],
    });
    expect(JSON.parse(rge?.output_result ?? '')).toEqual({ valid: true });
    const step = logs.find((l) => l.tags.includes('step/extract/done'));
    expect(JSON.parse(step?.input_parameters ?? '')).toEqual({ attempt: 1 });
    expect(JSON.parse(step?.output_result ?? '')).toEqual({
      outcome: 'done',
      version: 'naive-1',
      duration_ms: 42,
    });

    const inbound = (await target.knex
      .withSchema(SCHEMA)
      .from('inbound_emails')
      .where({ channel: 'smtp' })
      .first()) as Record<string, unknown>;
    expect(inbound).toMatchObject({
      status: 'processed',
      case_id: ids.case1,
      parts_count: 2,
      quote_parts_count: 1,
      not_checked_parts_count: 1,
      part_reasons: ['heic_unsupported'],
    });
    const outbound = (await target.knex
      .withSchema(SCHEMA)
      .from('outbound_emails')
      .orderBy('template')) as Record<string, unknown>[];
    expect(outbound.map((o) => [o['template'], o['status'], o['transport']])).toEqual([
      ['quote_check_created', 'pending', 'smtp'],
      ['results_available', 'sent', 'outbox'],
    ]);
  });

  it('grants read access to the reader role at each run', async () => {
    const role = `mdso_reader_${ids.check1.slice(0, 8)}`;
    await target.knex.raw('CREATE ROLE ?? NOLOGIN', [role]);
    try {
      await exportMetabase(
        {
          db: source.knex,
          sourceUrl: source.url,
          targetUrl: target.url,
          readerRole: role,
          logger: capturingLogger().logger,
        },
        { trigger: 'manual' },
      );
      const { rows } = (await target.knex.raw(
        `SELECT has_schema_privilege(?, ?, 'USAGE') AS usage,
           has_table_privilege(?, ?, 'SELECT') AS reads,
           has_table_privilege(?, ?, 'INSERT') AS writes`,
        [role, SCHEMA, role, `${SCHEMA}.quote_checks`, role, `${SCHEMA}.quote_checks`],
      )) as { rows: unknown[] };
      expect(rows).toEqual([{ usage: true, reads: true, writes: false }]);
    } finally {
      await target.knex.raw('DROP OWNED BY ??', [role]);
      await target.knex.raw('DROP ROLE ??', [role]);
    }
  });

  it('leaves no staging schema behind', async () => {
    const { rows } = (await target.knex.raw(
      "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'mdso_analytics%' ORDER BY 1",
    )) as { rows: { nspname: string }[] };
    expect(rows.map((r) => r.nspname)).toEqual([SCHEMA]);
  });
});
