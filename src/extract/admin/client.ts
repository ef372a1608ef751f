/**
 * The customer block: found from a label (`CLIENT`, `Destinataire`, `À l'attention de`…) or a
 * titled name (`Monsieur Jean DUPONT`) in the header of the first page, then read down its
 * column so that what is printed beside it (the company block, the quote references) is ignored.
 */
import type { ClientAttributes } from '../../domain/attributes.js';
import { headerLimit, type AdminContext } from './context.js';
import { isStreetLike } from './address.js';
import { walkColumn, type PlacedCell } from './layout.js';
import { foldName, isLegalLine, nameFromLegalLine } from './legal-form.js';
import {
  blockAddress,
  emptyPartyBlock,
  ORGANISATION_RE,
  readBlockLine,
  type PartyBlock,
} from './party-block.js';
import { parseTitledName, splitPersonName } from './person-name.js';

/** « CLIENT – FACTURATION », « Client (particulier) »: a qualifier of the block, not a name. */
const CLIENT_LABEL_RE =
  /^(?:client(?:\s+final)?(?:\s*[-–/(]\s*(?:facturation|livraison|particulier|principal|b[ée]n[ée]ficiaire)\)?)?|destinataire|(?:à|a)\s+l['’]attention\s+de|attn\.?|adress[ée]\s+(?:à|a)|ma[îi]tre\s+d['’]ouvrage|b[ée]n[ée]ficiaire|coordonn[ée]es\s+(?:du\s+)?client|factur[ée]\s+(?:à|a)|nom\s+du\s+client|pour(?=\s*:)|vos\s+coordonn[ée]es|informations?\s+(?:du\s+)?client)(?![\p{L}])\s*(?:[:\-–]\s*)?(.*)$/iu;

export interface ClientBlock extends PartyBlock {
  /** Cells of the block, to keep them out of the company's block. */
  cells: PlacedCell[];
}

interface Anchor {
  /** A bare name (no title, no label) must be followed by an address to count. */
  bare?: boolean;
  placed: PlacedCell;
  /** Text after the label on the anchor cell (the name, sometimes the whole block). */
  rest: string;
}

function findAnchors(ctx: AdminContext, companies: readonly string[]): Anchor[] {
  const labelled: Anchor[] = [];
  const titled: Anchor[] = [];
  const bare: Anchor[] = [];
  const limit = headerLimit(ctx);
  for (let i = 0; i < limit; i += 1) {
    for (const cell of ctx.body[i]?.cells ?? []) {
      const placed = { lineIndex: i, cell };
      const label = CLIENT_LABEL_RE.exec(cell.text.trim());
      const rest = (label?.[1] ?? '').trim();
      // `Client : C-0042` is a customer code, not the customer block
      if (label && !/^[\w\-/.]*\d[\w\-/.]*$/u.test(rest)) labelled.push({ placed, rest });
      else if (isTitledClient(cell.text)) titled.push({ placed, rest: cell.text.trim() });
      else if (isBareName(cell.text) && (i > 0 || cell.x >= ctx.width * 0.35))
        bare.push({ placed, rest: cell.text.trim(), bare: true });
    }
  }
  const ordered = orderTitled(titled, ctx);
  const isCompany = (a: Anchor): boolean =>
    isCompanyAnchor(ctx, a) || companies.some((n) => ` ${foldName(a.rest)} `.includes(` ${n} `));
  return [
    ...labelled,
    ...ordered.filter((a) => !isCompany(a)),
    ...bare.filter((a) => !isCompany(a)),
    ...ordered.filter(isCompany),
  ];
}

/** `Jean DUPONT`, `Valentin Garaud`: two to four capitalised words, nothing else. */
function isBareName(text: string): boolean {
  const name = splitPersonName(text);
  const words = text.trim().split(/\s+/u);
  if (!name?.prenomRaw || !name.nomRaw || words.length > 4) return false;
  if (isStreetLike(text) || TRADE_RE.test(text) || ORGANISATION_RE.test(text)) return false;
  return words.every((w) => /^\p{Lu}/u.test(w)) && name.prenomRaw !== name.prenomRaw.toUpperCase();
}

const TRADE_RE =
  /(?<![\p{L}])(?:g[ée]rant|artisan|entrepreneur|plombier|chauffagiste|[ée]lectricien|menuisier|couvreur|ma[çc]on|directeur|pr[ée]sident|commercial|technicien|conseill|(?:SARL|SASU|SAS|EURL|EI)(?![\p{L}]))/iu;

function isTitledClient(text: string): boolean {
  return Boolean(parseTitledName(text)?.nom) && !TRADE_RE.test(text);
}

/**
 * Several titled names in the header: the company's own (a sole trader printed on the first
 * lines) comes first; the customer's block is usually lower or on the right.
 */
function orderTitled(titled: Anchor[], ctx: AdminContext): Anchor[] {
  if (titled.length < 2) return titled;
  const score = (a: Anchor): number =>
    (a.placed.lineIndex < 2 ? 2 : 0) + (a.placed.cell.x < ctx.width * 0.4 ? 1 : 0);
  return [...titled].sort((a, b) => score(a) - score(b) || a.placed.lineIndex - b.placed.lineIndex);
}

/**
 * A sole trader's own name heads the company block: the line below it is a trade tagline
 * (`Plomberie – Chauffage`) or names the trade, where a customer's block has an address.
 */
function isCompanyAnchor(ctx: AdminContext, anchor: Anchor): boolean {
  const below = walkColumn({
    lines: ctx.body,
    from: anchor.placed.lineIndex,
    anchor: anchor.placed.cell,
    tolerance: ctx.tolerance,
  }).next().value;
  const text = below?.cell.text ?? '';
  return (/\s[–—|-]\s/u.test(text) && !/\d/u.test(text)) || TRADE_RE.test(text);
}

/** Company names printed with a legal form (footer), to tell the company's block apart. */
function companyNames(ctx: AdminContext): string[] {
  return ctx.lines
    .flatMap((l) => l.cells)
    .filter((c) => isLegalLine(c.text))
    .map((c) => nameFromLegalLine(c.text)?.name)
    .filter((n): n is string => Boolean(n))
    .map(foldName);
}

function splitInline(rest: string): string[] {
  return rest
    .split(/\s*[,;–—]\s+|\s+-\s+/u)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

function readClientBlock(ctx: AdminContext, anchor: Anchor): ClientBlock {
  const block: ClientBlock = { ...emptyPartyBlock(), cells: [anchor.placed] };
  for (const part of splitInline(anchor.rest)) {
    if (!readBlockLine(block, part)) return block;
  }
  const walk = walkColumn({
    lines: ctx.body,
    from: anchor.placed.lineIndex,
    anchor: anchor.placed.cell,
    tolerance: ctx.tolerance,
  });
  for (const placed of walk) {
    if (block.cells.length > 8 || !readBlockLine(block, placed.cell.text)) break;
    block.cells.push(placed);
    readSiblingNameFields(ctx, block, placed);
  }
  return block;
}

const NAME_FIELD_RE = /^(?:pr[ée]nom|nom)\s*:/iu;

/** "Nom : DURAND    Prénom : Marc": the other labelled name field printed on the same line. */
function readSiblingNameFields(ctx: AdminContext, block: ClientBlock, placed: PlacedCell): void {
  if (!NAME_FIELD_RE.test(placed.cell.text.trim())) return;
  for (const cell of ctx.body[placed.lineIndex]?.cells ?? []) {
    if (cell.x <= placed.cell.x || !NAME_FIELD_RE.test(cell.text.trim())) continue;
    if (readBlockLine(block, cell.text)) block.cells.push({ lineIndex: placed.lineIndex, cell });
  }
}

/** Reads the customer block of the document's header. */
export function findClientBlock(ctx: AdminContext): ClientBlock | undefined {
  const companies = companyNames(ctx);
  for (const anchor of findAnchors(ctx, companies)) {
    const block = readClientBlock(ctx, anchor);
    // under a client heading, the company's own block (columns OCR mixed): not the client
    const named = block.name?.fullRaw ?? block.name?.nomRaw;
    if (named && companies.some((n) => ` ${foldName(named)} `.includes(` ${n} `))) continue;
    if (anchor.bare ? block.name?.nom && block.postcode : block.name?.nom || block.postcode)
      return block;
  }
  return undefined;
}

/** The client attributes of a block (empty values left out). */
export function clientAttributes(block: ClientBlock | undefined): ClientAttributes {
  const out: ClientAttributes = {};
  if (!block) return out;
  const name = block.name;
  if (name?.civilite) out.civilite = name.civilite;
  if (name?.nom) out.nom = name.nom;
  if (name?.prenom) out.prenom = name.prenom;
  const adresse = blockAddress(block);
  if (adresse) out.adresse = adresse;
  if (block.phones[0]) out.telephone = block.phones[0].value;
  if (block.emails[0]) out.email = block.emails[0].value;
  return out;
}
