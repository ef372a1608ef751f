/**
 * SIRET/SIREN lookup through the public company-search JSON API ("API Recherche d'entreprises",
 * `GET /search?q=<siret>`), as spec/external.md §2 recommends instead of scraping sirene.fr.
 * Answer shape used: `{ results: [{ siren, nom_complet, nom_raison_sociale, etat_administratif,
 * siege: { siret, adresse, etat_administratif }, matching_etablissements: [{ siret, adresse,
 * etat_administratif }] }], total_results }`. No key, no personal data sent (a company id only).
 */
import { InvalidInputError, UpstreamError } from '../errors.js';
import type { Logger } from '../logger.js';

export interface SireneResult {
  found: boolean;
  siren: string;
  /** The establishment looked up (the head office when a SIREN was given). */
  siret?: string;
  nom?: string;
  adresse?: string;
  /** Administrative state of the establishment (`A` active, `F` closed in SIRENE). */
  etat?: 'actif' | 'ferme';
}

export interface SireneClient {
  /** Looks up a 14-digit SIRET or a 9-digit SIREN (spaces allowed). */
  lookupSiret(siretOrSiren: string): Promise<SireneResult>;
}

export interface SireneClientOptions {
  /** e.g. `https://recherche-entreprises.api.gouv.fr` */
  baseUrl: string;
  timeoutMs: number;
  logger: Logger;
  /** Retries of a 429/5xx/network failure inside one call (default 1). */
  retries?: number;
  retryDelayMs?: number;
}

const ADAPTER = 'sirene';

interface Establishment {
  siret?: unknown;
  adresse?: unknown;
  etat_administratif?: unknown;
}

interface Company {
  siren?: unknown;
  nom_complet?: unknown;
  nom_raison_sociale?: unknown;
  siege?: Establishment;
  matching_etablissements?: Establishment[];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function etat(value: unknown): SireneResult['etat'] {
  if (value === 'A') return 'actif';
  if (value === 'F' || value === 'C') return 'ferme';
  return undefined;
}

/** Our result for `id` (a SIRET or a SIREN) among the search results. */
export function toSireneResult(id: string, body: unknown): SireneResult {
  const siren = id.slice(0, 9);
  const results = (body as { results?: unknown } | null)?.results;
  const companies = Array.isArray(results) ? (results as Company[]) : [];
  const company = companies.find((c) => text(c?.siren) === siren);
  if (!company)
    return id.length === 14 ? { found: false, siren, siret: id } : { found: false, siren };
  const establishments = [company.siege, ...(company.matching_etablissements ?? [])];
  const establishment =
    id.length === 14 ? establishments.find((e) => text(e?.siret) === id) : company.siege;
  if (!establishment) return { found: false, siren, siret: id };
  const result: SireneResult = { found: true, siren };
  const siret = text(establishment.siret);
  const nom = text(company.nom_raison_sociale) ?? text(company.nom_complet);
  const adresse = text(establishment.adresse);
  const state = etat(establishment.etat_administratif);
  if (siret) result.siret = siret;
  if (nom) result.nom = nom;
  if (adresse) result.adresse = adresse;
  if (state) result.etat = state;
  return result;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createSireneClient(options: SireneClientOptions): SireneClient {
  const { timeoutMs, logger, retries = 1, retryDelayMs = 500 } = options;
  const searchUrl = `${options.baseUrl.replace(/\/+$/u, '')}/search`;

  async function searchOnce(id: string): Promise<unknown> {
    const url = new URL(searchUrl);
    url.searchParams.set('q', id);
    let response: Response;
    let body: string;
    try {
      response = await fetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
      body = await response.text();
    } catch (cause) {
      throw new UpstreamError(ADAPTER, 'SIRENE: pas de réponse (réseau ou délai dépassé)', {
        retryable: true,
        cause,
      });
    }
    if (!response.ok) {
      const retryable = response.status === 429 || response.status >= 500;
      throw new UpstreamError(ADAPTER, `SIRENE: HTTP ${response.status}`, {
        upstreamStatus: response.status,
        retryable,
      });
    }
    try {
      return JSON.parse(body);
    } catch (cause) {
      throw new UpstreamError(ADAPTER, 'SIRENE: réponse non JSON', {
        upstreamStatus: response.status,
        retryable: true,
        cause,
      });
    }
  }

  return {
    async lookupSiret(siretOrSiren) {
      const id = siretOrSiren.replace(/\s/gu, '');
      if (!/^(\d{9}|\d{14})$/u.test(id)) {
        throw new InvalidInputError('SIRET (14 chiffres) ou SIREN (9 chiffres) attendu');
      }
      const started = Date.now();
      for (let attempt = 0; ; attempt += 1) {
        try {
          const result = toSireneResult(id, await searchOnce(id));
          const durationMs = Date.now() - started;
          logger.debug({ adapter: ADAPTER, found: result.found, durationMs }, 'sirene lookup');
          return result;
        } catch (err) {
          if (!(err instanceof UpstreamError) || !err.retryable || attempt >= retries) throw err;
          logger.debug({ adapter: ADAPTER, status: err.upstreamStatus, attempt }, 'sirene retry');
          await sleep(retryDelayMs * 2 ** attempt);
        }
      }
    },
  };
}
