/**
 * The rule engine: a rule is a row of a table; evaluating a table on a subject records each
 * applicable control in order and a finding for each failed one (spec/rules.md §1.2).
 */
import type { FindingCode, FindingType } from '../domain/finding-codes.js';
import type { GesteType } from '../domain/geste-types.js';
import type { Condition } from './conditions.js';
import type { FindingCollector, FindingTarget } from './finding-collector.js';

export interface Rule {
  readonly code: FindingCode;
  /** Geste types the rule applies to; absent for quote-level rules. */
  readonly gestes?: readonly GesteType[];
  /** Overrides the catalogue type of the code. */
  readonly type?: FindingType;
  /** Conditional control: evaluated (and counted) only when this holds. */
  readonly when?: Condition;
  readonly failsIf: Condition;
}

export function appliesTo(rule: Rule, gesteType: GesteType | undefined): boolean {
  return rule.gestes === undefined || (gesteType !== undefined && rule.gestes.includes(gesteType));
}

/** Evaluates the rules of `table` that apply to `gesteType` (all rules when undefined). */
export function evaluateRules(
  table: readonly Rule[],
  subject: unknown,
  collector: FindingCollector,
  scope: { gesteType?: GesteType; target?: FindingTarget } = {},
): void {
  for (const rule of table) {
    if (scope.gesteType !== undefined && !appliesTo(rule, scope.gesteType)) continue;
    if (rule.when && !rule.when.holds(subject)) continue;
    collector.control(rule.code, rule.failsIf.holds(subject), { ...scope.target, type: rule.type });
  }
}

/** Attribute paths read by a table, in order of first appearance, without duplicates. */
export function checkedFields(table: readonly Rule[]): string[] {
  const fields = table.flatMap((rule) => [...(rule.when?.fields ?? []), ...rule.failsIf.fields]);
  return [...new Set(fields)];
}

/** Geste types a table covers. */
export function gesteTypesOf(table: readonly Rule[]): GesteType[] {
  return [...new Set(table.flatMap((rule) => rule.gestes ?? []))];
}
