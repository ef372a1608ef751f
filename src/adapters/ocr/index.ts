/**
 * The OCR engine the settings ask for (STYLE.md §6: an explicit map, no class looked up by
 * name): an HTTP provider when `MDSO_OCR` names one and its key is set, else the tesseract
 * command line when installed with French, else tesseract.js in a child process (always available).
 */
import { ALBERT_BASE_URL } from '../llm/providers.js';
import type { Config } from '../../config.js';
import { createAlbertOcrEngine, createMdsoOcrEngine } from './http-ocr.js';
import type { OcrEngine, OcrLogger } from './ocr-engine.js';
import { createTesseractCliEngine, tesseractCliAvailable } from './tesseract-cli.js';
import { createTesseractProcessEngine } from './tesseract-js-process.js';

export type { OcrEngine, OcrInput, OcrLogger, OcrResult } from './ocr-engine.js';

export type OcrConfig = Pick<
  Config,
  | 'MDSO_OCR'
  | 'MDSO_OCR_HOST'
  | 'MDSO_OCR_API_KEY'
  | 'MDSO_OCR_MODEL'
  | 'MDSO_OCR_TIMEOUT_MS'
  | 'ALBERT_API_KEY'
  | 'ALBERT_OCR_MODEL'
  | 'ALBERT_API_BASE_URL'
>;

const DEFAULT_MDSO_OCR_HOST = 'http://localhost:8000';

/** Upstream's engine names (`MDSO_OCR`) → MDSO OCR model; `MdsoOcr` uses `MDSO_OCR_MODEL`. */
const MDSO_MODELS: Readonly<Record<string, string | null>> = {
  MdsoOcr: null,
  MdsoOcrMarker: 'marker',
  MdsoOcrNanonets: 'nanonets',
  MdsoOcrOlmOcr: 'olmocr',
  MdsoOcrDotsOcr: 'dotsocr',
};

const LOCAL_NAMES = new Set(['', 'local', 'tesseract', 'Tesseract']);

function httpEngine(config: OcrConfig, logger: OcrLogger): OcrEngine | null {
  const named = config.MDSO_OCR ?? (config.MDSO_OCR_API_KEY ? 'MdsoOcrMarker' : '');
  if (LOCAL_NAMES.has(named)) return null;
  const timeoutMs = config.MDSO_OCR_TIMEOUT_MS;
  if (named in MDSO_MODELS) {
    if (!config.MDSO_OCR_API_KEY) {
      logger.warn({ engine: named }, 'MDSO_OCR_API_KEY unset: local OCR instead');
      return null;
    }
    return createMdsoOcrEngine({
      baseUrl: config.MDSO_OCR_HOST ?? DEFAULT_MDSO_OCR_HOST,
      apiKey: config.MDSO_OCR_API_KEY,
      model: MDSO_MODELS[named] ?? config.MDSO_OCR_MODEL,
      timeoutMs,
      logger,
    });
  }
  if (named === 'AlbertOcr') {
    if (!config.ALBERT_API_KEY) {
      logger.warn({ engine: named }, 'ALBERT_API_KEY unset: local OCR instead');
      return null;
    }
    return createAlbertOcrEngine({
      baseUrl: config.ALBERT_API_BASE_URL ?? ALBERT_BASE_URL,
      apiKey: config.ALBERT_API_KEY,
      model: config.ALBERT_OCR_MODEL,
      timeoutMs,
      logger,
    });
  }
  logger.warn({ engine: named }, 'OCR engine not available here: local OCR instead');
  return null;
}

export async function createOcrEngine(
  config: OcrConfig,
  logger: OcrLogger,
  probe: { tesseractCommand?: string } = {},
): Promise<OcrEngine> {
  const http = httpEngine(config, logger);
  const engine =
    http ??
    ((await tesseractCliAvailable(probe.tesseractCommand))
      ? createTesseractCliEngine({ command: probe.tesseractCommand, logger })
      : createTesseractProcessEngine({ logger }));
  logger.info({ engine: engine.name }, 'ocr engine chosen');
  return engine;
}
