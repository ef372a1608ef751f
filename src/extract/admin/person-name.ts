/**
 * People's names as printed on quotes: `Monsieur Jean DUPONT`, `M. et Mme DUPONT`,
 * `Mme DURAND-LEROY Anne`, `DUPONT Martin`. Family names printed in capitals get their usual
 * capitalisation back (`Durand-Leroy`).
 */

export const CIVILITY_SOURCE =
  '(?:M(?:onsieur|r|\\.)?|Mme|Madame|Mlle|Mademoiselle|MM\\.|Mrs?)(?:\\s*(?:et|&)\\s*(?:Mme|Madame|M\\.|Monsieur|Mr))?';

const CIVILITY_START_RE = new RegExp(`^(${CIVILITY_SOURCE})\\.?(?=\\s|$)`, 'iu');

export interface PersonName {
  civilite?: string;
  prenom?: string;
  nom?: string;
  /** As printed, for anonymisation. */
  prenomRaw?: string;
  nomRaw?: string;
  /** First and last names as printed (without the title). */
  fullRaw?: string;
}

const NAME_TOKEN_RE = /^[A-Za-zÀ-ÖØ-öø-ÿŒœ][A-Za-zÀ-ÖØ-öø-ÿŒœ'’-]*\.?$/u;
const CONNECTORS = new Set(['et', '&']);
const PARTICLES = new Set(['de', 'du', 'des', "d'", 'le', 'la', 'van', 'von', 'da', 'di', 'del']);

function isUpperToken(token: string): boolean {
  const letters = token.replace(/[^A-Za-zÀ-ÖØ-öø-ÿŒœ]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/** `DURAND-LEROY` → `Durand-Leroy`, `D'ARTAGNAN` → `D'Artagnan`; words in mixed case are kept. */
export function restoreCase(text: string): string {
  return text
    .split(/(\s+)/u)
    .map((word) =>
      isUpperToken(word)
        ? word
            .toLowerCase()
            .replace(/(^|[-'’])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase())
        : word,
    )
    .join('');
}

/** Reads a civility at the start of a text (`M.`, `Mme`, `Monsieur et Madame`). */
export function matchCivility(text: string): { civilite: string; rest: string } | undefined {
  const m = CIVILITY_START_RE.exec(text.trim());
  if (!m) return undefined;
  const civilite = m[0].replace(/\s+/gu, ' ');
  return { civilite, rest: text.trim().slice(m[0].length).trim() };
}

function splitNames(tokens: string[]): { first: string[]; last: string[] } {
  const upper = tokens.filter((t) => isUpperToken(t));
  const lower = tokens.filter((t) => !isUpperToken(t) && !CONNECTORS.has(t.toLowerCase()));
  if (upper.length > 0 && lower.length > 0) {
    const firstUpper = tokens.findIndex((t) => isUpperToken(t));
    let cut = firstUpper;
    while (cut > 0 && PARTICLES.has((tokens[cut - 1] ?? '').toLowerCase())) cut -= 1;
    const last = tokens.slice(cut).filter((t, i) => i < firstUpper - cut || isUpperToken(t));
    return { first: tokens.filter((t) => !last.includes(t)), last };
  }
  if (tokens.length === 1) return { first: [], last: tokens };
  return { first: tokens.slice(0, 1), last: tokens.slice(1) };
}

function trimConnectors(tokens: string[]): string[] {
  const out = [...tokens];
  while (out.length > 0 && CONNECTORS.has((out[0] ?? '').toLowerCase())) out.shift();
  while (out.length > 0 && CONNECTORS.has((out[out.length - 1] ?? '').toLowerCase())) out.pop();
  return out;
}

/** Splits `Jean DUPONT` (title already removed) into first and family names. */
export function splitPersonName(text: string): PersonName | undefined {
  const cleaned = text.replace(/[,;(].*$/u, '').trim();
  const tokens = cleaned.split(/\s+/u).filter((t) => t.length > 0);
  if (tokens.length === 0 || tokens.length > 6) return undefined;
  if (!tokens.every((t) => NAME_TOKEN_RE.test(t) || CONNECTORS.has(t.toLowerCase())))
    return undefined;
  const { first, last } = splitNames(tokens);
  const lastTokens = trimConnectors(last);
  const firstTokens = trimConnectors(first);
  if (lastTokens.length === 0) return undefined;
  const nomRaw = lastTokens.join(' ');
  const prenomRaw = firstTokens.length > 0 ? firstTokens.join(' ') : undefined;
  return {
    nom: restoreCase(nomRaw),
    nomRaw,
    prenom: prenomRaw ? restoreCase(prenomRaw) : undefined,
    prenomRaw,
    fullRaw: cleaned,
  };
}

/** Parses `Monsieur Jean DUPONT`; undefined when the text does not start with a title. */
export function parseTitledName(text: string): PersonName | undefined {
  const civ = matchCivility(text);
  if (!civ) return undefined;
  const name = civ.rest ? splitPersonName(civ.rest) : undefined;
  return { ...name, civilite: civ.civilite };
}
