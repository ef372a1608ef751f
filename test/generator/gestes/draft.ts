/**
 * A geste as the generator prints it: the priced line(s), the technical mentions printed under
 * the line, and the attribute values of the truth (null when the mention is left out).
 */
import type { GesteType } from '../../../src/domain/geste-types.js';
import type { Rng } from '../prng.js';

export type AttrValue = string | number | boolean | null;

export interface GesteDraft {
  type: GesteType;
  /** Line label when supply and installation are priced apart. */
  label: string;
  /** Line label of a single "fourniture et pose" line. */
  combinedLabel: string;
  /** Mentions printed under the line, in order. */
  details: string[];
  /** Technical attributes in the truth's order (rule-engine names). */
  attrs: Record<string, AttrValue>;
  quantite: number;
  /** Unit as in the truth: `u`, `m²`, `ens.`. */
  unite: string;
  /** Supply unit price excl. VAT. */
  supplyUnitPrice: number;
  /** Installation unit price excl. VAT (same unit and quantity as the supply). */
  labourUnitPrice: number;
  labourLabel: string;
  /** VAT rate of the geste's lines. */
  tva: number;
  section: string;
  /** Human descriptions of the mentions left out. */
  defects: string[];
}

export interface GesteContext {
  rng: Rng;
  /** Probability that an optional mention is left out. */
  omitRate: number;
}

type Phrasing<T> = (value: T) => string;

/** Collects attributes and the sentences that print them. */
export class DraftWriter {
  readonly attrs: Record<string, AttrValue> = {};
  readonly details: string[] = [];
  readonly defects: string[] = [];

  constructor(private readonly ctx: GesteContext) {}

  /** Records `key` = value and prints it with one of the phrasings, unless the mention is omitted. */
  say<T extends string | number | boolean>(
    key: string,
    value: T,
    phrasings: Phrasing<T>[],
    missing: string,
  ): T | null {
    if (this.ctx.rng.chance(this.ctx.omitRate)) return this.absent(key, missing);
    this.attrs[key] = value;
    this.details.push(this.ctx.rng.pick(phrasings)(value));
    return value;
  }

  /** Records `key` = value printed elsewhere (label, another sentence). */
  known(key: string, value: AttrValue): void {
    this.attrs[key] = value;
  }

  absent(key: string, missing: string): null {
    this.attrs[key] = null;
    this.defects.push(missing);
    return null;
  }

  /** The value of `key` when it is printed (label parts must not show omitted values). */
  shown(key: string): AttrValue {
    return this.attrs[key] ?? null;
  }

  /** A sentence with no attribute (context, accessories). */
  note(text: string): void {
    this.details.push(text);
  }

  /** Several attributes printed in one sentence, all or nothing. */
  sayAll(values: Record<string, AttrValue>, sentence: string, missing: string): boolean {
    if (this.ctx.rng.chance(this.ctx.omitRate)) {
      for (const key of Object.keys(values)) this.attrs[key] = null;
      this.defects.push(missing);
      return false;
    }
    Object.assign(this.attrs, values);
    this.details.push(sentence);
    return true;
  }
}

/** Rounds to a step (0.05 for R values, 0.1 for COP…). */
export function roundTo(value: number, step: number): number {
  return Number((Math.round(value / step) * step).toFixed(4));
}

/** A random value in [min, max] rounded to `step`. */
export function between(rng: Rng, min: number, max: number, step: number): number {
  return roundTo(min + rng.next() * (max - min), step);
}
