/**
 * Brand and model of a product, found without any list of brands: "Marque X, modèle Y",
 * "marque : X", "X modèle Y", "réf. Y", or a word in capitals among lower-case text followed by
 * its model ("Isolant : ACME Flocon 45 – laine de verre").
 */
import {
  ACRONYMS,
  brandAt,
  cutLabelledModel,
  isBrandToken,
  isCapitalisedBrand,
  isMostlyUpper,
  type BrandModel,
} from './brand-words.js';
import { trimValue } from './text.js';

export { cutModel, modelAfter, type BrandModel } from './brand-words.js';

const BRAND_MODEL_RE =
  /\b(?:de\s+)?marque\s*:?\s*(?<brand>[^,;–—]+?)\s*(?:[,;–—]\s*|\s-\s|\s)(?:et\s+)?(?:de\s+)?(?:mod[eè]le|r[ée]f[ée]rence|r[ée]f\.|gamme|s[ée]rie)\s*:?\s*(?<model>.+)$/iu;
const BRAND_RE = /\b(?:de\s+)?(?:marque|fabricant)\s*:?\s*(?<brand>[^,;–—()]+)/iu;
const MODEL_RE =
  /\b(?:mod[eè]le|r[ée]f[ée]rence(?:\s+commerciale)?|r[ée]f\.)\s*:?\s*(?<model>[^\s].*)$/iu;
/** « ACME modèle X », « Oknoplast gamme Pixel », « Dorvia série 7 »: a name, then its model. */
const BEFORE_MODEL_RE =
  /(?:^|[\s:])(?<brand>[A-ZÀ-Ý][\p{L}0-9'&+-]{2,}),?\s+(?:mod[eè]le|gamme|s[ée]rie)\s*:?\s*(?<model>.+)$/u;

/** "Marque des capteurs : X": the brand of another component, not of the product. */
const OTHER_COMPONENT_RE = /^(?:des|du|de\s+la|de\s+l['’]|de)\s/u;

/** "Référence régulateur : X", "Référence des capteurs : X": the model of another component. */
const OTHER_COMPONENT_MODEL_RE = /^(?:(?:des|du|de\s+la|de\s+l['’]|de)\s+)?\p{Ll}[\p{L}'’ -]*:/u;

function firstWords(text: string, max: number): string {
  return text.trim().split(/\s+/u).slice(0, max).join(' ');
}

/** Brand and model written with their labels. */
export function labelledBrandModel(text: string): BrandModel {
  const both = BRAND_MODEL_RE.exec(text);
  if (both?.groups?.brand && both.groups.model) {
    return { brand: trimValue(both.groups.brand), model: cutLabelledModel(both.groups.model) };
  }
  const before = BEFORE_MODEL_RE.exec(text);
  if (
    before?.groups?.brand &&
    before.groups.model &&
    !ACRONYMS.has(before.groups.brand.toUpperCase())
  ) {
    return { brand: before.groups.brand, model: cutLabelledModel(before.groups.model) };
  }
  const out: BrandModel = {};
  const brand = BRAND_RE.exec(text);
  if (brand?.groups?.brand && !OTHER_COMPONENT_RE.test(brand.groups.brand))
    out.brand = trimValue(firstWords(brand.groups.brand, 3));
  const model = MODEL_RE.exec(text);
  if (model?.groups?.model && !OTHER_COMPONENT_MODEL_RE.test(model.groups.model))
    out.model = cutLabelledModel(model.groups.model);
  return out;
}

/** A brand in capitals and the words after it, up to a separator or a measured value. */
export function capsBrandModel(text: string): BrandModel {
  if (isMostlyUpper(text)) return {};
  const token = [...text.matchAll(/\S+/gu)].find((t) => isBrandToken(t[0]));
  return token ? brandAt(text, token) : {};
}

/** The first labelled brand of the items, with its model (same item, else a "Modèle :" item). */
export function labelledAcross(items: readonly string[]): BrandModel {
  const found = items.map(labelledBrandModel);
  const withBrand = found.find((f) => f.brand);
  if (!withBrand) return found.find((f) => f.model) ?? {};
  if (withBrand.model) return withBrand;
  const model = found.find((f) => f.model && !f.brand)?.model;
  return model ? { brand: withBrand.brand, model } : withBrand;
}

/**
 * A capitalised word that is not a common word of the trade, and the words after it: the brand
 * of "Isolant laine de roche Acme Façade 140". The first word of the text is skipped (it is
 * capitalised as a sentence start).
 */
export function capitalBrandModel(text: string): BrandModel {
  const token = [...text.matchAll(/\S+/gu)].find((t, i) => i > 0 && isCapitalisedBrand(t[0]));
  return token ? brandAt(text, token) : {};
}

/** Brand and model of a product description: labelled, then in capitals, then capitalised. */
export function productBrandModel(text: string): BrandModel {
  const labelled = labelledBrandModel(text);
  if (labelled.brand) return labelled;
  const caps = capsBrandModel(text);
  return caps.brand ? caps : capitalBrandModel(text);
}

/** Brand and model right after a label ("Caisson Acme Hygro 3", "Régulation : Acme RC-2"). */
export function brandAfterLabel(text: string): BrandModel {
  const labelled = labelledBrandModel(text);
  if (labelled.brand) return labelled;
  const first = text.trim().match(/^\S+/u);
  if (first && (isCapitalisedBrand(first[0]) || isBrandToken(first[0])))
    return brandAt(text.trim(), first);
  return productBrandModel(text);
}

/** A description item that starts with a brand and a model holding a digit ("Acme Nova 7 – …"). */
export function leadingBrandModel(item: string): BrandModel {
  const first = item.trim().match(/^\S+/u);
  if (!first || !(isCapitalisedBrand(first[0]) || isBrandToken(first[0]))) return {};
  const found = brandAt(item.trim(), first);
  return found.model && /\d/u.test(found.model) ? found : {};
}
