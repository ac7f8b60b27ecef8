/**
 * A small flowing layout over pdf-lib for the packet's PDF: A4 pages, a cursor that moves down,
 * headings, wrapped paragraphs, label/value lists, tables and flagged notices, with a new page
 * whenever the next block does not fit, and a footer with page numbers written at the end.
 *
 * Text uses the standard Helvetica fonts (no font file to embed or ship). Every string goes
 * through `toWinAnsi` (./win-ansi-text) before pdf-lib sees it, so no input text can make the
 * export throw.
 */
import { PDFDocument, StandardFonts, rgb, type Color, type PDFFont, type PDFPage } from 'pdf-lib';
import { toWinAnsi } from './win-ansi-text';

/** A4 in PDF points. */
export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
export const MARGIN = 56;
const FOOTER_Y = 28;

export const COLORS = {
  text: rgb(0.1, 0.12, 0.15),
  muted: rgb(0.38, 0.41, 0.45),
  rule: rgb(0.78, 0.8, 0.83),
  accent: rgb(0.09, 0.33, 0.55),
  accentLight: rgb(0.55, 0.72, 0.86),
  good: rgb(0.16, 0.5, 0.32),
  warn: rgb(0.72, 0.36, 0.05),
  warnFill: rgb(1, 0.95, 0.88),
  band: rgb(0.95, 0.96, 0.97),
} as const;

export type TextStyle = Readonly<{
  size?: number;
  bold?: boolean;
  color?: Color;
  indent?: number;
  /** Extra space after the block, in points (default: a third of the size). */
  after?: number;
}>;

export type TableColumn = Readonly<{ header: string; width: number; align?: 'left' | 'right' }>;

export class PdfLayout {
  readonly doc: PDFDocument;
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  readonly contentWidth = PAGE_WIDTH - 2 * MARGIN;
  page: PDFPage;
  y: number;

  private constructor(doc: PDFDocument, regular: PDFFont, bold: PDFFont) {
    this.doc = doc;
    this.regular = regular;
    this.bold = bold;
    this.page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.y = PAGE_HEIGHT - MARGIN;
  }

  static async create(): Promise<PdfLayout> {
    const doc = await PDFDocument.create();
    const regular = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    return new PdfLayout(doc, regular, bold);
  }

  newPage(): void {
    this.page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.y = PAGE_HEIGHT - MARGIN;
  }

  /** Starts a new page unless `height` points still fit above the bottom margin. */
  ensure(height: number): void {
    if (this.y - height < MARGIN) this.newPage();
  }

  space(points: number): void {
    this.y -= points;
  }

  font(bold = false): PDFFont {
    return bold ? this.bold : this.regular;
  }

  textWidth(text: string, size: number, bold = false): number {
    return this.font(bold).widthOfTextAtSize(toWinAnsi(text), size);
  }

  /** Draws one line of text with its baseline at `y` (no wrapping, no cursor move). */
  drawText(text: string, x: number, y: number, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    this.page.drawText(toWinAnsi(text), {
      x,
      y,
      size,
      font: this.font(style.bold),
      color: style.color ?? COLORS.text,
    });
  }

  /** `text` broken into lines no wider than `maxWidth`; explicit line breaks are kept. */
  wrap(text: string, maxWidth: number, size: number, bold = false): string[] {
    const font = this.font(bold);
    const width = (line: string): number => font.widthOfTextAtSize(line, size);
    const lines: string[] = [];
    for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
      const words = toWinAnsi(paragraph)
        .split(' ')
        .filter((word) => word !== '');
      let line = '';
      for (const word of words) {
        const candidate = line === '' ? word : `${line} ${word}`;
        if (width(candidate) <= maxWidth) {
          line = candidate;
          continue;
        }
        if (line !== '') lines.push(line);
        // A word wider than the line (a long URL or number) is cut into pieces that fit.
        let rest = word;
        while (width(rest) > maxWidth && rest.length > 1) {
          let cut = rest.length - 1;
          while (cut > 1 && width(rest.slice(0, cut)) > maxWidth) cut -= 1;
          lines.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        line = rest;
      }
      lines.push(line);
    }
    return lines;
  }

  /** Wrapped text at the cursor, across pages as needed. */
  paragraph(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    const indent = style.indent ?? 0;
    const lineHeight = size * 1.35;
    for (const line of this.wrap(text, this.contentWidth - indent, size, style.bold)) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      if (line !== '') this.drawText(line, MARGIN + indent, this.y + size * 0.3, style);
    }
    this.y -= style.after ?? size / 3;
  }

  /** A section heading; level 1 starts on a new page. */
  heading(text: string, level: 1 | 2 | 3 = 2): void {
    const size = level === 1 ? 18 : level === 2 ? 13 : 11;
    if (level === 1 && this.y < PAGE_HEIGHT - MARGIN) this.newPage();
    // Keep a heading with at least a few lines of what follows it.
    this.ensure(size * 1.6 + 40);
    this.space(level === 1 ? 0 : size * 0.6);
    this.paragraph(text, { size, bold: true, color: level === 3 ? COLORS.text : COLORS.accent, after: 4 });
    if (level === 1) {
      this.page.drawLine({
        start: { x: MARGIN, y: this.y },
        end: { x: PAGE_WIDTH - MARGIN, y: this.y },
        thickness: 1,
        color: COLORS.accent,
      });
      this.space(12);
    }
  }

  /** Label/value pairs in two columns; long values wrap in their column. */
  keyValues(rows: readonly (readonly [string, string])[], labelWidth = 170): void {
    const size = 10;
    const lineHeight = size * 1.35;
    const valueWidth = this.contentWidth - labelWidth;
    for (const [label, value] of rows) {
      const labelLines = this.wrap(label, labelWidth - 8, size, true);
      const valueLines = this.wrap(value === '' ? '—' : value, valueWidth, size);
      const height = Math.max(labelLines.length, valueLines.length) * lineHeight + 4;
      this.ensure(Math.min(height, 5 * lineHeight));
      for (let index = 0; index < Math.max(labelLines.length, valueLines.length); index += 1) {
        this.ensure(lineHeight);
        this.y -= lineHeight;
        const baseline = this.y + size * 0.3;
        const labelLine = labelLines[index];
        const valueLine = valueLines[index];
        if (labelLine) this.drawText(labelLine, MARGIN, baseline, { size, bold: true, color: COLORS.muted });
        if (valueLine) this.drawText(valueLine, MARGIN + labelWidth, baseline, { size });
      }
      this.y -= 4;
    }
  }

  /** A table with a header row repeated on each page; cells wrap within their column. */
  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[], size = 9): void {
    const lineHeight = size * 1.3;
    const padding = 3;
    const totalWidth = columns.reduce((sum, column) => sum + column.width, 0);
    const scale = totalWidth > this.contentWidth ? this.contentWidth / totalWidth : 1;
    const widths = columns.map((column) => column.width * scale);
    const rowWidth = widths.reduce((sum, width) => sum + width, 0);

    const drawRow = (cells: readonly string[], bold: boolean, band: boolean): void => {
      const wrapped = cells.map((cell, index) =>
        this.wrap(cell, (widths[index] ?? 0) - 2 * padding, size, bold),
      );
      const height = Math.max(1, ...wrapped.map((lines) => lines.length)) * lineHeight + 2 * padding;
      if (this.y - height < MARGIN) {
        this.newPage();
        if (!bold)
          drawRow(
            columns.map((column) => column.header),
            true,
            false,
          );
      }
      if (band || bold) {
        this.page.drawRectangle({
          x: MARGIN,
          y: this.y - height,
          width: rowWidth,
          height,
          color: bold ? COLORS.band : rgb(0.985, 0.985, 0.99),
        });
      }
      let x = MARGIN;
      wrapped.forEach((lines, index) => {
        const width = widths[index] ?? 0;
        const align = columns[index]?.align ?? 'left';
        lines.forEach((line, lineIndex) => {
          const baseline = this.y - padding - (lineIndex + 1) * lineHeight + size * 0.3;
          const lineWidth = this.font(bold).widthOfTextAtSize(line, size);
          const left = align === 'right' ? x + width - padding - lineWidth : x + padding;
          this.drawText(line, left, baseline, { size, bold });
        });
        x += width;
      });
      this.y -= height;
      this.page.drawLine({
        start: { x: MARGIN, y: this.y },
        end: { x: MARGIN + rowWidth, y: this.y },
        thickness: 0.5,
        color: COLORS.rule,
      });
    };

    drawRow(
      columns.map((column) => column.header),
      true,
      false,
    );
    rows.forEach((row, index) => drawRow(row, false, index % 2 === 1));
    this.space(8);
  }

  /** A boxed, flagged notice (for example an empty section), so it cannot be missed in print. */
  notice(text: string): void {
    const size = 10;
    const lineHeight = size * 1.35;
    const lines = this.wrap(text, this.contentWidth - 24, size, true);
    const height = lines.length * lineHeight + 12;
    this.ensure(height + 4);
    this.page.drawRectangle({
      x: MARGIN,
      y: this.y - height,
      width: this.contentWidth,
      height,
      color: COLORS.warnFill,
      borderColor: COLORS.warn,
      borderWidth: 1.2,
    });
    lines.forEach((line, index) => {
      this.drawText(line, MARGIN + 12, this.y - 6 - (index + 1) * lineHeight + size * 0.3, {
        size,
        bold: true,
        color: COLORS.warn,
      });
    });
    this.y -= height + 8;
  }

  /** Writes `footer(pageNumber, pageCount)` at the bottom of every page but the first. */
  footers(footer: (pageNumber: number, pageCount: number) => string): void {
    const pages = this.doc.getPages();
    pages.forEach((page, index) => {
      if (index === 0) return;
      page.drawLine({
        start: { x: MARGIN, y: FOOTER_Y + 12 },
        end: { x: PAGE_WIDTH - MARGIN, y: FOOTER_Y + 12 },
        thickness: 0.5,
        color: COLORS.rule,
      });
      page.drawText(toWinAnsi(footer(index + 1, pages.length)), {
        x: MARGIN,
        y: FOOTER_Y,
        size: 8,
        font: this.regular,
        color: COLORS.muted,
      });
    });
  }
}
