/**
 * The fields of `POST /api/v1/quote_checks` (spec/api.md §5.9) turned into what
 * `submitFiles` takes — the same function `mdso submit` calls, so an upload enters the same
 * pipeline, with the same limits, as a mail or the CLI. Validation messages are French; a
 * `case_id` the caller cannot see is a 404, like an unknown one.
 */
import type { Knex } from 'knex';
import { MAX_DOCUMENT_CHARS } from '../../domain/quote-document.js';
import { API_PROFILES, RENOVATION_TYPES } from '../../domain/quote-options.js';
import type { Profile, RenovationType } from '../../domain/quote-check.js';
import {
  API_MAX_CHECKS_PER_CASE,
  type SubmitOptions,
  type SubmittedFile,
} from '../../pipeline/submit-files.js';
import { isInScope, type ApiCaller } from '../auth.js';
import { unprocessable, validationFailed } from '../errors.js';
import { loadCase } from '../records.js';
import { getCheckSummary } from '../../db/api-records-repo.js';
import { isUuid } from '../../db/pg-errors.js';
import { fetchFileUrl, parseAllowedPrefixes } from './fetch-file-url.js';
import { parseMetadata } from './metadata-input.js';
import type { ApiContext } from '../route-context.js';

export { API_PROFILES, RENOVATION_TYPES };

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v : undefined;

export function checkProfile(value: unknown, messages: string[]): Profile | undefined {
  const v = str(value);
  if (v && (API_PROFILES as readonly string[]).includes(v)) return v as Profile;
  messages.push(
    v
      ? `profile : « ${v} » n’est pas un profil accepté (${API_PROFILES.join(', ')}).`
      : `profile : obligatoire (${API_PROFILES.join(', ')}).`,
  );
  return undefined;
}

export function checkRenovationType(
  value: unknown,
  messages: string[],
): RenovationType | undefined {
  const v = str(value);
  if (v && (RENOVATION_TYPES as readonly string[]).includes(v)) return v as RenovationType;
  messages.push(
    v
      ? `renovation_type : « ${v} » n’est pas accepté (geste ou ampleur).`
      : 'renovation_type : obligatoire (geste ou ampleur).',
  );
  return undefined;
}

function checkText(name: string, value: unknown, messages: string[]): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') {
    messages.push(`${name} : du texte est attendu.`);
    return undefined;
  }
  if (value.length > MAX_DOCUMENT_CHARS) {
    messages.push(`${name} : ${MAX_DOCUMENT_CHARS.toLocaleString('fr-FR')} caractères au plus.`);
    return undefined;
  }
  return value.trim() ? value : undefined;
}

/** The file part, or the file behind a `file` URL; 422 when there is none or it is empty. */
export async function uploadedFile(
  ctx: ApiContext,
  part: { originalname: string; buffer: Buffer; mimetype: string } | undefined,
  urlField: unknown,
): Promise<SubmittedFile> {
  let file: SubmittedFile;
  if (part) {
    file = {
      filename: Buffer.from(part.originalname, 'latin1').toString('utf8') || 'fichier',
      bytes: new Uint8Array(part.buffer.buffer, part.buffer.byteOffset, part.buffer.length),
      contentType: part.mimetype,
    };
  } else if (typeof urlField === 'string' && urlField.trim()) {
    file = await fetchFileUrl(urlField.trim(), {
      allowedPrefixes: parseAllowedPrefixes(ctx.config.MDSO_ALLOWED_FILE_UPLOAD_URL_HOSTS),
      maxBytes: ctx.config.MDSO_QUOTE_FILE_MAX_SIZE * 1_048_576,
      timeoutMs: ctx.config.MDSO_FILE_URL_TIMEOUT_MS,
      maxRedirects: ctx.config.MDSO_FILE_URL_MAX_REDIRECTS,
      logger: ctx.logger,
      ...(ctx.fetchImpl ? { fetchImpl: ctx.fetchImpl } : {}),
    });
  } else {
    throw unprocessable('Aucun fichier reçu (champ file).');
  }
  if (file.bytes.length === 0) throw unprocessable('Le fichier est vide.');
  return file;
}

/** The submission options of the upload, validated; throws 404 or 422 ApiErrors. */
export async function uploadOptions(
  db: Knex,
  caller: ApiCaller,
  body: Record<string, unknown>,
): Promise<SubmitOptions> {
  const messages: string[] = [];
  const caseId = str(body['case_id']);
  const quotesCase = caseId ? await loadCase(db, caller, caseId) : undefined;
  let metadata: ReturnType<typeof parseMetadata>;
  try {
    metadata = parseMetadata(body['metadata']);
  } catch (err) {
    messages.push(...((err as { body?: { message?: string[] } }).body?.message ?? []));
  }
  const profile = quotesCase ? quotesCase.profile : checkProfile(body['profile'], messages);
  const renovationType = quotesCase
    ? quotesCase.renovationType
    : checkRenovationType(body['renovation_type'], messages);
  const fileText = checkText('file_text', body['file_text'], messages);
  const fileMarkdown = checkText('file_markdown', body['file_markdown'], messages);
  const reference = checkText('reference', body['reference'], messages);
  const parentId = str(body['parent_id']);
  if (parentId) {
    const parent = isUuid(parentId) ? await getCheckSummary(db, parentId) : undefined;
    if (!parent || !isInScope(caller, parent.check)) {
      messages.push(`parent_id : aucun devis « ${parentId} ».`);
    }
  }
  if (messages.length > 0 || !profile || !renovationType) throw validationFailed(messages);
  const inherited = metadata ?? (quotesCase?.metadata as Record<string, unknown> | null);
  return {
    profile,
    renovationType,
    sourceName: caller.sourceName,
    ...(quotesCase ? { caseId: quotesCase.id, maxChecksPerCase: API_MAX_CHECKS_PER_CASE } : {}),
    ...(inherited ? { metadata: inherited } : {}),
    ...(reference ? { reference } : {}),
    ...(parentId ? { parentId } : {}),
    ...(fileText ? { fileText } : {}),
    ...(fileMarkdown ? { fileMarkdown } : {}),
  };
}
