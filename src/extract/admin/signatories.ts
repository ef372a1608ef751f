/**
 * Names of the people who sign or follow the quote for the company (`Jean Dupont, gérant`,
 * `Pour l'entreprise` followed by a name, `Interlocuteur : Jean Dupont`). Kept for anonymisation.
 */
import type { DocumentLine } from '../document.js';
import { isAligned } from './layout.js';

const NAME =
  "\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}[\\p{Ll}'’]+)?(?:\\s+(?:de\\s+|d['’]|le\\s+|la\\s+)?\\p{Lu}[\\p{L}'’]+(?:-\\p{Lu}[\\p{L}'’]+)?){1,2}";
const ROLE =
  "(?:co-?)?(?:g[ée]rante?|pr[ée]sidente?|directeur|directrice|dirigeante?|charg[ée]e?\\s+d['’]affaires|responsable|conducteur|conductrice|technicien|technicienne|commerciale?|conseill[eè]re?|entrepreneur|artisan|assistante?|secr[ée]taire|ing[ée]nieur|chef|fondateur|fondatrice|associ[ée]e?)";
const NAME_ROLE_RE = new RegExp(
  `(?<![\\p{L}])(${NAME})\\s*[,–—-]\\s*(\\p{L}[\\p{L}'’ ]{2,40})`,
  'gu',
);
const ROLE_RE = new RegExp(`^${ROLE}(?![\\p{L}])`, 'iu');
const LABELLED_RE = new RegExp(
  `(?:[Ii]nterlocut(?:eur|rice)|[Cc]ontact|[Cc]onseill[eè]re?|[Cc]ommercial|[Tt]echnicien|[Ss]uivi\\s+par|[Rr][ée]dig[ée]\\s+par|[ÉéEe]tabli\\s+par|[Ss]ign[ée]\\s+par)\\s*:?\\s*(?:M\\.|Mme|Monsieur|Madame)?\\s*(${NAME})`,
  'gu',
);
const DASH_NAME_RE = new RegExp(`[—–]\\s+(${NAME})\\s*$`, 'u');
const SIGN_LABEL_RE =
  /^(?:pour\s+l['’](?:entreprise|soci[ée]t[ée])|l['’]entreprise|le\s+prestataire|signature\s+de\s+l['’]entreprise)\b/iu;
const WHOLE_NAME_RE = new RegExp(`^(${NAME})(?:\\s*,.*)?$`, 'u');

function belowSignLabel(lines: DocumentLine[], index: number, tolerance: number): string[] {
  const found: string[] = [];
  const line = lines[index];
  for (const cell of line?.cells ?? []) {
    if (!SIGN_LABEL_RE.test(cell.text.trim())) continue;
    const next = lines[index + 1]?.cells.find((c) => isAligned(c, cell, tolerance));
    const m = next ? WHOLE_NAME_RE.exec(next.text.trim()) : null;
    if (m?.[1]) found.push(m[1]);
  }
  return found;
}

/** Every signatory or contact name printed, as printed. */
export function findSignatories(lines: DocumentLine[], tolerance: number): string[] {
  const names: string[] = [];
  lines.forEach((line, index) => {
    for (const m of line.text.matchAll(NAME_ROLE_RE))
      if (ROLE_RE.test(m[2] ?? '')) names.push(m[1] ?? '');
    for (const m of line.text.matchAll(LABELLED_RE)) names.push(m[1] ?? '');
    const dash = DASH_NAME_RE.exec(line.text.trim());
    if (dash?.[1]) names.push(dash[1]);
    names.push(...belowSignLabel(lines, index, tolerance));
  });
  return [...new Set(names.map((n) => n.trim()).filter((n) => n.length > 3))];
}
