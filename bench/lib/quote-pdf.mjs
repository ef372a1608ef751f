/**
 * A deterministic multi-page renovation quote built with pdf-lib, for benchmarks: page 1 has
 * the usual header blocks, a priced table and totals; the next pages continue the table, then
 * two-column general terms fill the rest at the density real quotes have (~70 lines a page).
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';

const FIXED_DATE = new Date(Date.UTC(2026, 10, 2, 9, 0, 0));

const ITEMS = [
  ['Isolation des combles perdus par soufflage de laine de verre', 'm²', 24.5],
  ['Pompe à chaleur air/eau moyenne température 11 kW', 'u', 8950],
  ['Ballon tampon 50 L et vase d’expansion 18 L', 'ens.', 690],
  ['Fenêtre PVC 2 vantaux oscillo-battante, Uw 1,3 W/m².K', 'u', 1120],
  ['Pose et raccordement, mise en service et réglages', 'forf.', 2150],
  ['Isolation thermique par l’extérieur, polystyrène graphité 140 mm', 'm²', 118],
  ['VMC double flux haut rendement, 6 bouches', 'ens.', 3480],
  ['Dépose et évacuation de l’existant, mise en décharge agréée', 'forf.', 480],
];

const DETAILS = [
  'Résistance thermique R = 7,00 m².K/W, certificat ACERMI n° 00/000/000',
  'Marque et référence indiquées sur la fiche technique jointe',
  'Classe énergétique A+++, ETAS 175 %, régime basse température',
];

const TERMS = [
  'Le devis est établi gratuitement sur la base des informations communiquées par le Client.',
  'Il est valable trois mois à compter de sa date d’émission, sauf mention contraire.',
  'Les prix sont établis en euros, hors taxes et toutes taxes comprises, fourniture et pose.',
  'Le taux réduit de TVA de 5,5 % s’applique aux travaux d’amélioration énergétique.',
  'Un acompte de 30 % est exigible à la signature, le solde à la réception des travaux.',
  'Les travaux supplémentaires font l’objet d’un avenant signé par les deux parties.',
  'La réception est prononcée contradictoirement et fait l’objet d’un procès-verbal.',
  'L’Entreprise justifie d’une assurance de responsabilité civile décennale en cours.',
];

/** The terms wrapped to fit a column (about 65 characters of 7-point Helvetica). */
const TERM_LINES = TERMS.flatMap((sentence) => {
  const lines = [''];
  for (const word of sentence.split(' ')) {
    const last = lines[lines.length - 1];
    if (last && last.length + word.length + 1 > 62) lines.push(word);
    else lines[lines.length - 1] = last ? `${last} ${word}` : word;
  }
  return lines;
});

function euros(value) {
  const [int, dec] = value.toFixed(2).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/gu, ' ')},${dec} €`;
}

function drawHeader(page, fonts) {
  const { regular, bold } = fonts;
  const left = [
    'SARL Rénovation Exemple',
    '4 chemin du Moulin',
    '38000 Grenoble',
    'Tél. 04 00 00 00 00',
  ];
  left.forEach((t, i) =>
    page.drawText(t, { x: 48, y: 790 - i * 11, size: 9, font: i ? regular : bold }),
  );
  const right = ['DEVIS N° D-2026-0042', 'Date : 02/11/2026', 'Validité : 3 mois'];
  right.forEach((t, i) => page.drawText(t, { x: 400, y: 792 - i * 13, size: 9.5, font: regular }));
  const client = ['Madame Jeanne Martin', '17 avenue des Platanes', '69000 Lyon'];
  client.forEach((t, i) => page.drawText(t, { x: 320, y: 720 - i * 12, size: 9.5, font: regular }));
  page.drawText('Objet : travaux de rénovation énergétique', {
    x: 48,
    y: 670,
    size: 9,
    font: bold,
  });
  return 645;
}

function drawTableRows(page, fonts, y, rowsOnPage, start) {
  const { regular, bold } = fonts;
  const columns = [48, 360, 395, 440, 505];
  ['Désignation', 'Qté', 'U.', 'P.U. HT', 'Total HT'].forEach((t, i) =>
    page.drawText(t, { x: columns[i], y, size: 8.5, font: bold }),
  );
  let total = 0;
  for (let r = 0; r < rowsOnPage; r += 1) {
    const [label, unit, price] = ITEMS[(start + r) % ITEMS.length];
    const qty = ((start + r) % 7) + 1;
    y -= 16;
    const cells = [
      `${start + r + 1}. ${label}`,
      String(qty),
      unit,
      euros(price),
      euros(qty * price),
    ];
    cells.forEach((t, i) => page.drawText(t, { x: columns[i], y, size: 8, font: regular }));
    y -= 10;
    page.drawText(`– ${DETAILS[(start + r) % DETAILS.length]}`, {
      x: 60,
      y,
      size: 7.5,
      font: regular,
    });
    total += qty * price;
  }
  return { y, total };
}

function drawTerms(page, fonts, pageIndex) {
  let n = pageIndex * 70;
  for (const x of [48, 310]) {
    for (let line = 0; line < 70; line += 1, n += 1) {
      const text =
        line % 12 === 0 ? `Article ${Math.floor(n / 12) + 1}` : TERM_LINES[n % TERM_LINES.length];
      page.drawText(text, {
        x,
        y: 800 - line * 10.5,
        size: 7,
        font: line % 12 ? fonts.regular : fonts.bold,
      });
    }
  }
}

/** Builds the quote; same bytes for the same page count. */
export async function buildQuotePdf(pageCount) {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setCreationDate(FIXED_DATE);
  pdf.setModificationDate(FIXED_DATE);
  const fonts = {
    regular: await pdf.embedFont(StandardFonts.Helvetica),
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
  };
  let grandTotal = 0;
  const tablePages = Math.min(3, pageCount);
  for (let p = 0; p < pageCount; p += 1) {
    const page = pdf.addPage([595, 842]);
    if (p < tablePages) {
      const top = p === 0 ? drawHeader(page, fonts) : 800;
      const rows = p === 0 ? 18 : 28;
      const { y, total } = drawTableRows(page, fonts, top, rows, p * 28);
      grandTotal += total;
      if (p === tablePages - 1) {
        page.drawText(`Total HT ${euros(grandTotal)}`, {
          x: 400,
          y: y - 24,
          size: 9,
          font: fonts.bold,
        });
        page.drawText(`TVA 5,5 % ${euros(grandTotal * 0.055)}`, {
          x: 400,
          y: y - 36,
          size: 9,
          font: fonts.regular,
        });
      }
    } else {
      drawTerms(page, fonts, p);
    }
    page.drawText(`Page ${p + 1} / ${pageCount}`, { x: 270, y: 20, size: 7, font: fonts.regular });
  }
  return pdf.save();
}
