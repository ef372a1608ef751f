/**
 * A JSON extraction: one chat call, the answer parsed (./parse-json.ts) and re-validated with a
 * zod schema; on a bad answer, one more call showing the model its answer and the validation
 * error, then a non-retryable `UpstreamError('llm', …)`. Provider failures keep the error of
 * ./chat.ts (retryable for network, 429, 5xx).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { UpstreamError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { Chat, ChatMessage, LlmUsage, ResponseFormat } from './chat.js';
import { parseJsonAnswer } from './parse-json.js';
import type { LlmProviderName } from './providers.js';

export interface ExtractionTask<Raw, Data> {
  /** For logs: `private_data`, `works_data`. */
  name: string;
  system: string;
  /** Bumped by hand whenever the prompt or the schema changes meaning. */
  promptVersion: string;
  responseFormat: ResponseFormat;
  schema: z.ZodType<Raw>;
  normalise(raw: Raw): Data;
}

export interface LlmExtraction<Data> {
  data: Data;
  /** The provider's last answer body, as received (stored with the check); null without call. */
  raw: unknown;
  provider: LlmProviderName;
  /** Empty when the text was blank and no call was made. */
  model: string;
  /** Summed over the calls made (2 when the first answer had to be corrected). */
  usage: LlmUsage;
  calls: number;
  promptVersion: string;
  /** First 16 hex digits of the SHA-256 of the prompt and response format. */
  promptHash: string;
}

export function promptHash(system: string, responseFormat: ResponseFormat): string {
  const hash = createHash('sha256').update(system).update(JSON.stringify(responseFormat));
  return hash.digest('hex').slice(0, 16);
}

function check<Raw>(
  content: string | null,
  schema: z.ZodType<Raw>,
): { ok: true; value: Raw } | { ok: false; reason: string } {
  const parsed = parseJsonAnswer(content);
  if (!parsed.ok) return parsed;
  const result = schema.safeParse(parsed.value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, reason: z.prettifyError(result.error).slice(0, 1000) };
}

function correction(reason: string): string {
  return (
    `Ta réponse n'est pas exploitable : ${reason}\n` +
    'Renvoie uniquement l’objet JSON corrigé, avec les clés demandées, sans aucun texte autour.'
  );
}

function addUsage(a: LlmUsage, b: LlmUsage): LlmUsage {
  return {
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    totalTokens: a.totalTokens + b.totalTokens,
  };
}

export async function runExtraction<Raw, Data>(
  chat: Chat,
  task: ExtractionTask<Raw, Data>,
  text: string,
  logger: Logger,
): Promise<LlmExtraction<Data>> {
  const provider = chat.provider.name;
  const hash = promptHash(task.system, task.responseFormat);
  const base = { provider, promptVersion: task.promptVersion, promptHash: hash };
  if (text.trim() === '') {
    // Nothing to read: no call (spec/pipeline.md §9 and §12).
    const usage = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
    return {
      ...base,
      data: task.normalise(task.schema.parse({})),
      raw: null,
      model: '',
      usage,
      calls: 0,
    };
  }
  const messages: ChatMessage[] = [{ role: 'user', content: text }];
  let usage: LlmUsage = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
  for (let calls = 1; ; calls += 1) {
    const answer = await chat.complete({
      system: task.system,
      messages,
      responseFormat: task.responseFormat,
    });
    usage = addUsage(usage, answer.usage);
    const checked = check(answer.content, task.schema);
    if (checked.ok) {
      const data = task.normalise(checked.value);
      return { ...base, data, raw: answer.raw, model: answer.model, usage, calls };
    }
    logger.warn({ task: task.name, calls }, 'llm answer rejected');
    if (calls >= 2) {
      throw new UpstreamError('llm', `LLM ${provider}: réponse inexploitable (${task.name})`, {
        retryable: false,
        cause: new Error(checked.reason),
      });
    }
    messages.push({ role: 'assistant', content: answer.content ?? '' });
    messages.push({ role: 'user', content: correction(checked.reason) });
  }
}
