import { describe, expect, it } from '@jest/globals';
import { buildLines, type Fragment } from '../../../src/adapters/pdf/layout.js';

/** A fragment with a width of about half an em per character (Helvetica-like). */
function frag(text: string, x: number, y: number, size = 10): Fragment {
  return { text, x, y, width: text.length * size * 0.5, height: size };
}

function texts(fragments: Fragment[]): string[] {
  return buildLines(fragments).map((l) => l.text.trim());
}

describe('buildLines', () => {
  it('orders fragments top to bottom, then left to right, whatever the content order', () => {
    const lines = texts([frag('second', 50, 700), frag('first', 50, 720), frag('right', 200, 720)]);
    expect(lines).toEqual([expect.stringMatching(/^first\s{3,}right$/u), 'second']);
  });

  it('ignores the whitespace-only items pdfjs inserts between table cells', () => {
    const [line] = buildLines([
      frag('1', 300, 500),
      { text: ' ', x: 305, y: 500, width: 40, height: 0 },
      frag('480,00 €', 345, 500),
    ]);
    expect(line?.cells.map((c) => c.text)).toEqual(['1', '480,00 €']);
  });

  it('reads two independent columns one after the other', () => {
    const left = ['Entreprise Exemple', '4 rue du Moulin', '38000 Grenoble', 'Tél. 04 00 00 00 00'];
    const right = ['Madame Martin', '17 avenue des Platanes', '69000 Lyon'];
    const lines = texts([
      ...left.map((t, i) => frag(t, 50, 780 - i * 12)),
      ...right.map((t, i) => frag(t, 330, 778 - i * 17, 9)),
    ]);
    expect(lines).toEqual([...left, ...right]);
  });

  it('reads two aligned columns of running text one after the other', () => {
    const sentence = (side: string, i: number) =>
      `${side} colonne, ligne ${i} des conditions générales`;
    const left = Array.from({ length: 8 }, (_, i) => sentence('Première', i + 1));
    const right = Array.from({ length: 8 }, (_, i) => sentence('Seconde', i + 1));
    const lines = texts([
      ...left.map((t, i) => frag(t, 40, 800 - i * 10, 7)),
      ...right.map((t, i) => frag(t, 310, 800 - i * 10, 7)),
    ]);
    expect(lines).toEqual([...left, ...right]);
  });

  it('keeps a long list of aligned labels and values row by row', () => {
    const rows = Array.from({ length: 8 }, (_, i) => [
      `Rubrique ${i + 1} :`,
      `valeur longue numéro ${i + 1}, 4 chemin du Moulin Neuf, 38000 Grenoble`,
    ]);
    const lines = buildLines(
      rows.flatMap(([label, value], i) => [
        frag(label!, 40, 700 - i * 12),
        frag(value!, 160, 700 - i * 12),
      ]),
    );
    expect(lines.map((l) => l.cells.map((c) => c.text))).toEqual(rows);
  });

  it('keeps label/value pairs on one line when their baselines line up', () => {
    const rows = [
      ['Total HT', '3 150,00 €'],
      ['TVA 5,5 %', '173,25 €'],
      ['Total TTC', '3 323,25 €'],
    ];
    const lines = buildLines(
      rows.flatMap(([label, value], i) => [
        frag(label!, 300, 400 - i * 12),
        frag(value!, 480, 400 - i * 12),
      ]),
    );
    expect(lines.map((l) => l.cells.map((c) => c.text))).toEqual(rows);
  });

  it('keeps a table row by row even when amounts sit between two designation lines', () => {
    const lines = texts([
      frag('Isolant laine de verre', 50, 500),
      frag('épaisseur 300 mm', 50, 490),
      frag('2 000,00 €', 450, 495),
      frag('Trappe de visite', 50, 470),
      frag('isolée', 50, 460),
      frag('150,00 €', 450, 465),
    ]);
    const amount = lines.findIndex((l) => l.includes('2 000,00 €'));
    const nextRow = lines.findIndex((l) => l.startsWith('Trappe'));
    expect(amount).toBeGreaterThanOrEqual(0);
    expect(amount).toBeLessThan(nextRow);
  });

  it('reads a technical sheet printed beside a price table after the table, not across it', () => {
    const table = [
      [
        frag('N°', 30, 700),
        frag('Désignation', 50, 700),
        frag('Qté', 300, 700),
        frag('Total HT', 400, 700),
      ],
      [
        frag('1', 30, 686),
        frag('Centrale double flux VENTORA Duo', 50, 686),
        frag('1 u', 300, 686),
        frag('2 460,00 €', 400, 686),
      ],
      [
        frag('2', 30, 672),
        frag('Réseau : conduits isolés Ø 160', 50, 672),
        frag('1 ens', 300, 672),
        frag('1 180,00 €', 400, 672),
      ],
      [
        frag('3', 30, 658),
        frag('Pose de la centrale, équilibrage', 50, 658),
        frag('1 forfait', 300, 658),
        frag('1 520,00 €', 400, 658),
      ],
      [
        frag('4', 30, 644),
        frag('Bouches hygroréglables', 50, 644),
        frag('5 u', 300, 644),
        frag('450,00 €', 400, 644),
      ],
    ].flat();
    // the sheet has its own line spacing: its rows do not line up with the table's
    const sheet = [
      frag('Efficacité de l’échangeur', 520, 705),
      frag('jusqu’à 93 %', 640, 705),
      frag('Puissance pondérée', 520, 694),
      frag('23 W-Th-C', 640, 694),
      frag('Bouches d’extraction', 520, 683),
      frag('4 unités, cuisine et bains', 640, 683),
      frag('Filtration', 520, 667),
      frag('ePM1 55 % à l’air neuf', 640, 667),
      frag('Niveau sonore', 520, 651),
      frag('33 dB(A) à 3 m', 640, 651),
    ];
    const lines = texts([...table, ...sheet]);
    const row = lines.find((l) => l.startsWith('1 ') && l.includes('Centrale'));
    expect(row).toMatch(/2 460,00 €$/u);
    expect(lines.filter((l) => l.includes('Filtration'))).toHaveLength(1);
    expect(lines.findIndex((l) => l.includes('Filtration'))).toBeGreaterThan(
      lines.findIndex((l) => l.startsWith('4 ')),
    );
  });

  it('keeps a table with wrapped labels row by row, its amounts beside their rows', () => {
    const rows: Fragment[] = [];
    for (let i = 0; i < 6; i += 1) {
      const y = 700 - i * 40;
      rows.push(frag(`${i + 1}`, 30, y), frag(`Fourniture et pose poste ${i + 1}`, 50, y));
      rows.push(
        frag('description sur deux lignes', 50, y - 11),
        frag('et une troisième', 50, y - 22),
      );
      rows.push(
        frag('1 forfait', 300, y),
        frag('5,5 %', 360, y),
        frag(`${i + 1} 000,00 €`, 400, y),
      );
    }
    const lines = texts(rows);
    for (let i = 0; i < 6; i += 1) {
      expect(lines).toContainEqual(
        expect.stringMatching(new RegExp(`poste ${i + 1}\\s+1 forfait`, 'u')),
      );
    }
  });

  it('joins the words of justified prose instead of splitting them into cells', () => {
    const words = ['Les', 'prix', 'sont', 'établis', 'en', 'euros', 'hors', 'taxes'];
    let x = 50;
    const fragments = words.map((w) => {
      const f = frag(w, x, 600, 7);
      x += f.width + 4.3; // stretched spaces: 0.61 em
      return f;
    });
    const [line] = buildLines(fragments);
    expect(line?.text.trim()).toBe(words.join(' '));
    expect(line?.cells).toHaveLength(1);
  });

  it('returns nothing for a page without text', () => {
    expect(buildLines([{ text: ' ', x: 0, y: 0, width: 3, height: 0 }])).toEqual([]);
  });
});
