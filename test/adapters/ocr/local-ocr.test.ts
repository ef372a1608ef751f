/** Local OCR engines (tesseract.js always; the tesseract command line when installed) and the choice of engine. */
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createOcrEngine, type OcrConfig } from '../../../src/adapters/ocr/index.js';
import { lineFromWords } from '../../../src/adapters/ocr/ocr-engine.js';
import {
  createTesseractCliEngine,
  tesseractCliAvailable,
  textOfTsv,
} from '../../../src/adapters/ocr/tesseract-cli.js';
import { createTesseractJsEngine } from '../../../src/adapters/ocr/tesseract-js.js';
import { UpstreamError } from '../../../src/errors.js';
import { fixture } from '../pdf/build-pdf.js';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const photo = { bytes: fixture('Devis_test.png'), mime: 'image/png', filename: 'Devis_test.png' };

function hasFrenchTesseract(): boolean {
  try {
    return execFileSync('tesseract', ['--list-langs'], { encoding: 'utf8', stdio: 'pipe' })
      .split('\n')
      .includes('fra');
  } catch {
    return false;
  }
}
const cliPresent = hasFrenchTesseract();
if (!cliPresent) {
  console.info('tesseract command line with French absent: its test is skipped');
}

describe('OCR lines', () => {
  it('joins words with one space, and with three across a column gap', () => {
    const word = (text: string, left: number) => ({ text, left, top: 0, width: 40, height: 20 });
    const line = lineFromWords([
      word('Total', 0),
      word('HT', 45),
      word('6', 300),
      word('060,00', 345),
    ]);
    expect(line).toBe('Total HT   6 060,00');
  });

  it('reads tesseract TSV line by line', () => {
    const header =
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
    const rows = [
      '5\t1\t1\t1\t1\t1\t10\t10\t50\t20\t95\tDevis',
      '5\t1\t1\t1\t1\t2\t65\t10\t30\t20\t95\tn°',
      '4\t1\t1\t1\t2\t0\t10\t40\t300\t20\t-1\t',
      '5\t1\t1\t1\t2\t1\t10\t40\t60\t20\t90\tTotal',
      '5\t1\t1\t1\t2\t2\t400\t40\t60\t20\t90\t100,00',
    ];
    expect(textOfTsv([header, ...rows].join('\n'))).toBe('Devis n°\nTotal   100,00');
  });
});

describe('tesseract.js', () => {
  const engine = createTesseractJsEngine({ logger: silent });
  afterAll(() => engine.close());

  it('reads a French quote image with the bundled model, and again with the same worker', async () => {
    const first = await engine.recognise(photo);
    expect(first.text).toMatch(/SIRET\s+12345678900000/u);
    expect(first.text).toContain('Pompe à chaleur');
    const second = await engine.recognise(photo);
    expect(second.text).toBe(first.text);
  });

  it('stops at the signal with a retryable error, then works again', async () => {
    const err = await engine.recognise(photo, { signal: AbortSignal.timeout(1) }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UpstreamError);
    expect((err as UpstreamError).retryable).toBe(true);
    expect((await engine.recognise(photo)).text).toContain('DUPOND');
  });

  it('does not read PDFs itself', async () => {
    const pdf = { bytes: new Uint8Array(4), mime: 'application/pdf', filename: 'a.pdf' };
    await expect(engine.recognise(pdf)).rejects.toThrow('images only');
  });
});

(cliPresent ? describe : describe.skip)('tesseract command line', () => {
  const engine = createTesseractCliEngine({ logger: silent });
  afterAll(() => engine.close());

  it('reads the same image through stdin and stdout', async () => {
    expect((await engine.recognise(photo)).text).toMatch(/SIRET\s+12345678900000/u);
  });
});

describe('createOcrEngine', () => {
  const base: OcrConfig = {
    MDSO_OCR: undefined,
    MDSO_OCR_HOST: 'http://127.0.0.1:9',
    MDSO_OCR_API_KEY: undefined,
    MDSO_OCR_MODEL: 'nanonets',
    MDSO_OCR_TIMEOUT_MS: 1000,
    ALBERT_API_KEY: undefined,
    ALBERT_OCR_MODEL: 'm',
    ALBERT_API_BASE_URL: 'http://127.0.0.1:9/v1',
  };
  const missing = { tesseractCommand: 'mdso-no-such-tesseract' };

  it.each([
    [{ MDSO_OCR_API_KEY: 'k' }, 'mdso-ocr:marker'],
    [{ MDSO_OCR: 'MdsoOcr', MDSO_OCR_API_KEY: 'k' }, 'mdso-ocr:nanonets'],
    [{ MDSO_OCR: 'MdsoOcrOlmOcr', MDSO_OCR_API_KEY: 'k' }, 'mdso-ocr:olmocr'],
    [{ MDSO_OCR: 'AlbertOcr', ALBERT_API_KEY: 'k' }, 'albert-ocr'],
    [{ MDSO_OCR: 'MdsoOcrMarker' }, 'tesseract.js'],
    [{ MDSO_OCR: 'MistralOcr', MDSO_OCR_API_KEY: 'k' }, 'tesseract.js'],
    [{}, 'tesseract.js'],
  ])('%j → %s', async (settings, name) => {
    const engine = await createOcrEngine({ ...base, ...settings }, silent, missing);
    expect(engine.name).toBe(name);
    await engine.close();
  });

  it('prefers the command line when it is installed', async () => {
    expect(await tesseractCliAvailable('mdso-no-such-tesseract')).toBe(false);
    const engine = await createOcrEngine(base, silent);
    expect(engine.name).toBe(cliPresent ? 'tesseract' : 'tesseract.js');
    await engine.close();
  });
});
