/**
 * A thin drawing surface over pdf-lib: A4 pages, a vertical cursor, text with wrapping and
 * alignment. Standard fonts use WinAnsi (é è à ç € ² are fine); Greek letters and a few signs
 * are drawn with the Symbol font; anything else is replaced by a close ASCII spelling.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
export const MARGIN = 40;

const REPLACEMENTS: Record<string, string> = { '\u202f': ' ', '\u2009': ' ', '★': '*', '✓': 'x' };

export interface TextOptions {
  size?: number;
  bold?: boolean;
  align?: 'left' | 'right' | 'center';
  /** Grey text (notes, labels). */
  muted?: boolean;
}

interface Run {
  text: string;
  font: PDFFont;
}

export class PdfCanvas {
  page!: PDFPage;
  /** Baseline of the next line, from the bottom of the page. */
  y = 0;
  /** Space kept free at the bottom of every page (footer). */
  bottom = MARGIN;
  /** Called on every new page (header repeat, footer). */
  onNewPage: ((canvas: PdfCanvas) => void) | null = null;

  private constructor(
    readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly symbol: PDFFont,
    private readonly regularSet: Set<number>,
    private readonly symbolSet: Set<number>,
  ) {}

  static async create(): Promise<PdfCanvas> {
    const doc = await PDFDocument.create();
    doc.setCreator('mdso test generator');
    doc.setProducer('pdf-lib');
    const regular = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    const symbol = await doc.embedFont(StandardFonts.Symbol);
    const canvas = new PdfCanvas(
      doc,
      regular,
      bold,
      symbol,
      new Set(regular.getCharacterSet()),
      new Set(symbol.getCharacterSet()),
    );
    canvas.newPage();
    return canvas;
  }

  get pageCount(): number {
    return this.doc.getPageCount();
  }

  newPage(): void {
    this.page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.y = PAGE_HEIGHT - MARGIN;
    this.onNewPage?.(this);
  }

  /** Starts a new page when fewer than `height` points are left above the footer. */
  ensure(height: number): boolean {
    if (this.y - height >= this.bottom) return false;
    this.newPage();
    return true;
  }

  private runs(text: string, bold: boolean): Run[] {
    const main = bold ? this.bold : this.regular;
    const runs: Run[] = [];
    for (const char of text) {
      const code = char.codePointAt(0) ?? 63;
      let piece = char;
      let font = main;
      if (!this.regularSet.has(code)) {
        if (this.symbolSet.has(code)) font = this.symbol;
        else piece = REPLACEMENTS[char] ?? '?';
      }
      const last = runs[runs.length - 1];
      if (last && last.font === font) last.text += piece;
      else runs.push({ text: piece, font });
    }
    return runs;
  }

  measure(text: string, size = 9, bold = false): number {
    return this.runs(text, bold).reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, size), 0);
  }

  /** Draws one line of text at (x, y); `x` is the right edge when right-aligned. */
  text(text: string, x: number, y: number, opts: TextOptions = {}): void {
    const size = opts.size ?? 9;
    const width = this.measure(text, size, opts.bold);
    let left = x;
    if (opts.align === 'right') left = x - width;
    if (opts.align === 'center') left = x - width / 2;
    const color = opts.muted ? rgb(0.35, 0.35, 0.35) : rgb(0, 0, 0);
    for (const run of this.runs(text, opts.bold ?? false)) {
      this.page.drawText(run.text, { x: left, y, size, font: run.font, color });
      left += run.font.widthOfTextAtSize(run.text, size);
    }
  }

  /** Splits text into lines no wider than `width`. */
  wrap(text: string, width: number, size = 9, bold = false): string[] {
    const lines: string[] = [];
    let current = '';
    for (const word of text.split(/\s+/u).filter(Boolean)) {
      const candidate = current ? `${current} ${word}` : word;
      if (current && this.measure(candidate, size, bold) > width) {
        lines.push(current);
        current = word;
      } else current = candidate;
    }
    if (current) lines.push(current);
    return lines.length > 0 ? lines : [''];
  }

  /** Writes wrapped lines at the cursor and moves it down. */
  paragraph(
    text: string,
    x: number,
    width: number,
    opts: TextOptions & { leading?: number } = {},
  ): void {
    const size = opts.size ?? 9;
    for (const line of this.wrap(text, width, size, opts.bold)) {
      this.ensure(size + 2);
      this.text(line, x, this.y, opts);
      this.y -= opts.leading ?? size + 3;
    }
  }

  hline(x1: number, x2: number, y: number, thickness = 0.5): void {
    this.page.drawLine({
      start: { x: x1, y },
      end: { x: x2, y },
      thickness,
      color: rgb(0.5, 0.5, 0.5),
    });
  }

  box(x: number, yTop: number, width: number, height: number): void {
    this.page.drawRectangle({
      x,
      y: yTop - height,
      width,
      height,
      borderWidth: 0.6,
      borderColor: rgb(0.4, 0.4, 0.4),
    });
  }

  shade(x: number, yTop: number, width: number, height: number): void {
    this.page.drawRectangle({ x, y: yTop - height, width, height, color: rgb(0.9, 0.92, 0.95) });
  }

  async save(): Promise<Uint8Array> {
    return this.doc.save({ useObjectStreams: false });
  }
}
