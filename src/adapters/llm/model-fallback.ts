/**
 * Choice of a replacement model when the requested one is unknown to the provider
 * (spec/external.md §4.2, recordings `Llms_Albert/_chat_completion/when_model_is_not_found`).
 *
 * Candidates: chat models (`type` text-generation or image-text-to-text when the provider
 * gives a type; no embedding, speech, rerank or OCR model), minus the models already tried.
 * Order: the provider's known-good models first (in their order), then the Llama family
 * (id or alias), then the larger parameter count (`-8B-`, `24b`), then the id.
 */
import { z } from 'zod';

export const modelListSchema = z.object({
  data: z.array(
    z.looseObject({
      id: z.string(),
      type: z.string().nullish(),
      aliases: z.array(z.string()).nullish(),
    }),
  ),
});

export type ListedModel = z.infer<typeof modelListSchema>['data'][number];

const CHAT_TYPES = new Set(['text-generation', 'image-text-to-text']);
const NOT_CHAT = /embed|whisper|rerank|audio|ocr|moderation|tts/iu;

function names(model: ListedModel): string[] {
  return [model.id, ...(model.aliases ?? [])];
}

/** Largest parameter count (billions) written in the id or aliases, 0 when none. */
export function parameterBillions(model: ListedModel): number {
  const sizes = names(model).flatMap((name) =>
    [...name.matchAll(/(?:^|[-_/])(\d+(?:\.\d+)?)b(?=$|[-_.])/giu)].map((m) => Number(m[1])),
  );
  return Math.max(0, ...sizes);
}

function isChatModel(model: ListedModel): boolean {
  if (model.type && !CHAT_TYPES.has(model.type)) return false;
  return !names(model).some((name) => NOT_CHAT.test(name));
}

export function pickFallbackModel(
  models: readonly ListedModel[],
  tried: ReadonlySet<string>,
  preferred: readonly string[],
): string | undefined {
  const rank = (model: ListedModel): number => {
    const index = preferred.indexOf(model.id);
    return index === -1 ? preferred.length : index;
  };
  const isLlama = (model: ListedModel) => names(model).some((n) => /meta-llama/iu.test(n));
  const candidates = models.filter((m) => isChatModel(m) && !tried.has(m.id));
  candidates.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      Number(isLlama(b)) - Number(isLlama(a)) ||
      parameterBillions(b) - parameterBillions(a) ||
      a.id.localeCompare(b.id),
  );
  return candidates[0]?.id;
}
