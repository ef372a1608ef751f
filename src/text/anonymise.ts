/**
 * The anonymiser (spec/pipeline.md §11): every personal or company-identifying value found by
 * extraction is replaced in the text by a token before the text may leave for an LLM.
 * Departure from upstream (DESIGN.md §5): whole tokens only — a share capital of `1000` no longer
 * turns the price `11000` into `1CAPITAL_SOCIAL`, and a legal form `SAS` leaves "sas" inside words.
 */
import type { QuoteAttributes } from '../domain/attributes.js';

/** Attribute paths and their tokens, in upstream's order (tokens kept so prompts behave the same). */
export const ANONYMISATION_TABLE: readonly (readonly [string, string])[] = [
  ['adresses', 'ADRESS'],
  ['emails', 'EMAIL'],
  ['ibans', 'IBAN'],
  ['assurances', 'ASSURANCE'],
  ['rge_labels', 'RGE_LABEL'],
  ['noms', 'NOM'],
  ['numero_rge', 'NUMERO_RGE'],
  ['capital_social', 'CAPITAL_SOCIAL'],
  ['numeros_tva', 'NUMEROS_TVA'],
  ['raison_sociales', 'RAISON_SOCIALE'],
  ['rcss', 'RCSS'],
  ['numero_rcss', 'NUMERO_RCSS'],
  ['rnes', 'RNE'],
  ['sirets', 'SIRET'],
  ['telephones', 'TELEPHONE'],
  ['uris', 'URI'],
  ['client_noms_de_famille', 'CLIENT_NOMS_DE_FAMILLE'],
  ['client_prenoms', 'CLIENT_PRENOM'],
  ['pro_noms', 'PRO_NOM'],
  ['client_adresses', 'CLIENT_ADRESS'],
  ['pro_adresses', 'PRO_ADRESS'],
  ['client.adresse', 'ADRESSE'],
  ['client.adresse_chantier', 'ADRESSE_CHANTIER'],
  ['client.nom', 'NOM'],
  ['client.prenom', 'PRENOM'],
  ['pro.adresse', 'ADRESSE'],
  ['pro.capital', 'CAPITAL'],
  ['pro.forme_juridique', 'FORME_JURIDIQUE'],
  ['pro.rge_labels', 'RGE_LABEL'],
  ['pro.numero_tva', 'NUMERO_TVA'],
  ['pro.raison_sociale', 'RAISON_SOCIALE'],
  ['pro.rge_number', 'RGE_NUMBER'],
  ['pro.siret', 'SIRET'],
  ['pro.rcs', 'RC'],
  ['pro.rcs_ville', 'RCS_VILLE'],
  ['pro.rne', 'RNE'],
  ['pro.assurance', 'ASSURANCE'],
];

function valuesAt(attributes: QuoteAttributes, path: string): string[] {
  let node: unknown = attributes;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return [];
    node = (node as Record<string, unknown>)[key];
  }
  const list = Array.isArray(node) ? node : [node];
  return list
    .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
    .map((v) => String(v).trim())
    .filter((v) => v.length >= 2);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** A pattern for the value as a whole token; inner spaces match any run of white space. */
function tokenPattern(value: string): RegExp {
  const body = escapeRegExp(value).replace(/\s+/gu, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu');
}

/** Replaces every value of the table by its token, cumulatively; null text stays null. */
export function anonymiseText(
  text: string | null,
  attributes: QuoteAttributes | null,
): string | null {
  if (text === null || attributes === null) return text;
  let result = text;
  for (const [path, token] of ANONYMISATION_TABLE) {
    // longest values first, so that a name inside an address does not break the address match
    const values = [...new Set(valuesAt(attributes, path))].sort((a, b) => b.length - a.length);
    for (const value of values) result = result.replace(tokenPattern(value), token);
  }
  return result;
}
