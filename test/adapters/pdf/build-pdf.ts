/**
 * Small PDFs built with pdf-lib for the PDF and reading tests: a page with two side-by-side
 * columns above a table, a mixed text + image file, and a zero-page file written by hand.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/files/', import.meta.url));

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(FIXTURES + name));
}

export const LEFT_COLUMN = [
  'SARL Isolation des Trois Vallées',
  '4 chemin du Moulin Neuf',
  '38000 Grenoble',
  'Téléphone 04 00 00 00 00',
  'contact@trois-vallees.example',
  'Capital social 12 000 €',
  'Qualification RGE E-E000000',
  'Assurance décennale n° 0000',
];

export const RIGHT_COLUMN = [
  'Madame Jeanne Martin',
  '17 avenue des Platanes',
  '69000 Lyon',
  'Devis n° D-2026-001',
  'Date du devis : 02/11/2026',
];

/** Désignation, Qté, P.U. HT, Total HT. The second designation wraps onto two lines. */
export const TABLE = [
  ['Désignation', 'Qté', 'P.U. HT', 'Total HT'],
  ['Isolant laine de verre 300 mm', '80 m²', '25,00 €', '2 000,00 €'],
  ['Pose et fixation sur solives', '80 m²', '12,50 €', '1 000,00 €'],
  ['Trappe de visite isolée', '1 u', '150,00 €', '150,00 €'],
];
const TABLE_X = [50, 330, 400, 480];

/** A page with two independent columns (different sizes and leading), then a table. */
export async function twoColumnsAndTablePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = pdf.addPage([595, 842]);
  LEFT_COLUMN.forEach((text, i) => {
    page.drawText(text, { x: 50, y: 780 - i * 13, size: 10, font: i === 0 ? bold : regular });
  });
  RIGHT_COLUMN.forEach((text, i) => {
    page.drawText(text, { x: 340, y: 778 - i * 17, size: 9, font: regular });
  });
  page.drawText('Objet : isolation des combles perdus', { x: 50, y: 640, size: 10, font: bold });
  TABLE.forEach((row, r) => {
    row.forEach((cell, c) => {
      const font = r === 0 ? bold : regular;
      page.drawText(cell, { x: TABLE_X[c]!, y: 600 - r * 24, size: 9, font });
    });
  });
  return pdf.save();
}

/** Page 1 has text; page 2 holds only an image, as a scanned page would. */
export async function textThenImagePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const first = pdf.addPage([595, 842]);
  first.drawText('Devis n° 42 pour le remplacement de la chaudière', {
    x: 50,
    y: 780,
    size: 11,
    font,
  });
  first.drawText('Pompe à chaleur air/eau 8 kW : 9 500,00 € HT', { x: 50, y: 760, size: 11, font });
  const png = await pdf.embedPng(fixture('Devis_test.png'));
  const second = pdf.addPage([595, 842]);
  second.drawImage(png, { x: 50, y: 300, width: 480, height: 380 });
  return pdf.save();
}

/** A syntactically valid PDF whose page tree is empty, with a correct xref table. */
export function zeroPagePdf(): Uint8Array {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>'];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
