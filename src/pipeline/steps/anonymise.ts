/**
 * Anonymisation (pipeline.md §11): every personal or company-identifying value found by the
 * deterministic reading or the private-data LLM is replaced by a token; only this text may go
 * to a provider that is not allowed personal data.
 */
import type { PrivateData } from '../../adapters/llm/llm-client.js';
import { buildAnonymisationInput } from '../merge-attributes.js';
import { anonymiseText } from '../../text/anonymise.js';
import type { Step } from './step.js';

export const ANONYMISE_VERSION = 'anonymise/1';

export const anonymiseStep: Step = {
  name: 'anonymise',
  from: 'enriched',
  run(check) {
    if (!check.text) return Promise.resolve({ patch: {}, outcome: 'skipped' });
    const sirene = check.enrichment?.sirene;
    const values = buildAnonymisationInput({
      naive: check.naiveAttributes ?? {},
      ...(check.privateDataQaAttributes
        ? { privateData: check.privateDataQaAttributes as unknown as PrivateData }
        : {}),
      ...(sirene?.found
        ? {
            sirene: {
              ...(sirene.nom ? { nom: sirene.nom } : {}),
              ...(sirene.adresse ? { adresse: sirene.adresse } : {}),
            },
          }
        : {}),
    });
    return Promise.resolve({
      patch: { anonymisedText: anonymiseText(check.text, values) },
      outcome: 'done',
      version: ANONYMISE_VERSION,
    });
  },
};
