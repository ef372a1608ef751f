/**
 * Postal addresses: `<street>, <postcode> <city>` from the lines of a block (street lines above a
 * postcode line) or from a single line (`12 rue X – 75000 Paris`).
 */

const CITY = "[A-Za-zÀ-ÖØ-öø-ÿŒœ][A-Za-zÀ-ÖØ-öø-ÿŒœ'’.\\- ]*[A-Za-zÀ-ÖØ-öø-ÿŒœ]";
const POSTCODE_RE = new RegExp(
  `(?:^|[\\s,;–—\\-(])(?:F-?)?((?:0[1-9]|[1-8]\\d|9[0-8])\\d{3})[ \\u00a0]+(${CITY})`,
  'u',
);

export interface PostcodeMatch {
  postcode: string;
  city: string;
  /** Text before the postcode on the same line, separators trimmed. */
  before: string;
}

const CITY_STOP_RE =
  /(?:\s{2,}|\s+(?:[–—-]\s|t[ée]l\b|tel\b|fax\b|mobile\b|port\b|e-?mail\b|courriel\b|siret\b|siren\b|rcs\b|france$)).*$/iu;

function cleanCity(city: string): string {
  return city.replace(CITY_STOP_RE, '').trim();
}

/** The postcode and city of a line, when it has one. */
export function matchPostcode(text: string): PostcodeMatch | undefined {
  const m = POSTCODE_RE.exec(text);
  if (!m) return undefined;
  const city = cleanCity(m[2] ?? '');
  if (city.length < 2 || /^(?:m²|m2|kg|kw|mm|cm|ml|litres?|l)$/iu.test(city)) return undefined;
  const start = m.index + m[0].indexOf(m[1] ?? '');
  const before = text
    .slice(0, start)
    .replace(/(?:^|\s)F-?$/u, '')
    .replace(/[\s,;–—\-(]+$/u, '')
    .trim();
  return { postcode: m[1] ?? '', city, before };
}

/** Words that mark a street or a place in a postal address. */
const STREET_WORD_LIST = [
  'rue',
  'avenue',
  'av\\.?',
  'boulevard',
  'bd',
  'bld',
  'chemin',
  'ch\\.',
  'all[ée]e',
  'impasse',
  'imp\\.?',
  'route',
  'rte',
  'place',
  'pl\\.',
  'quai',
  'cours',
  'square',
  'sentier',
  'voie',
  'passage',
  'mont[ée]e',
  'r[ée]sidence',
  'r[ée]s\\.',
  'lotissement',
  'lot\\.',
  'lieu[- ]dit',
  'hameau',
  'za',
  'zae',
  'zi',
  'zac',
  'zone',
  'parc',
  'p[ôo]le',
  'technop[ôo]le',
  'espace',
  'immeuble',
  "centre\\s+d['’]affaires",
  'p[ée]pini[èe]re',
  'b[âa]timent\\s+[A-Z\\d](?![\\p{L}])',
  'b[âa]t\\.',
  'bp',
  'cs',
  'faubourg',
  'fbg',
  'cit[ée]',
  'domaine',
  'village',
  'bourg',
  'le bourg',
  'mas',
  'ferme',
  'clos',
  'esplanade',
  'rond-point',
  'chauss[ée]e',
  'traverse',
  'venelle',
  'quartier',
  'port',
  '[ée]tage',
  'appartement',
  'apt',
];
const STREET_WORDS = new RegExp(
  `(?<![\\p{L}\\d_])(?:${STREET_WORD_LIST.join('|')})(?![\\p{L}\\d_])`,
  'iu',
);

/** A line that reads like part of a street address. */
export function isStreetLike(text: string): boolean {
  if (/@|\b(?:t[ée]l|fax|siret|devis|date)\b/iu.test(text)) return false;
  return STREET_WORDS.test(text) || /^\d{1,4}(?:\s?(?:bis|ter|[a-d]))?[\s,]+\S/iu.test(text);
}

/** A place name printed above the street (`La Grange Neuve`, `Les Essarts`), not in capitals. */
export function isLocalityLine(text: string): boolean {
  const t = text.trim();
  if (/[\d@:–—|]/u.test(t) || t === t.toUpperCase() || t.split(/\s+/u).length > 4) return false;
  return /^(?:[Ll][ea]s?\s+|[Ll]['’])\p{Lu}/u.test(t);
}

/**
 * The street part of the text printed before a postcode on the same line, dropping what precedes
 * it there (`DUPONT SARL – 4 rue X – 75000 Paris` → `4 rue X`; `Siège : 4 rue X` → `4 rue X`).
 */
export function streetTail(before: string): string {
  const label = /^.*?si[èe]ge(?:\s+social)?\s*:?\s*|^adresse\s*:\s*/iu.exec(before);
  const text = (label ? before.slice(label[0].length) : before).trim();
  // segments at even indexes, separators at odd ones: joining a suffix gives the printed text
  const pieces = text.split(/(\s+[–—|·-]\s+|\s*[|·]\s*)/u);
  const segment = (k: number): string => (pieces[k] ?? '').trim();
  let start = pieces.length + 1;
  while (start - 2 >= 0 && isStreetLike(segment(start - 2))) start -= 2;
  if (start - 2 >= 0 && start <= pieces.length - 1 && isLocalityLine(segment(start - 2)))
    start -= 2;
  if (start > pieces.length - 1) return pieces.length === 1 ? text : '';
  return pieces.slice(start).join('').trim();
}

/** The printed text from `street` to the end of the city, for anonymisation. */
export function printedSpan(text: string, street: string, pc: PostcodeMatch): string {
  const start = street ? Math.max(text.indexOf(street), 0) : text.indexOf(pc.postcode);
  const cityAt = text.indexOf(pc.city, text.indexOf(pc.postcode, start));
  return text.slice(start, cityAt + pc.city.length);
}

/** Formats `<street parts>, <postcode> <city>`. */
export function formatAddress(streetParts: string[], postcode: string, city: string): string {
  const street = streetParts
    .map((p) => p.replace(/^(?:adresse|si[èe]ge(?:\s+social)?|domicile)\s*:\s*/iu, ''))
    .map((p) =>
      p
        .replace(/\s*[–—]\s*/gu, ', ')
        .replace(/\s+/gu, ' ')
        .replace(/[\s,]+$/u, '')
        .trim(),
    )
    .filter((p) => p.length > 0);
  const tail = `${postcode} ${city}`;
  return street.length > 0 ? `${street.join(', ')}, ${tail}` : tail;
}

/** An address printed on one line (`12 rue X, 75000 Paris`). */
export function addressFromLine(text: string): string | undefined {
  const m = matchPostcode(text);
  if (!m || !m.before || !isStreetLike(m.before)) return undefined;
  return formatAddress([m.before], m.postcode, m.city);
}
