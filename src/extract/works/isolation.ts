/**
 * Insulation values: product brand and reference, area, thickness (cm), thermal resistance
 * (m²·K/W, never a thickness or a conductivity), conductivity λ, calculation standard or ACERMI number, and per type the facing/protection/fixing, the location
 * of a lowest floor or the kind of flat-roof insulation.
 */
import type { Geste } from '../../domain/attributes.js';
import {
  brandAfterLabel,
  labelledAcross,
  leadingBrandModel,
  productBrandModel,
  type BrandModel,
} from './brand.js';
import { itemSources, ownSource, widerSource, type GesteText } from './measures.js';
import { cutLabelledModel, isBrandToken } from './brand-words.js';
import { fold, numberAfter, textOf, toNumber, trimValue, type Source } from './text.js';

type IsolationValues = Partial<Geste>;

const PRODUCT_LABEL_RE =
  /^(?:isolant|produit|materiau|panneaux?|rouleaux?|laine|marque)\b[^:]{0,30}:\s*/u;

const MATERIAL_RE =
  /isol|laine|ouate|polystyr|\bpse\b|\bxps\b|polyur|fibre|panneau|liege|chanvre|mousse|cellulose|doublage/u;

/** "Produit : Nova 45", "Gamme : Nova": the product name printed apart from its brand. */
const PRODUCT_NAME_RE =
  /^[\s•–—-]*(?:produit|gamme|designation\s+commerciale|nom\s+commercial)\s*:\s*(?<v>\S.*)$/u;

function namedProduct(items: readonly Source[], brand: string): string | undefined {
  for (const item of items.slice(1)) {
    const value = textOf(item, PRODUCT_NAME_RE);
    if (!value) continue;
    const model = cutLabelledModel(value);
    const rest = model.toLowerCase().startsWith(`${brand.toLowerCase()} `)
      ? model.slice(brand.length + 1).trim()
      : model;
    if (rest && rest.toLowerCase() !== brand.toLowerCase()) return rest;
  }
  return undefined;
}

/**
 * "Produit : Nova 45" with no brand printed anywhere: the whole value is the product name. A
 * brand is split off only when its first word is in capitals ("Produit : ACME Nova 45").
 */
function productNameOnly(items: readonly Source[]): string | undefined {
  for (const item of items.slice(1)) {
    const value = textOf(item, PRODUCT_NAME_RE);
    if (!value) continue;
    const first = value.match(/^\S+/u)?.[0] ?? '';
    if (isBrandToken(first) || !/^\p{Lu}/u.test(value) || MATERIAL_RE.test(fold(value)))
      return undefined;
    const model = cutLabelledModel(value);
    return model || undefined;
  }
  return undefined;
}

function productBrand(g: GesteText): BrandModel {
  const items = itemSources(g);
  const labelled = labelledAcross(items.map((i) => i.raw));
  if (labelled.brand && !labelled.model) {
    const model = namedProduct(items, labelled.brand);
    return model ? { ...labelled, model } : labelled;
  }
  if (labelled.brand) return labelled;
  const named = productNameOnly(items);
  if (named) return { model: named };
  for (const item of items.slice(1)) {
    const label = PRODUCT_LABEL_RE.exec(item.folded);
    if (!label) continue;
    const found = brandAfterLabel(item.raw.slice(label[0].length));
    if (found.brand) return found;
  }
  for (const item of items) {
    if (!MATERIAL_RE.test(item.folded)) continue;
    const found = productBrandModel(item.raw);
    if (found.brand) return found;
  }
  // "…panneaux laine de bois" wrapped onto "Acme Flex 036, épaisseur 200 mm": the brand and
  // its model open the next line
  if (MATERIAL_RE.test(items[0]?.folded ?? '')) {
    const leading = items.slice(1).map((i) => leadingBrandModel(i.raw));
    const found = leading.find((b) => b.brand);
    if (found) return found;
  }
  return labelled;
}

const THICKNESS_RE =
  /(?:epaisseur|\bep\.?(?=[\s:]|\d))[^\d\n]{0,50}?(?<n>\d+(?:[.,]\d+)?)\s*(?<u>mm|cm|m)\b/u;
const BARE_THICKNESS_RE =
  /(?<!(?:ø|×|\bx|\d)\s?)(?<![\d,.])(?<n>\d{2,3}(?:[.,]\d)?)\s*(?<u>mm|cm)\b(?!\s*[x×])/u;

function toCm(n: string | undefined, unit: string | undefined): number | undefined {
  const value = toNumber(n);
  if (value === undefined) return undefined;
  if (unit === 'mm') return Math.round(value * 10) / 100;
  if (unit === 'm') return value * 100;
  return value;
}

function thicknessCm(src: Source): number | undefined {
  const m = THICKNESS_RE.exec(src.folded) ?? BARE_THICKNESS_RE.exec(src.folded);
  return m ? toCm(m.groups?.n, m.groups?.u) : undefined;
}

const R_RE =
  /(?:resistance\s+thermique(?:\s+(?:totale|utile|declaree))?|(?<![\p{L}\d'’-])r\s*(?:th|utile|declaree|totale)?\s*[:=]|(?<![\p{L}\d'’-])r\s+(?=\d))(?<skipped>[^\d\n]{0,25}?)(?<n>\d+(?:[.,]\d+)?)/gu;
/** After the number: a thickness or a conductivity, never a resistance (issue 12). */
const NOT_R_UNIT_RE = /^\s*(?:mm|cm|m(?=$|[\s,;)])|w\s*\/\s*\(?m\s*[.·]?\s*k\b)/u;

function thermalResistance(src: Source): number | undefined {
  for (const m of src.folded.matchAll(R_RE)) {
    if (/λ|lambda|conductivite|epaisseur/u.test(m.groups?.skipped ?? '')) continue;
    if (NOT_R_UNIT_RE.test(src.folded.slice(m.index + m[0].length))) continue;
    const r = toNumber(m.groups?.n);
    if (r !== undefined && r > 0 && r < 20) return r;
  }
  return undefined;
}

const LAMBDA_RE =
  /(?:λ|lambda|conductivite\s+thermique)(?:\s*(?:d|utile|declaree|90\/90))?\s*(?:[:=]|de)?\s*(?<n>0[.,]0\d{1,2})(?!\d)/gu;

/**
 * The thermal conductivity λ in W/m·K, when the insulation's own text prints one value (two
 * products, two values: none is kept). The rules compute R from it only when no R is printed.
 */
function conductivity(src: Source): number | undefined {
  const values = new Set<number>();
  for (const m of src.folded.matchAll(LAMBDA_RE)) {
    const n = toNumber(m.groups?.n);
    if (n !== undefined) values.add(n);
  }
  return values.size === 1 ? [...values][0] : undefined;
}
const NORM_RE = /(?<v>(?:nf\s+)?en\s+(?:iso\s+)?1\d{4}(?:[-‐]\d+)?)/u;
const ACERMI_RE =
  /acermi[^\d\n]{0,25}(?<v>\d{2}\s*\/\s*[a-z]?\s*\d{1,3}\s*\/\s*\d{2,4}(?:\s*\/\s*\d+)?)/u;
const AREA_RE = /surface[^\d\n:]{0,30}:?\s*(?:de\s*)?(?<n>\d+(?:[.,]\d+)?)\s*m(?:²|2)/u;

function areaM2(g: GesteText, src: Source): number | undefined {
  const labelled = numberAfter(src, AREA_RE);
  if (labelled !== undefined) return labelled;
  return g.unite === 'm²' ? g.quantite : undefined;
}

/** Values common to the six insulation types. */
export function isolationValues(g: GesteText): IsolationValues {
  const own = ownSource(g);
  const wide = widerSource(g);
  const out: IsolationValues = {};
  const product = productBrand(g);
  if (product.brand) out.marque_isolant = product.brand;
  if (product.model) out.reference_isolant = product.model;
  const area = areaM2(g, own);
  if (area !== undefined) out.surface_isolant = area;
  const thickness = thicknessCm(own) ?? thicknessCm(wide);
  if (thickness !== undefined) out.epaisseur_isolant = thickness;
  const r = thermalResistance(own) ?? thermalResistance(wide);
  if (r !== undefined) out.resistance_thermique = r;
  const lambda = conductivity(own);
  if (lambda !== undefined) out.lambda_isolant = lambda;
  const norm = textOf(own, NORM_RE) ?? textOf(wide, NORM_RE);
  if (norm) out.norme_calcul_resistance = norm.replace(/\s+/gu, ' ');
  const acermi = textOf(own, ACERMI_RE) ?? textOf(wide, ACERMI_RE);
  if (acermi) out.numero_acermi = acermi.replace(/\s+/gu, '');
  return out;
}

const FACING_RE =
  /parement|plaques? de platre|\bba\s?1[038]\b|plaque de finition|enduit de finition|bardage|vetage|veture|lambris|habillage/u;
const PROTECTION_RE = /\bprotection\b|sous[- ]enduit|enduit arme|treillis|armature|pare[- ]pluie/u;
const FIXING_RE =
  /fixation|\bfixe|chevill|collage|colle\b|coll[ée]s?\b|ossature|\brails?\b|fourrures?|agrafe|suspentes?|vissage|visse|mecaniquement/u;

/** Facing, protection and fixing of wall insulation: true when the quote mentions them. */
export function wallComplexValues(g: GesteText): IsolationValues {
  const own = ownSource(g).folded;
  const out: IsolationValues = {};
  if (FACING_RE.test(own)) out.presence_parement = true;
  if (PROTECTION_RE.test(own)) out.presence_protection = true;
  if (FIXING_RE.test(own)) out.presence_fixation = true;
  return out;
}

const LOCATION_LABEL_RE = /(?:localisation|emplacement|situation|lieu|zone)\s*:\s*(?<v>[^;\n–—]+)/u;
const LOCATION_PHRASE_RE =
  /(?<v>(?:plafond|plancher)\s+(?:du|de la|des|d'un|d'une)\s+(?:sous-sol|sous sol|cave|garage|vide sanitaire|local|parking|passage)[^,;\n–—(]*|vide sanitaire|sous-sol non chauffe|terre-plein|passage ouvert)/u;

/** An explicit statement of the side ("Pose par le dessus", "Emplacement : sous-face") wins over
 * the wording of the label ("isolation en sous-face du plancher" followed by "pose par le dessus"). */
const STATED_SIDE_RE =
  /(?:\bpose[es]*|\bmise en (?:oeuvre|œuvre)|\bemplacement)\s*:?\s*(?:(?<under>(?:par |en )?sous[- ]face|par (?:le )?dessous)|(?<over>par (?:le )?dessus))/u;

/** Where a lowest-floor insulation goes, and from which side. */
export function floorValues(g: GesteText): IsolationValues {
  const wide = widerSource(g);
  const out: IsolationValues = {};
  const location = textOf(wide, LOCATION_LABEL_RE) ?? textOf(wide, LOCATION_PHRASE_RE);
  if (location) out.localisation = trimValue(location);
  const stated = STATED_SIDE_RE.exec(wide.folded)?.groups;
  if (stated?.under) out.emplacement = 'sous-face';
  else if (stated?.over) out.emplacement = 'par le dessus';
  else if (/sous[- ]face|par (?:le )?dessous|en plafond|sous plafond/u.test(wide.folded))
    out.emplacement = 'sous-face';
  else if (/par (?:le )?dessus|sur (?:le )?plancher|sous chape|en sol\b/u.test(wide.folded))
    out.emplacement = 'par le dessus';
  return out;
}

const ROOF_TYPE_LABEL_RE = /type\s+d'isolation\s*:\s*(?<v>[^;\n–—]+)/u;
const ROOF_TYPE_RE =
  /(?<v>(?:isolation\s+)?(?:par l'exterieur|par l'interieur|sous etancheite|sur etancheite|(?:en\s+)?toiture inversee|toiture chaude|sur bac acier|sous dalle|sur dalle|sur support beton)[^,;\n–—]*)/u;

/**
 * A described kind is lower-case words: a capitalised word after it starts the text that follows
 * the table ("… sous étanchéité Date prévisionnelle de début …" when the last item ran on).
 */
function untilNextSentence(value: string): string {
  const next = /\s(?=\p{Lu}\p{Ll})/u.exec(value);
  return next ? value.slice(0, next.index) : value;
}

/** Kind of flat-roof insulation (from above or below the roof, inverted roof…). */
export function flatRoofValues(g: GesteText): IsolationValues {
  const wide = widerSource(g);
  const v = textOf(wide, ROOF_TYPE_LABEL_RE) ?? textOf(wide, ROOF_TYPE_RE);
  const kind = v === undefined ? undefined : trimValue(untilNextSentence(v));
  return kind ? { type_isolation_toiture_terrasse: kind } : {};
}
