/**
 * The bookkeeping of one merge: the source of every value that did not come from the naive
 * reading, and the disagreements met. Field merges take the naive value, the raw LLM value and
 * the field kind, and return the value to keep.
 */
import type { Provenance, ProvenanceSource } from '../../domain/attributes.js';
import {
  coerceValue,
  foldForComparison,
  preferredSource,
  sameValue,
  toTextValue,
  type FieldKind,
  type Scalar,
} from './field-values.js';

export interface MergeConflict {
  /** Attribute path, as in provenance (`pro.siret`, `gestes[0].puissance`). */
  path: string;
  kept: 'naive' | 'llm';
  naive: unknown;
  llm: unknown;
}

export interface MergeState {
  /** Sources by path; a path without an entry keeps the source it had in the naive input. */
  sources: Provenance;
  conflicts: MergeConflict[];
}

export function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** The value to keep for one scalar field; undefined when neither side has one. */
export function mergeField(
  state: MergeState,
  field: { path: string; kind: FieldKind },
  naive: unknown,
  llmRaw: unknown,
): unknown {
  const llm = coerceValue(field.kind, llmRaw);
  if (!isPresent(naive)) {
    if (llm === undefined) return undefined;
    state.sources[field.path] = 'llm';
    return llm;
  }
  if (llm === undefined || !isScalar(naive) || sameValue(field.kind, naive, llm)) return naive;
  const kept = preferredSource(field.kind, naive, llm);
  state.conflicts.push({ path: field.path, kept, naive, llm });
  if (kept === 'naive') return naive;
  state.sources[field.path] = 'llm';
  return llm;
}

/** Sets a value only where there is none (enrichment). */
export function fillField(
  state: MergeState,
  path: string,
  current: unknown,
  value: unknown,
  source: ProvenanceSource,
): unknown {
  if (isPresent(current) || !isPresent(value)) return current;
  state.sources[path] = source;
  return value;
}

/**
 * A list of printed values: the naive values, then the LLM values not already there (same
 * text once case, accents and punctuation are ignored). Nothing is ever removed.
 */
export function mergeList(
  state: MergeState,
  path: string,
  naive: readonly string[] | undefined,
  llmRaw: unknown,
): string[] | undefined {
  const result = [...(naive ?? [])];
  const seen = new Set(result.map(foldForComparison));
  const llm = (Array.isArray(llmRaw) ? llmRaw : [llmRaw]).map(toTextValue);
  for (const value of llm) {
    if (value === undefined || seen.has(foldForComparison(value))) continue;
    seen.add(foldForComparison(value));
    result.push(value);
  }
  if (result.length === 0) return undefined;
  if ((naive ?? []).length === 0) state.sources[path] = 'llm';
  return result;
}

/** Merges the listed fields of one object (`pro`, `client`, a geste); other naive keys stay. */
export function mergeFields<T extends object>(
  state: MergeState,
  prefix: string,
  naive: T | undefined,
  llm: Readonly<Record<string, unknown>> | undefined,
  kinds: Readonly<Record<string, FieldKind>>,
): T {
  const result: Record<string, unknown> = { ...naive };
  for (const [key, kind] of Object.entries(kinds)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const value = mergeField(state, { path, kind }, result[key], llm?.[key]);
    if (value !== undefined) result[key] = value;
  }
  return result as T;
}
