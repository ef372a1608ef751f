/**
 * What the document is: a quote, an invoice, or something else (a letter, an insurance
 * certificate…), and whether the word "devis" is printed.
 */
import type { FileType } from '../../domain/attributes.js';
import type { DocumentLine } from '../document.js';

const DEVIS_WORD_RE = /(?<![\p{L}])(?:devis|d\s+e\s+v\s+i\s+s)(?![\p{L}])/iu;
const FIRST_DEVIS_RE = /devis/iu;

/** The word "devis" appears as a word (also spaced out, `D E V I S`). */
export function hasDevisMention(text: string): boolean {
  return DEVIS_WORD_RE.test(text);
}

/** The first occurrence of the letters `devis`, as written. */
export function devisAsWritten(text: string): string | undefined {
  return FIRST_DEVIS_RE.exec(text)?.[0] ?? DEVIS_WORD_RE.exec(text)?.[0];
}

const INVOICE_TITLE_RE = /^(?:facture|facture\s+d['’]acompte|avoir)(?![\p{L}])/iu;
const QUOTE_TITLE_RE =
  /^(?:devis|d\s+e\s+v\s+i\s+s|proposition\s+(?:commerciale|de\s+prix|technique\s+et\s+financi[èe]re)|offre\s+de\s+prix)(?![\p{L}])/iu;
const OTHER_TITLE_RE =
  /^(?:attestation|certificat|courrier|lettre|bon\s+de\s+(?:livraison|commande)|rapport|compte[\s-]rendu|proc[èe]s-verbal|fiche\s+(?:technique|de\s+visite)|notice|kbis|extrait\s+kbis|audit|[ée]tude\s+thermique|note\s+de\s+dimensionnement|diagnostic\s+de\s+performance)(?![\p{L}])/iu;
/** The document says of itself that it is not a quote ("Ce compte rendu n'est pas un devis"). */
const NOT_A_QUOTE_RE =
  /\bn['’]est\s+pas\s+un\s+devis\b|\bne\s+(?:constitue|vaut)\s+pas\s+(?:un\s+)?devis\b/iu;
const AMOUNT_RE = /\d[\d\s.,]*\s?(?:€|EUR\b)/u;
const LABELLED_TOTAL_RE = /\b(?:total|montant)\b[^\n\d]{0,30}\d[\d\s.]*,\d{2}/iu;

/** A heading: short, or printed in capitals. */
function isHeading(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return text.split(/\s+/u).length <= 4 || letters === letters.toUpperCase();
}

/** A quote title glued to other text by the PDF layer (`NOM DE LA SOCIÉTÉDEVIS N° 12`). */
const INNER_QUOTE_TITLE_RE =
  /(?:DEVIS|PROPOSITION\s+COMMERCIALE|OFFRE\s+DE\s+PRIX)(?:\s+(?:N°|NO|NUM))|\bD\s?E\s?V\s?I\s?S$/u;

function kindOfCell(text: string): FileType | undefined {
  if (INVOICE_TITLE_RE.test(text)) return 'facture';
  if (QUOTE_TITLE_RE.test(text) || INNER_QUOTE_TITLE_RE.test(text)) return 'devis';
  if (OTHER_TITLE_RE.test(text) && isHeading(text)) return 'autre';
  return undefined;
}

/** The kind named by the titles of the first lines: an invoice or a quote title wins over others. */
function titleKind(lines: DocumentLine[]): FileType | undefined {
  const first = lines.slice(0, 20);
  // a title broken over two short lines ("BON DE" / "COMMANDE") is read whole too
  const broken = first.slice(0, -1).flatMap((line, i) => {
    const next = first[i + 1]!;
    if (line.cells.length !== 1 || next.cells.length !== 1) return [];
    const joined = `${line.text.trim()} ${next.text.trim()}`;
    return joined.split(/\s+/u).length <= 4 ? [joined] : [];
  });
  const kinds = [...first.flatMap((line) => line.cells.map((cell) => cell.text.trim())), ...broken]
    .map(kindOfCell)
    .filter((k): k is FileType => k !== undefined);
  return kinds.find((k) => k !== 'autre') ?? kinds[0];
}

/** `devis`, `facture` or `autre` from the title of the first page and the presence of prices. */
export function detectFileType(lines: DocumentLine[], bodyText: string): FileType {
  if (NOT_A_QUOTE_RE.test(bodyText)) return 'autre';
  const title = titleKind(lines);
  if (title === 'facture') return 'facture';
  const priced = AMOUNT_RE.test(bodyText) || LABELLED_TOTAL_RE.test(bodyText);
  if (title === 'devis') return 'devis';
  if (title === 'autre' || !priced) return 'autre';
  // an invoice names itself with a number; "paiement à réception de facture" is a quote's term
  return !hasDevisMention(bodyText) && /\bfacture\s*(?:n°|no\b|num)/iu.test(bodyText)
    ? 'facture'
    : 'devis';
}
