/**
 * QuotesCase consistency (spec/rules.md §3.11, with the DESIGN.md §5 fix: comparison ignores
 * case, accents and extra spaces): the client's first name, name and address must agree across
 * the quotes of a case. Values come from `client.*` and from the private-data lists.
 */
import type { QuoteAttributes } from '../domain/attributes.js';
import type { FindingCode } from '../domain/finding-codes.js';
import type { ValidationResult } from './finding-collector.js';
import { FindingCollector } from './finding-collector.js';
import { jaroWinkler, normaliseForComparison } from './jaro-winkler.js';
import { RULES_VERSION } from './rules-version.js';
import { rgeLookupUrl } from './wording.js';
import { readPath, toTextList } from './values.js';

export interface CaseValidationInput {
  caseId: string;
  checks: readonly { attributes: QuoteAttributes }[];
  frontendHost?: string;
}

const CASE_CONTROLS: readonly { code: FindingCode; paths: readonly string[] }[] = [
  { code: 'client_prenom_incoherent', paths: ['client.prenom', 'client_prenoms'] },
  { code: 'client_nom_incoherent', paths: ['client.nom', 'client_noms_de_famille'] },
  { code: 'client_adresse_incoherent', paths: ['client.adresse', 'client_adresses'] },
];

/** Values at least this similar (Jaro-Winkler, after normalisation) count as equal. */
const SIMILARITY_THRESHOLD = 0.9;

function valuesOf(attributes: unknown, paths: readonly string[]): string[] {
  const values = paths.flatMap((path) => toTextList(readPath(attributes, path)));
  return [...new Set(values.map(normaliseForComparison).filter((v) => v !== ''))];
}

/** Items of the first list that have a close item in every following list. */
export function fuzzyIntersection(lists: readonly (readonly string[])[]): string[] {
  const [first = [], ...rest] = lists;
  return rest.reduce<string[]>(
    (kept, next) =>
      kept.filter((item) => next.some((other) => jaroWinkler(item, other) > SIMILARITY_THRESHOLD)),
    [...first],
  );
}

export function validateCase(input: CaseValidationInput): ValidationResult {
  const collector = new FindingCollector({
    objectId: input.caseId,
    fromCase: true,
    rgeLookupUrl: rgeLookupUrl(input.frontendHost),
  });
  if (input.checks.length > 1) {
    for (const { code, paths } of CASE_CONTROLS) {
      const lists = input.checks
        .map((check) => valuesOf(check.attributes, paths))
        .filter((values) => values.length > 0);
      if (lists.length > 0) collector.control(code, fuzzyIntersection(lists).length === 0);
    }
  }
  return collector.result(RULES_VERSION);
}
