/**
 * Air vents of a ventilation (extract vents, air inlets, supply vents): how many, which brand and
 * model, and where. A vent kind may be described over several items ("Bouches d'extraction
 * Acme", "Réf. bouches d'extraction : Bx 30", "Nombre de bouches d'extraction : 3"); each item
 * naming the kind adds what it says.
 */
import type { Geste } from '../../domain/attributes.js';
import { brandAfterLabel, modelAfter, type BrandModel } from './brand.js';
import { cutLabelledModel, isCapsWords } from './brand-words.js';
import { textOf, toSource, trimValue, type Source } from './text.js';

export interface Vents {
  count?: number;
  brand?: string;
  model?: string;
  place?: string;
  /** The model was printed on its own "Réf. …" item. */
  labelledModel?: string;
}

export const EXTRACT_RE = /bouches?\s+(?:d'extraction|d'evacuation|hygro\S*|extraction)/u;
export const INLET_RE = /entrees?\s+d'air/u;
export const SUPPLY_RE = /bouches?\s+(?:de\s+soufflage|d'insufflation|de\s+diffusion)/u;

/** Where the vents go, written without naming the vents ("Soufflage dans : séjour"). */
const SUPPLY_PLACE_RE =
  /^(?:soufflage|insufflation|air\s+neuf\s+souffle)\s+(?:dans|en|sur)\s*:?\s*(?<v>[^;\n]+)/u;

const REF_LABEL_BEFORE_RE = /(?:^|\s)(?:references?|modeles?|ref\b\.?)\s*(?:des\s+|du\s+|de\s+)?$/u;
const COUNT_LABEL_BEFORE_RE = /(?:^|\s)nombre\s+(?:de\s+|d')?$/u;
const LEAD_QUALIFIERS_RE =
  /^[\s:,–—-]*(?:(?:hygro\S*|autor[ée]glables?|basse consommation|compacte?s?|acoustiques?)\s+)*/iu;

export function brandIn(raw: string): BrandModel {
  return brandAfterLabel(raw.replace(LEAD_QUALIFIERS_RE, ''));
}

/** A reference printed without brand ("EA-H 45"): a first word with capitals and digits or a dash. */
function referenceOnly(after: string): string | undefined {
  const text = after.replace(LEAD_QUALIFIERS_RE, '');
  const first = /^\S+/u.exec(text)?.[0];
  if (!first || !/^[A-Z][A-Z0-9]*(?:[-./][A-Z0-9]+)+$|^[A-Z]+\d+/u.test(first)) return undefined;
  return modelAfter(text);
}

function placeIn(after: string): string | undefined {
  const afterSrc = toSource(after);
  const place =
    textOf(
      afterSrc,
      /(?:emplacement|localisation|(?:installees?|posees?|situees?|reparties?)\s+(?:sur|dans|en)|\bdans)\s*:?\s*(?<v>[^;\n]+)/u,
    ) ??
    textOf(afterSrc, /\((?<v>[^)]*[\p{L}][^)]*)\)/u) ??
    textOf(afterSrc, /,\s*(?:en|sur|dans)\s+(?<v>[^;\n(]+)/u);
  if (!place) return undefined;
  const value = trimValue(place);
  return /^x?\s*\d+$/iu.test(value) ? undefined : value;
}

/** What one item says about the vents it names at `m`. */
function ventItem(item: Source, m: RegExpExecArray): Vents {
  const out: Vents = {};
  const before = item.folded.slice(0, m.index);
  const afterFolded = item.folded.slice(m.index + m[0].length);
  const afterRaw = item.raw.slice(m.index + m[0].length);
  if (REF_LABEL_BEFORE_RE.test(before)) {
    const value = /^\s*:?\s*(?<v>\S.*)$/u.exec(afterRaw)?.groups?.v;
    if (value) {
      out.model = cutLabelledModel(value.replace(/(?:\s+|\s*\()x\s?\d+\)?\s*$/iu, ''));
      out.labelledModel = out.model;
    }
    return out;
  }
  const count =
    (COUNT_LABEL_BEFORE_RE.test(before)
      ? /^\s*:?\s*(?<n>\d+)\b/u.exec(afterFolded)?.groups?.n
      : undefined) ??
    /(?<n>\d+)\s*(?:x\s*)?$/u.exec(before.slice(-12))?.groups?.n ??
    /^\s*[:=]\s*(?<n>\d+)\b/u.exec(afterFolded)?.groups?.n ??
    /(?:^|[\s(])x\s?(?<n>\d+)\b/u.exec(afterFolded)?.groups?.n;
  if (count) out.count = Number(count);
  const after = afterRaw
    .replace(/^\s*[:=]?\s*\d+\s*/u, '')
    .replace(/\s*\(\s*x\s?\d+\s*\)/iu, '')
    .replace(/^\((.*?)\)/u, '$1');
  const found = brandIn(after);
  if (found.brand) out.brand = found.brand;
  const model = found.model ?? (found.brand ? undefined : referenceOnly(after));
  if (model) out.model = model;
  const place = placeIn(after);
  if (place) out.place = place;
  return out;
}

/** What the items say about the vents `re` names, the first mention of each value winning. */
export function vents(items: readonly Source[], re: RegExp): Vents {
  const out: Vents = {};
  for (const item of items) {
    const m = re.exec(item.folded);
    if (m) {
      const found = ventItem(item, m);
      out.count ??= found.count;
      out.brand ??= found.brand;
      out.model ??= found.model;
      out.place ??= found.place;
      out.labelledModel ??= found.labelledModel;
    } else if (re === SUPPLY_RE && !out.place) {
      const place = textOf(toSource(item.raw.replace(/^[\s•–—-]+/u, '')), SUPPLY_PLACE_RE);
      if (place) out.place = trimValue(place);
    }
  }
  const { labelledModel, ...found } = out;
  if (found.brand && found.model && labelledModel && found.model !== labelledModel) {
    if (isCapsWords(found.model)) {
      found.brand = `${found.brand} ${found.model}`;
      found.model = labelledModel;
    }
  }
  return Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined)) as Vents;
}

type VentKeys = [keyof Geste, keyof Geste, keyof Geste, keyof Geste | undefined];

export const EXTRACT_KEYS: VentKeys = [
  'nombre_bouche_extraction',
  'marque_bouche_extraction',
  'reference_bouche_extraction',
  undefined,
];
export const INLET_KEYS: VentKeys = [
  'nombre_bouches_entree_dair',
  'marque_bouches_entree_dair',
  'reference_bouches_entree_dair',
  'emplacement_bouches_entree_dair',
];
export const SUPPLY_KEYS: VentKeys = [
  'nombre_bouches_soufflage',
  'marque_bouches_soufflage',
  'reference_bouches_soufflage',
  'emplacement_bouches_soufflage',
];

export function ventFields(v: Vents, keys: VentKeys): Partial<Geste> {
  const out: Record<string, unknown> = {};
  const [count, brand, model, place] = keys;
  if (v.count !== undefined) out[count] = v.count;
  if (v.brand) out[brand] = v.brand;
  if (v.model) out[model] = v.model;
  if (place && v.place) out[place] = v.place;
  return out as Partial<Geste>;
}
