import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { editQuoteCheckFinding, editQuotesCaseFinding } from '../../src/db/finding-edits-repo.js';
import { getQuoteCheck, resetForRecheck } from '../../src/db/quote-checks-repo.js';
import { getQuotesCase } from '../../src/db/quotes-cases-repo.js';
import { processChecksUntilFinal } from '../../src/pipeline/process-checks.js';
import { submitFiles } from '../../src/pipeline/submit-files.js';
import { closeTestReader, runnerDeps } from '../support/runner-deps.js';
import { finding, seedCase, seedCheck } from '../support/seed-results.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await closeTestReader();
  await database.drop();
});

const editedAt = async (table: string, id: string) =>
  (
    (await database.knex(table).where({ id }).first('validation_error_edited_at')) as {
      validation_error_edited_at: Date | null;
    }
  ).validation_error_edited_at;

describe('edits of a quote check', () => {
  it('deletes, restores and comments, and stamps validation_error_edited_at', async () => {
    const id = await seedCheck(database.knex, {
      details: [finding('{id}-1', 'devis_manquant'), finding('{id}-2', 'client_nom_manquant')],
    });
    const now = new Date('2026-12-03T09:00:00Z');
    const request = {
      findingId: `${id}-1`,
      action: { kind: 'delete' as const, reason: 'not_used' },
    };
    expect(await editQuoteCheckFinding(database.knex, id, { ...request, now })).toBe('done');
    expect((await getQuoteCheck(database.knex, id))?.validationErrorEdits).toEqual({
      [`${id}-1`]: { deleted: true, deleted_at: now.toISOString(), reason: 'not_used' },
    });
    expect(await editedAt('quote_checks', id)).toEqual(now);
    const restore = { findingId: `${id}-1`, action: { kind: 'restore' as const } };
    expect(await editQuoteCheckFinding(database.knex, id, restore)).toBe('done');
    expect((await getQuoteCheck(database.knex, id))?.validationErrorEdits).toBeNull();
  });

  it('answers not_found for an unknown check or finding, pending while analysed', async () => {
    const id = await seedCheck(database.knex, { details: [finding('{id}-1', 'devis_manquant')] });
    const del = { kind: 'delete' as const };
    const edit = (checkId: string, findingId: string) =>
      editQuoteCheckFinding(database.knex, checkId, { findingId, action: del });
    expect(await edit(randomUUID(), `${id}-1`)).toBe('not_found');
    expect(await edit('pas-un-uuid', `${id}-1`)).toBe('not_found');
    expect(await edit(id, `${id}-99`)).toBe('not_found');
    const pending = await seedCheck(database.knex, { pending: true });
    expect(await edit(pending, `${pending}-1`)).toBe('pending');
    expect((await getQuoteCheck(database.knex, id))?.validationErrorEdits).toBeNull();
  });

  it('keeps both of two concurrent edits of one check', async () => {
    const details = Array.from({ length: 8 }, (_, i) => finding(`{id}-${i + 1}`, `code_${i}`));
    const id = await seedCheck(database.knex, { details });
    const outcomes = await Promise.all(
      details.map((_, i) =>
        i % 2 === 0
          ? editQuoteCheckFinding(database.knex, id, {
              findingId: `${id}-${i + 1}`,
              action: { kind: 'delete', reason: 'information_present' },
            })
          : editQuoteCheckFinding(database.knex, id, {
              findingId: `${id}-${i + 1}`,
              action: { kind: 'comment', comment: `commentaire ${i}` },
            }),
      ),
    );
    expect(outcomes).toEqual(details.map(() => 'done'));
    const edits = (await getQuoteCheck(database.knex, id))?.validationErrorEdits ?? {};
    expect(Object.keys(edits).sort()).toEqual(details.map((_, i) => `${id}-${i + 1}`).sort());
    expect(edits[`${id}-1`]?.deleted).toBe(true);
    expect(edits[`${id}-2`]?.comment).toBe('commentaire 1');
  });
});

describe('edits of a case', () => {
  it('repeat on every finished check holding the same code, first occurrence', async () => {
    const { caseId, checkIds } = await seedCase(
      database.knex,
      [
        { details: [finding('{id}-1', 'futur_incoherent'), finding('{id}-2', 'futur_incoherent')] },
        { details: [finding('{id}-1', 'autre_code')] },
      ],
      [finding('{id}-1', 'futur_incoherent', { category: 'case_incoherence', type: 'error' })],
    );
    const [withCode, without] = checkIds as [string, string];
    const findingId = `${caseId}-1`;
    const del = { findingId, action: { kind: 'delete' as const, reason: 'texte libre' } };
    expect(await editQuotesCaseFinding(database.knex, caseId, del)).toBe('done');
    expect(
      (await getQuotesCase(database.knex, caseId))?.validationErrorEdits?.[findingId],
    ).toMatchObject({ deleted: true, reason: 'texte libre' });
    const checkEdits = (await getQuoteCheck(database.knex, withCode))?.validationErrorEdits;
    expect(Object.keys(checkEdits ?? {})).toEqual([`${withCode}-1`]);
    expect(checkEdits?.[`${withCode}-1`]).toMatchObject({ deleted: true, reason: 'texte libre' });
    expect((await getQuoteCheck(database.knex, without))?.validationErrorEdits).toBeNull();
    expect(await editedAt('quote_checks', withCode)).not.toBeNull();

    // comments: the check's own comment is kept; the case's previous one is replaced
    const comment = (text: string) =>
      editQuotesCaseFinding(database.knex, caseId, {
        findingId,
        action: { kind: 'comment', comment: text },
      });
    await comment('premier');
    expect(
      (await getQuoteCheck(database.knex, withCode))?.validationErrorEdits?.[`${withCode}-1`]
        ?.comment,
    ).toBe('premier');
    await comment('second');
    expect(
      (await getQuoteCheck(database.knex, withCode))?.validationErrorEdits?.[`${withCode}-1`]
        ?.comment,
    ).toBe('second');
    await editQuoteCheckFinding(database.knex, withCode, {
      findingId: `${withCode}-1`,
      action: { kind: 'comment', comment: 'propre au devis' },
    });
    await comment('troisième');
    expect(
      (await getQuoteCheck(database.knex, withCode))?.validationErrorEdits?.[`${withCode}-1`]
        ?.comment,
    ).toBe('propre au devis');
  });

  it('answers not_found for an unknown case or finding, pending while a check is analysed', async () => {
    const { caseId } = await seedCase(database.knex, [{}], [finding('{id}-1', 'x_incoherent')]);
    const action = { kind: 'delete' as const };
    expect(
      await editQuotesCaseFinding(database.knex, randomUUID(), { findingId: 'x', action }),
    ).toBe('not_found');
    expect(
      await editQuotesCaseFinding(database.knex, caseId, { findingId: `${caseId}-7`, action }),
    ).toBe('not_found');
    const open = await seedCase(database.knex, [{ pending: true }], []);
    expect(
      await editQuotesCaseFinding(database.knex, open.caseId, {
        findingId: `${open.caseId}-1`,
        action,
      }),
    ).toBe('pending');
  });
});

describe('a re-check', () => {
  it('keeps a deletion made through the edit mechanism; no edit lands while it runs', async () => {
    const bytes = new Uint8Array(
      await readFile(new URL('../fixtures/files/dev-02.pdf', import.meta.url)),
    );
    const { checks } = await submitFiles(database.knex, [{ filename: 'dev-02.pdf', bytes }], {
      profile: 'artisan',
    });
    const id = checks[0]!.id;
    const deps = runnerDeps(database);
    await processChecksUntilFinal(deps, [id], { timeoutMs: 30_000, pollMs: 5 });
    const etas = (await getQuoteCheck(database.knex, id))!.validation!.errorDetails.find(
      (d) => d.code === 'chauffage_etas_manquant',
    )!;
    const action = { kind: 'delete' as const, reason: DELETION_LABEL };
    expect(await editQuoteCheckFinding(database.knex, id, { findingId: etas.id, action })).toBe(
      'done',
    );
    expect(await resetForRecheck(database.knex, id)).toBe(true);
    expect(await editQuoteCheckFinding(database.knex, id, { findingId: etas.id, action })).toBe(
      'pending',
    );
    await processChecksUntilFinal(deps, [id], { timeoutMs: 30_000, pollMs: 5 });
    const after = await getQuoteCheck(database.knex, id);
    expect(after?.finishedAt).not.toBeNull();
    expect(after?.validation?.errorDetails.some((d) => d.id === etas.id)).toBe(true);
    expect(after?.validationErrorEdits?.[etas.id]).toMatchObject({
      deleted: true,
      reason: 'information_present',
    });
  });
});

const DELETION_LABEL = 'Élément bien présent dans le devis';
