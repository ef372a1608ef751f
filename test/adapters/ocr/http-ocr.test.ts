/** The HTTP OCR providers against fake servers on 127.0.0.1, replaying recorded answers. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { createAlbertOcrEngine, createMdsoOcrEngine } from '../../../src/adapters/ocr/http-ocr.js';
import { UpstreamError } from '../../../src/errors.js';
import { startFakeHttp, type FakeHttp, type FakeRoute } from '../../support/fake-http.js';
import { loadRecording, recordedResponses } from '../../support/recordings.js';

const png = { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), mime: 'image/png' };
const input = { ...png, filename: 'Devis_test.png' };

let fake: FakeHttp | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function serve(routes: Record<string, FakeRoute>): Promise<string> {
  fake = await startFakeHttp(routes);
  return fake.url;
}

async function failureOf(promise: Promise<unknown>): Promise<UpstreamError> {
  const err = await promise.then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UpstreamError);
  return err as UpstreamError;
}

function mdso(baseUrl: string, timeoutMs = 2000) {
  return createMdsoOcrEngine({ baseUrl, apiKey: 'test-key', model: 'nanonets', timeoutMs });
}

describe('MDSO OCR', () => {
  it('sends the file as multipart with the key and returns the text', async () => {
    const recording = loadRecording('mdso-ocr/extract-text.json');
    const url = await serve({ 'POST /ocr/nanonets': recordedResponses(recording, '', '') });
    const result = await mdso(url).recognise(input);
    expect(result.text).toContain('SIRET 12345678900000');
    expect(result.pages).toBeUndefined();
    const [request] = fake!.requests;
    expect(request?.headers['x-api-key']).toBe('test-key');
    expect(request?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/u);
    expect(request?.body).toContain('name="file"; filename="Devis_test.png"');
    expect(request?.body).toContain('Content-Type: image/png');
  });

  it('splits pages on form feeds', async () => {
    const url = await serve({ 'POST /ocr/nanonets': { body: { text: 'page un\fpage deux' } } });
    expect((await mdso(url).recognise(input)).pages).toEqual(['page un', 'page deux']);
  });

  it.each([
    [401, false],
    [403, false],
    [404, false],
    [400, false],
    [429, true],
    [500, true],
    [503, true],
    [504, true],
  ])('HTTP %i is an upstream error (retryable: %s)', async (status, retryable) => {
    const body = { error: 'x', details: 'y', type: 'z' };
    const url = await serve({ 'POST /ocr/nanonets': { status, body } });
    const err = await failureOf(mdso(url).recognise(input));
    expect(err.adapter).toBe('mdso-ocr');
    expect(err.upstreamStatus).toBe(status);
    expect(err.retryable).toBe(retryable);
  });

  it('rejects an answer without text, not retryable', async () => {
    const url = await serve({ 'POST /ocr/nanonets': { body: { result: 'nothing' } } });
    const err = await failureOf(mdso(url).recognise(input));
    expect(err.retryable).toBe(false);
  });

  it('gives up after its time limit, retryable', async () => {
    const url = await serve({ 'POST /ocr/nanonets': { hang: true } });
    const err = await failureOf(mdso(url, 200).recognise(input));
    expect(err.retryable).toBe(true);
    expect(err.message).toContain('délai dépassé');
  });

  it('reports an unreachable service as retryable', async () => {
    const url = await serve({});
    await fake!.close();
    fake = undefined;
    const err = await failureOf(mdso(url).recognise(input));
    expect(err.retryable).toBe(true);
  });
});

describe('Albert OCR', () => {
  const pdf = { bytes: new TextEncoder().encode('%PDF-1.4'), mime: 'application/pdf' };
  const pdfInput = { ...pdf, filename: 'devis.pdf' };
  const albert = (baseUrl: string) =>
    createAlbertOcrEngine({ baseUrl, apiKey: 'albert-key', model: 'ocr-model', timeoutMs: 2000 });
  const page = (text: string) => ({ content: `\`\`\`markdown\n${text}\n\`\`\`` });

  it('keeps each page’s fenced markdown, without the no-text placeholder', async () => {
    const body = { data: [page('Devis n° 42\nTotal 100 €'), page('No text detected.'), { x: 1 }] };
    const url = await serve({ 'POST /ocr-beta': { body } });
    const result = await albert(url).recognise(pdfInput);
    expect(result.pages).toEqual(['Devis n° 42\nTotal 100 €', '', '']);
    expect(result.text).toBe('Devis n° 42\nTotal 100 €\f\f');
    const [request] = fake!.requests;
    expect(request?.headers.authorization).toBe('Bearer albert-key');
    expect(request?.body).toContain('name="model"');
    expect(request?.body).toContain('ocr-model');
  });

  it('falls back once to an image-text-to-text model when the model is unknown', async () => {
    const models = loadRecording('albert/models.json').interactions[0]!.response.body;
    const url = await serve({
      'POST /ocr-beta': [
        { status: 404, body: { detail: 'Model not found.' } },
        { body: { data: [page('texte')] } },
      ],
      'GET /models': { body: models },
    });
    const result = await albert(url).recognise(pdfInput);
    expect(result.text).toBe('texte');
    const posts = fake!.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[1]?.body).toContain('albert-large');
  });

  it('refuses an unsupported file without retry', async () => {
    const detail = 'file must be a PDF';
    const url = await serve({ 'POST /ocr-beta': { status: 400, body: { detail } } });
    const err = await failureOf(albert(url).recognise(pdfInput));
    expect(err.retryable).toBe(false);
    expect(err.upstreamStatus).toBe(400);
  });

  it('rejects an answer without data', async () => {
    const url = await serve({ 'POST /ocr-beta': { body: { pages: [] } } });
    expect((await failureOf(albert(url).recognise(pdfInput))).retryable).toBe(false);
  });

  it('retries 5xx', async () => {
    const url = await serve({ 'POST /ocr-beta': { status: 502, body: 'bad gateway' } });
    expect((await failureOf(albert(url).recognise(pdfInput))).retryable).toBe(true);
  });
});
