/**
 * Stores files as QuoteChecks at the first stage (DESIGN.md §2): one transaction, a case when
 * several files come together or a case id is given. The insert trigger wakes the workers.
 */
import type { Knex } from 'knex';
import { createQuoteCheck } from '../db/quote-checks-repo.js';
import { saveQuoteFile } from '../db/quote-files-repo.js';
import {
  countCaseChecks,
  createQuotesCase,
  lockQuotesCase,
  reopenQuotesCase,
} from '../db/quotes-cases-repo.js';
import type { Profile, RenovationType } from '../domain/quote-check.js';
import { InvalidInputError, NotFoundError } from '../errors.js';
import { sniffFileType } from '../reading/sniff.js';

export interface SubmittedFile {
  filename: string;
  bytes: Uint8Array;
  /** Declared type; the type sniffed from the bytes is stored when it is known. */
  contentType?: string;
}

export interface SubmitOptions {
  profile: Profile;
  caseId?: string;
  sourceName?: string;
  reference?: string;
  email?: string;
  emailSubject?: string;
  metadata?: Record<string, unknown>;
  applicationVersion?: string;
  /** API uploads (spec/api.md §5.9): given by the caller, or the case's. */
  renovationType?: RenovationType;
  parentId?: string;
  fileText?: string;
  fileMarkdown?: string;
  /**
   * Refuse the files when the case would then hold more checks (the API's 20, spec/api.md §5.9);
   * the mail path has its own per-sender quota instead.
   */
  maxChecksPerCase?: number;
}

/** What an API case may hold (spec/api.md §5.9). */
export const API_MAX_CHECKS_PER_CASE = 20;

export interface Submission {
  caseId?: string;
  checks: { id: string; filename: string }[];
}

function contentTypeOf(file: SubmittedFile): string {
  const sniffed = sniffFileType(file.bytes);
  if (sniffed.kind !== 'unknown' && sniffed.kind !== 'empty') return sniffed.mime;
  return file.contentType ?? 'application/octet-stream';
}

/** Stores the bytes as a quote file (deduplicated on content and name); returns its id. */
export async function saveSubmittedFile(db: Knex, file: SubmittedFile): Promise<string> {
  return saveQuoteFile(db, {
    filename: file.filename,
    contentType: contentTypeOf(file),
    data: file.bytes,
  });
}

/** A quote file already stored (`quote_files`), to be checked. */
export interface StoredFile {
  filename: string;
  fileId: string;
}

/** The case and the checks, in one transaction; each file is stored by `fileIdOf` in turn. */
async function submit<F extends { filename: string }>(
  db: Knex,
  files: readonly F[],
  fileIdOf: (trx: Knex.Transaction, file: F) => Promise<string>,
  options: SubmitOptions,
): Promise<Submission> {
  return db.transaction(async (trx) => {
    let caseId = options.caseId;
    if (caseId) {
      // locked: two uploads to a nearly full case cannot both pass the count
      if (!(await lockQuotesCase(trx, caseId))) {
        throw new NotFoundError(`Dossier introuvable : ${caseId}`);
      }
      const max = options.maxChecksPerCase;
      if (max !== undefined && (await countCaseChecks(trx, caseId)) + files.length > max) {
        throw new InvalidInputError(
          `Le dossier contient déjà ${max} devis au plus : il est complet.`,
        );
      }
    }
    if (!caseId && files.length > 1) {
      caseId = await createQuotesCase(trx, {
        profile: options.profile,
        ...(options.sourceName ? { sourceName: options.sourceName } : {}),
        ...(options.reference ? { reference: options.reference } : {}),
        ...(options.email ? { email: options.email } : {}),
        ...(options.emailSubject ? { emailSubject: options.emailSubject } : {}),
      });
    }
    const checks: Submission['checks'] = [];
    for (const file of files) {
      const fileId = await fileIdOf(trx, file);
      const id = await createQuoteCheck(trx, {
        fileId,
        caseId: caseId ?? null,
        profile: options.profile,
        ...(options.sourceName ? { sourceName: options.sourceName } : {}),
        reference: options.reference ?? null,
        metadata: options.metadata ?? null,
        email: options.email ?? null,
        emailSubject: options.emailSubject ?? null,
        ...(options.applicationVersion ? { applicationVersion: options.applicationVersion } : {}),
        ...(options.renovationType ? { renovationType: options.renovationType } : {}),
        ...(options.parentId ? { parentId: options.parentId } : {}),
        ...(options.fileText ? { fileText: options.fileText } : {}),
        ...(options.fileMarkdown ? { fileMarkdown: options.fileMarkdown } : {}),
      });
      checks.push({ id, filename: file.filename });
    }
    if (caseId) await reopenQuotesCase(trx, caseId);
    return caseId ? { caseId, checks } : { checks };
  });
}

/** Stores the files and creates their checks. */
export async function submitFiles(
  db: Knex,
  files: readonly SubmittedFile[],
  options: SubmitOptions,
): Promise<Submission> {
  return submit(db, files, saveSubmittedFile, options);
}

/**
 * Creates the checks of files already stored (an inbound attachment built by the database from
 * its pieces, never held whole here): same case and check rules as `submitFiles`.
 */
export async function submitStoredFiles(
  db: Knex,
  files: readonly StoredFile[],
  options: SubmitOptions,
): Promise<Submission> {
  return submit(db, files, (_trx, file) => Promise.resolve(file.fileId), options);
}
