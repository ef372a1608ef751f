/**
 * Unpriced lines met between two priced rows are only understood once the next row is known:
 * the end of the label of the row above, its description lines, then the titles of the next
 * section, or the beginning of the next row's label when its prices sit on its last line.
 */
import {
  continuesText,
  isBullet,
  isRoomName,
  isSectionTitle,
  isTitleLike,
  natureHeading,
  stripBullet,
} from './line-kinds.js';
import { fold } from './text.js';

export interface PendingLine {
  text: string;
  /** Left edge of the line (page units or character column). */
  x: number;
}

export interface TableRow {
  numero?: string;
  label: string;
  details: string[];
  section?: string;
  subsection?: string;
  room?: string;
  /** Description lines printed under the section title, before its first row. */
  notes: string[];
  page: number;
  /** The last description item is a bullet, so an unmarked line below continues it. */
  bulletOpen: boolean;
}

export interface TableContext {
  section?: string;
  subsection?: string;
  room?: string;
  notes: string[];
}

export const NUMERO_RE = /^((?:[A-Z]{1,6}[-.]?)?\d{1,3}(?:[.-]\d{1,3}){0,3})[.)]?(?=\s)/u;

/** Adds description lines to a row, joining wrapped lines to the item they continue. */
export function addDetails(row: TableRow, lines: readonly string[]): void {
  for (const line of lines) {
    const last = row.details[row.details.length - 1];
    if (isBullet(line)) {
      row.details.push(stripBullet(line));
      row.bulletOpen = true;
    } else if (last !== undefined && (row.bulletOpen || continuesText(line, last))) {
      row.details[row.details.length - 1] = `${last} ${line}`;
    } else {
      row.details.push(line);
      row.bulletOpen = false;
    }
  }
}

/** Applies section titles, in reading order, to the running context. */
export function applyTitles(ctx: TableContext, titles: readonly string[]): void {
  for (const raw of titles) {
    const title = raw
      .replace(NUMERO_RE, '')
      .replace(/^(?:lot|poste|chapitre|partie)\s*n?°?\s*\d+\s*[:–-]?\s*/iu, '')
      .replace(/^(?:[A-Z]|[IVX]+)[.)]?\s+(?=[A-ZÀ-Ý])/u, '')
      .trim();
    const nature = natureHeading(title);
    if (nature) ctx.subsection = title;
    else if (isRoomName(title)) ctx.room = title;
    else {
      ctx.section = title.replace(/\s*:$/u, '');
      ctx.subsection = undefined;
      ctx.room = undefined;
      ctx.notes = [];
    }
  }
}

function titlesAtEnd(
  lines: readonly string[],
  from: number,
  strict: boolean,
  indent?: { xs: readonly number[]; nextLabelX: number },
): number {
  let j = lines.length;
  while (
    j > from &&
    lines.length - j < 3 &&
    isSectionTitle(lines[j - 1] ?? '', strict) &&
    // a line indented past the next row's label describes the row above (in an all-capitals
    // document, capitals say nothing of a title)
    !(indent && (indent.xs[j - 1] ?? 0) > indent.nextLabelX + 1) &&
    // a line the one above leaves hanging ("…R = 5,55 m².K/W,") goes on with it
    !(j >= 2 && continuesText(lines[j - 1] ?? '', lines[j - 2] ?? ''))
  )
    j -= 1;
  return j;
}

/** Where the label of a row whose prices are on a later line begins, in `lines`. */
export function labelPrefixStart(lines: readonly PendingLine[], numbered: boolean): number {
  if (lines.length === 0) return 0;
  if (numbered) {
    for (let k = lines.length - 1; k >= Math.max(0, lines.length - 3); k -= 1) {
      if (NUMERO_RE.test(lines[k]?.text ?? '')) return k;
    }
  }
  return lines.length - 1;
}

/**
 * A row printed as a block: its label, indented description lines, then a line holding only the
 * prices. The label is the last least-indented line (with the lines it continues).
 */
export function blockLabelStart(lines: readonly PendingLine[]): number {
  const minX = Math.min(...lines.map((l) => l.x));
  let k = lines.length - 1;
  while (k > 0 && (lines[k]!.x > minX + 0.5 || isBullet(lines[k]!.text))) k -= 1;
  while (
    k > 0 &&
    !isBullet(lines[k - 1]!.text) &&
    continuesText(lines[k]!.text, lines[k - 1]!.text)
  )
    k -= 1;
  return k;
}

/** True when a priced row's label cannot stand alone (its beginning is on the lines above). */
export function needsPrefix(
  label: string,
  lines: readonly PendingLine[],
  numbered: boolean,
  hasNumero: boolean,
): boolean {
  if (lines.length === 0) return false;
  if (label.trim() === '') return true;
  const last = lines[lines.length - 1]?.text ?? '';
  if (isBullet(last)) return false;
  if (numbered && !hasNumero) return lines.slice(-3).some((l) => NUMERO_RE.test(l.text));
  return /^[a-zà-ÿ]/u.test(label) && !/^(?:[a-z]\)|et\b|ou\b)/u.test(fold(label));
}

export interface Resolved {
  titles: string[];
  notes: string[];
}

/**
 * Splits the unpriced lines after `prev`: continuation of its label, its description, then
 * (when a row follows) the titles of what comes next. Without a row above, the first title-like
 * line is a title and the other lines describe the section.
 */
export function resolvePending(
  lines: readonly string[],
  prev: TableRow | undefined,
  nextFollows: boolean,
  indent?: { xs: readonly number[]; nextLabelX: number },
): Resolved {
  let i = 0;
  if (prev && prev.details.length === 0) {
    while (
      i < lines.length &&
      !isBullet(lines[i] ?? '') &&
      continuesText(lines[i] ?? '', prev.label)
    ) {
      prev.label = `${prev.label} ${lines[i]}`;
      i += 1;
    }
  }
  const j = nextFollows ? titlesAtEnd(lines, i, prev !== undefined, indent) : lines.length;
  const middle = lines.slice(i, j);
  const tail = lines.slice(j);
  if (prev) {
    addDetails(prev, middle);
    return { titles: tail, notes: [] };
  }
  const first = middle.findIndex((l) => isTitleLike(l));
  if (first < 0) return { titles: tail, notes: middle };
  const notes = middle.filter((_, k) => k !== first);
  return { titles: [middle[first] as string, ...tail], notes };
}
