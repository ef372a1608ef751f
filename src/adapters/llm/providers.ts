/**
 * The OpenAI-compatible LLM providers we can call (spec/external.md §4), as an explicit map
 * built from config values passed in (STYLE.md §6): a provider is present only when configured.
 *
 * Privacy (DESIGN.md §4): only anonymised text may leave for a third-party LLM. `personalData`
 * says whether a provider may receive the full text (State-hosted Albert, a self-hosted Ollama);
 * the caller chooses what text to send and must check it before calling `extractPrivateData`.
 */
import type { Config } from '../../config.js';

export type LlmProviderName = 'albert' | 'mistral' | 'ollama' | 'openai';

export interface LlmProvider {
  name: LlmProviderName;
  /** Base URL ending in `/v1` (the OpenAI client appends `/chat/completions`, `/models`). */
  baseUrl: string;
  apiKey: string;
  model: string;
  /** Known-good models tried first when `model` is not found (best first). */
  preferredModels: readonly string[];
  /** Whether structured output (`json_schema`) is sent; otherwise `json_object` mode only. */
  jsonSchema: boolean;
  /** Name of the sampling-seed parameter (Mistral calls it `random_seed`). */
  seedParameter: 'seed' | 'random_seed';
  /** May receive non-anonymised quote text (see the module comment). */
  personalData: boolean;
}

export type LlmProviders = Partial<Record<LlmProviderName, LlmProvider>>;

export type LlmSettings = Pick<
  Config,
  | 'ALBERT_API_KEY'
  | 'ALBERT_MODEL'
  | 'MISTRAL_API_KEY'
  | 'MISTRAL_MODEL'
  | 'OLLAMA_BASE_URL'
  | 'OLLAMA_MODEL'
  | 'OPENAI_BASE_URL'
  | 'OPENAI_API_KEY'
  | 'OPENAI_MODEL'
>;

export const ALBERT_BASE_URL = 'https://albert.api.etalab.gouv.fr/v1';
export const MISTRAL_BASE_URL = 'https://api.mistral.ai/v1';
export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/** Base URLs of the hosted providers, overridable for tests and proxies. */
export interface LlmBaseUrls {
  albert?: string;
  mistral?: string;
}

function withV1(url: string): string {
  const trimmed = url.replace(/\/+$/u, '');
  return trimmed.endsWith('/v1') ? trimmed : `${trimmed}/v1`;
}

/** The configured providers; a provider without its key (or base URL) is absent. */
export function buildLlmProviders(settings: LlmSettings, baseUrls: LlmBaseUrls = {}): LlmProviders {
  const providers: LlmProviders = {};
  if (settings.ALBERT_API_KEY) {
    providers.albert = {
      name: 'albert',
      baseUrl: baseUrls.albert ?? ALBERT_BASE_URL,
      apiKey: settings.ALBERT_API_KEY,
      model: settings.ALBERT_MODEL,
      preferredModels: ['albert-large', 'albert-small'],
      jsonSchema: true,
      seedParameter: 'seed',
      personalData: true,
    };
  }
  if (settings.MISTRAL_API_KEY) {
    providers.mistral = {
      name: 'mistral',
      baseUrl: baseUrls.mistral ?? MISTRAL_BASE_URL,
      apiKey: settings.MISTRAL_API_KEY,
      model: settings.MISTRAL_MODEL,
      preferredModels: ['mistral-large-latest', 'mistral-medium-latest', 'mistral-small-latest'],
      jsonSchema: true,
      seedParameter: 'random_seed',
      personalData: false,
    };
  }
  if (settings.OLLAMA_BASE_URL) {
    providers.ollama = {
      name: 'ollama',
      baseUrl: withV1(settings.OLLAMA_BASE_URL),
      // Ollama ignores the key, but the OpenAI client requires one.
      apiKey: 'ollama',
      model: settings.OLLAMA_MODEL,
      preferredModels: [],
      jsonSchema: false,
      seedParameter: 'seed',
      personalData: true,
    };
  }
  if (settings.OPENAI_API_KEY || settings.OPENAI_BASE_URL) {
    providers.openai = {
      name: 'openai',
      baseUrl: settings.OPENAI_BASE_URL ?? OPENAI_DEFAULT_BASE_URL,
      apiKey: settings.OPENAI_API_KEY ?? 'none',
      model: settings.OPENAI_MODEL,
      preferredModels: [],
      jsonSchema: true,
      seedParameter: 'seed',
      personalData: false,
    };
  }
  return providers;
}
