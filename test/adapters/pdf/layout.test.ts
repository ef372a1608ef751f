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
