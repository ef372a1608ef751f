/**
 * Region detection for the line builder: finds runs of rows that share a vertical gutter and
 * decides whether the two sides of a gutter are independent text blocks (side-by-side columns,
 * read one after the other) or one table (read row by row).
 *
 * Reading a table column by column would separate each label from its amount, whereas reading
 * two columns row by row only mixes two blocks whose cells stay apart; so a region is split
 * only on clear evidence: both sides are prose (one span per row, mostly letters) and their
 * baselines do not line up or their line spacings differ.
 */
import type { Fragment } from './layout.js';

export interface Row {
  /** Mean baseline of the row's fragments. */
  y: number;
  /** Fragments sorted left to right. */
  items: Fragment[];
}

export interface Span {
  x: number;
  xEnd: number;
}

export interface Region {
  rows: Row[];
  /** Set when the region is two independent columns split at this gutter. */
  gutter: Span | null;
}

/** Share of baselines without a counterpart across the gutter above which sides are columns. */
const MISMATCH_RATIO = 0.34;
/** Relative difference of line spacing that marks two independent text blocks. */
const LEADING_DIFFERENCE = 0.08;
/** Rows and mean characters per row of a side that reads as running text. */
const RUNNING_TEXT_ROWS = 6;
const RUNNING_TEXT_CHARS = 30;
/** Share of single-span rows a side needs to count as prose. */
const PROSE_ROW_RATIO = 0.7;

/** Groups fragments whose baselines are within about half a glyph height, top to bottom. */
export function groupRows(fragments: Fragment[]): Row[] {
  const sorted = [...fragments].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Row[] = [];
  let current: Fragment[] = [];
  let currentY = Number.NaN;
  for (const f of sorted) {
    const tolerance = Math.max(1.5, (f.height || 10) * 0.45);
    if (current.length > 0 && Math.abs(currentY - f.y) <= tolerance) {
      current.push(f);
    } else {
      if (current.length > 0) rows.push(toRow(current));
      current = [f];
      currentY = f.y;
    }
  }
  if (current.length > 0) rows.push(toRow(current));
  return rows;
}

function overlaps(a: Fragment, b: Fragment): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width;
}

function averageHeight(rows: Row[]): number {
  const items = rows.flatMap((r) => r.items);
  return items.reduce((s, f) => s + (f.height || 10), 0) / items.length;
}

/**
 * A table row whose designation wraps onto two lines while its other cells (number, quantity,
 * prices) hold one line each, centred vertically: those cells land on a baseline of their own,
 * half-way between the designation's two lines, and would read as a row without a label. Such
 * a middle row — several cells with a number, equidistant from its neighbours, which are one
 * line-spacing apart and share a column, and crossing none of their fragments — is moved up
 * onto the cell's first line.
 */
export function liftCentredRows(rows: Row[]): Row[] {
  const out: Row[] = [];
  for (let k = 0; k < rows.length; k += 1) {
    const above = out[out.length - 1];
    const middle = rows[k]!;
    const below = rows[k + 1];
    if (above && below && isCentredBetween(above, middle, below)) {
      above.items = [...above.items, ...middle.items].sort((a, b) => a.x - b.x);
      continue;
    }
    out.push(middle);
  }
  return out;
}

function isCentredBetween(above: Row, middle: Row, below: Row): boolean {
  const up = above.y - middle.y;
  const down = middle.y - below.y;
  if (up <= 0 || down <= 0 || Math.abs(up - down) > 0.25 * Math.max(up, down)) return false;
  if (above.y - below.y > 1.6 * averageHeight([above, below])) return false;
  // several value cells with a price (a lone number, a reference, is a line of its own), and
  // not a totals line that happens to sit beside a wrapped note
  if (middle.items.length < 2 || !middle.items.some((f) => /\d[.,]\d{2}(?![\d.,])/u.test(f.text))) {
    return false;
  }
  if (
    /^\s*(?:sous[- ]?)?total|^\s*montant|^\s*t\.?v\.?a\b|^\s*net\b/iu.test(middle.items[0]!.text)
  ) {
    return false;
  }
  const neighbours = [...above.items, ...below.items];
  if (middle.items.some((m) => neighbours.some((n) => overlaps(m, n)))) return false;
  // the two outer lines are one wrapped cell: they share a column
  return above.items.some((a) => below.items.some((b) => overlaps(a, b)));
}

function toRow(items: Fragment[]): Row {
  items.sort((a, b) => a.x - b.x);
  return { y: items.reduce((s, f) => s + f.y, 0) / items.length, items };
}

/** Merges spans (sorted or not) whose gap is narrower than `minGutter`. */
function mergeSpans(spans: Span[], minGutter: number): Span[] {
  const sorted = [...spans].sort((a, b) => a.x - b.x);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.x - last.xEnd < minGutter) last.xEnd = Math.max(last.xEnd, s.xEnd);
    else out.push({ x: s.x, xEnd: s.xEnd });
  }
  return out;
}

function rowSpans(row: Row, minGutter: number): Span[] {
  return mergeSpans(
    row.items.map((f) => ({ x: f.x, xEnd: f.x + Math.max(0, f.width) })),
    minGutter,
  );
}

function widestGap(spans: Span[]): Span | null {
  let best: Span | null = null;
  for (let i = 1; i < spans.length; i += 1) {
    const gap = { x: spans[i - 1]!.xEnd, xEnd: spans[i]!.x };
    if (!best || gap.xEnd - gap.x > best.xEnd - best.x) best = gap;
  }
  return best;
}

function isRight(f: Fragment, gutter: Span): boolean {
  return f.x + f.width / 2 >= (gutter.x + gutter.xEnd) / 2;
}

function rowHeight(row: Row): number {
  return row.items.reduce((s, f) => s + (f.height || 10), 0) / row.items.length;
}

/** A blank band taller than this many glyph heights between two rows separates blocks. */
const BLOCK_GAP_EM = 2.5;

/**
 * Splits rows, top to bottom, into regions. A run grows while the rows keep a gutter open, no
 * blank band separates them, and (unless it started as a table row) each row has at most two
 * spans. A region gets a `gutter` only when its two sides are independent columns.
 */
export function findRegions(rows: Row[], minGutter: number): Region[] {
  const spans = rows.map((r) => rowSpans(r, minGutter));
  const regions: Region[] = [];
  let start = 0;
  while (start < rows.length) {
    let union = spans[start]!;
    const tableLike = union.length > 2;
    let end = start + 1;
    while (end < rows.length) {
      const rowSpan = spans[end]!;
      const previous = rows[end - 1]!;
      const em = Math.max(rowHeight(previous), rowHeight(rows[end]!));
      if (previous.y - rows[end]!.y > em * BLOCK_GAP_EM) break;
      if (!tableLike && rowSpan.length > 2) break;
      const next = mergeSpans([...union, ...rowSpan], minGutter);
      if (next.length < 2) break;
      union = next;
      end += 1;
    }
    const chosen = rows.slice(start, end);
    const gutter = widestGap(union);
    const columns = !tableLike && gutter !== null && isColumnPair(chosen, gutter, minGutter);
    const blocks = tableLike ? sideBySideGutter(chosen, union) : null;
    regions.push({ rows: chosen, gutter: columns ? gutter : blocks });
    start = end;
  }
  return regions;
}

export function splitAtGutter(
  items: Fragment[],
  gutter: Span,
): { left: Fragment[]; right: Fragment[] } {
  const left: Fragment[] = [];
  const right: Fragment[] = [];
  for (const f of items) (isRight(f, gutter) ? right : left).push(f);
  return { left, right };
}

function isProse(rows: Row[], minGutter: number): boolean {
  let singleSpan = 0;
  let numeric = 0;
  for (const row of rows) {
    if (rowSpans(row, minGutter).length === 1) singleSpan += 1;
    // an amount's currency ("1 234,56 EUR", "HT") is not prose: a column of amounts is values
    const letters =
      row.items
        .map((f) => f.text)
        .join(' ')
        .replace(/(?<![\p{L}])(?:eur|euros?|ht|ttc)(?![\p{L}])/giu, '')
        .match(/\p{L}/gu)?.length ?? 0;
    if (letters < 3) numeric += 1;
  }
  return singleSpan >= rows.length * PROSE_ROW_RATIO && numeric < rows.length / 2;
}

/** Share of baselines, within the vertical range both sides cover, unmatched across the gutter. */
function baselineMismatch(a: Row[], b: Row[]): number {
  const top = Math.min(a[0]!.y, b[0]!.y);
  const bottom = Math.max(a[a.length - 1]!.y, b[b.length - 1]!.y);
  let considered = 0;
  let unmatched = 0;
  for (const [side, other] of [
    [a, b],
    [b, a],
  ] as const) {
    for (const row of side) {
      const tolerance = Math.max(0.8, rowHeight(row) * 0.12);
      if (row.y > top + tolerance || row.y < bottom - tolerance) continue;
      considered += 1;
      if (!other.some((o) => Math.abs(o.y - row.y) <= tolerance)) unmatched += 1;
    }
  }
  return considered >= 3 ? unmatched / considered : 0;
}

/** Many long lines: labels and table cells are short, paragraphs are not. */
function isRunningText(rows: Row[]): boolean {
  if (rows.length < RUNNING_TEXT_ROWS) return false;
  const chars = rows.reduce((n, r) => n + r.items.reduce((m, f) => m + f.text.length, 0), 0);
  return chars / rows.length >= RUNNING_TEXT_CHARS;
}

/** Median distance between consecutive baselines; 0 with fewer than three rows. */
function medianLeading(rows: Row[]): number {
  if (rows.length < 3) return 0;
  const steps = rows
    .slice(1)
    .map((r, i) => rows[i]!.y - r.y)
    .sort((x, y) => x - y);
  return steps[Math.floor(steps.length / 2)]!;
}

/** Rows on one side that a block of words needs, and the share of them unmatched across. */
const BLOCK_MIN_ROWS = 4;
const BLOCK_MISMATCH_RATIO = 0.5;

/** Units and tax words of a price table's value columns: « 1 forfait 5,5 % 690,00 € HT ». */
const VALUE_WORDS_RE =
  /(?<![\p{L}])(?:eur|euros?|ht|ttc|tva|u|un|unit[ée]s?|pi[èe]ces?|pces?|m[²³23]?|ml|forfaits?|forf|fft|ens|ensembles?|h|heures?|kg|lots?|jours?|j)(?![\p{L}])/giu;

/** Fewer than half the rows are bare numbers: a side of words, not a column of amounts. */
function isWordy(rows: Row[]): boolean {
  const numeric = rows.filter((row) => {
    const text = row.items
      .map((f) => f.text)
      .join(' ')
      .replace(VALUE_WORDS_RE, '');
    return (text.match(/\p{L}/gu)?.length ?? 0) < 3;
  }).length;
  return numeric < rows.length / 2;
}

/** A header cell: a word or two, no digit (« Désignation », « PU HT », « Qté »). */
function isHeaderWord(f: Fragment): boolean {
  const text = f.text.trim();
  return text.length > 0 && !/\d/u.test(text) && text.split(/\s+/u).length <= 3;
}

/**
 * A row of header cells on both sides of the gap, two or more on each: the header of one table
 * whose value cells are centred in tall rows (they then line up with nothing on the left), not
 * two blocks side by side.
 */
function headerAcross(rows: Row[], gap: Span): boolean {
  return rows.some((row) => {
    const { left, right } = splitAtGutter(row.items, gap);
    return (
      left.length >= 2 && right.length >= 2 && left.every(isHeaderWord) && right.every(isHeaderWord)
    );
  });
}

/**
 * A page of side-by-side blocks that are not both prose — a price table beside a technical
 * sheet, the panels of a folded leaflet — read row by row would interleave the two: « 2 460,00 €
 * ‖ l'extraction ». Such a run starts like a table (three cells or more), so it gets its own
 * test: a gutter no fragment crosses, words on both sides (a column of amounts is part of the
 * table), and rows that mostly do not line up across it (a table's cells share their baselines).
 * The widest such gutter wins; each side is then laid out again on its own.
 */
function sideBySideGutter(rows: Row[], union: Span[]): Span | null {
  const gaps = union
    .slice(1)
    .map((s, i) => ({ x: union[i]!.xEnd, xEnd: s.x }))
    .sort((a, b) => b.xEnd - b.x - (a.xEnd - a.x));
  for (const gap of gaps) {
    const { left, right } = splitAtGutter(
      rows.flatMap((r) => r.items),
      gap,
    );
    const leftRows = groupRows(left);
    const rightRows = groupRows(right);
    if (leftRows.length < BLOCK_MIN_ROWS || rightRows.length < BLOCK_MIN_ROWS) continue;
    if (!isWordy(leftRows) || !isWordy(rightRows)) continue;
    if (headerAcross(rows, gap)) continue;
    if (baselineMismatch(leftRows, rightRows) >= BLOCK_MISMATCH_RATIO) return gap;
  }
  return null;
}

/** True when the rows on each side of `gutter` are two independent text blocks. */
function isColumnPair(rows: Row[], gutter: Span, minGutter: number): boolean {
  const { left, right } = splitAtGutter(
    rows.flatMap((r) => r.items),
    gutter,
  );
  const leftRows = groupRows(left);
  const rightRows = groupRows(right);
  if (leftRows.length < 2 || rightRows.length < 2) return false;
  if (!isProse(leftRows, minGutter) || !isProse(rightRows, minGutter)) return false;
  if (baselineMismatch(leftRows, rightRows) >= MISMATCH_RATIO) return true;
  const a = medianLeading(leftRows);
  const b = medianLeading(rightRows);
  if (a > 0 && b > 0 && Math.abs(a - b) >= Math.max(a, b) * LEADING_DIFFERENCE) return true;
  // Aligned rows: two columns of running text (terms and conditions), not label/value pairs.
  return isRunningText(leftRows) && isRunningText(rightRows);
}
