/** File validator (spec/rules.md §3.2): only quotes and invoices are checked further. */
import { condition } from './conditions.js';
import type { Rule } from './engine.js';
import { evaluateRules } from './engine.js';
import type { FindingCollector } from './finding-collector.js';
import { toText } from './values.js';

const CHECKED_FILE_TYPES = ['devis', 'facture'];

export const FILE_RULES: readonly Rule[] = [
  {
    code: 'file_type_error',
    failsIf: condition(
      ['type_fichier'],
      (value) => !CHECKED_FILE_TYPES.includes(toText(value)?.toLowerCase() ?? ''),
    ),
  },
];

/** Evaluates the file rules; false when the document must not be checked any further. */
export function checkFile(attributes: unknown, collector: FindingCollector): boolean {
  const before = collector.findingCount;
  evaluateRules(FILE_RULES, attributes, collector);
  return collector.findingCount === before;
}
