/**
 * OCR engines return scanned quotes as Markdown: tables as `| cell | cell |` rows (the
 * description lines of a row often joined with `<br>` inside its label cell), emphasis, headings
 * and amounts wrapped in `$…$`. These lines are turned back into plain table lines.
 */
import type { DocumentCell, DocumentLine } from '../document.js';

const SEPARATOR_ROW_RE = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$/u;
const BREAK_RE = /<br\s*\/?>/iu;

function cleanCell(text: string): string {
  return text
    .replace(/\*\*|__/gu, '')
    .replace(/\$([^$]*)\$/gu, '$1')
    .replace(/\\([%&$_])/gu, '$1')
    .replace(/&nbsp;/giu, ' ')
    .replace(/^#{1,6}\s+/u, '')
    .trim();
}

function isTableRow(text: string): boolean {
  const t = text.trim();
  return t.startsWith('|') && t.endsWith('|') && t.length > 2;
}

function lineOf(page: number, texts: readonly string[], indent: number): DocumentLine {
  const cells: DocumentCell[] = [];
  let text = ' '.repeat(indent);
  for (const cellText of texts) {
    if (cells.length > 0) text += '   ';
    cells.push({ text: cellText, x: text.length, xEnd: text.length + cellText.length });
    text += cellText;
  }
  return { page, text, cells };
}

/** A Markdown table row as a table line, followed by the `<br>` lines of its label cell. */
function expandRow(line: DocumentLine): DocumentLine[] {
  const raw = line.text.trim().slice(1, -1).split('|');
  const parts = raw.map((c) => c.split(BREAK_RE).map(cleanCell));
  const labelIndex = parts.reduce(
    (best, p, i) => (p.length > (parts[best]?.length ?? 0) ? i : best),
    0,
  );
  const first = parts.map((p) => p[0] ?? '').filter((t, i) => t !== '' || i === labelIndex);
  const extra = (parts[labelIndex] ?? []).slice(1).filter((t) => t !== '');
  return [
    lineOf(
      line.page,
      first.filter((t) => t !== ''),
      0,
    ),
    ...extra.map((t) => lineOf(line.page, [t], 4)),
  ];
}

/** Plain table lines from Markdown lines; other lines lose their emphasis marks only. */
export function normaliseMarkdown(lines: readonly DocumentLine[]): DocumentLine[] {
  const out: DocumentLine[] = [];
  for (const line of lines) {
    const text = line.text.trim();
    if (SEPARATOR_ROW_RE.test(text) && text.includes('-')) continue;
    if (isTableRow(text)) {
      out.push(...expandRow(line));
    } else if (/\*\*|__|\$|^#{1,6}\s/u.test(text)) {
      const cells = line.cells
        .map((c) => ({ ...c, text: cleanCell(c.text) }))
        .filter((c) => c.text);
      const indent = line.text.length - line.text.trimStart().length;
      out.push({ ...line, text: ' '.repeat(indent) + cleanCell(line.text), cells });
    } else out.push(line);
  }
  return out;
}
