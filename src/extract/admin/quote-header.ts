/**
 * Quote references: the number (`Devis n° X`, `N° : X`, `Réf. devis X`, `DEVIS X`) and the issue
 * date (`Date : …`, `Émis le …`, `Montmorot, le 16 octobre 2026`, first free date of the header).
 */
import type { DocumentLine } from '../document.js';
import { DATE_SOURCE, findDates, parseDate } from '../../domain/dates.js';
import { headerLimit, TABLE_HEADER_RE, type AdminContext } from './context.js';
import { labelsPattern, MENTION_SIGNS } from '../../domain/mention-signs.js';
import { valueAfterLabel } from './labelled-values.js';
import { cellBelow } from './layout.js';

const TOKEN = '([A-Za-z0-9](?:[A-Za-z0-9\\-/._]*[A-Za-z0-9])?)';
const NUMBER_MARK = '(?:n[°o]\\.?|num[ée]ro|no\\.|#)';
const LABELLED_RES = [
  new RegExp(
    `(?:devis|proposition(?:\\s+(?:commerciale|de\\s+prix|technique))?|offre(?:\\s+de\\s+prix)?|pi[èe]ce)\\s*${NUMBER_MARK}\\s*:?\\s*${TOKEN}`,
    'iu',
  ),
  new RegExp(
    `\\b(?:r[ée]f(?:[ée]rence)?\\.?|${NUMBER_MARK})\\s*(?:du\\s+|de\\s+|d['’]\\s*)?(?:devis|l['’]offre|offre)\\s*:?\\s*${TOKEN}`,
    'iu',
  ),
];
const BARE_RES = [
  new RegExp(`^\\s*(?:${NUMBER_MARK}|r[ée]f(?:[ée]rence)?\\.?)\\s*:?\\s*${TOKEN}`, 'iu'),
  new RegExp(`^\\s*(?:devis|d\\s?e\\s?v\\s?i\\s?s)\\s*[:–-]?\\s+${TOKEN}`, 'iu'),
];

function isQuoteNumber(token: string | undefined): token is string {
  if (!token || token.length < 2 || !/\d/u.test(token)) return false;
  if (parseDate(token)) return false;
  return !/^\d{1,2}$/u.test(token);
}

function firstMatch(lines: DocumentLine[], patterns: RegExp[], cells: boolean): string | undefined {
  for (const line of lines) {
    const texts = cells ? line.cells.map((c) => c.text) : [line.text];
    for (const text of texts) {
      for (const re of patterns) {
        const token = re.exec(text)?.[1];
        if (isQuoteNumber(token)) return token;
      }
    }
  }
  return undefined;
}

const NUMBER_LABEL_ONLY_RE =
  /^(?:devis\s*n°|n°\s*(?:de\s+|du\s+)?devis|num[ée]ro(?:\s+de\s+devis)?|n°|r[ée]f(?:[ée]rence)?\.?(?:\s+(?:du\s+)?devis)?)\s*:?\s*$/iu;
const DATE_LABEL_ONLY_RE =
  /^date(?:\s+(?:du\s+devis|d['’][ée]mission|de\s+l['’]offre))?\s*:?\s*$/iu;

/** Values printed under their labels (a row of labels over a row of values). */
function valueBelow(ctx: AdminContext, label: RegExp): string | undefined {
  for (let i = 0; i < headerLimit(ctx); i += 1) {
    if (TABLE_HEADER_RE.test(ctx.body[i]?.text ?? '')) continue;
    for (const cell of ctx.body[i]?.cells ?? []) {
      if (!label.test(cell.text.trim())) continue;
      const below = cellBelow(ctx.body, { lineIndex: i, cell });
      if (below) return below.text.trim();
    }
  }
  return undefined;
}

/** The quote number as printed. */
/** Number labels of the lexicon, and the titles a number follows in a header ("DEVIS", "N°"). */
const NUMBER_LABELS = labelsPattern([
  ...MENTION_SIGNS.numero_devis_manquant.labels,
  'n',
  'no',
  'devis',
  'facture',
  'facture n',
  'offre',
  'proposition commerciale',
]);
const TOKEN_ONLY_RE = new RegExp(`^\\s*[:#]?\\s*${TOKEN}\\s*$`, 'u');

/** A text that is a quote number and nothing else. */
function numberOnly(text: string): string | undefined {
  const token = TOKEN_ONLY_RE.exec(text)?.[1];
  return isQuoteNumber(token) && token.length >= 3 ? token : undefined;
}

export function findQuoteNumber(ctx: AdminContext): string | undefined {
  const header = ctx.body.slice(0, headerLimit(ctx));
  const below = valueBelow(ctx, NUMBER_LABEL_ONLY_RE);
  const tabled =
    below && new RegExp(`^${TOKEN}$`, 'u').test(below) && isQuoteNumber(below) ? below : undefined;
  return (
    firstMatch(ctx.body, LABELLED_RES, false) ??
    firstMatch(header, BARE_RES, true) ??
    tabled ??
    valueAfterLabel(header, NUMBER_LABELS, numberOnly, { tolerance: ctx.tolerance })
  );
}

const ISSUE_LABEL_RES = [
  new RegExp(
    `(?<![\\p{L}\\d_])(?:date(?:\\s+(?:du\\s+devis|d['’][ée]mission|de\\s+l['’]offre|d['’][ée]dition|de\\s+cr[ée]ation|du\\s+document|de\\s+la\\s+proposition))?|[ée]mis\\s+le|[ée]tabli\\s+le|r[ée]dig[ée]\\s+le|fait\\s+le|devis\\s+du|en\\s+date\\s+du)\\s*:?\\s*(?:le\\s+)?(${DATE_SOURCE})`,
    'iu',
  ),
  new RegExp(
    `^\\s*(?:fait\\s+)?(?:à\\s+)?[\\p{L}' -]{2,40},\\s+le\\s+(?:\\p{L}+\\s+)?(${DATE_SOURCE})`,
    'iu',
  ),
  new RegExp(`\\bdevis\\b[^.\\n]{0,40}?\\bdu\\s+(${DATE_SOURCE})`, 'iu'),
];

const OTHER_DATE_CONTEXT_RE =
  /(?:visite|d[ée]but|d[ée]marrage|valable|validit|jusqu|expir|travaux|intervention|naissance|rge|qualif|attestation|livraison|acompte|p[ée]riode|\S\s+du\s*$|\sau\s*$)[^\d]{0,30}$/iu;

function labelledIssueDate(lines: DocumentLine[]): string | undefined {
  for (const line of lines) {
    for (const cell of line.cells) {
      for (const re of ISSUE_LABEL_RES) {
        const iso = parseDate(re.exec(cell.text)?.[1] ?? '');
        if (iso) return iso;
      }
    }
  }
  return undefined;
}

function freeHeaderDate(lines: DocumentLine[]): string | undefined {
  for (const line of lines) {
    for (const cell of line.cells) {
      for (const d of findDates(cell.text)) {
        if (!OTHER_DATE_CONTEXT_RE.test(cell.text.slice(0, d.index))) return d.iso;
      }
    }
  }
  return undefined;
}

/** The issue date (ISO). */
export function findIssueDate(ctx: AdminContext): string | undefined {
  const header = ctx.body.slice(0, headerLimit(ctx));
  const below = parseDate(valueBelow(ctx, DATE_LABEL_ONLY_RE) ?? '');
  return (
    labelledIssueDate(header) ?? below ?? labelledIssueDate(ctx.body) ?? freeHeaderDate(header)
  );
}
