/**
 * Finished checks and cases with chosen findings, straight in the test database: for the tests
 * of what reads results (finding edits, the result page) without running the pipeline.
 */
import type { Knex } from 'knex';
import type { QuoteAttributes } from '../../src/domain/attributes.js';
import type { ErrorDetail, ToVerify } from '../../src/domain/finding.js';
import { jsonb, validationColumns } from '../../src/db/quote-check-row.js';
import { createQuoteCheck } from '../../src/db/quote-checks-repo.js';
import { saveQuoteFile } from '../../src/db/quote-files-repo.js';
import { createQuotesCase } from '../../src/db/quotes-cases-repo.js';

export interface SeedCheck {
  filename?: string;
  /** Findings; `{id}` in an id is replaced by the check id. */
  details?: ErrorDetail[];
  toVerify?: ToVerify[];
  attributes?: QuoteAttributes;
  /** Leave the check unfinished (being analysed). */
  pending?: boolean;
}

function withId<T extends { id: string; geste_id?: string }>(items: T[], id: string): T[] {
  return items.map((d) => ({
    ...d,
    id: d.id.replaceAll('{id}', id),
    ...(d.geste_id ? { geste_id: d.geste_id.replaceAll('{id}', id) } : {}),
  }));
}

/** A check at stage final (or received when `pending`), with its findings; returns its id. */
export async function seedCheck(
  db: Knex,
  seed: SeedCheck,
  caseId: string | null = null,
): Promise<string> {
  const fileId = await saveQuoteFile(db, {
    filename: seed.filename ?? 'devis.pdf',
    contentType: 'application/pdf',
    data: new TextEncoder().encode(`%PDF-1.4 ${Math.random()}`),
  });
  const id = await createQuoteCheck(db, { fileId, caseId, profile: 'artisan' });
  if (seed.pending) return id;
  const details = withId(seed.details ?? [], id);
  await db('quote_checks')
    .where({ id })
    .update({
      ...validationColumns({
        errors: details.map((d) => d.code),
        errorDetails: details,
        ...(seed.toVerify ? { toVerify: seed.toVerify } : {}),
        controlCodes: details.map((d) => d.code),
        controlsCount: details.length + 10,
        version: 'test',
      }),
      read_attributes: jsonb(seed.attributes ?? null),
      stage: 'final',
      finished_at: db.fn.now(),
    });
  return id;
}

/** A finished case holding the given checks, with case-level findings (`{id}` = case id). */
export async function seedCase(
  db: Knex,
  checks: SeedCheck[],
  caseDetails: ErrorDetail[] = [],
): Promise<{ caseId: string; checkIds: string[] }> {
  const caseId = await createQuotesCase(db, { profile: 'artisan' });
  const checkIds: string[] = [];
  for (const check of checks) checkIds.push(await seedCheck(db, check, caseId));
  const details = withId(caseDetails, caseId);
  await db('quotes_cases')
    .where({ id: caseId })
    .update({
      ...validationColumns({
        errors: details.map((d) => d.code),
        errorDetails: details,
        controlCodes: [],
        controlsCount: details.length,
        version: 'test',
      }),
      renovation_type: checks.length > 1 ? 'ampleur' : 'geste',
      finished_at: checks.some((c) => c.pending) ? null : db.fn.now(),
    });
  return { caseId, checkIds };
}

/** A finding of the given code (admin category, type missing unless told). */
export function finding(id: string, code: string, extra: Partial<ErrorDetail> = {}): ErrorDetail {
  return {
    id,
    code: code as ErrorDetail['code'],
    category: 'admin',
    type: 'missing',
    title: `Titre de ${code}`,
    ...extra,
  };
}
