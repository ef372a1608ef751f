/**
 * What the threshold rules read on a geste (DESIGN.md §11): a criterion's value with its unit,
 * and whether a row's conditions hold. Every reading says when it cannot be sure: a value that
 * cannot be compared with certainty is `undefined`, a condition on a value not read is `unknown`.
 */
import type { RowCondition, ThresholdCriterion } from '../domain/aid-thresholds.js';
import { foldText } from '../domain/fold.js';
import {
  ATTRIBUTE_QUANTITIES,
  readControllerClass,
  readEnergyClass,
  readQuantity,
} from '../domain/units.js';
import { isTruthy, readPath, toNumber, toText, type Subject } from './values.js';

/** A value read for a criterion: a number in the criterion's unit, or a class. */
export interface CriterionValue {
  readonly attribute: string;
  readonly value: number | string;
  /** How it was obtained when not printed as is (a ratio read as %, R computed). */
  readonly how?:
    | { readonly kind: 'ratio'; readonly printed: number }
    | { readonly kind: 'computed_r'; readonly thicknessCm: number; readonly lambda: number }
    | { readonly kind: 'o2'; readonly percent: number };
}

/** The O₂ content emissions are referred to, as read on the geste (our own attribute). */
export const O2_REFERENCE_ATTRIBUTE = 'emission_reference_o2';

/** R = e / λ, only when the quote prints both and no R (issue 12): said so in the texts. */
function computedResistance(geste: Subject): CriterionValue | undefined {
  const thickness = readQuantity(readPath(geste, 'epaisseur_isolant'), 'thickness_cm');
  const lambda = readQuantity(readPath(geste, 'lambda_isolant'), 'conductivity');
  if (!thickness || !lambda) return undefined;
  const r = Math.round((thickness.value / 100 / lambda.value) * 100) / 100;
  return {
    attribute: 'resistance_thermique',
    value: r,
    how: { kind: 'computed_r', thicknessCm: thickness.value, lambda: lambda.value },
  };
}

/** The value a criterion compares, or undefined when it cannot be compared with certainty. */
export function criterionValue(
  geste: Subject,
  criterion: ThresholdCriterion,
): CriterionValue | undefined {
  const { attribute } = criterion;
  const raw = readPath(geste, attribute);
  if (criterion.comparator === 'class_at_least') {
    const cls = readEnergyClass(raw);
    return cls === undefined ? undefined : { attribute, value: cls };
  }
  if (criterion.comparator === 'one_of') {
    const cls = readControllerClass(raw);
    return cls === undefined ? undefined : { attribute, value: cls };
  }
  const quantity = ATTRIBUTE_QUANTITIES[attribute];
  if (quantity === undefined) return undefined;
  const read = readQuantity(raw, quantity);
  if (read === undefined) {
    return attribute === 'resistance_thermique' && raw === undefined
      ? computedResistance(geste)
      : undefined;
  }
  if (criterion.o2_reference_percent !== undefined) {
    // an emission is comparable only at the reference the threshold is given for
    const o2 = toNumber(readPath(geste, O2_REFERENCE_ATTRIBUTE));
    if (o2 === undefined || o2 !== criterion.o2_reference_percent) return undefined;
    return { attribute, value: read.value, how: { kind: 'o2', percent: o2 } };
  }
  return read.fromRatio === undefined
    ? { attribute, value: read.value }
    : { attribute, value: read.value, how: { kind: 'ratio', printed: read.fromRatio } };
}

const CLASS_ORDER = ['A+++', 'A++', 'A+', 'A', 'B', 'C', 'D', 'E', 'F', 'G'];

/** true when the value meets the criterion. */
export function meets(value: number | string, criterion: ThresholdCriterion): boolean {
  const limit = criterion.value;
  switch (criterion.comparator) {
    case '>=':
      return Number(value) >= Number(limit);
    case '>':
      return Number(value) > Number(limit);
    case '<=':
      return Number(value) <= Number(limit);
    case '<':
      return Number(value) < Number(limit);
    case 'class_at_least':
      return CLASS_ORDER.indexOf(String(value)) <= CLASS_ORDER.indexOf(String(limit));
    case 'one_of':
      return Array.isArray(limit) && limit.includes(String(value));
  }
}

export type Tristate = 'yes' | 'no' | 'unknown';

/** Whether one condition holds on the geste; `unknown` when its value was not read. */
export function conditionHolds(geste: Subject, condition: RowCondition): Tristate {
  const raw = readPath(geste, condition.attribute);
  if (condition.op === 'not_true') {
    const stated = raw === true || ['oui', 'true', 'vrai'].includes(foldText(toText(raw) ?? ''));
    return stated ? 'no' : 'yes';
  }
  if (condition.op === 'in') {
    if (!isTruthy(raw)) return 'unknown';
    const text = foldText(toText(raw) ?? '').trim();
    if (text === '') return 'unknown';
    const hit = (condition.values ?? []).some((v) =>
      condition.exact ? text === foldText(v) : text.startsWith(foldText(v)),
    );
    return hit ? 'yes' : 'no';
  }
  const quantity = ATTRIBUTE_QUANTITIES[condition.attribute];
  const read = quantity === undefined ? undefined : readQuantity(raw, quantity);
  if (read === undefined || condition.value === undefined) return 'unknown';
  const holds = condition.op === '>' ? read.value > condition.value : read.value <= condition.value;
  return holds ? 'yes' : 'no';
}

/** All conditions of a row: `no` as soon as one fails, `unknown` when one cannot be read. */
export function conditionsHold(geste: Subject, conditions: readonly RowCondition[]): Tristate {
  let result: Tristate = 'yes';
  for (const condition of conditions) {
    const holds = conditionHolds(geste, condition);
    if (holds === 'no') return 'no';
    if (holds === 'unknown') result = 'unknown';
  }
  return result;
}
