/**
 * What a person reads, checked for what they should never see (issue 9, item 1): finding codes,
 * snake_case identifiers, MIME types, uuids, stack frames, error names; and for French
 * typography (one apostrophe, a space before « : ; ? ! »). Used by the scans of mails and CLI
 * outputs; each problem comes back with its context so a failure says where it is.
 */
import { FINDING_CATALOGUE } from '../../src/domain/finding-codes.js';

export interface TextProblem {
  rule: string;
  found: string;
  /** Some characters around the match. */
  around: string;
}

/**
 * URLs are not read (they sit behind links, or are followed rather than read), so the ids they
 * carry (`/conseiller/dossier/<uuid>`, `?mtm_campaign=full_email`) are allowed: every URL is
 * replaced by a placeholder before scanning.
 */
export function withoutUrls(text: string): string {
  return text.replace(/\b(?:https?|mailto):[^\s<>"«»]+/giu, '‹lien›');
}

/** File names come from the sender and are shown as sent: replaced by a placeholder too. */
export function withoutNames(text: string, names: readonly string[]): string {
  let out = text;
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    out = out.split(name).join('‹fichier›');
  }
  return out;
}

/**
 * The text of an HTML mail as a reader gets it: head, styles and comments (Outlook's conditional
 * ones included) dropped, tags removed, so `href` attributes are never scanned; entities decoded.
 */
export function htmlToText(html: string): string {
  const entities: Record<string, string> = {
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    nbsp: '\u00A0',
  };
  return html
    .replace(/<head[\s\S]*?<\/head>/giu, '')
    .replace(/<(style|script)[\s\S]*?<\/\1>/giu, '')
    .replace(/<!--[\s\S]*?-->/gu, '')
    .replace(/<(?:br|\/p|\/li|\/h\d|\/div|\/tr)\b[^>]*>/giu, '\n')
    .replace(/<[^>]*>/gu, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (entity: string, body: string) => {
      if (body.startsWith('#x') || body.startsWith('#X')) {
        return String.fromCodePoint(parseInt(body.slice(2), 16));
      }
      if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
      return entities[body.toLowerCase()] ?? entity;
    });
}

const CODES = Object.keys(FINDING_CATALOGUE);

const LEAK_RULES: { rule: string; pattern: RegExp }[] = [
  {
    rule: 'finding code',
    pattern: new RegExp(`(?<![\\p{L}\\d_])(?:${CODES.join('|')})(?![\\p{L}\\d_])`, 'giu'),
  },
  { rule: 'snake_case identifier', pattern: /(?<![\p{L}\d_])\p{L}[\p{L}\d]*(?:_[\p{L}\d]+)+/gu },
  {
    rule: 'MIME type',
    pattern: /\b(?:application|image|text|audio|video|multipart|message|font)\/[a-z0-9][\w.+-]*/giu,
  },
  { rule: 'uuid', pattern: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/giu },
  { rule: 'stack frame', pattern: /^[ \t]+at \S+|\bat [^\n]*\.[cm]?[jt]s:\d+:\d+/gmu },
  {
    rule: 'error name or errno',
    pattern:
      /\b(?:(?:Type|Range|Reference|Syntax|Upstream|App)?Error:|E(?:CONNREFUSED|CONNRESET|NOTFOUND|TIMEDOUT|NOENT|ACCES|PIPE)\b)/gu,
  },
];

function around(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - 40), index + length + 40).replace(/\s+/gu, ' ');
}

function matches(text: string, rule: string, pattern: RegExp): TextProblem[] {
  return [...text.matchAll(pattern)].map((m) => ({
    rule,
    found: m[0],
    around: around(text, m.index, m[0].length),
  }));
}

/** Codes, identifiers, MIME types, uuids and traces in a text already stripped of URLs. */
export function findLeaks(text: string): TextProblem[] {
  return LEAK_RULES.flatMap(({ rule, pattern }) => matches(text, rule, pattern));
}

/**
 * French typography of a text already stripped of URLs: no typographic apostrophe (the mails
 * write ' only), and a space before « : ; ? ! » and around the content of « » (times such as
 * 08:00 and list markers at a line's start excepted). `noBreak`: the space must be a no-break
 * one (the HTML part, where a line must not start with a colon).
 */
export function findTypographyProblems(
  text: string,
  options: { noBreak: boolean; apostrophes: boolean },
): TextProblem[] {
  const space = options.noBreak ? '[\\u00A0\\u202F]' : '[ \\u00A0\\u202F]';
  const problems = [
    // a punctuation mark that needs a space, after anything else than one (or a time's digit)
    ...matches(
      text,
      'space before « : ; ? ! »',
      new RegExp(`(?<!${space}|^|\\n[ \\t]*)[:;?!](?!\\d)`, 'gu'),
    ),
    ...matches(text, 'space after «', new RegExp(`«(?!${space})`, 'gu')),
    ...matches(text, 'space before »', new RegExp(`(?<!${space})»`, 'gu')),
  ];
  if (options.apostrophes) {
    problems.push(...matches(text, 'typographic apostrophe', /[\u2018\u2019\u02BC]/gu));
  }
  return problems;
}
