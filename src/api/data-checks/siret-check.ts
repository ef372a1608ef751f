/**
 * The public SIRET check (spec/api.md §5.6): format first, then existence in the company
 * directory through the lookup cache the enrichment step fills. Fail-open as upstream: when the
 * reference SIRET is not found either (or the directory fails for both), the directory is taken
 * to be down or blocking us and the SIRET is accepted — said in a warning log line.
 */
import type { Knex } from 'knex';
import type { SireneClient, SireneResult } from '../../adapters/sirene.js';
import { cachedLookup } from '../../db/lookup-cache-repo.js';
import { isValidSiret } from '../../domain/identifiers.js';
import { UpstreamError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { codeError, otherError } from '../errors.js';
import { registryError } from './registry-errors.js';

/** A SIRET that always exists (an establishment of the State), probed to tell "unknown" from "down". */
export const REFERENCE_SIRET = '11006801200050';

export interface SiretCheckDeps {
  db: Knex;
  logger: Logger;
  sirene?: SireneClient;
  lookupTtlMs: number;
}

type Lookup = { found: boolean } | { failed: UpstreamError };

async function lookup(deps: SiretCheckDeps, sirene: SireneClient, siret: string): Promise<Lookup> {
  try {
    return await cachedLookup<SireneResult>(
      deps.db,
      { kind: 'sirene', key: siret, ttlMs: deps.lookupTtlMs },
      () => sirene.lookupSiret(siret),
    );
  } catch (err) {
    if (err instanceof UpstreamError) return { failed: err };
    throw err;
  }
}

const isFound = (answer: Lookup) => 'found' in answer && answer.found;

export async function checkSiret(
  deps: SiretCheckDeps,
  rawSiret: string | undefined,
): Promise<{ valid: true }> {
  const siret = rawSiret?.replace(/\s/gu, '');
  if (!siret) throw codeError(400, 'siret_manquant');
  if (!isValidSiret(siret)) throw codeError(400, 'siret_format_erreur');
  const { sirene } = deps;
  if (!sirene) {
    throw otherError(503, 'Service unavailable', "La vérification SIRET n'est pas configurée.");
  }
  const checked = await lookup(deps, sirene, siret);
  if (isFound(checked)) return { valid: true };
  const reference = await lookup(deps, sirene, REFERENCE_SIRET);
  if (!isFound(reference)) {
    const err = 'failed' in reference ? reference.failed : undefined;
    deps.logger.warn(
      { err, adapter: 'sirene', checkedFailed: 'failed' in checked },
      'siret check: reference SIRET not found either, directory taken as down (fail-open)',
    );
    return { valid: true };
  }
  if ('failed' in checked) {
    deps.logger.warn({ err: checked.failed, adapter: 'sirene' }, 'siret check: lookup failed');
    throw registryError(checked.failed);
  }
  throw codeError(404, 'siret_manquant');
}
