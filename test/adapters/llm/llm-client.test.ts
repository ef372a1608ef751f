import { afterEach, describe, expect, it } from '@jest/globals';
import { createLlmClient } from '../../../src/adapters/llm/llm-client.js';
import { buildLlmProviders, type LlmProvider } from '../../../src/adapters/llm/providers.js';
import { UpstreamError } from '../../../src/errors.js';
import { createSilentLogger } from '../../../src/logger.js';
import {
  startFakeHttp,
  type FakeHttp,
  type FakeResponse,
  type FakeRoute,
} from '../../support/fake-http.js';
import { loadRecording, replayRecording } from '../../support/recordings.js';

const ALBERT = 'https://albert.api.etalab.gouv.fr';
const MISTRAL = 'https://api.mistral.ai';
const CHAT = 'POST /v1/chat/completions';
const TEXT = 'Devis n° D-1 — texte de test';
let fake: FakeHttp | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const settings = {
  ALBERT_API_KEY: 'albert-test-key',
  ALBERT_MODEL: 'albert-large',
  MISTRAL_API_KEY: 'mistral-test-key',
  MISTRAL_MODEL: 'mistral-large-latest',
  OLLAMA_BASE_URL: undefined,
  OLLAMA_MODEL: 'mistral',
  OPENAI_BASE_URL: undefined,
  OPENAI_API_KEY: undefined,
  OPENAI_MODEL: 'gpt-4o-mini',
};

async function client(
  name: 'albert' | 'mistral',
  routes: Record<string, FakeRoute>,
  options: { maxRetries?: number; timeoutMs?: number; model?: string } = {},
) {
  fake = await startFakeHttp(routes);
  const providers = buildLlmProviders(
    { ...settings, ALBERT_MODEL: options.model ?? settings.ALBERT_MODEL },
    { albert: `${fake.url}/v1`, mistral: `${fake.url}/v1` },
  );
  return createLlmClient({
    provider: providers[name] as LlmProvider,
    timeoutMs: options.timeoutMs ?? 5000,
    maxRetries: options.maxRetries ?? 0,
    logger: createSilentLogger(),
  });
}

function completion(content: string): FakeResponse {
  return {
    body: {
      id: 'chatcmpl-test',
      object: 'chat.completion',
      created: 1,
      model: 'test-model',
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
      usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
    },
  };
}

type SentBody = {
  model: string;
  messages: { role: string; content: string }[];
  [key: string]: unknown;
};
const sent = (index: number) => fake?.requests[index]?.json as SentBody;

describe('LLM private-data extraction', () => {
  it('sends our prompt with a JSON schema and normalises a schema-valid answer', async () => {
    const recording = loadRecording('albert/private-data-json-schema.json');
    const llm = await client('albert', { [CHAT]: replayRecording(recording, ALBERT) });

    const result = await llm.extractPrivateData(TEXT);

    expect(result.data).toEqual({
      sirets: ['12345678900000'],
      numeros_tva: ['12345678900000'],
      raison_sociales: ['RENOPLUS'],
      forme_juridiques: ['SA'],
      client_noms_de_famille: ['LOUVEL'],
      ville_immatriculation_rcss: ['Marseille'],
      client: { nom: 'LOUVEL' },
      pro: {
        siret: '12345678900000',
        numero_tva: '12345678900000',
        raison_sociale: 'RENOPLUS',
        forme_juridique: 'SA',
        rcs_ville: 'Marseille',
        rge_labels: [],
      },
    });
    expect(result).toMatchObject({
      provider: 'albert',
      model: 'albert-large',
      calls: 1,
      usage: { promptTokens: 40, completionTokens: 74, totalTokens: 114 },
      promptVersion: 'private-data/1.0.0',
      raw: { id: 'chatcmpl-577750669e534d09bedf487185d4e062' },
    });
    expect(result.promptHash).toMatch(/^[0-9a-f]{16}$/u);
    const request = fake?.requests[0];
    expect(request?.headers['authorization']).toBe('Bearer albert-test-key');
    const body = sent(0);
    expect(body).toMatchObject({ model: 'albert-large', temperature: 0, seed: 42 });
    expect(body['response_format']).toMatchObject({
      type: 'json_schema',
      json_schema: { strict: true },
    });
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[0]?.content).toContain('"client_noms_de_famille"');
    expect(body.messages[1]?.content).toBe(TEXT);
  });

  it('falls back to the best listed model when the model is not found, and remembers it', async () => {
    const recording = loadRecording('albert/model-not-found.json');
    const replay = replayRecording(recording, ALBERT);
    const llm = await client(
      'albert',
      { [CHAT]: replay, 'GET /v1/models': replay },
      { model: 'my_brain' },
    );

    const result = await llm.extractPrivateData(TEXT);
    await llm.extractPrivateData(TEXT);

    expect(fake?.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v1/chat/completions',
      'GET /v1/models',
      'POST /v1/chat/completions',
      'POST /v1/chat/completions',
    ]);
    expect([sent(0).model, sent(2).model, sent(3).model]).toEqual([
      'my_brain',
      'albert-large',
      'albert-large',
    ]);
    expect(result.model).toBe('albert-large');
    expect(result.data.other).toMatchObject({
      siret: '12345678900000',
      nom_entreprise: 'RENOPLUS',
    });
  });

  it('retries a 429 through the client and succeeds', async () => {
    const llm = await client(
      'albert',
      {
        [CHAT]: [
          {
            status: 429,
            body: { detail: 'Rate limit exceeded' },
            headers: { 'retry-after-ms': '1' },
          },
          completion('{"sirets": ["12345678900000"]}'),
        ],
      },
      { maxRetries: 1 },
    );

    await expect(llm.extractPrivateData(TEXT)).resolves.toMatchObject({
      data: { sirets: ['12345678900000'] },
    });
    expect(fake?.requests).toHaveLength(2);
  });

  it('reports a 429 as retryable once the retries are spent', async () => {
    const llm = await client('albert', {
      [CHAT]: { status: 429, body: { detail: 'Rate limit exceeded' } },
    });

    const error = await llm.extractPrivateData(TEXT).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ adapter: 'llm', upstreamStatus: 429, retryable: true });
  });

  it.each([
    [503, true],
    [401, false],
  ])('reports HTTP %i with retryable %s', async (status, retryable) => {
    const llm = await client('albert', { [CHAT]: { status, body: { detail: 'nope' } } });

    await expect(llm.extractPrivateData(TEXT)).rejects.toMatchObject({
      upstreamStatus: status,
      retryable,
    });
  });

  it('gives up after timeoutMs', async () => {
    const llm = await client('albert', { [CHAT]: { hang: true } }, { timeoutMs: 150 });

    // Under Jest's VM the client cannot tell its abort from another connection failure.
    await expect(llm.extractPrivateData(TEXT)).rejects.toMatchObject({
      message: expect.stringMatching(/^LLM albert: (délai dépassé|pas de réponse)$/u) as unknown,
      retryable: true,
    });
  });

  it('asks once more with the error after an answer without JSON, then gives up', async () => {
    const prose = 'Je ne peux pas traiter ce document.';
    const llm = await client('albert', {
      [CHAT]: [completion(prose), completion('Toujours pas.')],
    });

    const error = await llm.extractPrivateData(TEXT).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ adapter: 'llm', retryable: false });
    expect(fake?.requests).toHaveLength(2);
    const retry = sent(1).messages;
    expect(retry.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(retry[2]?.content).toBe(prose);
    expect(retry[3]?.content).toContain('aucun objet JSON');
  });

  it('accepts the corrected answer of the second call', async () => {
    const llm = await client('albert', {
      [CHAT]: [
        completion('{"type_fichier": "brochure"}'),
        completion('{"type_fichier": ["Devis"], "noms": "Jean Test"}'),
      ],
    });

    const result = await llm.extractPrivateData(TEXT);

    expect(result.data).toEqual({ type_fichier: 'devis', noms: ['Jean Test'] });
    expect(result).toMatchObject({ calls: 2, usage: { totalTokens: 30 } });
    expect(sent(1).messages[3]?.content).toContain('type_fichier');
  });
  it('makes no call for a blank text', async () => {
    const llm = await client('albert', { [CHAT]: completion('{"noms": ["x"]}') });

    await expect(llm.extractPrivateData(' \n ')).resolves.toMatchObject({
      data: {},
      calls: 0,
      raw: null,
    });
    await expect(llm.extractWorksData('')).resolves.toMatchObject({ data: {}, calls: 0 });
    expect(fake?.requests).toHaveLength(0);
  });
});

describe('LLM works-data extraction', () => {
  it('parses an answer inside ```json fences and normalises the gestes', async () => {
    const recording = loadRecording('mistral/works-data-fenced.json');
    const llm = await client('mistral', { [CHAT]: replayRecording(recording, MISTRAL) });

    const result = await llm.extractWorksData(TEXT);

    expect(result.data).toMatchObject({
      version: '2.1.2',
      type_fichier: 'devis',
      mention_devis: false,
      separation_prix_fourniture_pose: false,
      prix_total_ht: 8765,
      tva: [{ taux_tva: 0, prix_ht_total: 8765, montant_tva_total: 0 }],
    });
    expect(result.data).not.toHaveProperty('numero_devis');
    expect(result.data).not.toHaveProperty('date_devis');
    const [geste] = result.data.gestes ?? [];
    expect(geste).toMatchObject({
      type: 'pac_air_eau',
      numero_ligne: '1.2',
      ETAS: 179,
      SCOP: 4.5,
      unite: 'U',
    });
    expect(geste).not.toHaveProperty('COP');
    expect(result).toMatchObject({
      provider: 'mistral',
      model: 'mistral-large-latest',
      promptVersion: 'works-data/1.0.0',
    });
    expect(fake?.requests[0]?.headers['authorization']).toBe('Bearer mistral-test-key');
    const body = sent(0);
    expect(body).toMatchObject({
      random_seed: 42,
      temperature: 0,
      response_format: { type: 'json_object' },
    });
    expect(body).not.toHaveProperty('seed');
    expect(body.messages[0]?.content).toContain('"puissance_absobée_pondéréé_moteur"');
  });

  it('parses an answer padded with whitespace and without gestes', async () => {
    const recording = loadRecording('mistral/works-data-json-schema.json');
    const llm = await client('mistral', { [CHAT]: replayRecording(recording, MISTRAL) });

    const result = await llm.extractWorksData(TEXT);

    expect(result.data).toMatchObject({
      version: '2.1.2',
      mention_devis: true,
      prix_total_ttc: 8765,
    });
    expect(result.data.gestes).toBeUndefined();
    expect(result.usage).toEqual({ promptTokens: 3311, completionTokens: 387, totalTokens: 3698 });
  });

  it('rejects gestes that are not a list of objects, twice', async () => {
    const llm = await client('mistral', {
      [CHAT]: [completion('{"gestes": "pac_air_eau"}'), completion('{"gestes": ["pac_air_eau"]}')],
    });

    await expect(llm.extractWorksData(TEXT)).rejects.toMatchObject({ retryable: false });
    expect(sent(1).messages[3]?.content).toContain('gestes');
  });

  it('turns a provider body that is not JSON into a retryable error', async () => {
    const llm = await client('mistral', {
      [CHAT]: { body: '<html>proxy error</html>', headers: { 'content-type': 'application/json' } },
    });

    await expect(llm.extractWorksData(TEXT)).rejects.toMatchObject({
      adapter: 'llm',
      retryable: true,
    });
  });
});
