/** The top of the first page (company, quote references, customer) and the page footer. */
import type { QuoteModel } from '../model.js';
import { MARGIN, PAGE_WIDTH, type PdfCanvas } from './pdf-canvas.js';
import { clientLines, companyLines, legalLines, metaLines, siteLine, titleLine } from './texts.js';

const RIGHT = PAGE_WIDTH - MARGIN;
const LEAD = 11;

function lines(
  c: PdfCanvas,
  texts: string[],
  x: number,
  y: number,
  align: 'left' | 'right' = 'left',
  size = 9,
): number {
  let yy = y;
  for (const t of texts) {
    c.text(t, x, yy, { size, align });
    yy -= LEAD;
  }
  return yy;
}

function companyBlock(
  c: PdfCanvas,
  m: QuoteModel,
  x: number,
  y: number,
  align: 'left' | 'right',
): number {
  c.text(m.company.raison_sociale, x, y, { size: 13, bold: true, align });
  c.text(m.company.tagline, x, y - 14, { size: 8, muted: true, align });
  return lines(c, companyLines(m), x, y - 28, align);
}

function metaBlock(
  c: PdfCanvas,
  m: QuoteModel,
  x: number,
  y: number,
  align: 'left' | 'right',
): number {
  c.text(titleLine(m), x, y, { size: 14, bold: true, align });
  return lines(c, metaLines(m), x, y - 18, align);
}

function clientBlock(c: PdfCanvas, m: QuoteModel, x: number, y: number, boxed: boolean): number {
  const texts = clientLines(m, m.layout.company !== 'right');
  if (boxed) {
    const height = texts.length * LEAD + 22;
    c.box(x - 8, y + 12, RIGHT - x + 8, height);
    c.text('Client', x, y, { size: 8, bold: true, muted: true });
    return lines(c, texts, x, y - 13) - 12;
  }
  return lines(c, texts, x, y);
}

/** Draws the first-page header and leaves the cursor below it. */
export function drawHeader(c: PdfCanvas, m: QuoteModel): void {
  const top = c.y;
  const { company, client } = m.layout;
  let leftY = top;
  let rightY = top;
  if (company === 'left') {
    leftY = companyBlock(c, m, MARGIN, top, 'left');
    rightY = metaBlock(c, m, RIGHT, top, 'right');
  } else if (company === 'right') {
    rightY = companyBlock(c, m, RIGHT, top, 'right');
    leftY = metaBlock(c, m, MARGIN, top, 'left');
  } else if (company === 'top') {
    // A centred band: name, then the contact details wrapped to the page width, then the trade.
    const details = c.wrap(companyLines(m).join(' – '), RIGHT - MARGIN - 20, 8);
    c.shade(MARGIN, top + 10, RIGHT - MARGIN, 38 + details.length * 10);
    c.text(m.company.raison_sociale, PAGE_WIDTH / 2, top - 6, {
      size: 14,
      bold: true,
      align: 'center',
    });
    details.forEach((line, i) =>
      c.text(line, PAGE_WIDTH / 2, top - 22 - i * 10, { size: 8, align: 'center' }),
    );
    const after = top - 22 - details.length * 10;
    c.text(m.company.tagline, PAGE_WIDTH / 2, after - 1, { size: 7, muted: true, align: 'center' });
    leftY = metaBlock(c, m, MARGIN, after - 30, 'left');
    rightY = leftY;
  } else {
    leftY = metaBlock(c, m, MARGIN, top, 'left');
    rightY = leftY;
  }
  const clientTop = Math.min(rightY, company === 'right' ? top - 70 : rightY) - 14;
  let y: number;
  if (client === 'below') {
    y = clientBlock(c, m, MARGIN, Math.min(leftY, rightY) - 14, false);
  } else {
    const bottomRight = clientBlock(
      c,
      m,
      330,
      company === 'left' || company === 'footer' ? clientTop : Math.min(leftY, clientTop),
      client === 'boxed',
    );
    y = Math.min(leftY, bottomRight);
  }
  y -= 10;
  c.text(`Objet : ${m.objet}`, MARGIN, y, { bold: true });
  y -= LEAD;
  const site = siteLine(m);
  if (site) {
    c.text(site, MARGIN, y);
    y -= LEAD;
  }
  c.y = y - 8;
}

function footerLines(m: QuoteModel): string[] {
  if (m.layout.company === 'right') return [];
  const identity =
    m.layout.company === 'footer'
      ? [`${m.company.raison_sociale} – ${companyLines(m).join(' – ')}`]
      : [];
  return [...identity, ...legalLines(m)];
}

function footerParts(c: PdfCanvas, m: QuoteModel): string[] {
  return footerLines(m).flatMap((line) => c.wrap(line, RIGHT - MARGIN, 6.5));
}

/** Height the footer needs, so the page content stops above it. */
export function footerHeight(c: PdfCanvas, m: QuoteModel): number {
  return MARGIN + footerParts(c, m).length * 8 + 8;
}

/** Draws the footer of the current page. */
export function drawFooter(c: PdfCanvas, m: QuoteModel): void {
  const parts = footerParts(c, m);
  let y = MARGIN - 8 + parts.length * 8;
  for (const part of parts) {
    c.text(part, PAGE_WIDTH / 2, y, { size: 6.5, align: 'center', muted: true });
    y -= 8;
  }
}
