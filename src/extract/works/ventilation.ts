/**
 * Ventilation values: kind of system, fan unit (brand, model, energy class, weighted power in
 * W-Th-C) and, for each kind of vent (extract vents, air inlets, supply vents), how many, which
 * brand and model, and where.
 */
import type { Geste } from '../../domain/attributes.js';
import type { GesteType } from '../../domain/geste-types.js';
import { capitalBrandModel, capsBrandModel, labelledBrandModel, type BrandModel } from './brand.js';
import { cutLabelledModel, isCapsWords } from './brand-words.js';
import { itemSources, ownSource, type GesteText } from './measures.js';
import { cleanText, fold, numberAfter, textOf, toSource, trimValue, type Source } from './text.js';
import {
  brandIn,
  EXTRACT_KEYS,
  EXTRACT_RE,
  INLET_KEYS,
  INLET_RE,
  SUPPLY_KEYS,
  SUPPLY_RE,
  ventFields,
  vents,
  type Vents,
} from './vents.js';

type VentilationValues = Partial<Geste>;

const UNIT_ITEM_RE =
  /caisson|groupe\s+(?:d'extraction|de\s+ventilation|moto[- ]?ventilateur)|centrale|extracteur|unite\s+de\s+ventilation|moteur/u;
const VENT_RE = new RegExp(`${EXTRACT_RE.source}|${INLET_RE.source}|${SUPPLY_RE.source}`, 'u');
/** "Référence caisson : X", "Modèle X": a model printed on its own item. */
const UNIT_MODEL_RE =
  /^[\s•–—-]*(?:reference|modele|ref\b\.?)\s*(?:(?:du|de\s+la|de\s+l')\s*)?(?:caisson|groupe(?:\s+d'extraction)?|centrale|extracteur|moteur|unite(?:\s+de\s+ventilation)?)?\s*:?\s*(?<v>\S.*)$/u;
const KIND_PHRASE_RE =
  /(?<v>(?:vmc|ventilation\s+mecanique(?:\s+controlee)?)\s+(?:(?:simple|double)[- ]flux|hygro)[^,;\n–—]*)/u;

function vmcKind(g: GesteText, own: Source, items: readonly Source[]): string | undefined {
  const labelled = textOf(own, /(?:^|\n)type\s*(?:de\s+(?:vmc|ventilation))?\s*:\s*(?<v>[^;\n]+)/u);
  if (labelled) return trimValue(labelled);
  for (const item of items.slice(1)) {
    const phrase = textOf(item, KIND_PHRASE_RE);
    if (phrase) return trimValue(phrase);
  }
  const label = toSource(cleanText(g.designation));
  const phrase = textOf(label, /(?<v>(?:vmc|ventilation|centrale|caisson)\b[^,;\n–—]*)/u);
  return phrase && /flux|hygro/u.test(fold(phrase)) ? trimValue(phrase) : undefined;
}

/** The model of the fan unit printed on its own item, not within a vent item. */
function unitModel(items: readonly Source[]): string | undefined {
  let previousVent = false;
  for (const item of items.slice(1)) {
    const isVent = VENT_RE.test(item.folded);
    const value = isVent ? undefined : textOf(item, UNIT_MODEL_RE);
    if (value && !previousVent) return cutLabelledModel(value);
    previousVent = isVent;
  }
  return undefined;
}

function fanUnit(g: GesteText, items: readonly Source[]): VentilationValues {
  const out: VentilationValues = {};
  const unitItems = items
    .slice(1)
    .filter((i) => UNIT_ITEM_RE.test(i.folded) && !VENT_RE.test(i.folded));
  const generic = items.find((i) => labelledBrandModel(i.raw).brand && !VENT_RE.test(i.folded));
  let found: BrandModel = {};
  for (const unitItem of unitItems) {
    if (UNIT_MODEL_RE.test(unitItem.folded)) continue;
    const m = UNIT_ITEM_RE.exec(unitItem.folded);
    found = brandIn(unitItem.raw.slice((m?.index ?? 0) + (m?.[0].length ?? 0)));
    if (found.brand) break;
  }
  if (!found.brand && generic) found = labelledBrandModel(generic.raw);
  if (!found.brand) found = capsBrandModel(cleanText(g.designation));
  // "VMC simple flux hygroréglable type B Acme Easy Hygro": a capitalised brand within the label
  if (!found.brand) found = capitalBrandModel(cleanText(g.designation));
  const labelledModel = unitModel(items);
  if (found.brand && found.model && labelledModel && isCapsWords(found.model))
    found = { brand: `${found.brand} ${found.model}` };
  if (found.brand) out.marque_caisson = found.brand;
  const model = found.model ?? labelledModel;
  if (model) out.reference_caisson = model;
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

/**
 * "Bouches d'extraction ACME FRANCE" next to "Entrées d'air ACME FRANCE" + "Réf. … : EA 30": once
 * one vent kind shows that "ACME FRANCE" is the company name, the other kind reads it the same way.
 */
function sameCompanyName(target: Vents, known: Vents): void {
  if (!target.brand || !target.model || !known.brand) return;
  if (`${target.brand} ${target.model}` !== known.brand) return;
  target.brand = known.brand;
  delete target.model;
}

/** Values of a ventilation geste of the given type. */
export function ventilationValues(type: GesteType, g: GesteText): VentilationValues {
  const items = itemSources(g);
  const out: VentilationValues = { ...fanUnit(g, items) };
  const kind = vmcKind(g, ownSource(g), items);
  if (kind) out.type_vmc = kind;
  const extract = vents(items, EXTRACT_RE);
  const [other, keys] =
    type === 'vmc_simple_flux'
      ? [vents(items, INLET_RE), INLET_KEYS]
      : [vents(items, SUPPLY_RE), SUPPLY_KEYS];
  sameCompanyName(extract, other);
  sameCompanyName(other, extract);
  Object.assign(out, ventFields(extract, EXTRACT_KEYS), ventFields(other, keys));
  return out;
}
