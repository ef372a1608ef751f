/**
 * The quantities the aid thresholds compare, with their unit (DESIGN.md §11, issue 12): which
 * attribute holds which quantity, how a value is read from an attribute (a number, or a text
 * carrying a compatible unit), and the plausible range outside which a value is not compared.
 * A value that cannot be read with certainty is `undefined`: never a guess.
 */
import { foldText } from './fold.js';
import { NUMBER_SOURCE, parseNumber } from './numbers.js';

export type QuantityId =
  | 'thermal_resistance'
  | 'u_value'
  | 'solar_factor'
  | 'percent'
  | 'coefficient'
  | 'power_kw'
  | 'litres'
  | 'area_m2'
  | 'surface_power'
  | 'emission'
  | 'conductivity'
  | 'thickness_cm';

export interface QuantitySpec {
  /** Unit as written in French texts (empty for a ratio without unit). */
  readonly unit: string;
  /**
   * Unit spellings accepted after a number in a text value, matched on the folded unit without
   * spaces or brackets, `·` as `.`, `²`/`³` as `2`/`3` (see unitKey).
   */
  readonly accepts: RegExp;
  /** Plausible range, bounds included: outside it the value is not compared. */
  readonly min: number;
  readonly max: number;
}

const NONE = /^$/u;

export const QUANTITIES: Readonly<Record<QuantityId, QuantitySpec>> = {
  // a thickness (mm, cm) or a conductivity (W/m·K) is never a resistance
  thermal_resistance: { unit: 'm²·K/W', accepts: /^(?:m2\.?k\/w)?$/u, min: 0.05, max: 20 },
  u_value: { unit: 'W/m²·K', accepts: /^(?:w\/m2\.?k)?$/u, min: 0.1, max: 7 },
  solar_factor: { unit: '', accepts: NONE, min: 0.01, max: 1 },
  percent: { unit: '%', accepts: /^%?$/u, min: 10, max: 400 },
  coefficient: { unit: '', accepts: NONE, min: 0.5, max: 12 },
  power_kw: { unit: 'kW', accepts: /^(?:kw)?$/u, min: 0.1, max: 2000 },
  litres: { unit: 'L', accepts: /^(?:l|litres?)?$/u, min: 1, max: 100000 },
  area_m2: { unit: 'm²', accepts: /^(?:m2)?$/u, min: 0.1, max: 5000 },
  surface_power: { unit: 'W/m²', accepts: /^(?:w\/m2)?$/u, min: 100, max: 1500 },
  emission: { unit: 'mg/Nm³', accepts: /^(?:mgc?\/n?m3)?$/u, min: 0, max: 20000 },
  conductivity: { unit: 'W/m·K', accepts: /^(?:w\/m\.?k)?$/u, min: 0.015, max: 0.2 },
  thickness_cm: { unit: 'cm', accepts: /^(?:cm)?$/u, min: 0.5, max: 100 },
};

/** The quantity held by each numeric attribute a threshold may read. */
export const ATTRIBUTE_QUANTITIES: Readonly<Record<string, QuantityId>> = {
  resistance_thermique: 'thermal_resistance',
  deltaR: 'thermal_resistance',
  uw: 'u_value',
  ud: 'u_value',
  sw: 'solar_factor',
  ETAS: 'percent',
  rendement_energetique: 'percent',
  COP: 'coefficient',
  SCOP: 'coefficient',
  puissance: 'power_kw',
  puissance_nominale: 'power_kw',
  volume: 'litres',
  volume_ballon: 'litres',
  contenance_silo: 'litres',
  surface_captage: 'area_m2',
  surface_capteur: 'area_m2',
  productivite_capteurs: 'surface_power',
  emission_monoxyde_carbone: 'emission',
  emission_composés_organique: 'emission',
  emission_particules: 'emission',
  emission_oxydes_azotes: 'emission',
  lambda_isolant: 'conductivity',
  epaisseur_isolant: 'thickness_cm',
};

/** A value read for a comparison. */
export interface ReadQuantity {
  readonly value: number;
  /** A ratio printed without unit (1,26) read as a percentage (126 %). */
  readonly fromRatio?: number;
}

const TEXT_RE = new RegExp(`^(${NUMBER_SOURCE})\\s*(.*)$`, 'u');

/** `m².K/W` → `m2.k/w`, `W/(m²·K)` → `w/m2.k`, `mg/Nm³` → `mg/nm3`. */
export function unitKey(text: string): string {
  return foldText(text)
    .replace(/[\s()[\]]/gu, '')
    .replace(/[·×*]/gu, '.')
    .replace(/²/gu, '2')
    .replace(/³/gu, '3');
}

function inRange(value: number, spec: QuantitySpec): boolean {
  return Number.isFinite(value) && value >= spec.min && value <= spec.max;
}

/**
 * A seasonal efficiency is a percentage; a ratio such as 1,26 is 126 % only when it cannot be
 * anything else: it has decimals and lies between 0,3 and 3 (no efficiency is 1,26 %).
 */
function percentOf(value: number, hadUnit: boolean): ReadQuantity | undefined {
  if (hadUnit) return inRange(value, QUANTITIES.percent) ? { value } : undefined;
  if (!Number.isInteger(value) && value >= 0.3 && value < 3) {
    return { value: Math.round(value * 1000) / 10, fromRatio: value };
  }
  return inRange(value, QUANTITIES.percent) ? { value } : undefined;
}

/** A solar factor is a ratio; « 42 % » is 0,42. */
function solarFactorOf(value: number, unit: string): ReadQuantity | undefined {
  const ratio = unit === '%' ? value / 100 : value;
  if (unit !== '' && unit !== '%') return undefined;
  return inRange(ratio, QUANTITIES.solar_factor) ? { value: ratio } : undefined;
}

/**
 * The value of `quantity` held by an attribute: a number (in the attribute's unit), or a text
 * holding one number followed by nothing or by a compatible unit. Anything else is undefined.
 */
export function readQuantity(raw: unknown, quantity: QuantityId): ReadQuantity | undefined {
  let value: number | undefined;
  let unit = '';
  if (typeof raw === 'number') value = raw;
  else if (typeof raw === 'string') {
    const m = TEXT_RE.exec(raw.trim());
    value = m?.[1] === undefined ? undefined : parseNumber(m[1]);
    unit = unitKey(m?.[2] ?? '');
  }
  if (value === undefined || !Number.isFinite(value)) return undefined;
  if (quantity === 'percent') {
    return unit === '' || unit === '%' ? percentOf(value, unit === '%') : undefined;
  }
  if (quantity === 'solar_factor') return solarFactorOf(value, unit);
  const spec = QUANTITIES[quantity];
  if (!spec.accepts.test(unit)) return undefined;
  return inRange(value, spec) ? { value } : undefined;
}

/** Energy labels from best to worst (ventilation units, storage tanks). */
export const ENERGY_CLASSES = ['A+++', 'A++', 'A+', 'A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;

/** Temperature-controller classes of Communication 2014/C 207/02 (I to VIII). */
export const CONTROLLER_CLASSES = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'] as const;

/** An energy class as printed (« A+ », « classe B »), normalised; undefined otherwise. */
export function readEnergyClass(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw
    .trim()
    .toUpperCase()
    .replace(/^CLASSE\s*/u, '');
  return (ENERGY_CLASSES as readonly string[]).includes(text) ? text : undefined;
}

/** A controller class in Roman numerals (« IV », « classe VI »); undefined otherwise. */
export function readControllerClass(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw
    .trim()
    .toUpperCase()
    .replace(/^CLASSE\s*/u, '');
  return (CONTROLLER_CLASSES as readonly string[]).includes(text) ? text : undefined;
}
