/**
 * The two LLM extractions of the pipeline (spec/pipeline.md §9 and §12) against one
 * OpenAI-compatible provider (./providers.ts).
 *
 * Privacy (DESIGN.md §4): the caller decides which text is sent. Only anonymised text may go
 * to a provider whose `personalData` is false (Mistral, a hosted OpenAI-compatible API), unless
 * the operator configured otherwise; `extractPrivateData` reads the full text by design, so call
 * it only with a provider allowed to receive personal data. Nothing sent or received is logged.
 */
import type { Logger } from '../../logger.js';
import { createChat } from './chat.js';
import { privateDataTask, type PrivateData } from './private-data.js';
import type { LlmProvider } from './providers.js';
import { runExtraction, type LlmExtraction } from './run-extraction.js';
import { worksDataTask, type WorksData } from './works-data.js';

export interface LlmClient {
  provider: LlmProvider;
  /** Personal and company-identifying data of the (shrunk, not anonymised) quote text. */
  extractPrivateData(text: string): Promise<LlmExtraction<PrivateData>>;
  /** General fields and gestes of the anonymised quote text. */
  extractWorksData(anonymisedText: string): Promise<LlmExtraction<WorksData>>;
}

export interface LlmClientOptions {
  provider: LlmProvider;
  /** Per request (upstream uses 300 s). */
  timeoutMs: number;
  /** Retries of 408/409/429/5xx/network failures, with backoff (default 2; 0 in tests). */
  maxRetries?: number;
  logger: Logger;
}

export function createLlmClient(options: LlmClientOptions): LlmClient {
  const { provider, timeoutMs, maxRetries = 2 } = options;
  const logger = options.logger.child({ adapter: 'llm', provider: provider.name });
  const chat = createChat({ provider, timeoutMs, maxRetries, logger });
  const privateData = privateDataTask(provider.jsonSchema);

  return {
    provider,
    extractPrivateData: (text) => runExtraction(chat, privateData, text, logger),
    extractWorksData: (anonymisedText) =>
      runExtraction(chat, worksDataTask, anonymisedText, logger),
  };
}

export type { LlmExtraction, PrivateData, WorksData };
