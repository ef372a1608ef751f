import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createQuotesCase } from '../../src/db/quotes-cases-repo.js';
import { caseIdByMessageIds } from '../../src/db/threads-repo.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.drop();
});

describe('thread matching by Message-ID', () => {
  it('finds the case of a report by our Message-ID or by the one Brevo gave it', async () => {
    const caseId = await createQuotesCase(database.knex, { profile: 'email' });
    await database.knex('outbound_emails').insert({
      template: 'results_available',
      message_id: '<report-1@mon-devis-sans-oublis.local>',
      provider_id: '<202611250001.ABCDEF@smtp-relay.mailin.fr>',
      case_id: caseId,
    });
    expect(
      await caseIdByMessageIds(database.knex, ['<report-1@mon-devis-sans-oublis.local>']),
    ).toBe(caseId);
    expect(
      await caseIdByMessageIds(database.knex, ['<202611250001.abcdef@smtp-relay.mailin.fr>']),
    ).toBe(caseId);
    expect(await caseIdByMessageIds(database.knex, ['<other@exemple.fr>'])).toBeUndefined();
  });
});
