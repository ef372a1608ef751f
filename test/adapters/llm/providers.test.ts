import { describe, expect, it } from '@jest/globals';
import { buildLlmProviders } from '../../../src/adapters/llm/providers.js';

const none = {
  ALBERT_API_KEY: undefined,
  ALBERT_MODEL: 'albert-large',
  MISTRAL_API_KEY: undefined,
  MISTRAL_MODEL: 'mistral-large-latest',
  OLLAMA_BASE_URL: undefined,
  OLLAMA_MODEL: 'mistral',
  OPENAI_BASE_URL: undefined,
  OPENAI_API_KEY: undefined,
  OPENAI_MODEL: 'gpt-4o-mini',
};

describe('buildLlmProviders', () => {
  it('has no provider without keys', () => {
    expect(buildLlmProviders(none)).toEqual({});
  });

  it('builds every configured provider from the values passed in', () => {
    const providers = buildLlmProviders({
      ...none,
      ALBERT_API_KEY: 'a',
      MISTRAL_API_KEY: 'm',
      OLLAMA_BASE_URL: 'http://127.0.0.1:11434/',
      OPENAI_BASE_URL: 'http://127.0.0.1:8000/v1',
    });

    expect(providers.albert).toMatchObject({
      baseUrl: 'https://albert.api.etalab.gouv.fr/v1',
      model: 'albert-large',
      personalData: true,
    });
    expect(providers.mistral).toMatchObject({
      baseUrl: 'https://api.mistral.ai/v1',
      seedParameter: 'random_seed',
      personalData: false,
    });
    expect(providers.ollama).toMatchObject({
      baseUrl: 'http://127.0.0.1:11434/v1',
      model: 'mistral',
      jsonSchema: false,
      personalData: true,
    });
    expect(providers.openai).toMatchObject({
      baseUrl: 'http://127.0.0.1:8000/v1',
      model: 'gpt-4o-mini',
      personalData: false,
    });
  });
});
