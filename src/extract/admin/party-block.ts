/**
 * Reads the lines of a person's block (client, work site): name, street lines, postcode and city,
 * phone numbers and e-mail addresses, including the `Nom :`, `Adresse :`, `Tél :` label forms.
 */
import { formatAddress, isStreetLike, matchPostcode } from './address.js';
import { findEmails, findPhones, type TextMatch } from './contacts.js';
import { parseTitledName, restoreCase, splitPersonName, type PersonName } from './person-name.js';
import { findDates } from '../../domain/dates.js';

export interface PartyBlock {
  name?: PersonName;
  streetLines: string[];
  postcode?: string;
  city?: string;
  /** The printed lines of the address (street lines and the postcode line). */
  addressLines: string[];
  phones: TextMatch[];
  emails: TextMatch[];
}

const FIELD_LABEL_RE =
  /^(?:nom|pr[ée]nom|adresse|domicile|t[ée]l[ée]phone|t[ée]l|portable|mobile|gsm|fixe|e-?mail|courriel|mail|cp|code\s+postal|ville)\b/iu;
const STOP_LABEL_RE =
  /^(?:objet|date|devis|n°|num[ée]ro|r[ée]f|lieu\s+(?:des?|du|d['’])|adresse\s+(?:du|des|de\s+l'|d')\s*(?:chantier|travaux|intervention)|chantier|siret|code\s+client|visite|validit|projet|affaire|dossier)\b/iu;

/** A cell that ends a person's block (another label, a date line). */
export function isBlockStop(text: string): boolean {
  if (STOP_LABEL_RE.test(text)) return true;
  if (findDates(text).length > 0 && findPhones(text).length === 0) return true;
  return /^[^:]{2,40}:/u.test(text) && !FIELD_LABEL_RE.test(text);
}

export function emptyPartyBlock(): PartyBlock {
  return { streetLines: [], addressLines: [], phones: [], emails: [] };
}

/** A customer that is an organisation, not a person (no first name to look for). */
export const ORGANISATION_RE =
  /\b(?:SCI|SARL|SAS|SASU|EURL|SA|SNC|SCOP|syndic(?:at)?|copropri[ée]t[ée]|association|mairie|commune|soci[ée]t[ée]|r[ée]sidence\s+\p{Lu}{2,})\b/u;

function definedOnly(name: PersonName | undefined): PersonName {
  const out: PersonName = {};
  for (const [key, value] of Object.entries(name ?? {})) {
    if (value !== undefined) Object.assign(out, { [key]: value });
  }
  return out;
}

function readLabelledName(block: PartyBlock, text: string): boolean {
  const nom = /^nom(?:\s+du\s+client)?\s*:\s*(.+)$/iu.exec(text)?.[1]?.trim();
  const prenom = /^pr[ée]nom\s*:\s*(.+)$/iu.exec(text)?.[1]?.trim();
  if (nom) {
    block.name = { ...block.name, ...definedOnly(parseTitledName(nom) ?? splitPersonName(nom)) };
    return true;
  }
  if (prenom) {
    block.name = { ...block.name, prenom: restoreCase(prenom), prenomRaw: prenom };
    return true;
  }
  return false;
}

function readNameLine(block: PartyBlock, text: string, expectName: boolean): boolean {
  if (readLabelledName(block, text)) return true;
  if (block.name || !expectName) return false;
  if (/\d|@/u.test(text) || isStreetLike(text)) return false;
  if (ORGANISATION_RE.test(text)) {
    block.name = { nom: text, nomRaw: text, fullRaw: text };
    return true;
  }
  const parsed = parseTitledName(text) ?? splitPersonName(text);
  if (!parsed) return false;
  block.name = parsed;
  return true;
}

function readContacts(block: PartyBlock, text: string): boolean {
  const phones = findPhones(text);
  const emails = findEmails(text);
  block.phones.push(...phones);
  block.emails.push(...emails);
  return phones.length > 0 || emails.length > 0;
}

function readAddressLine(block: PartyBlock, text: string): boolean {
  const value = text
    .replace(/^(?:adresse|domicile)\s*:\s*/iu, '')
    .replace(/^(?:cp|code\s+postal)\s*:?\s*/iu, '');
  const postcode = matchPostcode(value.replace(/\s*ville\s*:\s*/iu, ' '));
  if (postcode && !block.postcode) {
    if (postcode.before) block.streetLines.push(postcode.before);
    block.postcode = postcode.postcode;
    block.city = postcode.city;
    block.addressLines.push(value);
    return true;
  }
  if (block.postcode || block.streetLines.length >= 3) return false;
  if (!isStreetLike(value) && (block.streetLines.length > 0 || /\s[–—|]\s/u.test(value)))
    return false;
  block.streetLines.push(value);
  block.addressLines.push(value);
  return true;
}

/** Reads one cell of the block; false when the block ends here. */
/** Lower-case words a name may hold (« M. et Mme », « de La Fontaine », « née Durand »). */
const NAME_PARTICLES = new Set([
  'de',
  'du',
  'des',
  "d'",
  'la',
  'le',
  'les',
  'et',
  'van',
  'von',
  'ben',
  'née',
  'nee',
  'épouse',
  'ep.',
  'y',
]);

/**
 * A phrase, not a name: two lower-case words or more (« Rendement à puissance nominale », a
 * line of the next column that OCR put under the client heading).
 */
function isPhrase(text: string): boolean {
  const lower = text
    .split(/\s+/u)
    .filter((w) => /^\p{Ll}/u.test(w) && !NAME_PARTICLES.has(w.toLowerCase()));
  return lower.length >= 2;
}

export function readBlockLine(block: PartyBlock, raw: string, expectName = true): boolean {
  const text = raw.trim();
  if (!text) return true;
  // before the name, a phrase belongs to something else printed nearby: passed over
  if (expectName && !block.name && !/\d/u.test(text) && isPhrase(text)) return true;
  if (readNameLine(block, text, expectName)) return true;
  if (readContacts(block, text)) return true;
  if (isBlockStop(text)) return false;
  return readAddressLine(block, text);
}

/** The formatted address of the block, when it has a postcode. */
export function blockAddress(block: PartyBlock): string | undefined {
  if (!block.postcode || !block.city) return undefined;
  return formatAddress(block.streetLines, block.postcode, block.city);
}
