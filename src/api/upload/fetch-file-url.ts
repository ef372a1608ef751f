/**
 * A quote given as a URL (spec/api.md §5.9, DESIGN.md §7): HTTPS only, the URL must start with
 * one of the `MDSO_ALLOWED_FILE_UPLOAD_URL_HOSTS` prefixes, and so must every redirect target
 * (redirects are followed by hand, hop by hop, at most `maxRedirects`); the download has a time
 * cap and a size cap (`MDSO_QUOTE_FILE_MAX_SIZE`). Failures are 422 with a French message; the
 * log line carries the host, never the file.
 */
import type { Logger } from '../../logger.js';
import { unprocessable, type ApiError } from '../errors.js';

export interface FileUrlOptions {
  allowedPrefixes: readonly string[];
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
  logger: Logger;
  /** The HTTP client (tests give one trusting their loopback certificate). */
  fetchImpl?: typeof fetch;
}

export interface DownloadedFile {
  filename: string;
  bytes: Uint8Array;
  contentType?: string;
}

/** `MDSO_ALLOWED_FILE_UPLOAD_URL_HOSTS`: comma-separated, trimmed, empty entries ignored. */
export function parseAllowedPrefixes(raw: string): string[] {
  return raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

function checkedUrl(raw: string, allowed: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw unprocessable(`Le champ file n’est ni un fichier ni une URL valide : ${raw}`);
  }
  if (url.protocol !== 'https:') throw unprocessable('Seules les URL HTTPS sont acceptées.');
  if (!allowed.some((prefix) => url.href.startsWith(prefix))) {
    throw unprocessable(`L’URL ${url.href} n’est pas autorisée.`);
  }
  return url;
}

function filenameOf(url: URL): string {
  const last = url.pathname.split('/').filter(Boolean).at(-1) ?? '';
  try {
    return decodeURIComponent(last) || 'fichier';
  } catch {
    return last || 'fichier';
  }
}

async function readCapped(res: Response, maxBytes: number, url: URL): Promise<Uint8Array> {
  const tooLarge = (): ApiError =>
    unprocessable(
      `Le fichier à l’adresse ${url.href} dépasse la taille maximale (${Math.floor(maxBytes / 1_048_576)} Mo).`,
    );
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared >= maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total >= maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** Downloads the file behind `raw`, or throws a 422 ApiError saying why not. */
export async function fetchFileUrl(raw: string, options: FileUrlOptions): Promise<DownloadedFile> {
  const doFetch = options.fetchImpl ?? fetch;
  const signal = AbortSignal.timeout(options.timeoutMs);
  let url = checkedUrl(raw, options.allowedPrefixes);
  const log = options.logger.child({ fileUrlHost: url.host });
  try {
    for (let hop = 0; ; hop++) {
      const res = await doFetch(url, { redirect: 'manual', signal });
      if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
        await res.body?.cancel();
        if (hop >= options.maxRedirects) {
          throw unprocessable(`Trop de redirections pour l’URL ${raw}.`);
        }
        // every hop is checked again: no redirect outside the allow-list
        url = checkedUrl(
          new URL(res.headers.get('location') ?? '', url).href,
          options.allowedPrefixes,
        );
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        log.warn({ status: res.status }, 'file url: download refused');
        throw unprocessable(
          `Échec du téléchargement du fichier à l’adresse ${raw} : ${res.status}`,
        );
      }
      const bytes = await readCapped(res, options.maxBytes, url);
      const contentType = res.headers.get('content-type')?.split(';')[0]?.trim();
      return { filename: filenameOf(url), bytes, ...(contentType ? { contentType } : {}) };
    }
  } catch (err) {
    if ((err as Error).name === 'ApiError') throw err;
    const timedOut = signal.aborted;
    log.warn({ err: { name: (err as Error).name }, timedOut }, 'file url: download failed');
    throw unprocessable(
      timedOut
        ? `Le téléchargement du fichier à l’adresse ${raw} a pris trop de temps.`
        : `Échec du téléchargement du fichier à l’adresse ${raw}.`,
    );
  }
}
