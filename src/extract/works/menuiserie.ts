/**
 * Joinery values: brand and model, kind of joinery, frame material, glazing, installation type,
 * position in the wall, room, and the performance figure of each kind (Uw/Sw, Ud, ΔR).
 */
import type { Geste } from '../../domain/attributes.js';
import type { GesteType } from '../../domain/geste-types.js';
import { isRoomName } from './line-kinds.js';
import { itemSources, ownSource, widerSource, type GesteText } from './measures.js';
import { equipmentBrand } from './product.js';
import { cleanText, fold, numberAfter, textOf, trimValue, type Source } from './text.js';

type JoineryValues = Partial<Geste>;

function joineryKind(type: GesteType, designation: string): string {
  const d = fold(designation);
  if (type === 'menuiserie_volet_isolant') return 'volet_isolant';
  if (type === 'menuiserie_fenetre_toit') return 'fenetre_de_toit';
  if (type === 'menuiserie_porte') return 'porte';
  return /porte[- ]?fenetre/u.test(d) ? 'porte_fenetre' : 'fenetre';
}

const MATERIALS: [RegExp, string][] = [
  [/\b(?:bois[- ]alu(?:minium)?|alu(?:minium)?[- ]bois|mixte)\b/u, 'mixte'],
  [/\bpvc\b/u, 'PVC'],
  [/\balu(?:minium)?\b/u, 'aluminium'],
  [/\b(?:bois|pin|chene|sapin|meleze|douglas|moabi|movingui|meranti|bois exotique)\b/u, 'bois'],
];

function firstMaterial(folded: string): string | undefined {
  let best: { index: number; value: string } | undefined;
  for (const [re, value] of MATERIALS) {
    const m = re.exec(folded);
    if (m && (!best || m.index < best.index)) best = { index: m.index, value };
  }
  return best?.value;
}

const FRAME_ITEM_RE =
  /^(?:menuiserie|materiau|cadre|profil|chassis|dormant|ouvrant|tablier|lames|structure|coffre)/u;

function material(g: GesteText): string | undefined {
  const items = itemSources(g);
  const fromLabel = firstMaterial(items[0]?.folded ?? '');
  if (fromLabel) return fromLabel;
  for (const item of items.slice(1))
    if (FRAME_ITEM_RE.test(item.folded)) return firstMaterial(item.folded) ?? undefined;
  for (const item of items.slice(1)) {
    const found = firstMaterial(item.folded);
    if (found) return found;
  }
  return undefined;
}

const LOCATION_LABEL_RE =
  /(?:emplacement|localisation|piece|local|situation)\s*:\s*(?<v>[^;\n–—]+)/u;

/** ", fourniture et pose", "(pose comprise)", ", posée" after a room name belong to the label. */
const SUPPLY_TAIL_RE =
  /\s*(?:[,(/]\s*|\s)(?:(?:la\s+)?fourniture|fourni(?:e|s|es)?|f\.)\s*(?:et|&|\+)\s*(?:la\s+)?pose\b.*$|\s*[,(/]\s*(?:pos(?:e|é|ée|és|ées|es|ee|ees)?|installation|mise\s+en\s+(?:place|oeuvre|œuvre))(?:\s+(?:comprise?|incluse?))?\)?\s*$/iu;

export function withoutSupplyTail(text: string): string {
  return text.replace(SUPPLY_TAIL_RE, '').trim();
}

function location(g: GesteText, own: Source): string | undefined {
  const labelled = textOf(own, LOCATION_LABEL_RE);
  if (labelled) return withoutSupplyTail(trimValue(labelled)) || undefined;
  const designation = cleanText(g.designation);
  const parts = designation.split(/\s[–—-]\s/u);
  const tail = parts.length > 1 ? parts[parts.length - 1] : undefined;
  const last = tail === undefined ? undefined : withoutSupplyTail(tail);
  if (last && isRoomName(last)) return trimValue(last);
  // « 1  Séjour – fenêtre 2 vantaux… »: the room leads, after an item number left in the label
  const unnumbered = designation.replace(/^\d{1,3}(?:[.)]\s*|\s+)(?=\p{L})/u, '');
  const lead = /^(?<room>[^:–—]{3,40}?)\s*[:–—]\s/u.exec(unnumbered)?.groups?.room;
  if (lead && isRoomName(lead)) return lead.trim();
  if (g.room) return g.room;
  return g.section && isRoomName(g.section) ? g.section : undefined;
}

const GLAZING_RE =
  /(?<v>triple|double|simple)\s+vitrage|vitrage(?:\s+isolant)?\s*:?\s*(?<w>triple|double|simple)\b/u;
/** A glass composition after "vitrage" or "DV"/"TV": 4/16/4 is double, 4/12/4/12/4 triple. */
const COMPOSITION_RE =
  /(?:vitrage|\bdv|\btv)\b[^\n;]{0,30}?(?<!\d)\d{1,2}(?:[.,]\d)?\s*\/\s*\d{1,2}\s*\/\s*\d{1,2}(?<more>\s*\/\s*\d{1,2}\s*\/\s*\d{1,2})?(?![\d/])/u;

/** Kind of glazing: "double vitrage", "vitrage : triple", "DV 4/16/4", "vitrage 4/12/4/12/4". */
function glazingKind(own: Source): string | undefined {
  const glazing = GLAZING_RE.exec(own.folded);
  const kind = glazing?.groups?.v ?? glazing?.groups?.w;
  if (kind) return kind;
  const composition = COMPOSITION_RE.exec(own.folded);
  if (composition) return composition.groups?.more ? 'triple' : 'double';
  return /\bDV\b/u.test(own.raw) ? 'double' : undefined;
}

function glazedValues(own: Source): JoineryValues {
  const out: JoineryValues = {};
  const kind = glazingKind(own);
  if (kind) out.type_vitrage = kind;
  if (
    /depose\s+(?:totale|complete)|pose\s+en\s+neuf|depose\s+(?:du|des)\s+dormants?/u.test(
      own.folded,
    )
  ) {
    out.type_pose = 'depose_totale';
  } else if (
    /renovation|sur\s+(?:le\s+|les\s+)?(?:dormants?|bati|batis|precadre)\s+existants?/u.test(
      own.folded,
    )
  ) {
    out.type_pose = 'renovation';
  }
  if (/nu\s+interieur/u.test(own.folded)) out.position_paroie = 'nu_interieur';
  else if (/nu\s+exterieur/u.test(own.folded)) out.position_paroie = 'nu_exterieur';
  else if (/tunnel|en\s+tableau|milieu\s+de\s+(?:mur|paroi)/u.test(own.folded))
    out.position_paroie = 'tunnel';
  return out;
}

const UW_RE = /(?<![\p{L}])u\s?w\s*(?:[:=]|de|≤|<)?\s*(?<n>\d+(?:[.,]\d+)?)/u;
const SW_RE =
  /(?:(?<![\p{L}])s\s?w|facteur\s+solaire(?:\s+sw)?)\s*(?:[:=]|de|≥|>)?\s*(?<n>\d?[.,]\d+|\d)(?![\d]|[.,]\d)/u;
/** « Sw = 42 % »: a solar factor printed as a percentage. */
const SW_PERCENT_RE =
  /(?:(?<![\p{L}])s\s?w|facteur\s+solaire(?:\s+sw)?)\s*(?:[:=]|de|≥|>)?\s*(?<n>\d{1,2}(?:[.,]\d+)?)\s*%/u;
const UD_RE = /(?<![\p{L}])u\s?d\s*(?:[:=]|de|≤|<)?\s*(?<n>\d+(?:[.,]\d+)?)/u;
const DELTA_R_RE =
  /(?:[δ∆]\s?r|delta\s?r|resistance\s+thermique\s+additionnelle)[^\d\n]{0,20}?(?<n>\d+(?:[.,]\d+)?)/u;

function performance(type: GesteType, own: Source): JoineryValues {
  const out: JoineryValues = {};
  if (type === 'menuiserie_fenetre' || type === 'menuiserie_fenetre_toit') {
    const uw = numberAfter(own, UW_RE);
    const sw = numberAfter(own, SW_RE);
    const swPercent = numberAfter(own, SW_PERCENT_RE);
    if (uw !== undefined) out.uw = uw;
    if (sw !== undefined && sw <= 1) out.sw = sw;
    else if (swPercent !== undefined) out.sw = Math.round(swPercent * 10) / 1000;
  } else if (type === 'menuiserie_porte') {
    const ud = numberAfter(own, UD_RE);
    if (ud !== undefined) out.ud = ud;
  } else {
    const deltaR = numberAfter(own, DELTA_R_RE);
    if (deltaR !== undefined) out.deltaR = deltaR;
  }
  return out;
}

/** Values of a joinery geste of the given type. */
export function menuiserieValues(type: GesteType, g: GesteText): JoineryValues {
  const own = ownSource(g);
  const out: JoineryValues = {};
  const { brand, model } = equipmentBrand(g);
  if (brand) out.marque = brand;
  if (model) out.reference = model;
  out.type_menuiserie = joineryKind(type, g.designation);
  const mat = material(g);
  if (mat) out.type_materiaux = mat;
  const room = location(g, own);
  if (room) out.localisation = room;
  if (type !== 'menuiserie_volet_isolant')
    Object.assign(out, glazedValues(widerSource(g)), glazedValues(own));
  return { ...out, ...performance(type, own) };
}
