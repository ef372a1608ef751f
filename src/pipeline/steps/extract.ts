/**
 * Shrink (drop the general terms and conditions) then the deterministic extraction: every
 * administrative field and the gestes, with provenance `naive` (pipeline.md §7, DESIGN.md §4).
 */
import { EXTRACTOR_VERSION, extractQuote } from '../../extract/index.js';
import { shrinkDocument } from '../../text/shrink.js';
import type { Step } from './step.js';

export const extractStep: Step = {
  name: 'extract',
  from: 'read',
  run(check) {
    if (!check.document) return Promise.resolve({ patch: {}, outcome: 'skipped' });
    const shrunk = shrinkDocument(check.document);
    const extraction = extractQuote(check.document, shrunk);
    return Promise.resolve({
      patch: {
        text: shrunk.text,
        naiveAttributes: extraction.attributes,
        naiveVersion: extraction.version,
        readProvenance: extraction.provenance,
      },
      outcome: 'done',
      version: EXTRACTOR_VERSION,
    });
  },
};
