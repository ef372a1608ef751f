/** The readable French summary of a stored check or case (`mdso show` without `--json`). */
import type { FoundRecord } from '../db/records-repo.js';
import type { QuoteCheck } from '../domain/quote-check.js';
import { publicStatus } from '../pipeline/stages.js';
import { caseStatus } from '../api/serializers/quotes-case.js';
import { formatSummary } from './summary.js';

const STATUS_LABELS = { pending: 'en cours d’analyse', valid: 'conforme', invalid: 'à corriger' };

/** A person reads files by name and cases by date, never by id (DESIGN.md §6). */
const UNNAMED = 'devis sans nom de fichier';

function checkSummary(check: QuoteCheck, filename: string | null): string {
  const name = filename ?? UNNAMED;
  const status = publicStatus(check);
  if (status === 'pending') return `${name} — ${STATUS_LABELS.pending}`;
  const validation = check.validation;
  const reading = check.reading?.kind;
  return formatSummary(name, {
    id: check.id,
    status,
    reading: reading === 'infected' || reading === undefined ? 'unreadable' : reading,
    ...(check.reading?.pageCount === undefined ? {} : { pageCount: check.reading.pageCount }),
    attributes: check.readAttributes ?? {},
    provenance: check.readProvenance ?? {},
    errors: validation?.errors ?? [],
    error_details: validation?.errorDetails ?? [],
    ...(validation?.toVerify?.length ? { a_verifier: validation.toVerify } : {}),
    control_codes: validation?.controlCodes ?? [],
    controls_count: validation?.controlsCount ?? 0,
    versions: { extractor: check.naiveVersion ?? '', rules: validation?.version ?? '' },
  });
}

export function formatRecord(record: FoundRecord): string {
  if (record.kind === 'check') return checkSummary(record.check, record.filename);
  const { quotesCase, checks } = record;
  const status = caseStatus(
    quotesCase,
    checks.map((c) => c.check),
  );
  const received = new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(quotesCase.createdAt);
  const named = quotesCase.reference ? `« ${quotesCase.reference} » ` : '';
  // nothing to correct but mentions left to check: not « conforme » (DESIGN.md §5)
  const toVerify = checks.some((c) => (c.check.validation?.toVerify?.length ?? 0) > 0);
  const label =
    status === 'valid' && toVerify
      ? 'aucun point à corriger, mentions à vérifier'
      : status
        ? STATUS_LABELS[status]
        : 'vide';
  const lines = [`Dossier ${named}reçu le ${received} : ${label} (${checks.length} devis)`];
  for (const detail of quotesCase.validation?.errorDetails ?? []) {
    lines.push(`  ✗ ${detail.title}`);
  }
  for (const { check, filename } of checks) lines.push('', checkSummary(check, filename));
  return lines.join('\n');
}
