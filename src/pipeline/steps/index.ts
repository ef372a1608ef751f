/** The pipeline, in the order of DESIGN.md §4; `finalise` is the runner's own last move. */
import { anonymiseStep } from './anonymise.js';
import { enrichStep } from './enrich.js';
import { extractStep } from './extract.js';
import { privateLlmStep, worksLlmStep } from './llm.js';
import { mergeStep } from './merge.js';
import { readStep } from './read.js';
import { scanStep } from './scan.js';
import type { Step } from './step.js';
import { validateStep } from './validate.js';

export const STEPS: readonly Step[] = [
  scanStep,
  readStep,
  extractStep,
  privateLlmStep,
  enrichStep,
  anonymiseStep,
  worksLlmStep,
  mergeStep,
  validateStep,
];

export type { Step, StepDeps, StepResult } from './step.js';
