import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getQuoteFileData, saveQuoteFile } from '../../src/db/quote-files-repo.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.drop();
});

describe('quote files', () => {
  it.each([
    ['an empty file', 0],
    ['a small file', 10_000],
    ['a file stored in pieces', 3 * 1024 * 1024 + 17],
  ])('%s is stored byte for byte, once per (content, name)', async (_label, size) => {
    const data = randomBytes(size);
    const file = { filename: `f-${size}.pdf`, contentType: 'application/pdf', data };
    const id = await saveQuoteFile(database.knex, file);
    expect(Buffer.from((await getQuoteFileData(database.knex, id))!).equals(data)).toBe(true);
    expect(await saveQuoteFile(database.knex, file)).toBe(id);
    const inTransaction = await database.knex.transaction((trx) => saveQuoteFile(trx, file));
    expect(inTransaction).toBe(id);
    const renamed = await saveQuoteFile(database.knex, { ...file, filename: 'autre.pdf' });
    expect(renamed).not.toBe(id);
  });
});
