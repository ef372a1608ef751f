/**
 * The company block: name, address and contact details, read from the header of the first page
 * (what is not the customer's block) and from the legal-mentions lines (often a footer).
 */
import type { DocumentLine } from '../document.js';
import { isStreetLike } from './address.js';
import { headerLimit, type AdminContext } from './context.js';
import { findEmails, findPhones, findUrls, type TextMatch } from './contacts.js';
import type { PlacedCell } from './layout.js';
import {
  findLegalForms,
  foldName,
  isLegalLine,
  isNameLike,
  nameFromLegalLine,
  stripLegalForm,
} from './legal-form.js';
import { matchCivility } from './person-name.js';
import { addressAt, footerAddress } from './pro-address.js';

export interface ProBlock {
  raisonSociale?: string;
  /** Every printed form of the company name, for anonymisation. */
  nameRaws: string[];
  formeJuridique?: string;
  adresse?: string;
  addressLines: string[];
  phones: TextMatch[];
  emails: TextMatch[];
  urls: TextMatch[];
}

/** Header cells of the first page that are not in the excluded blocks (customer, site). */
export function headerZone(ctx: AdminContext, excluded: PlacedCell[]): PlacedCell[] {
  const zone: PlacedCell[] = [];
  const limit = headerLimit(ctx);
  for (let i = 0; i < limit; i += 1) {
    for (const cell of ctx.body[i]?.cells ?? []) {
      if (!excluded.some((e) => e.lineIndex === i && e.cell === cell))
        zone.push({ lineIndex: i, cell });
    }
  }
  return zone;
}

const TITLE_SOURCE =
  '(?:d\\s?e\\s?v\\s?i\\s?s|facture|proposition(?:\\s+(?:commerciale|de\\s+prix|technique))?|offre\\s+de\\s+prix|bon\\s+de\\s+commande)';
const TITLE_RE = new RegExp(`(?<![\\p{L}])${TITLE_SOURCE}(?![\\p{L}])`, 'giu');
const TITLE_START_RE = new RegExp(`^\\s*${TITLE_SOURCE}(?![\\p{L}])`, 'iu');

function headerName(zone: PlacedCell[]): string | undefined {
  for (const placed of zone.slice(0, 8)) {
    if (TITLE_START_RE.test(placed.cell.text)) continue;
    const text = placed.cell.text.replace(TITLE_RE, ' ').trim();
    const titled = matchCivility(text);
    if (titled && placed === zone[0] && isNameLike(titled.rest)) return titled.rest;
    if (!text || /[:@]|\d{3,}|^\d/u.test(text) || titled || /\s[–—|]\s/u.test(text)) continue;
    if (/^(?:entreprise|[ée]metteur|soci[ée]t[ée]|prestataire|client)$/iu.test(text)) continue;
    // a letter's greeting (« Bonjour Monsieur Durand, ») names the reader, not the company
    if (/^(?:bonjour|bonsoir|cher|ch[èe]re|madame|monsieur)\b|,$/iu.test(text)) continue;
    if (isStreetLike(text)) continue;
    if (text.replace(/[^\p{L}]/gu, '').length < 3) continue;
    const { name } = stripLegalForm(text);
    if (isNameLike(name)) return name;
  }
  return undefined;
}

const LABELLED_NAME_RE =
  /(?:^|[–—|·]\s*)(?:raison\s+sociale|entreprise|soci[ée]t[ée]|d[ée]nomination|[ée]metteur|prestataire)\s*:\s*([^–—|·,]+)/iu;

/**
 * The company name printed with a legal form; when several are (an insurer's legal mentions
 * too), the one that matches the name at the top of the page.
 */
function legalName(lines: DocumentLine[], headerName?: string): { name?: string; form?: string } {
  const found = lines
    .flatMap((l) => l.cells.map((c) => nameOfCell(c.text)))
    .filter((f) => f !== undefined);
  // a name beside a spelled-out form only stands in for a missing header name: a sole trader
  // prints his own name so (« Jean-Marc MARTIN – Entrepreneur individuel ») under his trade name
  const named = found.filter((f) => f.name && (!f.weak || !headerName));
  const header = headerName ? foldName(headerName) : '';
  const matching = named.find((f) => {
    const name = foldName(f.name ?? '');
    return header !== '' && (name.includes(header) || header.includes(name));
  });
  return matching ?? named[0] ?? { form: found.find((f) => f.form)?.form };
}

function nameOfCell(text: string): { name?: string; form?: string; weak?: true } | undefined {
  const labelled = LABELLED_NAME_RE.exec(text);
  if (labelled) return stripLegalForm(labelled[1] ?? '');
  if (isLegalLine(text)) return nameFromLegalLine(text);
  const mention = FORM_MENTION_RE.test(text) ? nameFromLegalLine(text) : undefined;
  return mention ? { ...mention, weak: true } : undefined;
}

/**
 * A legal form spelled out or in brackets (« Nallet Clim — entrepreneur individuel (EI) ») marks
 * a company-name line even without a registration number on it; a bare abbreviation does not.
 */
const FORM_MENTION_RE =
  /entrepreneur\s+individuel|entreprise\s+individuelle|micro-?entrepr|soci[ée]t[ée]\s+(?:par\s+actions|[àa]\s+responsabilit|anonyme|en\s+nom)|\((?:EI|EIRL|EURL|SARL|SASU?|SA)\)/iu;

function contactsOf(
  zone: PlacedCell[],
  fallback: string,
): Pick<ProBlock, 'phones' | 'emails' | 'urls'> {
  const text = zone.map((p) => p.cell.text).join('\n');
  const pick = <T>(primary: T[], backup: () => T[]): T[] =>
    primary.length > 0 ? primary : backup();
  const phones = (t: string): TextMatch[] =>
    findPhones(t).filter(
      (p) => !/fax\s*[.:]?\s*$/iu.test(t.slice(Math.max(0, p.index - 8), p.index)),
    );
  return {
    phones: pick(phones(text), () => phones(fallback)),
    emails: pick(findEmails(text), () => findEmails(fallback)),
    urls: pick(findUrls(text), () => findUrls(fallback)),
  };
}

function zoneForm(zone: PlacedCell[]): string | undefined {
  const text = zone.map((p) => p.cell.text).join('\n');
  return findLegalForms(text).find((f) => f.form !== 'SA')?.form;
}

/** Reads the company block; `excluded` are the customer's and the site's cells. */
export function readProBlock(ctx: AdminContext, excluded: PlacedCell[]): ProBlock {
  const zone = headerZone(ctx, excluded);
  const fromHeader = headerName(zone);
  const legal = legalName(ctx.lines, fromHeader);
  const raisonSociale = legal.name ?? fromHeader;
  const outsideHeader = [...ctx.body.slice(headerLimit(ctx)), ...ctx.lines.slice(ctx.body.length)];
  const address =
    zone.map((p) => addressAt(ctx, p, fromHeader)).find((a) => a !== undefined) ??
    footerAddress(
      outsideHeader.flatMap((l) => l.cells),
      raisonSociale,
    );
  // contact details outside the header: legal mentions first, then the rest of the quote
  const footerText = [
    ...ctx.lines.filter((l) => isLegalLine(l.text)),
    ...ctx.body.slice(headerLimit(ctx)),
  ]
    .map((l) => l.text)
    .join('\n');
  return {
    raisonSociale,
    nameRaws: [legal.name, fromHeader].filter((n): n is string => Boolean(n)),
    formeJuridique: legal.form ?? zoneForm(zone),
    adresse: address?.value,
    addressLines: address?.lines ?? [],
    ...contactsOf(zone, footerText),
  };
}
