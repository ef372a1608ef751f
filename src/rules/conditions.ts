/**
 * Building blocks of rule conditions. Each condition declares the attribute paths it reads, so
 * the fields checked by a table are read off the table (STYLE.md §5), never found by a dry run.
 */
import { isBlank, isTruthy, readPath } from './values.js';

export interface Condition {
  /** Attribute paths read, relative to the subject (`puissance`, `pro.siret`). */
  readonly fields: readonly string[];
  readonly holds: (subject: unknown) => boolean;
}

/** A condition over the given fields; `holds` receives their values in the same order. */
export function condition(
  fields: readonly string[],
  holds: (...values: unknown[]) => boolean,
): Condition {
  return { fields, holds: (subject) => holds(...fields.map((f) => readPath(subject, f))) };
}

/** The field is blank (null, empty string, empty list…); an explicit `false` is not blank. */
export function missing(field: string): Condition {
  return condition([field], isBlank);
}

/** Every one of the fields is blank. */
export function missingAll(...fields: string[]): Condition {
  return condition(fields, (...values) => values.every(isBlank));
}

/** The field is present (not blank). */
export function present(field: string): Condition {
  return condition([field], (value) => !isBlank(value));
}

/** The field is absent, `false` or a blank string: a statement that was not made. */
export function notTruthy(field: string): Condition {
  return condition([field], (value) => !isTruthy(value));
}

/** Every field is not truthy. */
export function noneTruthy(...fields: string[]): Condition {
  return condition(fields, (...values) => !values.some(isTruthy));
}

/** The field reads as a number strictly below `limit`; unreadable values never fail. */
export function below(
  field: string,
  limit: number,
  read: (value: unknown) => number | undefined,
): Condition {
  return condition([field], (value) => {
    const n = isBlank(value) ? undefined : read(value);
    return n !== undefined && n < limit;
  });
}

export function allOf(...conditions: Condition[]): Condition {
  return {
    fields: conditions.flatMap((c) => c.fields),
    holds: (subject) => conditions.every((c) => c.holds(subject)),
  };
}

export function not(inner: Condition): Condition {
  return { fields: inner.fields, holds: (subject) => !inner.holds(subject) };
}
