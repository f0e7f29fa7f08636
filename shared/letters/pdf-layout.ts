import { type Color, type PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';

/** A4 in PostScript points. */
export const A4: [number, number] = [595.28, 841.89];

const MARGIN_X = 56; // ~2 cm
const MARGIN_TOP = 56;
const MARGIN_BOTTOM = 64; // leaves room for the footer line
const LABEL_WIDTH = 170;
const GAP = 12;

export const BLACK = rgb(0, 0, 0);
export const GREY = rgb(0.38, 0.38, 0.38);

/** One line to draw: its text, font, size and colour. */
export interface Line {
  text: string;
  font: PDFFont;
  size: number;
  color?: Color;
}

// Right-to-left scripts: Hebrew, Arabic (with its supplements and presentation forms).
const RTL = '\\u0590-\\u08FF\\uFB1D-\\uFDFF\\uFE70-\\uFEFF';
/** A right-to-left run: RTL letters, with the spaces and marks between them that belong to the run. */
const RTL_RUN = new RegExp(`[${RTL}]+(?:[\\s\\u0640.,،]+[${RTL}]+)*`, 'g');

/**
 * A line split into runs of one direction, in reading order. Each right-to-left run is drawn as one
 * piece, which fontkit shapes (joined Arabic letter forms) and lays out from right to left; the runs
 * themselves follow each other from left to right. That is how the Unicode bidi algorithm places an
 * Arabic or Hebrew name inside German text, and how it places a name that is all Arabic (one run).
 * Numbers inside a right-to-left run and nested embeddings are not handled: names and titles do not
 * need them.
 */
export function directionalRuns(text: string): string[] {
  const runs: string[] = [];
  let last = 0;
  for (const match of text.matchAll(RTL_RUN)) {
    if (match.index > last) runs.push(text.slice(last, match.index));
    runs.push(match[0]);
    last = match.index + match[0].length;
  }
  if (last < text.length) runs.push(text.slice(last));
  return runs;
}

/** The width of a line as it will be drawn (shaped runs can be narrower than their letters apart). */
export function widthOf(text: string, font: PDFFont, size: number): number {
  return directionalRuns(text).reduce((sum, run) => sum + font.widthOfTextAtSize(run, size), 0);
}

/**
 * Breaks text into lines no wider than `width`: at spaces where it can, inside a word where a word
 * alone is too wide (a long URL or IBAN). Line breaks in the text are kept; tabs become spaces.
 */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/\t/g, '    ').split(/\r?\n/)) {
    let current = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = current ? `${current} ${word}` : word;
      if (widthOf(candidate, font, size) <= width) {
        current = candidate;
        continue;
      }
      if (current) lines.push(current);
      current = '';
      // The word alone is too wide: cut it where it no longer fits.
      let rest = word;
      while (widthOf(rest, font, size) > width) {
        const chars = [...rest];
        let fit = 1;
        while (fit < chars.length && widthOf(chars.slice(0, fit + 1).join(''), font, size) <= width) fit++;
        lines.push(chars.slice(0, fit).join(''));
        rest = chars.slice(fit).join('');
      }
      current = rest;
    }
    lines.push(current);
  }
  return lines;
}

/**
 * Writes a letter top to bottom: headings, label/value rows and tables, with a new page whenever the
 * next line does not fit, so texts of any length flow over as many pages as they need. Footers are
 * drawn at the end, when the number of pages is known.
 */
export class LetterWriter {
  readonly doc: PDFDocument;
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  private page: PDFPage;
  private y: number;

  constructor(doc: PDFDocument, fonts: { regular: PDFFont; bold: PDFFont }) {
    this.doc = doc;
    this.regular = fonts.regular;
    this.bold = fonts.bold;
    this.page = doc.addPage(A4);
    this.y = A4[1] - MARGIN_TOP;
  }

  get contentWidth(): number {
    return A4[0] - 2 * MARGIN_X;
  }

  private newPage() {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN_TOP;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensureSpace(height: number) {
    if (this.y - height < MARGIN_BOTTOM) this.newPage();
  }

  space(height: number) {
    this.y -= height;
  }

  private draw(line: Line, x: number, baseline: number) {
    let at = x;
    for (const run of directionalRuns(line.text)) {
      if (run.trim()) {
        this.page.drawText(run, {
          x: at,
          y: baseline,
          font: line.font,
          size: line.size,
          color: line.color ?? BLACK,
        });
      }
      at += line.font.widthOfTextAtSize(run, line.size);
    }
  }

  /** Lines of one column, wrapped to its width. */
  column(text: string, font: PDFFont, size: number, width: number, color?: Color): Line[] {
    return wrap(text, font, size, width).map((line) => ({
      text: line,
      font,
      size,
      ...(color ? { color } : {}),
    }));
  }

  /**
   * Draws columns side by side, line by line: a row taller than a page continues on the next one.
   * Each column is [x offset, width, lines, align].
   */
  columns(cols: { x: number; width: number; lines: Line[]; align?: 'left' | 'right' }[]) {
    const count = Math.max(...cols.map((c) => c.lines.length));
    for (let i = 0; i < count; i++) {
      const height = Math.max(...cols.map((c) => (c.lines[i]?.size ?? 0) * 1.35));
      this.ensureSpace(height);
      const baseline = this.y - height + height * 0.25;
      for (const col of cols) {
        const line = col.lines[i];
        if (!line) continue;
        const x =
          col.align === 'right'
            ? MARGIN_X + col.x + col.width - widthOf(line.text, line.font, line.size)
            : MARGIN_X + col.x;
        this.draw(line, x, baseline);
      }
      this.y -= height;
    }
  }

  /** Full-width lines. */
  lines(lines: Line[]) {
    this.columns([{ x: 0, width: this.contentWidth, lines }]);
  }

  /** A section heading: German in bold, English below it in grey. */
  heading(de: string, en: string) {
    this.ensureSpace(60); // never a heading alone at the foot of a page
    this.space(10);
    this.lines([
      ...this.column(de, this.bold, 12.5, this.contentWidth),
      ...this.column(en, this.regular, 9.5, this.contentWidth, GREY),
    ]);
    this.rule();
  }

  /** A thin line across the text width. */
  rule() {
    this.ensureSpace(8);
    this.y -= 3;
    this.page.drawLine({
      start: { x: MARGIN_X, y: this.y },
      end: { x: A4[0] - MARGIN_X, y: this.y },
      thickness: 0.5,
      color: GREY,
    });
    this.y -= 5;
  }

  /** A labelled value: the German label with the English one below it, the value beside them. */
  row(label: { de: string; en: string }, value: string, options: { bold?: boolean } = {}) {
    const valueWidth = this.contentWidth - LABEL_WIDTH - GAP;
    this.columns([
      {
        x: 0,
        width: LABEL_WIDTH,
        lines: [
          ...this.column(label.de, this.regular, 9.5, LABEL_WIDTH),
          ...this.column(label.en, this.regular, 8, LABEL_WIDTH, GREY),
        ],
      },
      {
        x: LABEL_WIDTH + GAP,
        width: valueWidth,
        lines: this.column(value, options.bold ? this.bold : this.regular, 10, valueWidth),
      },
    ]);
    this.space(3);
  }

  /**
   * A table: a header row (German, English below), then the rows; `emphasis` rows (totals) in bold.
   * Widths are shares of the text width; amounts are right-aligned.
   */
  table(
    header: { de: string; en: string; share: number; align?: 'left' | 'right' }[],
    rows: { cells: string[]; emphasis?: boolean }[],
  ) {
    const total = header.reduce((sum, h) => sum + h.share, 0);
    let x = 0;
    const geometry = header.map((h) => {
      const width = (h.share / total) * this.contentWidth - 6;
      const at = x;
      x += (h.share / total) * this.contentWidth;
      return { x: at, width, align: h.align ?? 'left' };
    });
    this.ensureSpace(40);
    this.columns(
      header.map((h, i) => ({
        ...(geometry[i] as { x: number; width: number; align: 'left' | 'right' }),
        lines: [
          ...this.column(h.de, this.bold, 9, (geometry[i] as { width: number }).width),
          ...this.column(h.en, this.regular, 8, (geometry[i] as { width: number }).width, GREY),
        ],
      })),
    );
    this.rule();
    for (const row of rows) {
      this.columns(
        row.cells.map((cell, i) => {
          const g = geometry[i] as { x: number; width: number; align: 'left' | 'right' };
          return { ...g, lines: this.column(cell, row.emphasis ? this.bold : this.regular, 9.5, g.width) };
        }),
      );
      this.space(2);
    }
  }

  /** Draws a footer on every page, given its number and the number of pages. */
  footers(text: (page: number, pages: number) => string) {
    const pages = this.doc.getPages();
    pages.forEach((page, index) => {
      const line = text(index + 1, pages.length);
      page.drawLine({
        start: { x: MARGIN_X, y: MARGIN_BOTTOM - 22 },
        end: { x: A4[0] - MARGIN_X, y: MARGIN_BOTTOM - 22 },
        thickness: 0.5,
        color: GREY,
      });
      let at = MARGIN_X;
      for (const run of directionalRuns(line)) {
        if (run.trim())
          page.drawText(run, { x: at, y: MARGIN_BOTTOM - 36, font: this.regular, size: 8, color: GREY });
        at += this.regular.widthOfTextAtSize(run, 8);
      }
    });
  }
}
