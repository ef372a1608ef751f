/** Generates quotes (PDF or text) with their truth files into a folder laid out like the corpus. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  GESTE_GROUPS,
  GESTE_TYPES,
  groupOf,
  type GesteType,
} from '../../src/domain/geste-types.js';
import { buildQuote } from './build-quote.js';
import { LAYOUTS } from './layouts/index.js';
import { createRng, type Rng } from './prng.js';
import { renderPdf } from './render/render-pdf.js';
import { renderTxt } from './render/render-txt.js';
import { buildTruth, type QuoteValidator } from './truth.js';
import { slug } from './vocab/people.js';

export interface GenerateOptions {
  outDir: string;
  count: number;
  seed: number | string;
  validate: QuoteValidator;
}

export interface GeneratedQuote {
  document: string;
  truthFile: string;
  layout: string;
  types: GesteType[];
  codes: string[];
}

/** Quote i's geste types: a primary type cycling through all 21, sometimes one or two more. */
function gesteTypes(rng: Rng, index: number, offset: number): GesteType[] {
  const primary = GESTE_TYPES[(index * 8 + offset) % GESTE_TYPES.length] as GesteType;
  const types = [primary];
  if (rng.chance(0.35)) {
    const sameGroup = GESTE_GROUPS[groupOf(primary)].filter((t) => t !== primary);
    const pool: readonly GesteType[] =
      sameGroup.length > 0 && rng.chance(0.6) ? sameGroup : GESTE_TYPES;
    types.push(
      ...rng.sample(
        pool.filter((t) => t !== primary),
        rng.int(1, 2),
      ),
    );
  }
  return types;
}

export async function generateQuotes(opts: GenerateOptions): Promise<GeneratedQuote[]> {
  await mkdir(opts.outDir, { recursive: true });
  const base = createRng(`mdso-generator:${opts.seed}`);
  const layoutOffset = base.int(0, LAYOUTS.length - 1);
  const typeOffset = base.int(0, GESTE_TYPES.length - 1);
  const generated: GeneratedQuote[] = [];
  for (let i = 0; i < opts.count; i += 1) {
    const rng = createRng(`mdso-generator:${opts.seed}:${i}`);
    const layout = LAYOUTS[(i + layoutOffset) % LAYOUTS.length] as (typeof LAYOUTS)[number];
    const types = gesteTypes(rng, i, typeOffset);
    const id = `gen-${String(i + 1).padStart(3, '0')}`;
    const omitRate = rng.pick([0.01, 0.04, 0.1]);
    const draft = buildQuote(rng, { baseName: id, layout, types, omitRate });
    const baseName = `${id}_devis_${slug(types[0] ?? 'geste', '_')}_${slug(draft.client.nom, '_')}`;
    const model = { ...draft, baseName };
    const ext = layout.format === 'txt' ? 'txt' : 'pdf';
    const document = `${baseName}.${ext}`;
    const rendered =
      layout.format === 'txt'
        ? { bytes: new TextEncoder().encode(renderTxt(model)), pages: null }
        : await renderPdf(model);
    const truth = buildTruth(
      model,
      { name: document, bytes: rendered.bytes, pages: rendered.pages },
      opts.validate,
    );
    const truthFile = `${baseName}.truth.json`;
    await writeFile(join(opts.outDir, document), rendered.bytes);
    await writeFile(join(opts.outDir, truthFile), `${JSON.stringify(truth, null, 2)}\n`);
    generated.push({
      document,
      truthFile,
      layout: layout.name,
      types,
      codes: truth.expected_error_codes,
    });
  }
  return generated;
}
