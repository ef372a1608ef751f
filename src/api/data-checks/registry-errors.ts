/**
 * A registry (ADEME, SIRENE) that fails behind a public data check answers 503 when retrying
 * later may help (network, time-out, 429, 5xx, outage page) and 502 otherwise (an answer we
 * cannot use), with the generic body, never a 500 (spec/api.md §3.4).
 */
import { UpstreamError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { ApiError } from '../errors.js';
import { otherError } from '../errors.js';

const NAMES: Record<string, string> = {
  ademe: "L'annuaire RGE de l'ADEME",
  sirene: "L'annuaire des entreprises",
};

export function registryError(err: UpstreamError): ApiError {
  const name = NAMES[err.adapter] ?? 'Le service consulté';
  return err.retryable
    ? otherError(
        503,
        'Service unavailable',
        `${name} ne répond pas pour le moment ; réessayez plus tard.`,
      )
    : otherError(502, 'Bad gateway', `${name} a renvoyé une réponse inutilisable.`);
}

/** Runs a registry lookup; an UpstreamError becomes a logged 502/503, anything else goes up. */
export async function throughRegistry<T>(
  lookup: () => Promise<T>,
  logger: Logger,
  context: Record<string, unknown>,
): Promise<T> {
  try {
    return await lookup();
  } catch (err) {
    if (!(err instanceof UpstreamError)) throw err;
    logger.warn({ err, adapter: err.adapter, ...context }, 'data check: registry unavailable');
    throw registryError(err);
  }
}
