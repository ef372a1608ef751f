/**
 * Merge (pipeline.md §13): the deterministic reading refined by the LLM readings and the
 * registry data, into `read_attributes` with the provenance of every value. Conflicts are
 * counted in the logs, never their values.
 */
import type { PrivateData, WorksData } from '../../adapters/llm/llm-client.js';
import { mergeReadAttributes } from '../merge-attributes.js';
import type { Step } from './step.js';

export const MERGE_VERSION = 'merge/1';

export const mergeStep: Step = {
  name: 'merge',
  from: 'works_read',
  run(check, deps) {
    if (!check.naiveAttributes) return Promise.resolve({ patch: {}, outcome: 'skipped' });
    const sirene = check.enrichment?.sirene;
    const merged = mergeReadAttributes({
      naive: { attributes: check.naiveAttributes, provenance: check.readProvenance ?? {} },
      ...(check.privateDataQaAttributes
        ? { privateData: check.privateDataQaAttributes as unknown as PrivateData }
        : {}),
      ...(check.qaAttributes ? { worksData: check.qaAttributes as WorksData } : {}),
      ...(sirene?.found
        ? {
            enrichment: {
              sirene: {
                ...(sirene.nom ? { nom: sirene.nom } : {}),
                ...(sirene.adresse ? { adresse: sirene.adresse } : {}),
              },
            },
          }
        : {}),
    });
    if (merged.conflicts.length > 0 || merged.droppedLlmGestes > 0) {
      deps.logger.info(
        {
          quoteCheckId: check.id,
          conflicts: merged.conflicts.length,
          droppedLlmGestes: merged.droppedLlmGestes,
        },
        'merge kept the deterministic reading on conflicts',
      );
    }
    return Promise.resolve({
      patch: { readAttributes: merged.attributes, readProvenance: merged.provenance },
      outcome: 'done',
      version: MERGE_VERSION,
    });
  },
};
