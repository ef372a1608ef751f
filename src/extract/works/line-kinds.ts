/**
 * What an unpriced line of a table is: a description bullet, the continuation of the line above,
 * a section title, a total that ends the table, a sub-total, or page furniture (footer, page
 * number) to skip.
 */
import { fold, isBalanced } from './text.js';

const BULLET_RE =
  /^[-–—•·*▪►>‣◦○●■□✓✔]\s*|^[\u2022\u25aa\u25cf\u25e6\u2043\u2219\uf0b7\uf0a7\uf0d8]\s*/u;

export function isBullet(text: string): boolean {
  return BULLET_RE.test(text) && !/^[-–]\s*\d+(?:[.,]\d+)?\s*(?:€|%)/u.test(text);
}

export function stripBullet(text: string): string {
  return text.replace(BULLET_RE, '').trim();
}

const HANGING_END_RE =
  /(?:\s(?:de|du|des|d'|l'|la|le|les|et|ou|à|au|aux|en|pour|par|sur|sous|avec|sans|dans|un|une|y|compris)|[,(/+&'–-])$/u;

/** The line goes on with the text above (lower-case start, or the text above is cut short). */
export function continuesText(line: string, above: string): boolean {
  if (/^[a-zà-ÿœ(),;:/+&]/u.test(line)) return true;
  return HANGING_END_RE.test(above.trim()) || !isBalanced(above);
}

const UNIT_AFTER_NUMBER_RE = /\d\s*(?:kw|w|mm|cm|m²|m2|m³|l\b|litres?|%|€|mg|°c|db)/u;

/** A short line without values that may title the lines below it. */
export function isTitleLike(text: string): boolean {
  const t = text.trim();
  if (t.length < 3 || t.length > 90 || isBullet(t)) return false;
  if (!/^[A-ZÀ-ÖØ-Þ0-9]/u.test(t)) return false;
  if (/[.,;]$/u.test(t) || !isBalanced(t) || (/\)$/u.test(t) && !t.includes('('))) return false;
  const folded = fold(t);
  if (UNIT_AFTER_NUMBER_RE.test(folded)) return false;
  const colon = folded.indexOf(':');
  if (
    colon > 0 &&
    colon < folded.length - 1 &&
    !/^(?:lot|poste|chapitre|partie|zone|piece|local|niveau)\b/u.test(folded)
  ) {
    return false;
  }
  return t.split(/\s+/u).length <= 12;
}

const ROOM_RE =
  /^(?:s[ée]jour|salon|living|chambres?|cuisine|salle (?:de bains?|d'eau|à manger|de jeux)|sdb|sde|entr[ée]e|bureau|wc|toilettes?|couloir|d[ée]gagement|garage|cellier|buanderie|mezzanine|combles?|[ée]tage|rdc|rez[- ]de[- ]chauss[ée]e|grenier|palier|escalier|v[ée]randa|dressing|pi[èe]ce de vie|hall|sous[- ]sol|cave|atelier|arri[èe]re[- ]cuisine|lingerie|biblioth[èe]que|vestibule|d[ée]barras|chaufferie)\b/iu;

/** A room name ("Séjour", "Chambre 2", "Salle d'eau de l'étage"). */
export function isRoomName(text: string): boolean {
  return ROOM_RE.test(text.trim()) && text.trim().split(/\s+/u).length <= 6;
}

function isMostlyUpper(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters.replace(/[^\p{Lu}]/gu, '').length / letters.length > 0.8;
}

const MARKER_RE =
  /^(?:(?:lot|poste|chapitre|partie|tranche)\b|(?:\d+(?:\.\d+)*|[A-Z]|[IVX]+)[.)]?\s+[A-ZÀ-Ý])/u;
const FAMILY_RE =
  /isolation|isolant|fenetre|porte|volet|menuiserie|pompe a chaleur|\bpac\b|chauffage|chaudiere|poele|insert|ventilation|\bvmc\b|eau chaude|\becs\b|chauffe[- ]?eau|solaire|depose|preparation|travaux|combles?|\bmurs?\b|plancher|toiture|rampants?|facades?|chantier|installation|equipements?|production|climatisation|options?|divers|demolition|electricite|plomberie|finitions?|accessoires|raccordements?|fumisterie|regulation/u;
const DETAIL_RE =
  /marque|modele|reference|\bref\b|\bpose\s+(?:en|au|sur|a)\b|vitrage|label|classe|puissance|rendement|en remplacement|\bremplace\b|\bremplacant\b|emplacement|performances?|dimensions?|epaisseur|resistance|certificat|garantie|couleur|teinte|capacite|fluide|\bcop\b|\bscop\b|\betas\b|\bu[wd]\b|\bsw\b|norme|conforme|selon|compris|inclus|livr|\bavec\b|\btype\b/u;

/**
 * A section title. Right after a priced row (strict), a description line can look like a title,
 * so a title must then be a room, a generic heading, a numbered or capitalised heading, or a short
 * name of a kind of work without description words.
 */
export function isSectionTitle(text: string, strict: boolean): boolean {
  if (!isTitleLike(text)) return false;
  if (!strict) return true;
  const t = text.trim();
  if (isRoomName(t) || natureHeading(t) || isMostlyUpper(t) || MARKER_RE.test(t)) return true;
  const folded = fold(t);
  if (t.includes(',') || /\d{2,}/u.test(t) || DETAIL_RE.test(folded)) return false;
  return FAMILY_RE.test(folded) && t.split(/\s+/u).length <= 8;
}

/** Generic sub-headings that say what kind of lines follow, not which work. */
export function natureHeading(text: string): 'fourniture' | 'pose' | 'autre' | undefined {
  const folded = fold(text)
    .replace(/[:\s]+$/u, '')
    .trim();
  if (/^(?:fournitures?|materiels?|materiaux|equipements?|produits?)$/u.test(folded))
    return 'fourniture';
  if (
    /^(?:main[- ]d'(?:œ|oe)uvre|pose|mise en (?:œ|oe)uvre|installation|prestations?|services?|travaux|m\.?o\.?)$/u.test(
      folded,
    )
  ) {
    return 'pose';
  }
  if (/^(?:options?|divers|prestations? annexes?|travaux annexes?)$/u.test(folded)) return 'autre';
  return undefined;
}

const END_RE =
  /^(?:(?:montant\s+|prix\s+)?(?:total|montant)\s*(?:general|global|net)?\s*(?:des\s+travaux\s*)?(?:h\.?\s?t\.?|t\.?\s?t\.?\s?c\.?|hors\s+taxes?|toutes\s+taxes)(?![a-z])|(?:net|reste)\s+a\s+(?:payer|charge)|montant\s+(?:total|global|net)|total\s+(?:general|devis|du devis)|total\s*:?\s*[\d€]|t\.?v\.?a\.?\s*(?:a\s*|au\s*taux\s*(?:de\s*)?)?\d)/u;
const SUBTOTAL_RE =
  /^(?:sous[- ]?total|s\/total|total\s+(?:lot|poste|chapitre|section|partie)|(?:a\s+)?report(?:er)?\b)/u;

/** A grand total (or VAT total) line: the table of lines ends here. */
export function isEndLine(cells: readonly string[]): boolean {
  return cells.some((c) => {
    const folded = fold(c).trim();
    return END_RE.test(folded) && !SUBTOTAL_RE.test(folded);
  });
}

/** A sub-total or carried-forward line inside the table. */
export function isSubtotalLine(text: string): boolean {
  const folded = fold(text).trim();
  if (SUBTOTAL_RE.test(folded)) return true;
  return /^total\s+\S/u.test(folded) && !END_RE.test(folded);
}

const LEGAL_RE =
  /\b(?:siret|siren|rcs|au capital|capital social|code ape|naf|tva intra|intracommunautaire|iban|bic|assurance decennale|garantie decennale)\b/u;
const PAGE_RE = /(?:^|\s)page\s*\d+\s*(?:\/|sur|de)\s*\d+|^page\s*\d+$|^\d+\s*\/\s*\d+$/u;

/** Footer, page number, legal mention printed on every page, or a VAT legend line. */
export function isPageFurniture(text: string): boolean {
  const folded = fold(text).trim();
  if (isBullet(text)) return false;
  if (/^(?:taux\s+de\s+)?t\.?v\.?a\.?\s*:.*%/u.test(folded)) return true;
  return PAGE_RE.test(folded) || LEGAL_RE.test(folded) || /^(?:suite|a suivre)\b/u.test(folded);
}
