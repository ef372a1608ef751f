/**
 * French wording of the findings (templates/wording/fr.json), imported as static data so the
 * rules stay pure. Typing the import as `Wording` makes a code without wording a compile error.
 */
import type { FindingCode } from '../domain/finding-codes.js';
import fr from '../../templates/wording/fr.json' with { type: 'json' };

export interface CodeWording {
  /** Short sentence saying what is missing or wrong. */
  readonly title: string;
  /** What to add or correct on the quote, and why; may hold `{{placeholders}}`. */
  readonly explanation: string;
  /**
   * The wording for one geste type, when the common one would name the wrong equipment (a
   * stove told about « la chaudière remplacée »); keys are canonical geste types.
   */
  readonly by_geste?: Readonly<
    Record<string, { readonly title: string; readonly explanation: string }>
  >;
}

export type Wording = Readonly<Record<FindingCode, CodeWording>>;

export const FR_WORDING: Wording = fr;

export const DEFAULT_FRONTEND_HOST = 'https://mon-devis-sans-oublis.beta.gouv.fr';

/** Values substituted into explanations. */
export interface WordingParams {
  /** The public RGE lookup page. */
  readonly rge_lookup_url?: string;
  /** RGE qualification numbers of the company for a geste (`geste_rge_non_mentionne`). */
  readonly numeros_rge?: string;
}

export const WORDING_PLACEHOLDERS: readonly (keyof WordingParams)[] = [
  'rge_lookup_url',
  'numeros_rge',
];

export function rgeLookupUrl(frontendHost: string = DEFAULT_FRONTEND_HOST): string {
  return `${frontendHost.replace(/\/+$/u, '')}/rge`;
}

/** Replaces `{{name}}` placeholders; an unknown or missing value becomes an empty string. */
export function fillPlaceholders(text: string, params: WordingParams): string {
  return text.replace(/\{\{(\w+)\}\}/gu, (_match, name: string) => {
    const value: unknown = (params as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : '';
  });
}

/** The title and filled explanation of a code, in the variant of the geste type when it has one. */
export function renderWording(
  code: FindingCode,
  params: WordingParams,
  options: { gesteType?: string; wording?: Wording } = {},
): { title: string; solution: string } {
  const common = (options.wording ?? FR_WORDING)[code];
  const entry = (options.gesteType && common.by_geste?.[options.gesteType]) || common;
  return { title: entry.title, solution: fillPlaceholders(entry.explanation, params) };
}
