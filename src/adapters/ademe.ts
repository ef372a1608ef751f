/**
 * ADEME open data, dataset `historique-rge` (spec/external.md §3): the RGE qualifications of a
 * company by SIRET (or by a free-text query). Pages are followed through `next` links (rebased
 * on our configured base URL, loops and page count bounded). Rows come back normalised
 * (`AdemeRow`: every dataset key, as the public RGE check returns them) or as our own type.
 */
import { UpstreamError } from '../errors.js';
import type { Logger } from '../logger.js';

/** One ADEME row, normalised. A superset of `AdemeQualification` in src/rules/rge.ts. */
export interface AdemeQualification {
  /** ADEME's `_id`, e.g. `Q90513-5311D108-2025-12-03`. */
  id: string;
  siret: string;
  nom_entreprise?: string;
  nom_certificat?: string;
  nom_qualification?: string;
  code_qualification?: string;
  organisme?: string;
  meta_domaine?: string;
  domaine: string[];
  date_debut?: string;
  date_fin?: string;
  adresse?: string;
  code_postal?: string;
  commune?: string;
  email?: string;
  /** Two-digit groups separated by spaces (`04 78 28 18 97`). */
  telephone?: string;
  site_internet?: string;
  particulier?: boolean;
  url_qualification?: string;
}

/**
 * A dataset row with every key ADEME sent, after the normalisations of spec/external.md §3:
 * null values dropped, `domaine` always an array of strings, `telephone` in 2-digit groups,
 * `site_internet` dropped when empty or only a scheme.
 */
export type AdemeRow = Record<string, unknown> & { _id: string };

export interface AdemeClient {
  /** Every row of a SIRET (all pages), normalised. */
  rowsBySiret(siret: string): Promise<AdemeRow[]>;
  /** Every row matching a free-text query (all pages), normalised. */
  rowsByText(text: string): Promise<AdemeRow[]>;
  qualificationsBySiret(siret: string): Promise<AdemeQualification[]>;
}

export interface AdemeClientOptions {
  /** Data-fair datasets base, e.g. `https://data.ademe.fr/data-fair/api/v1/datasets`. */
  baseUrl: string;
  timeoutMs: number;
  logger: Logger;
  /** At most this many pages of 12 rows are read (default 50). */
  maxPages?: number;
  /** Retries of a 429/5xx/network failure inside one call (default 1). */
  retries?: number;
  retryDelayMs?: number;
}

const ADAPTER = 'ademe';
/** Elasticsearch or data-fair outage messages, sometimes sent with a 200 status. */
const OUTAGE_MARKERS = [/all shards failed/iu, /impossible d'effectuer cette/iu];

interface Page {
  results: Record<string, unknown>[];
  next?: string;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function formatPhone(value: unknown): string | undefined {
  const raw = text(value);
  if (raw === undefined) return undefined;
  let digits = raw.replace(/\D/gu, '');
  if (digits.length === 11 && digits.startsWith('33')) digits = digits.slice(2);
  if (digits.length === 9) digits = `0${digits}`;
  return digits.length === 10 ? (digits.match(/\d{2}/gu) ?? []).join(' ') : raw;
}

function website(value: unknown): string | undefined {
  const raw = text(value);
  return raw === undefined || /^https?:\/\/$/iu.test(raw) ? undefined : raw;
}

function domaines(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map(text).filter((d): d is string => d !== undefined);
}

/** The normalisations of spec/external.md §3 over a raw row; undefined when it lacks an `_id`. */
export function normaliseRow(row: Record<string, unknown>): AdemeRow | undefined {
  const id = text(row['_id']);
  if (id === undefined) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (value !== null && value !== undefined) out[key] = value;
  }
  out['_id'] = id;
  if ('domaine' in out) out['domaine'] = domaines(out['domaine']);
  if ('telephone' in out) {
    const telephone = formatPhone(out['telephone']);
    if (telephone === undefined) delete out['telephone'];
    else out['telephone'] = telephone;
  }
  if ('site_internet' in out) {
    const site = website(out['site_internet']);
    if (site === undefined) delete out['site_internet'];
    else out['site_internet'] = site;
  }
  return out as AdemeRow;
}

/** Our own type of one dataset row (raw or normalised); undefined when it lacks an `_id`. */
export function toQualification(row: Record<string, unknown>): AdemeQualification | undefined {
  const id = text(row['_id']);
  if (id === undefined) return undefined;
  const q: AdemeQualification = { id, siret: text(row['siret']) ?? '', domaine: [] };
  const fields = [
    'nom_entreprise',
    'nom_certificat',
    'nom_qualification',
    'code_qualification',
    'organisme',
    'meta_domaine',
    'date_debut',
    'date_fin',
    'adresse',
    'code_postal',
    'commune',
    'email',
    'url_qualification',
  ] as const;
  for (const field of fields) {
    const value = text(row[field]);
    if (value !== undefined) q[field] = value;
  }
  q.domaine = domaines(row['domaine']);
  const telephone = formatPhone(row['telephone']);
  if (telephone !== undefined) q.telephone = telephone;
  const site = website(row['site_internet']);
  if (site !== undefined) q.site_internet = site;
  if (typeof row['particulier'] === 'boolean') q.particulier = row['particulier'];
  return q;
}

function parsePage(body: string, status: number): Page {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (cause) {
    throw new UpstreamError(ADAPTER, 'ADEME: réponse non JSON', {
      upstreamStatus: status,
      retryable: true,
      cause,
    });
  }
  const page = json as { results?: unknown; next?: unknown };
  if (typeof json !== 'object' || json === null || !Array.isArray(page.results)) {
    throw new UpstreamError(ADAPTER, 'ADEME: réponse inattendue (pas de `results`)', {
      upstreamStatus: status,
      retryable: true,
    });
  }
  const results = page.results.filter(
    (row): row is Record<string, unknown> => typeof row === 'object' && row !== null,
  );
  return { results, next: text(page.next) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createAdemeClient(options: AdemeClientOptions): AdemeClient {
  const { timeoutMs, logger, maxPages = 50, retries = 1, retryDelayMs = 500 } = options;
  const linesUrl = new URL(`${options.baseUrl.replace(/\/+$/u, '')}/historique-rge/lines`);

  async function getOnce(url: URL): Promise<Page> {
    let response: Response;
    let body: string;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      body = await response.text();
    } catch (cause) {
      throw new UpstreamError(ADAPTER, 'ADEME: pas de réponse (réseau ou délai dépassé)', {
        retryable: true,
        cause,
      });
    }
    if (OUTAGE_MARKERS.some((marker) => marker.test(body))) {
      throw new UpstreamError(ADAPTER, 'ADEME: service indisponible', {
        upstreamStatus: response.status,
        retryable: true,
      });
    }
    if (!response.ok) {
      const retryable = response.status === 429 || response.status >= 500;
      throw new UpstreamError(ADAPTER, `ADEME: HTTP ${response.status}`, {
        upstreamStatus: response.status,
        retryable,
      });
    }
    return parsePage(body, response.status);
  }

  async function get(url: URL): Promise<Page> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await getOnce(url);
      } catch (err) {
        if (!(err instanceof UpstreamError) || !err.retryable || attempt >= retries) throw err;
        logger.debug({ adapter: ADAPTER, status: err.upstreamStatus, attempt }, 'ademe retry');
        await sleep(retryDelayMs * 2 ** attempt);
      }
    }
  }

  /** The `next` link's query on our own lines URL: never follow a link to another host. */
  function nextUrl(next: string): URL {
    const url = new URL(linesUrl);
    url.search = new URL(next, linesUrl).search;
    return url;
  }

  async function allRows(qs: string): Promise<AdemeRow[]> {
    const started = Date.now();
    let url: URL | undefined = new URL(linesUrl);
    url.searchParams.set('qs', qs);
    const seen = new Set<string>();
    const rows: AdemeRow[] = [];
    while (url) {
      if (seen.has(url.search)) {
        throw new UpstreamError(ADAPTER, 'ADEME: pagination en boucle', { retryable: false });
      }
      if (seen.size >= maxPages) {
        throw new UpstreamError(ADAPTER, `ADEME: plus de ${maxPages} pages`, {
          retryable: false,
        });
      }
      seen.add(url.search);
      const page = await get(url);
      for (const raw of page.results) {
        const row = normaliseRow(raw);
        if (row) rows.push(row);
      }
      url = page.next ? nextUrl(page.next) : undefined;
    }
    const durationMs = Date.now() - started;
    logger.debug({ adapter: ADAPTER, pages: seen.size, rows: rows.length, durationMs }, 'ademe');
    return rows;
  }

  const rowsBySiret = (siret: string) => allRows(`siret:${siret.replace(/\s/gu, '')}`);

  return {
    rowsBySiret,
    rowsByText: (query) => allRows(query.trim()),
    async qualificationsBySiret(siret) {
      const rows = await rowsBySiret(siret);
      return rows.map(toQualification).filter((q): q is AdemeQualification => q !== undefined);
    },
  };
}
