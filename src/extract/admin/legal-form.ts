/**
 * Legal forms (`SARL`, `SAS`, `EI`…, abbreviated, dotted or spelled out) and the company name
 * printed next to one (`DUPONT RÉNOVATION – SARL au capital de…`, `SAS DUPONT`, `DUPONT (SAS)`).
 */

const B = '(?<![\\p{L}\\d])';
const E = '(?![\\p{L}\\d])';

const FORMS: [RegExp, string][] = [
  [new RegExp(`${B}S\\.?A\\.?S\\.?U\\.?${E}`, 'u'), 'SASU'],
  [new RegExp(`${B}E\\.?U\\.?R\\.?L\\.?${E}`, 'u'), 'EURL'],
  [new RegExp(`${B}S\\.?A\\.?R\\.?L\\.?${E}`, 'u'), 'SARL'],
  [new RegExp(`${B}S\\.?A\\.?S\\.?${E}`, 'u'), 'SAS'],
  [new RegExp(`${B}E\\.?I\\.?R\\.?L\\.?${E}`, 'u'), 'EIRL'],
  [new RegExp(`${B}S\\.?C\\.?O\\.?P\\.?${E}`, 'u'), 'SCOP'],
  [new RegExp(`${B}S\\.?N\\.?C\\.?${E}`, 'u'), 'SNC'],
  [new RegExp(`${B}(?:EI|E\\.I\\.)${E}`, 'u'), 'EI'],
  [new RegExp(`${B}SA${E}`, 'u'), 'SA'],
  [/soci[ée]t[ée] par actions simplifi[ée]e unipersonnelle/iu, 'SASU'],
  [/soci[ée]t[ée] par actions simplifi[ée]e/iu, 'SAS'],
  [/entreprise unipersonnelle [àa] responsabilit[ée] limit[ée]e/iu, 'EURL'],
  [/soci[ée]t[ée] [àa] responsabilit[ée] limit[ée]e/iu, 'SARL'],
  [/soci[ée]t[ée] anonyme/iu, 'SA'],
  [/soci[ée]t[ée] en nom collectif/iu, 'SNC'],
  [/soci[ée]t[ée] coop[ée]rative/iu, 'SCOP'],
  [
    /entrepreneur individuel|entreprise individuelle|auto-?entrepreneur|micro-?entreprise|micro-?entrepreneur/iu,
    'EI',
  ],
];

export interface LegalFormMatch {
  form: string;
  raw: string;
  index: number;
}

/** Legal forms of a text, in text order (one per position). */
export function findLegalForms(text: string): LegalFormMatch[] {
  const found: LegalFormMatch[] = [];
  for (const [re, form] of FORMS) {
    const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    for (const m of text.matchAll(global)) {
      const end = m.index + m[0].length;
      if (found.some((f) => m.index < f.index + f.raw.length && f.index < end)) continue;
      found.push({ form, raw: m[0], index: m.index });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

const LEGAL_LINE_RE =
  /\b(?:SIRET|SIREN|R\.?C\.?S|RNE|capital|APE|NAF)\b|TVA\s+intra|n°\s*(?:de\s+)?TVA|immatricul/iu;

/** A line of legal mentions (registration, capital, VAT number). */
export function isLegalLine(text: string): boolean {
  return LEGAL_LINE_RE.test(text);
}

const NOT_NAME_RE =
  /\d{3,}|^\d|@|^(?:si[èe]ge|adresse|t[ée]l|siret|siren|rcs|capital|tva|ape|naf|code|immatricul|assurance|n°|www\.)/iu;

/** A plausible company name (no digits, not a label, a few words). */
export function isNameLike(text: string): boolean {
  const t = text.trim();
  return (
    t.length >= 2 &&
    t.length <= 80 &&
    /\p{L}{2}/u.test(t) &&
    !NOT_NAME_RE.test(t) &&
    t.split(/\s+/u).length <= 10
  );
}

const SEGMENT_SPLIT_RE = /\s+[–—·|•-]\s+|\s*[·|•]\s*/u;

function cleanName(text: string): string {
  return text
    .replace(/\s*\(\s*\)\s*/gu, ' ')
    .replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

function nameAroundForm(segment: string, match: LegalFormMatch): string | undefined {
  const before = cleanName(segment.slice(0, match.index).replace(/\($/u, ''));
  if (before && isNameLike(before)) return before;
  const rest = segment
    .slice(match.index + match.raw.length)
    .replace(/^\s*\)/u, '')
    .replace(/\s+(?:au\s+capital|capital|immatricul|inscrit|siret|siren|rcs).*$/iu, '');
  // `Entreprise individuelle (EI)`: the abbreviation is not a name
  const after = cleanName(stripLegalForm(rest).name.replace(/[()]/gu, ' '));
  return after && isNameLike(after) ? after : undefined;
}

function isAddressLike(text: string): boolean {
  return /\d|\b(?:rue|avenue|boulevard|chemin|route|place|all[ée]e|impasse|quai|zone|parc)\b/iu.test(
    text,
  );
}

/** Company name and legal form from a legal-mentions line, e.g. `X – SARL au capital de…`. */
export function nameFromLegalLine(line: string): { name?: string; form: string } | undefined {
  const segments = line.split(SEGMENT_SPLIT_RE);
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i] ?? '';
    const match = findLegalForms(segment)[0];
    if (!match) continue;
    const around = nameAroundForm(segment, match);
    const previous = cleanName(segments[i - 1] ?? '');
    const next = cleanName(segments[i + 1] ?? '');
    const name =
      around ??
      (previous && isNameLike(previous) ? previous : undefined) ??
      (i === 0 && next && isNameLike(next) && !isAddressLike(next) ? next : undefined);
    return { name, form: match.form };
  }
  return undefined;
}

/** Lower case, no accents, words separated by single spaces: for comparing names. */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, ' ')
    .trim();
}

/** Removes a legal form from a company name (`SARL DUPONT` → `DUPONT`). */
export function stripLegalForm(text: string): { name: string; form?: string } {
  const match = findLegalForms(text)[0];
  if (!match) return { name: cleanName(text) };
  const name = cleanName(
    `${text.slice(0, match.index)} ${text.slice(match.index + match.raw.length)}`.replace(
      /\(\s*\)/gu,
      '',
    ),
  );
  return { name, form: match.form };
}
