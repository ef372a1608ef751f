/** Draws a quote model as a PDF with a text layer. */
import type { QuoteModel } from '../model.js';
import { drawFooter, drawHeader, footerHeight } from './pdf-blocks.js';
import { MARGIN, PAGE_WIDTH, PdfCanvas } from './pdf-canvas.js';
import { drawTable } from './pdf-table.js';
import { closingLines, legalLines, totalRows, ttcNote, vatLegendRows } from './texts.js';

const RIGHT = PAGE_WIDTH - MARGIN;

function drawTotals(c: PdfCanvas, m: QuoteModel): void {
  const rows = totalRows(m);
  const legend = m.layout.vat === 'code' ? vatLegendRows(m) : [];
  c.ensure(Math.max(rows.length, legend.length + 1) * 12 + 10);
  const top = c.y;
  if (legend.length > 0) {
    const xs = [MARGIN, MARGIN + 40, MARGIN + 130, MARGIN + 215];
    ['Code', 'Taux TVA', 'Base HT', 'Montant TVA'].forEach((h, i) =>
      c.text(h, (xs[i] ?? 0) + (i > 0 ? 60 : 0), top, {
        size: 8,
        bold: true,
        align: i > 0 ? 'right' : 'left',
      }),
    );
    legend.forEach((row, r) =>
      row.forEach((v, i) =>
        c.text(v, (xs[i] ?? 0) + (i > 0 ? 60 : 0), top - 12 * (r + 1), {
          size: 8,
          align: i > 0 ? 'right' : 'left',
        }),
      ),
    );
  }
  rows.forEach(([label, value], r) => {
    const strong = label.startsWith('Total TTC') || label.startsWith('Net');
    c.text(label, RIGHT - 200, top - 12 * r, { size: 9, bold: strong });
    c.text(value, RIGHT, top - 12 * r, { size: 9, bold: strong, align: 'right' });
  });
  c.y = top - 12 * Math.max(rows.length, legend.length + 1) - 8;
  const note = ttcNote(m);
  if (note) c.paragraph(note, MARGIN, RIGHT - MARGIN, { size: 8 });
}

function drawClosing(c: PdfCanvas, m: QuoteModel): void {
  c.y -= 6;
  for (const line of closingLines(m)) c.paragraph(line, MARGIN, RIGHT - MARGIN, { size: 8.5 });
  if (m.layout.company === 'right') {
    c.y -= 4;
    for (const line of legalLines(m))
      c.paragraph(line, MARGIN, RIGHT - MARGIN, { size: 7.5, muted: true });
  }
  c.ensure(50);
  c.y -= 14;
  c.text('Pour l’entreprise', MARGIN, c.y, { size: 8.5, bold: true });
  c.text('Date et signature du client, précédées de la mention « Bon pour accord »', 300, c.y, {
    size: 8.5,
  });
  c.text(m.company.signatory, MARGIN, c.y - 11, { size: 8.5 });
}

export interface RenderedPdf {
  bytes: Uint8Array;
  pages: number;
}

export async function renderPdf(m: QuoteModel): Promise<RenderedPdf> {
  const c = await PdfCanvas.create();
  const when = new Date(`${m.date_devis}T09:00:00Z`);
  c.doc.setCreationDate(when);
  c.doc.setModificationDate(when);
  const title = m.mention_devis ? 'Devis' : 'Proposition commerciale';
  c.doc.setTitle(m.numero_devis ? `${title} ${m.numero_devis}` : title);
  c.bottom = footerHeight(c, m);
  c.onNewPage = (canvas) => drawFooter(canvas, m);
  drawFooter(c, m);
  drawHeader(c, m);
  if (m.layout.totals === 'before') {
    drawTotals(c, m);
    c.y -= 6;
  }
  const splitAt = m.layout.splitTable ? Math.max(1, Math.ceil(m.lines.length / 2)) : null;
  drawTable(c, m, splitAt);
  if (m.layout.totals === 'after') drawTotals(c, m);
  drawClosing(c, m);
  const pages = c.doc.getPages();
  pages.forEach((page, i) => {
    c.page = page;
    c.text(`Page ${i + 1} / ${pages.length}`, RIGHT, MARGIN - 20, {
      size: 7,
      align: 'right',
      muted: true,
    });
  });
  return { bytes: await c.save(), pages: pages.length };
}
