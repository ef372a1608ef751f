/**
 * The HTTP OCR providers of spec/external.md §5: the team's MDSO OCR service (§5.2) and Albert's
 * OCR endpoint (§5.3). Both take the original file as multipart and return text; Mistral OCR
 * (§5.4) needs a public signed URL of our own backend and is not wired.
 *
 * Failures throw UpstreamError: retryable for the network, time limits, 429 and 5xx; not
 * retryable for a refused key, an unknown model, an unsupported file or an answer without text.
 */
import { UpstreamError } from '../../errors.js';
import type { OcrEngine, OcrInput, OcrLogger, OcrResult } from './ocr-engine.js';

export interface HttpOcrOptions {
  /** e.g. `http://localhost:8000` (MDSO OCR) or `https://albert.api.etalab.gouv.fr/v1`. */
  baseUrl: string;
  apiKey: string;
  /** MDSO OCR model (`marker`, `nanonets`, …) or Albert model id. */
  model: string;
  timeoutMs: number;
  logger?: OcrLogger;
}

interface Answer {
  status: number;
  body: unknown;
}

function trimBase(url: string): string {
  return url.replace(/\/+$/u, '');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function formOf(input: OcrInput, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(input.bytes)], { type: input.mime }), input.filename);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

function detailOf(body: unknown): string {
  if (body && typeof body === 'object') {
    const { detail, error, details } = body as Record<string, unknown>;
    for (const value of [detail, error, details]) if (typeof value === 'string') return value;
  }
  return typeof body === 'string' ? body.slice(0, 200) : '';
}

async function post(
  adapter: string,
  url: string,
  init: { headers: Record<string, string>; body?: FormData; method?: string },
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<Answer> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, {
      method: init.method ?? 'POST',
      headers: { accept: 'application/json', ...init.headers },
      body: init.body ?? null,
      signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
    });
    return { status: response.status, body: parseJson(await response.text()) };
  } catch (cause) {
    const timedOut = timeout.aborted || signal?.aborted;
    throw new UpstreamError(
      adapter,
      timedOut ? `${adapter} : délai dépassé` : `${adapter} : pas de réponse (réseau)`,
      { retryable: true, cause },
    );
  }
}

/** The common reading of a failed answer: 401/403, 429, 5xx, other codes. */
function failure(adapter: string, answer: Answer): UpstreamError {
  const { status } = answer;
  const options = { upstreamStatus: status, retryable: status === 429 || status >= 500 };
  if (status === 401 || status === 403) {
    return new UpstreamError(adapter, `${adapter} : clé API refusée (HTTP ${status})`, options);
  }
  if (status === 504)
    return new UpstreamError(adapter, `${adapter} : délai dépassé (HTTP 504)`, options);
  return new UpstreamError(adapter, `${adapter} : HTTP ${status}`, options);
}

function logDone(
  logger: OcrLogger | undefined,
  engine: string,
  input: OcrInput,
  started: number,
  result: OcrResult,
): OcrResult {
  logger?.info(
    {
      engine,
      mime: input.mime,
      sizeBytes: input.bytes.length,
      pages: result.pages?.length,
      textChars: result.text.length,
      durationMs: Math.round(performance.now() - started),
    },
    'ocr done',
  );
  return result;
}

/** MDSO OCR (spec/external.md §5.2): `POST /ocr/<model>`, `x-api-key`, answer `{ text }`. */
export function createMdsoOcrEngine(options: HttpOcrOptions): OcrEngine {
  const adapter = 'mdso-ocr';
  const name = `${adapter}:${options.model}`;
  const url = `${trimBase(options.baseUrl)}/ocr/${encodeURIComponent(options.model)}`;
  return {
    name,
    accepts: { pdf: true, images: true },
    async recognise(input, opts = {}) {
      const started = performance.now();
      const answer = await post(
        adapter,
        url,
        { headers: { 'x-api-key': options.apiKey }, body: formOf(input) },
        options.timeoutMs,
        opts.signal,
      );
      if (answer.status === 404) {
        throw new UpstreamError(adapter, `${adapter} : modèle « ${options.model} » inconnu`, {
          upstreamStatus: 404,
          retryable: false,
        });
      }
      if (answer.status < 200 || answer.status >= 300) throw failure(adapter, answer);
      const text = (answer.body as { text?: unknown } | null)?.text;
      if (typeof text !== 'string') {
        throw new UpstreamError(adapter, `${adapter} : réponse sans texte`, {
          upstreamStatus: answer.status,
          retryable: false,
        });
      }
      const result: OcrResult = { text };
      if (text.includes('\f')) result.pages = text.split('\f');
      return logDone(options.logger, name, input, started, result);
    },
    async close() {},
  };
}

const NO_TEXT = /no text detected\.?/giu;

/** The inner text of a page's fenced `markdown` block; '' when the page has none. */
export function albertPageText(content: unknown): string {
  if (typeof content !== 'string') return '';
  const fenced = /```markdown\s*\n([\s\S]*?)(?:\n```|$)/u.exec(content);
  if (!fenced) return '';
  return (fenced[1] ?? '').replace(NO_TEXT, '').trim();
}

interface AlbertModel {
  id?: unknown;
  type?: unknown;
}

/** Albert OCR (spec/external.md §5.3): `POST /ocr-beta`, Bearer key, `{ data: [{ content }] }`. */
export function createAlbertOcrEngine(options: HttpOcrOptions): OcrEngine {
  const adapter = 'albert-ocr';
  const base = trimBase(options.baseUrl);
  const headers = { authorization: `Bearer ${options.apiKey}` };
  let model = options.model;

  async function fallbackModel(signal?: AbortSignal): Promise<string | undefined> {
    const answer = await post(
      adapter,
      `${base}/models`,
      { headers, method: 'GET' },
      options.timeoutMs,
      signal,
    );
    if (answer.status !== 200) throw failure(adapter, answer);
    const data = (answer.body as { data?: unknown } | null)?.data;
    const models = Array.isArray(data) ? (data as AlbertModel[]) : [];
    const found = models.find((m) => m.type === 'image-text-to-text' && typeof m.id === 'string');
    return found?.id as string | undefined;
  }

  async function call(input: OcrInput, signal?: AbortSignal): Promise<Answer> {
    const body = formOf(input, { model });
    return post(adapter, `${base}/ocr-beta`, { headers, body }, options.timeoutMs, signal);
  }

  return {
    name: adapter,
    accepts: { pdf: true, images: false },
    async recognise(input, opts = {}) {
      const started = performance.now();
      let answer = await call(input, opts.signal);
      if (answer.status === 404 && /model/iu.test(detailOf(answer.body))) {
        const fallback = await fallbackModel(opts.signal);
        if (fallback && fallback !== model) {
          options.logger?.warn(
            { engine: adapter, model: fallback },
            'ocr model not found, fallback',
          );
          model = fallback;
          answer = await call(input, opts.signal);
        }
      }
      if (answer.status === 400 && /file must be/iu.test(detailOf(answer.body))) {
        throw new UpstreamError(adapter, `${adapter} : format de fichier refusé`, {
          upstreamStatus: 400,
          retryable: false,
        });
      }
      if (answer.status < 200 || answer.status >= 300) throw failure(adapter, answer);
      const data = (answer.body as { data?: unknown } | null)?.data;
      if (!Array.isArray(data)) {
        throw new UpstreamError(adapter, `${adapter} : réponse sans données`, {
          upstreamStatus: answer.status,
          retryable: false,
        });
      }
      const pages = data.map((page: { content?: unknown } | null) => albertPageText(page?.content));
      const result = { text: pages.join('\f'), pages };
      return logDone(options.logger, adapter, input, started, result);
    },
    async close() {},
  };
}
