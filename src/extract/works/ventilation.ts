/**
 * Ventilation values: kind of system, fan unit (brand, model, energy class, weighted power in
 * W-Th-C) and, for each kind of vent (extract vents, air inlets, supply vents), how many, which
 * brand and model, and where.
 */
import type { Geste } from '../../domain/attributes.js';
import type { GesteType } from '../../domain/geste-types.js';
import {
  brandAfterLabel,
  capsBrandModel,
  labelledBrandModel,
  modelAfter,
  type BrandModel,
} from './brand.js';
import { itemSources, ownSource, type GesteText } from './measures.js';
import { cleanText, numberAfter, textOf, toSource, trimValue, type Source } from './text.js';

type VentilationValues = Partial<Geste>;

const UNIT_ITEM_RE =
  /caisson|groupe\s+(?:d'extraction|de\s+ventilation|moto[- ]?ventilateur)|centrale|extracteur|unite\s+de\s+ventilation|moteur/u;
const EXTRACT_RE = /bouches?\s+(?:d'extraction|d'evacuation|hygro\S*|extraction)/u;
const INLET_RE = /entrees?\s+d'air/u;
const SUPPLY_RE = /bouches?\s+(?:de\s+soufflage|d'insufflation|de\s+diffusion)/u;

function brandIn(raw: string): BrandModel {
  return brandAfterLabel(
    raw.replace(
      /^[\s:,–—-]*(?:(?:hygro\S*|autor[ée]glables?|basse consommation|compacte?s?)\s+)*/iu,
      '',
    ),
  );
}

function vmcKind(g: GesteText, own: Source): string | undefined {
  const labelled = textOf(own, /(?:^|\n)type\s*(?:de\s+(?:vmc|ventilation))?\s*:\s*(?<v>[^;\n]+)/u);
  if (labelled) return trimValue(labelled);
  const label = toSource(cleanText(g.designation));
  const phrase = textOf(label, /(?<v>(?:vmc|ventilation|centrale|caisson)\b[^,;\n–—]*)/u);
  return phrase ? trimValue(phrase) : undefined;
}

function fanUnit(g: GesteText, items: readonly Source[]): VentilationValues {
  const out: VentilationValues = {};
  const unitItem = items
    .slice(1)
    .find((i) => UNIT_ITEM_RE.test(i.folded) && !EXTRACT_RE.test(i.folded));
  const generic = items.find(
    (i) =>
      labelledBrandModel(i.raw).brand && !EXTRACT_RE.test(i.folded) && !INLET_RE.test(i.folded),
  );
  let found: BrandModel = {};
  if (unitItem) {
    const m = UNIT_ITEM_RE.exec(unitItem.folded);
    found = brandIn(unitItem.raw.slice((m?.index ?? 0) + (m?.[0].length ?? 0)));
  }
  if (!found.brand && generic) found = labelledBrandModel(generic.raw);
  if (!found.brand) found = capsBrandModel(cleanText(g.designation));
  if (found.brand) out.marque_caisson = found.brand;
  if (found.model) out.reference_caisson = found.model;
  const src = ownSource(g);
  const cls = textOf(src, /classe\s*(?:energetique)?\s*:?\s*(?<v>a\+{1,3}|[a-g])(?![\p{L}\d+])/u);
  if (cls) out.classe_caisson = cls.toUpperCase();
  const power =
    numberAfter(src, /(?<n>\d+(?:[.,]\d+)?)\s*w\s*[-.]?\s*th\s*[-.]?\s*c\b/u) ??
    numberAfter(
      src,
      /puissance\s+(?:electrique\s+)?(?:absorbee\s+)?ponderee\s*(?:[:=]|de)?\s*(?<n>\d+(?:[.,]\d+)?)\s*w/u,
    );
  if (power !== undefined) out['puissance_absobée_pondéréé_moteur'] = power;
  return out;
}

/** A reference printed without brand ("EA-H 45"): a first word with capitals and digits or a dash. */
function referenceOnly(after: string): string | undefined {
  const text = after.replace(/^[\s:,–—-]*(?:(?:hygro\S*|autor[ée]glables?)\s+)*/iu, '');
  const first = /^\S+/u.exec(text)?.[0];
  if (!first || !/^[A-Z][A-Z0-9]*(?:[-./][A-Z0-9]+)+$|^[A-Z]+\d+/u.test(first)) return undefined;
  return modelAfter(text);
}

interface Vents {
  count?: number;
  brand?: string;
  model?: string;
  place?: string;
}

function vents(items: readonly Source[], re: RegExp): Vents {
  const item = items.find((i) => re.test(i.folded));
  if (!item) return {};
  const m = re.exec(item.folded) as RegExpExecArray;
  const out: Vents = {};
  const before = item.folded.slice(Math.max(0, m.index - 12), m.index);
  const afterFolded = item.folded.slice(m.index + m[0].length);
  const count =
    /(?<n>\d+)\s*(?:x\s*)?$/u.exec(before)?.groups?.n ??
    /^\s*[:=]\s*(?<n>\d+)\b/u.exec(afterFolded)?.groups?.n ??
    /(?:^|[\s(])x\s?(?<n>\d+)\b/u.exec(afterFolded)?.groups?.n;
  if (count) out.count = Number(count);
  const after = item.raw
    .slice(m.index + m[0].length)
    .replace(/^\s*[:=]?\s*\d+\s*/u, '')
    .replace(/^\((.*?)\)/u, '$1');
  const found = brandIn(after);
  if (found.brand) out.brand = found.brand;
  const model = found.model ?? (found.brand ? undefined : referenceOnly(after));
  if (model) out.model = model;
  const afterSrc = toSource(after);
  const place =
    textOf(
      afterSrc,
      /(?:emplacement|localisation|(?:installees?|posees?|situees?|reparties?)\s+(?:sur|dans|en)|\bdans)\s*:?\s*(?<v>[^;\n]+)/u,
    ) ??
    textOf(afterSrc, /\((?<v>[^)]+)\)/u) ??
    textOf(afterSrc, /,\s*(?:en|sur|dans)\s+(?<v>[^;\n(]+)/u);
  if (place) out.place = trimValue(place);
  return out;
}

function ventFields(v: Vents, keys: VentKeys): VentilationValues {
  const out: Record<string, unknown> = {};
  const [count, brand, model, place] = keys;
  if (v.count !== undefined) out[count] = v.count;
  if (v.brand) out[brand] = v.brand;
  if (v.model) out[model] = v.model;
  if (place && v.place) out[place] = v.place;
  return out as VentilationValues;
}

type VentKeys = [keyof Geste, keyof Geste, keyof Geste, keyof Geste | undefined];

const EXTRACT_KEYS: VentKeys = [
  'nombre_bouche_extraction',
  'marque_bouche_extraction',
  'reference_bouche_extraction',
  undefined,
];
const INLET_KEYS: VentKeys = [
  'nombre_bouches_entree_dair',
  'marque_bouches_entree_dair',
  'reference_bouches_entree_dair',
  'emplacement_bouches_entree_dair',
];
const SUPPLY_KEYS: VentKeys = [
  'nombre_bouches_soufflage',
  'marque_bouches_soufflage',
  'reference_bouches_soufflage',
  'emplacement_bouches_soufflage',
];

/** Values of a ventilation geste of the given type. */
export function ventilationValues(type: GesteType, g: GesteText): VentilationValues {
  const items = itemSources(g);
  const out: VentilationValues = { ...fanUnit(g, items) };
  const kind = vmcKind(g, ownSource(g));
  if (kind) out.type_vmc = kind;
  Object.assign(out, ventFields(vents(items, EXTRACT_RE), EXTRACT_KEYS));
  if (type === 'vmc_simple_flux')
    Object.assign(out, ventFields(vents(items, INLET_RE), INLET_KEYS));
  else Object.assign(out, ventFields(vents(items, SUPPLY_RE), SUPPLY_KEYS));
  return out;
}
