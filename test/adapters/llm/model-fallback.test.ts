import { describe, expect, it } from '@jest/globals';
import {
  modelListSchema,
  parameterBillions,
  pickFallbackModel,
} from '../../../src/adapters/llm/model-fallback.js';
import { loadRecording } from '../../support/recordings.js';

function listedModels(name: string, index: number) {
  const body = loadRecording(name).interactions[index]?.response.body;
  return modelListSchema.parse(body).data;
}

describe('pickFallbackModel', () => {
  it('prefers the provider’s known-good model in the recorded Albert catalogue', () => {
    const models = listedModels('albert/model-not-found.json', 1);

    expect(pickFallbackModel(models, new Set(['my_brain']), ['albert-large', 'albert-small'])).toBe(
      'albert-large',
    );
    expect(
      pickFallbackModel(models, new Set(['albert-large']), ['albert-large', 'albert-small']),
    ).toBe('albert-small');
  });

  it('then prefers the Llama family, then the larger model, never a non-chat model', () => {
    const models = listedModels('albert/models.json', 0);

    expect(pickFallbackModel(models, new Set(), [])).toBe(
      'neuralmagic/Meta-Llama-3.1-70B-Instruct-FP8',
    );
    expect(
      pickFallbackModel(models, new Set(['neuralmagic/Meta-Llama-3.1-70B-Instruct-FP8']), []),
    ).toBe('albert-small');
    const withoutLlama = models.filter((m) => !/llama/iu.test([m.id, ...(m.aliases ?? [])].join()));
    expect(pickFallbackModel(withoutLlama, new Set(), [])).toBe('albert-large');
  });

  it('returns undefined when every chat model was tried', () => {
    const models = [
      { id: 'a', type: 'text-generation' },
      { id: 'embeddings-small', type: 'text-embeddings-inference' },
    ];

    expect(pickFallbackModel(models, new Set(['a']), [])).toBeUndefined();
  });

  it('accepts catalogues without types (Mistral, Ollama)', () => {
    const models = [
      { id: 'mistral-embed' },
      { id: 'mistral-small-latest' },
      { id: 'mistral-ocr-latest' },
    ];

    expect(pickFallbackModel(models, new Set(['mistral-large-latest']), [])).toBe(
      'mistral-small-latest',
    );
  });

  it.each([
    [{ id: 'albert-small', aliases: ['meta-llama/Llama-3.1-8B-Instruct'] }, 8],
    [{ id: 'AgentPublic/albert-spp-8b' }, 8],
    [{ id: 'mistralai/Mistral-Small-3.2-24B-Instruct-2506' }, 24],
    [{ id: 'albert-large' }, 0],
  ])('reads the parameter count of %j', (model, billions) => {
    expect(parameterBillions(model)).toBe(billions);
  });
});
