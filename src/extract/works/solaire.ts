/**
 * Solar collectors, shared by the solar water heater (CESI) and the combined solar system (SSC):
 * collector brand, model, kind, area, productivity, fluid, tank volume and back-up energy.
 */
import type { Geste } from '../../domain/attributes.js';
import {
  brandAfterLabel,
  labelledBrandModel,
  productBrandModel,
  type BrandModel,
} from './brand.js';
import { isCapsWords } from './brand-words.js';
import { componentBrandModel } from './component.js';
import { anyLitres, itemSources, type GesteText } from './measures.js';
import { numberAfter, textOf, trimValue, type Source } from './text.js';

type SolarValues = Partial<Geste>;

const AREA_RE =
  /surface\s*(?:d'entree|de\s+captage|des\s+capteurs|du\s+capteur|capteurs?|hors\s+tout|brute|utile|d'absorption|d'ouverture|totale|de\s+capteurs)?\s*(?:totale)?\s*(?:[:=]|de)?\s*(?<n>\d+(?:[.,]\d+)?)\s*m(?:²|2)/u;
const AREA_AFTER_RE =
  /(?<n>\d+(?:[.,]\d+)?)\s*m(?:²|2)\s*(?:de\s+)?(?:capteurs?|de\s+surface|de\s+captage)/u;

/** "Surface d'entrée des capteurs : 16 m²": a surface label naming the collectors. */
const AREA_LABEL_RE =
  /surface\s+(?:d'entree|de\s+captage|d'ouverture|d'absorption|brute|utile|totale)?[^\d\n:]{0,30}capteurs?[^\d\n:]{0,10}[:=]\s*(?<n>\d+(?:[.,]\d+)?)\s*m(?:²|2)/u;
/** "Capteurs : 4,4 m² au total". */
const COLLECTORS_AREA_RE =
  /(?:^|\n)[\s•–—-]*capteurs?(?:\s+solaires?)?\s*:\s*(?<n>\d+(?:[.,]\d+)?)\s*m(?:²|2)/u;

/** Collector area in m². */
export function collectorArea(src: Source): number | undefined {
  return (
    numberAfter(src, AREA_RE) ??
    numberAfter(src, AREA_LABEL_RE) ??
    numberAfter(src, AREA_AFTER_RE) ??
    numberAfter(src, COLLECTORS_AREA_RE)
  );
}

/** Collector fluid: `eau glycolée`, `eau` or `air`. */
export function collectorFluid(src: Source): string | undefined {
  if (/glycol|antigel|propylene/u.test(src.folded)) return 'eau glycolée';
  if (
    /capteurs?\s+(?:a|a\s+l')\s*air|aerovoltai|fluide\s*(?:caloporteur)?\s*:?\s*air\b/u.test(
      src.folded,
    )
  )
    return 'air';
  if (
    /fluide\s*(?:caloporteur)?\s*:?\s*eau\b|autovidangeable|capteurs?\s+a\s+eau/u.test(src.folded)
  )
    return 'eau';
  return undefined;
}

/** Brand and model of the collectors (the line mentioning them). */
export function collectorBrand(g: GesteText): BrandModel {
  const items = itemSources(g);
  const named = componentBrandModel(items, String.raw`capteurs?(?:\s+solaires?)?`);
  if (named.brand) return named.model ? named : { ...collectorItemBrand(items), ...named };
  const found = collectorItemBrand(items);
  if (named.model && found.brand && found.model && isCapsWords(found.model))
    return { brand: `${found.brand} ${found.model}`, model: named.model };
  return named.model ? { ...found, model: named.model } : found;
}

function collectorItemBrand(items: readonly Source[]): BrandModel {
  for (const item of items) {
    if (!/capteur/u.test(item.folded)) continue;
    if (/^[\s•–—-]*(?:marque|fabricant|references?|modeles?|ref\b)/u.test(item.folded)) continue;
    const labelled = labelledBrandModel(item.raw);
    if (labelled.brand) return labelled;
    const label = /^[^:]*capteurs?[^:]*:\s*/u.exec(item.folded);
    const found = label
      ? brandAfterLabel(item.raw.slice(label[0].length))
      : productBrandModel(item.raw);
    if (found.brand) return found;
  }
  return {};
}

const KIND_RE =
  /(?<v>capteurs?\s+(?:solaires?\s+)?(?:thermiques?\s+)?(?:plans?(?:\s+vitres?)?|a\s+tubes?(?:\s+sous\s+vide)?|tubulaires?(?:\s+sous\s+vide)?|sous\s+vide|hybrides?(?:\s+pvt?)?|a\s+(?:eau|liquide|air)|moquettes?))/u;
/**
 * Collector productivity in W/m² (η₀ × 1 000 W/m², the quantity of the aid criteria); a yearly
 * yield in kWh/m² is another quantity and is not read here.
 */
const PRODUCTIVITY_RE =
  /productivite(?:\s+(?:des\s+capteurs|solaire|annuelle))?\s*(?:[:=]|de)?\s*(?<n>\d+(?:[.,]\d+)?)\s*w(?!h)\s*(?:\/\s*m(?:²|2)|par\s+m)/u;
const TANK_RE =
  /ballon[^.;\n]{0,40}?(?<n>\d{3,4})\s*(?:l|litres)\b|(?<m>\d{3,4})\s*(?:l|litres)[^.;\n]{0,20}ballon/u;
const BACKUP_RE =
  /appoint\s*(?:[:=]|par|en)?\s*(?:une\s+|un\s+|la\s+|le\s+)?(?<v>(?:resistance\s+)?electrique|gaz|fioul|bois|granules|chaudiere(?:\s+(?:gaz|fioul|bois|a\s+granules|existante))?|pompe\s+a\s+chaleur|hydraulique)/u;

/** Values of a combined solar system (collectors, tank, back-up). */
export function solarCombinedValues(g: GesteText, src: Source): SolarValues {
  const out: SolarValues = {};
  const collectors = collectorBrand(g);
  if (collectors.brand) out.marque_capteurs = collectors.brand;
  if (collectors.model) out.reference_capteurs = collectors.model;
  const kind = textOf(src, KIND_RE);
  if (kind) out.type_capteurs = trimValue(kind);
  const area = collectorArea(src);
  if (area !== undefined) out.surface_captage = area;
  const productivity = numberAfter(src, PRODUCTIVITY_RE);
  if (productivity !== undefined) out.productivite_capteurs = productivity;
  const m = TANK_RE.exec(src.folded);
  const tank = Number(m?.groups?.n ?? m?.groups?.m ?? Number.NaN);
  const volume = Number.isFinite(tank) ? tank : anyLitres(src);
  if (volume !== undefined) out.volume_ballon = volume;
  const backup = textOf(src, /(?:^|\n)appoint\s*:\s*(?<v>[^;\n–—,(]+)/u) ?? textOf(src, BACKUP_RE);
  if (backup) out.energie_appoint = trimValue(backup);
  const profile = soutirageProfile(src);
  if (profile) out.profil_soutirage = profile;
  return out;
}

const PROFILE_RE =
  /(?:profil(?:\s+de)?(?:\s+soutirage)?|soutirage)\s*(?:[:=]|de\s+type)?\s*(?<v>xxl|xl|l|m|s)\b/u;

/** Tapping profile (`M`, `L`, `XL`, `XXL`). */
export function soutirageProfile(src: Source): 'M' | 'L' | 'XL' | 'XXL' | undefined {
  const v = PROFILE_RE.exec(src.folded)?.groups?.v?.toUpperCase();
  return v === 'M' || v === 'L' || v === 'XL' || v === 'XXL' ? v : undefined;
}
