/**
 * Wood and pellet appliances: fuel, efficiency, Flamme Verte label and emissions (stoves and
 * biomass boilers), then feeding, silo, controller and sizing note (biomass boilers).
 */
import type { Geste } from '../../domain/attributes.js';
import type { GesteType } from '../../domain/geste-types.js';
import { brandAfterLabel } from './brand.js';
import { componentBrandModel, componentClass } from './component.js';
import { itemSources, type GesteText } from './measures.js';
import { numberAfter, textOf, toNumber, trimValue, type Source } from './text.js';

type CombustionValues = Partial<Geste>;

const FILLER = String.raw`(?:\s*\([^)]{0,15}\)|\s*\(?(?:a|pour|ramene\S*\s+a)\s*\d+\s*%\s*(?:d'|de\s*)?o[2₂]\)?|\s*[:=≤<]|\s*(?:de|inferieures?\s+a|max\.?|maxi(?:mum)?))*`;

function emissionRe(label: string): RegExp {
  // « 1 600 mg/Nm³ »: thousands grouped by a space
  return new RegExp(
    String.raw`(?:${label})${FILLER}\s*(?<n>\d{1,2}(?: \d{3})+|\d+(?:[.,]\d+)?)\s*mg`,
    'u',
  );
}

const EMISSIONS: [keyof Geste, RegExp][] = [
  [
    'emission_monoxyde_carbone',
    emissionRe(String.raw`(?<![\p{L}])co(?![\p{L}\d₂])|monoxyde\s+de\s+carbone`),
  ],
  [
    'emission_composés_organique',
    emissionRe(
      String.raw`\bcog\b|\bcov\b|\bogc\b|composes\s+organiques(?:\s+(?:gazeux|volatils))?`,
    ),
  ],
  [
    'emission_particules',
    emissionRe(String.raw`particules(?:\s+fines)?|poussieres|\bpm\s?(?:10|2[.,]5)?\b`),
  ],
  ['emission_oxydes_azotes', emissionRe(String.raw`\bnox\b|oxydes?\s+d'azote`)],
];

/** « à 13 % d'O₂ », « (10 % O2) », « ramenées à 13 % d'oxygène ». */
const O2_RE =
  /(?:\ba|\bpour|ramene\S*\s+a|\()\s*(?<n>\d{1,2}(?:[.,]\d)?)\s*%\s*(?:d'|de\s*)?(?:o[2₂]|oxygene)(?![\p{L}\d])/gu;

/** The O₂ content the emissions are referred to, when the text gives one (and only one). */
function o2Reference(src: Source): number | undefined {
  const values = new Set<number>();
  for (const m of src.folded.matchAll(O2_RE)) {
    const n = toNumber(m.groups?.n);
    if (n !== undefined) values.add(n);
  }
  return values.size === 1 ? [...values][0] : undefined;
}

function fuelOf(folded: string): string | undefined {
  if (/granul|pellet/u.test(folded)) return 'granules';
  if (/buche|\bbois\b/u.test(folded)) return 'bois';
  if (/plaquette|copeaux/u.test(folded)) return 'plaquettes';
  return undefined;
}

/** Fuel, efficiency (stoves), Flamme Verte, the four emission values and their O₂ reference. */
export function combustionValues(type: GesteType, src: Source): CombustionValues {
  const out: CombustionValues = {};
  const f = fuelOf(src.folded.split('\n')[0] ?? '') ?? fuelOf(src.folded);
  if (f) out.type_combustible = f;
  if (type === 'poele_insert') {
    const efficiency = numberAfter(
      src,
      /rendement(?:\s+(?:energetique|global|nominal|utile|moyen|de\s+combustion))?\s*(?:[:=]|de)?\s*(?<n>\d{2,3}(?:[.,]\d+)?)\s*%/u,
    );
    if (efficiency !== undefined) out.rendement_energetique = efficiency;
  }
  if (/flamme\s+verte/u.test(src.folded)) out.label_flamme_verte = true;
  let emissions = 0;
  for (const [key, re] of EMISSIONS) {
    const n = numberAfter(src, re);
    if (n === undefined) continue;
    (out as Record<string, unknown>)[key] = n;
    emissions += 1;
  }
  const o2 = emissions > 0 ? o2Reference(src) : undefined;
  if (o2 !== undefined) out.emission_reference_o2 = o2;
  return out;
}

const SILO_RE = /(?<v>silo\b[^;\n(]*)/u;
const SILO_CUT_RE =
  /,?\s*(?:d'une\s+)?(?:contenance|capacite|volume|de\s+\d|\d+[\s\d]*(?:l|litres|m3|m³)\b)|\s[–—]\s/u;
const SILO_CAPACITY_RE =
  /(?:contenance|capacite|volume)\s*(?:utile\s*)?(?:(?:du|de\s+la|de)\s+(?:silo|stockage|reserve)\s*)?(?:[:=]|de)?\s*(?<n>\d{1,2}(?:\s\d{3})+|\d+(?:[.,]\d+)?)\s*(?<u>l|litres?|m3|m³)(?![\p{L}\d])/u;
const SILO_SIZE_RE =
  /silo[^;\n]{0,40}?(?<n>\d{1,2}(?:\s\d{3})+|\d+(?:[.,]\d+)?)\s*(?<u>l|litres?|m3|m³)(?![\p{L}\d])/u;

const SILO_ITEM_RE =
  /^(?:stockage|silo|reserve)|silo\s+(?:textile|maconne|beton|bois|metal|enterre|exterieur|interieur|neuf|existant|souple|vrac|en\s|a\s)/u;

/** "Stockage : trémie intégrée": the value of a labelled storage line that names no silo. */
const STORAGE_LABEL_RE =
  /^(?:type\s+de\s+)?(?:stockage|reserve)(?:\s+(?:du|de)\s+(?:combustible|granules?|bois))?\s*:\s*(?<v>\S[^;\n]*)/u;

function storageLabel(item: Source): string | undefined {
  const m = STORAGE_LABEL_RE.exec(item.folded);
  const v = m?.groups?.v;
  if (!m || !v || /\d/u.test(v)) return undefined;
  const value = trimValue(item.raw.slice(m[0].length - v.length, m[0].length));
  return value.split(/\s+/u).length >= 2 ? value : undefined;
}

function siloType(items: readonly Source[]): string | undefined {
  const item = items.find((i) => SILO_ITEM_RE.test(i.folded));
  const m = item ? SILO_RE.exec(item.folded) : undefined;
  if (item && !m) return storageLabel(item);
  if (!item || !m) return undefined;
  const folded = item.folded.slice(m.index, m.index + m[0].length);
  const cut = SILO_CUT_RE.exec(folded);
  const value = trimValue(
    item.raw
      .slice(m.index, m.index + (cut ? cut.index : folded.length))
      .replace(/^(?:type\s+(?:de\s+)?)?silo\s*:\s*/iu, ''),
  );
  return value.split(/\s+/u).length >= 2 ? value : undefined;
}

/**
 * A capacity on its own line ("Contenance 3 700 litres") in a biomass boiler's description is
 * the fuel store's, unless it names a water tank.
 */
const BARE_CAPACITY_RE = /^[\s•–—-]*(?:contenance|capacite)\b/u;
const OTHER_TANK_RE = /ballon|tampon|cuve|\beau\b|sanitaire|vase/u;

function siloLitres(items: readonly Source[]): number | undefined {
  for (const [i, item] of items.entries()) {
    const previous = i > 0 ? items[i - 1] : undefined;
    const bareCapacity =
      BARE_CAPACITY_RE.test(item.folded) &&
      !OTHER_TANK_RE.test(item.folded) &&
      (previous === undefined || !OTHER_TANK_RE.test(previous.folded));
    if (!bareCapacity && !/silo|stockage|reserve/u.test(item.folded)) continue;
    const m = SILO_CAPACITY_RE.exec(item.folded) ?? SILO_SIZE_RE.exec(item.folded);
    const n = toNumber(m?.groups?.n);
    if (n === undefined) continue;
    return Math.round(m?.groups?.u?.startsWith('m') ? n * 1000 : n);
  }
  return undefined;
}

const CONTROLLER = String.raw`r[eé]gulat(?:eur|ion)|thermostat`;
const CONTROLLER_RE = new RegExp(CONTROLLER, 'u');

function controller(items: readonly Source[]): CombustionValues {
  const out: CombustionValues = { ...controllerItem(items) };
  const named = componentBrandModel(items, CONTROLLER);
  if (named.brand) out.marque_regulateur = named.brand;
  if (named.model) {
    // The model is printed apart: words in capitals after the brand belong to the brand.
    const itemModel = out.reference_regulateur;
    if (!named.brand && out.marque_regulateur && itemModel && /^[A-Z][A-Z&' -]+$/u.test(itemModel))
      out.marque_regulateur = `${out.marque_regulateur} ${itemModel}`;
    out.reference_regulateur = named.model;
  }
  const cls = componentClass(items, CONTROLLER);
  if (cls && /^(?:viii|vii|vi|iv|v|iii|ii|i)$/iu.test(cls))
    out.classe_regulateur = cls.toUpperCase();
  if (!out.classe_regulateur) {
    const any = items.find((i) => CONTROLLER_RE.test(i.folded) && /classe/u.test(i.folded));
    const value = any && textOf(any, /classe\s*:?\s*(?<v>viii|vii|vi|iv|v|iii|ii|i)\b/u);
    if (value) out.classe_regulateur = value.toUpperCase();
  }
  return out;
}

function controllerItem(items: readonly Source[]): CombustionValues {
  const out: CombustionValues = {};
  const item = items.find(
    (i) =>
      /regul|regulateur|thermostat/u.test(i.folded) &&
      !/^[\s•–—-]*(?:references?|modeles?|ref\b|classe|marque)/u.test(i.folded),
  );
  if (!item) return out;
  const label = /^(?:[^:]*regul\w*|[^:]*regulateur)\s*:\s*/u.exec(item.folded);
  const rest = item.raw.slice(label ? label[0].length : 0);
  const found = brandAfterLabel(
    rest.replace(/^\s*(?:r[ée]gulat\S*|thermostat)\s*(?:de\s+marque\s+)?/iu, ''),
  );
  if (found.brand) out.marque_regulateur = found.brand;
  if (found.model) out.reference_regulateur = found.model;
  const cls = textOf(item, /classe\s*:?\s*(?<v>viii|vii|vi|iv|v|iii|ii|i)\b/u);
  if (cls) out.classe_regulateur = cls.toUpperCase();
  return out;
}

/** Feeding, silo, controller and sizing note of a biomass boiler. */
export function biomassValues(g: GesteText, src: Source): CombustionValues {
  const items = itemSources(g);
  const out: CombustionValues = { ...controller(items) };
  if (
    /(?:chargement|alimentation|chaudiere)\s+automatique|automatique\s+a\s+granul/u.test(src.folded)
  ) {
    out.type_chargement = 'automatique';
  } else if (/(?:chargement|alimentation)\s+manuel|manuel(?:le)?\b/u.test(src.folded))
    out.type_chargement = 'manuel';
  const silo = siloType(items);
  if (silo) out.type_silo = silo;
  const litres = siloLitres(items);
  if (litres !== undefined) out.contenance_silo = litres;
  if (/note\s+de\s+(?:dimensionnement|calcul)|dimensionnement/u.test(src.folded)) {
    out.presence_note_dimensionnement = true;
  }
  return out;
}
