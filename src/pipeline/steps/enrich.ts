/**
 * Enrichment (pipeline.md §10, DESIGN.md §4): the company's RGE qualifications (ADEME) and its
 * SIRENE record, looked up by the SIRET the quote prints, through the lookup cache. A registry
 * that is down or slow leaves its part "not verified" (`unavailable`): the rules needing it are
 * skipped, never reported as valid nor as failed, and the check is not delayed by retries.
 */
import { UpstreamError } from '../../errors.js';
import { digitsOf, isValidSiret } from '../../domain/identifiers.js';
import type { Enrichment } from '../../domain/quote-check.js';
import { toQualification, type AdemeQualification } from '../../adapters/ademe.js';
import { cachedLookup } from '../../db/lookup-cache-repo.js';
import type { Step, StepDeps } from './step.js';

export const ENRICH_VERSION = 'enrich/1';

/** The SIRET printed on the quote (deterministic reading first, then the private-data LLM). */
function siretOf(check: Parameters<Step['run']>[0]): string | undefined {
  const fromLlm = (check.privateDataQaAttributes?.['pro'] as { siret?: unknown } | undefined)
    ?.siret;
  for (const candidate of [check.naiveAttributes?.pro?.siret, fromLlm]) {
    if (typeof candidate === 'string' && isValidSiret(candidate)) return digitsOf(candidate);
  }
  return undefined;
}

/** A registry that fails is one log line with ids (no stack: an UpstreamError, logger.ts). */
async function degrade<T>(
  lookup: () => Promise<T>,
  onOutage: () => void,
  deps: StepDeps,
  context: { adapter: string; quoteCheckId: string },
): Promise<T | undefined> {
  try {
    return await lookup();
  } catch (err) {
    if (!(err instanceof UpstreamError)) throw err;
    deps.logger.warn({ err, ...context }, 'registry unavailable: not verified');
    onOutage();
    return undefined;
  }
}

export const enrichStep: Step = {
  name: 'enrich',
  from: 'private_read',
  async run(check, deps) {
    const siret = siretOf(check);
    if (!siret || (!deps.ademe && !deps.sirene)) return { patch: {}, outcome: 'skipped' };
    const enrichment: Enrichment = {};
    const unavailable: NonNullable<Enrichment['unavailable']> = [];
    const { ademe, sirene } = deps;
    const ttlMs = deps.lookupTtlMs;
    if (ademe) {
      const rows = await degrade(
        () =>
          cachedLookup(deps.db, { kind: 'ademe_rge_rows', key: siret, ttlMs }, () =>
            ademe.rowsBySiret(siret),
          ),
        () => unavailable.push('ademe'),
        deps,
        { adapter: 'ademe', quoteCheckId: check.id },
      );
      if (rows) {
        const qualifications = rows
          .map(toQualification)
          .filter((q): q is AdemeQualification => q !== undefined);
        enrichment.rge = { qualifications };
      }
    }
    if (sirene) {
      const found = await degrade(
        () =>
          cachedLookup(deps.db, { kind: 'sirene', key: siret, ttlMs }, () =>
            sirene.lookupSiret(siret),
          ),
        () => unavailable.push('sirene'),
        deps,
        { adapter: 'sirene', quoteCheckId: check.id },
      );
      if (found) {
        enrichment.sirene = {
          found: found.found,
          ...(found.nom === undefined ? {} : { nom: found.nom }),
          ...(found.adresse === undefined ? {} : { adresse: found.adresse }),
          ...(found.etat === undefined ? {} : { etat: found.etat }),
        };
      }
    }
    if (unavailable.length > 0) enrichment.unavailable = unavailable;
    return {
      patch: { enrichment, enrichmentVersion: ENRICH_VERSION },
      outcome: 'done',
      version: ENRICH_VERSION,
    };
  },
};
