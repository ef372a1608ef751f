/**
 * Words of brand and model names: which capitalised words can be a brand (not an acronym or a
 * common word of the trade, not a room), and where a model name ends.
 */
import { isRoomName } from './line-kinds.js';
import { trimValue } from './text.js';

export interface BrandModel {
  brand?: string;
  model?: string;
}

export const ACRONYMS = new Set(
  (
    'PVC PAC VMC CET ECS TVA HT TTC RGE CEE MPR COP SCOP ETAS SEER EER ERP PSE XPS EPS PIR PUR PU ITE ITI DTU ' +
    'PMR BBC ACERMI NF EN ISO CE CSTB AT DTA ATEC WC SDB RDC UE UI LED DN PER PEHD CTA GWP NOX COV COG CO ' +
    'DF SF HR BT MT OB PF ALU INOX GAZ EAU AIR FIOUL BOIS NON OUI NEUF NEUVE LES DES UNE AVEC SANS POUR ' +
    'QUALIBAT QUALIPAC QUALIBOIS QUALISOL QUALIFELEC VENTILATION ISOLATION MENUISERIE CHAUFFAGE INVERTER ' +
    'HYGRO TYPE CLASSE MODELE MARQUE REF FOURNITURE POSE OPTION TOTAL DEVIS SAV ANAH ECO EUR EUROS'
  ).split(' '),
);

const COMMON_WORDS = new Set(
  (
    'marque modèle modele référence reference type classe isolant produit pose fourniture épaisseur epaisseur ' +
    'résistance certificat surface performances dimensions menuiserie double triple simple fenêtre fenêtres porte ' +
    'portes volet volets caisson centrale groupe bouches bouche entrées entrée régulation régulateur puissance label ' +
    'flamme verte chambre séjour salon cuisine salle bureau garage combles isolation laine ouate panneaux panneau ' +
    'polystyrène capteurs capteur ballon chauffe-eau pompe unité unités module appoint fluide installation mise ' +
    'rendement efficacité émissions combustible stockage silo note garantie couleur teinte finition vitrage air eau ' +
    'gaz bois aluminium acier nord sud est ouest france gamme série cadre profil dormant ouvrant coffre tablier lames ' +
    'capacité volume norme selon avec sans pour dans sur sous lot option total devis kit nombre emplacement ' +
    'localisation haute basse moyenne température application chaudière poêle insert plaques plaque parement ' +
    'fixation protection ossature doublage complexe rouleaux rouleau granulés bûches fabricant modèles ' +
    'réf ref coefficient coef valeur technologie contenance productivité composés oxydes particules ' +
    'poussières monoxyde émissions émission facteur'
  ).split(' '),
);

const TERMINATORS_RE = /\s[–—-]\s|\s[–—]|;|\s\/\s/uy;

function startsTerminator(text: string, i: number): boolean {
  TERMINATORS_RE.lastIndex = i;
  return TERMINATORS_RE.test(text);
}

/** Cuts a model name at the first separator that is not inside parentheses. */
export function cutModel(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '(') depth += 1;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (
      depth === 0 &&
      c === ',' &&
      /\d/u.test(text[i - 1] ?? '') &&
      /\d/u.test(text[i + 1] ?? '')
    )
      continue;
    else if (depth === 0 && (c === ',' || c === ';')) return trimValue(text.slice(0, i));
    else if (depth === 0 && i > 0 && startsTerminator(text, i)) return trimValue(text.slice(0, i));
  }
  return trimValue(text);
}

/** A word in capitals that reads as a brand: letters mostly, not an acronym of the trade. */
export function isBrandToken(token: string): boolean {
  const word = token.replace(/[.,:;]+$/u, '');
  if (!/^[A-ZÀ-Ý][A-ZÀ-Ý0-9'&+.·-]{2,}$/u.test(word)) return false;
  if (ACRONYMS.has(word) || /^R\d/u.test(word) || /^[IVX]+$/u.test(word)) return false;
  const letters = word.replace(/[^A-ZÀ-Ý]/gu, '').length;
  return /[A-ZÀ-Ý]{3}/u.test(word) && letters / word.length >= 0.6;
}

export function isCapitalisedBrand(word: string): boolean {
  const w = word.replace(/[.,:;]+$/u, '');
  if (!/^[A-ZÀ-Ý][\p{Ll}][\p{L}'&-]{1,}$/u.test(w)) return false;
  return !COMMON_WORDS.has(w.toLowerCase()) && !isRoomName(w);
}

export function isMostlyUpper(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  const upper = letters.replace(/[^\p{Lu}]/gu, '');
  return letters.length > 0 && upper.length / letters.length > 0.7;
}

const MEASURE_RE = /^\d+(?:[.,]\d+)?\s*(?:kw|w|l|litres?|mm|cm|m²|m2|m³|%|°c|kg)(?![\p{L}\d])/iu;
const STOP_WORD_RE =
  /^(?:\(|–|—|-$|à|a|au|aux|de|du|des|d'|en|et|ou|pour|avec|sur|sous|dans|type|classe|puissance|[ée]paisseur|ép\.|certifi\S*|selon|conforme|norme|r|r=|soit|capacit[ée]|volume|surface|emplacement|localisation|pos[ée]e?s?|install[ée]e?s?|situ[ée]e?s?|r[ée]parti[e]?s?|plac[ée]e?s?|x\s?\d+|\(x\s?\d+\)|\d+\s?x)$/iu;

/** The model words after a brand, up to a separator, a measured value or a linking word. */
export function modelAfter(rest: string): string | undefined {
  const modelWords: string[] = [];
  for (const w of rest.trim().matchAll(/\S+/gu)) {
    const word = w[0];
    if (modelWords.length >= 6 || MEASURE_RE.test(rest.trim().slice(w.index))) break;
    if (STOP_WORD_RE.test(word.replace(/[,;]+$/u, '')) || word.startsWith('(')) break;
    modelWords.push(word);
    if (/[,;]$/u.test(word)) break;
  }
  const model = cutModel(modelWords.join(' '));
  return model || undefined;
}

export function brandAt(text: string, token: RegExpMatchArray): BrandModel {
  const brand = token[0].replace(/[.,:;]+$/u, '');
  if (/[,;]$/u.test(token[0])) return { brand };
  const model = modelAfter(text.slice((token.index ?? 0) + token[0].length));
  return model ? { brand, model } : { brand };
}

const LABELLED_STOP_RE =
  /\s(?:[ée]paisseur|puissance|classe|capacit[ée]|volume|surface|emplacement|localisation|selon|conforme|norme|certifi\S*|r[ée]sistance|rendement|cop|scop|etas|u[wd]|sw|r\s?=)\b/iu;

/** A labelled model ("modèle X …") cut at its separators and at the first described property. */
export function cutLabelledModel(text: string): string {
  const model = cutModel(text);
  const stop = LABELLED_STOP_RE.exec(model);
  return stop ? trimValue(model.slice(0, stop.index)) : model;
}

/**
 * Words in capitals without digits ("FRANCE", "TECH SYSTEMES"): after a brand they are part of
 * the company name when the model is printed on its own "Référence" item.
 */
export function isCapsWords(text: string): boolean {
  return /^[A-ZÀ-Ý][A-ZÀ-Ý&'-]+(?:\s+[A-ZÀ-Ý][A-ZÀ-Ý&'-]+)*$/u.test(text.trim());
}
