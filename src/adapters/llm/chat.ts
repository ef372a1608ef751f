/**
 * One chat completion against an OpenAI-compatible provider (Chat Completions only, no
 * streaming), with temperature 0 and a fixed seed. An unknown model is replaced by the best
 * listed one (./model-fallback.ts) and remembered; 408/409/429/5xx and network failures are
 * retried by the openai client (`maxRetries`, honouring Retry-After); the rest become
 * `UpstreamError('llm', …)`. Error messages and causes never carry the text sent.
 */
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { UpstreamError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { modelListSchema, pickFallbackModel } from './model-fallback.js';
import type { LlmProvider } from './providers.js';

export type ResponseFormat =
  | { type: 'json_object' }
  | {
      type: 'json_schema';
      json_schema: { name: string; strict: boolean; schema: Record<string, unknown> };
    };

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  system: string;
  messages: ChatMessage[];
  responseFormat: ResponseFormat;
}

export interface LlmUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export interface ChatAnswer {
  content: string | null;
  /** The provider's answer body, as received. */
  raw: unknown;
  /** The model we asked for and that answered (after a fallback, the replacement). */
  model: string;
  usage: LlmUsage;
}

export interface Chat {
  provider: LlmProvider;
  complete(request: ChatRequest): Promise<ChatAnswer>;
}

export interface ChatOptions {
  provider: LlmProvider;
  timeoutMs: number;
  /** Retries of 408/409/429/5xx/network failures by the openai client (0 in tests). */
  maxRetries: number;
  logger: Logger;
}

const ADAPTER = 'llm';
const MAX_FALLBACKS = 2;
const SEED = 42;

function isModelNotFound(err: unknown): boolean {
  if (!(err instanceof APIError)) return false;
  if (err.status === 404) return true;
  if (err.status !== 400) return false;
  return /model/iu.test(err.message) && /not found|invalid|unknown|exist/iu.test(err.message);
}

/**
 * Our error for an openai client failure (400/422 bodies may echo the input, so are dropped);
 * anything else (a bug) is returned unchanged.
 */
export function toUpstreamError(err: unknown, provider: string): unknown {
  if (err instanceof UpstreamError) return err;
  if (err instanceof APIConnectionTimeoutError || err instanceof APIConnectionError) {
    const what = err instanceof APIConnectionTimeoutError ? 'délai dépassé' : 'pas de réponse';
    return new UpstreamError(ADAPTER, `LLM ${provider}: ${what}`, {
      retryable: true,
      cause: new Error(err.constructor.name),
    });
  }
  if (err instanceof APIError && typeof err.status === 'number') {
    const { status } = err;
    const detail = status === 400 || status === 422 ? '' : `: ${err.message.slice(0, 200)}`;
    return new UpstreamError(ADAPTER, `LLM ${provider}: HTTP ${status}`, {
      upstreamStatus: status,
      retryable: status === 408 || status === 409 || status === 429 || status >= 500,
      cause: new Error(`${err.constructor.name}${detail}`),
    });
  }
  // By name: fetch's body parser may throw from another realm (e.g. under a test VM).
  if (typeof err === 'object' && err !== null && (err as Error).name === 'SyntaxError') {
    // A body that is not JSON (a proxy's error page): usually transient.
    return new UpstreamError(ADAPTER, `LLM ${provider}: réponse non JSON`, {
      retryable: true,
      cause: new Error('SyntaxError'),
    });
  }
  return err; // a bug, not an outside failure (STYLE.md §8)
}

function usageOf(raw: { usage?: OpenAI.CompletionUsage | null }): LlmUsage {
  return {
    promptTokens: raw.usage?.prompt_tokens ?? 0,
    completionTokens: raw.usage?.completion_tokens ?? 0,
    totalTokens: raw.usage?.total_tokens ?? 0,
  };
}

export function createChat(options: ChatOptions): Chat {
  const { provider, timeoutMs, maxRetries, logger } = options;
  const client = new OpenAI({
    apiKey: provider.apiKey,
    baseURL: provider.baseUrl,
    organization: null,
    project: null,
    maxRetries,
    timeout: timeoutMs,
    logLevel: 'off',
  });
  let currentModel = provider.model;

  async function fallbackModel(tried: ReadonlySet<string>): Promise<string | undefined> {
    let data: unknown;
    try {
      data = (await client.models.list()).data;
    } catch (err) {
      throw toUpstreamError(err, provider.name);
    }
    const list = modelListSchema.safeParse({ data });
    if (!list.success) {
      throw new UpstreamError(ADAPTER, `LLM ${provider.name}: liste des modèles illisible`, {
        retryable: false,
      });
    }
    return pickFallbackModel(list.data.data, tried, provider.preferredModels);
  }

  function body(model: string, request: ChatRequest): ChatCompletionCreateParamsNonStreaming {
    return {
      model,
      temperature: 0,
      [provider.seedParameter]: SEED,
      messages: [{ role: 'system', content: request.system }, ...request.messages],
      response_format: request.responseFormat,
    } as ChatCompletionCreateParamsNonStreaming;
  }

  async function complete(request: ChatRequest): Promise<ChatAnswer> {
    const tried = new Set<string>();
    let model = currentModel;
    for (let fallbacks = 0; ; fallbacks += 1) {
      tried.add(model);
      const started = Date.now();
      try {
        const raw = await client.chat.completions.create(body(model, request));
        const usage = usageOf(raw);
        const durationMs = Date.now() - started;
        logger.debug({ model, durationMs, ...usage }, 'llm completion');
        currentModel = model;
        return { content: raw.choices?.[0]?.message?.content ?? null, raw, model, usage };
      } catch (err) {
        const next =
          isModelNotFound(err) && fallbacks < MAX_FALLBACKS
            ? await fallbackModel(tried)
            : undefined;
        if (next === undefined) throw toUpstreamError(err, provider.name);
        logger.warn({ model, next }, 'llm model not found, falling back');
        model = next;
      }
    }
  }

  return { provider, complete };
}
