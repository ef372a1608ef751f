/**
 * The two optional LLM readings (pipeline.md §9 and §12). The private-data reading sends the
 * shrunk text, so it runs only with a provider allowed to receive personal data; the works-data
 * reading sends the anonymised text. Without a provider both are skipped: the deterministic
 * reading is complete on its own. After the last failed attempt the check goes on with the
 * deterministic reading and an `llm_error` finding.
 */
import type { LlmExtraction } from '../../adapters/llm/llm-client.js';
import type { QuoteCheck, StepProblem } from '../../domain/quote-check.js';
import type { Step } from './step.js';

function llmVersion(extraction: LlmExtraction<unknown>): string {
  return `${extraction.promptVersion}#${extraction.promptHash} ${extraction.provider}/${extraction.model}`;
}

function llmProblem(check: QuoteCheck, step: string): StepProblem[] {
  const problem: StepProblem = {
    step,
    code: 'llm_error',
    problem:
      'La lecture approfondie du devis par notre service d’intelligence artificielle n’a pas pu ' +
      'aboutir ; le devis a été vérifié avec notre lecture automatique seule.',
  };
  return [...(check.stepProblems ?? []).filter((p) => p.step !== step), problem];
}

export const privateLlmStep: Step = {
  name: 'private_llm',
  from: 'extracted',
  async run(check, deps) {
    const client = deps.llm.privateData;
    if (!client || !check.text) return { patch: {}, outcome: 'skipped' };
    const extraction = await client.extractPrivateData(check.text);
    return {
      patch: {
        privateDataQaAttributes: extraction.data as unknown as Record<string, unknown>,
        privateDataQaVersion: llmVersion(extraction),
      },
      outcome: 'done',
      version: llmVersion(extraction),
    };
  },
  giveUp: (check) => ({ stepProblems: llmProblem(check, 'private_llm') }),
};

export const worksLlmStep: Step = {
  name: 'works_llm',
  from: 'anonymised',
  async run(check, deps) {
    const client = deps.llm.worksData;
    if (!client || !check.anonymisedText) return { patch: {}, outcome: 'skipped' };
    const extraction = await client.extractWorksData(check.anonymisedText);
    return {
      patch: {
        qaAttributes: extraction.data as Record<string, unknown>,
        qaVersion: llmVersion(extraction),
        // token usage, for the cost of /api/v1/stats (spec/api.md §5.20); not the answer itself
        qaResult: {
          model: extraction.model,
          calls: extraction.calls,
          usage: {
            prompt_tokens: extraction.usage.promptTokens,
            completion_tokens: extraction.usage.completionTokens,
            total_tokens: extraction.usage.totalTokens,
          },
        },
      },
      outcome: 'done',
      version: llmVersion(extraction),
    };
  },
  giveUp: (check) => ({ stepProblems: llmProblem(check, 'works_llm') }),
};
