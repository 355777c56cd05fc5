import { contentWidth, left } from './context.js';
import type { Doc } from './pdfkitInternals.js';
import { pdfStyles as S } from './styles.js';

function pdfNumber(n: number): string {
  return (Math.round(n * 1000) / 1000).toString();
}

function pdfColour(hex: string, operator: 'rg' | 'RG'): string {
  const value = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => pdfNumber(((value >> shift) & 0xff) / 255);
  return `${channel(16)} ${channel(8)} ${channel(0)} ${operator}`;
}

/**
 * Plain shapes (filled and outlined rectangles, lines), written as one block of PDF operators.
 * pdfkit's drawing calls write each operator separately, which adds up over hundreds of table
 * rows. Coordinates are pdfkit's (y down): the page's own transform applies.
 */
export class Shapes {
  private readonly ops: string[] = [];

  fillRect(x: number, y: number, width: number, height: number, colour: string): this {
    this.ops.push(`${pdfColour(colour, 'rg')} ${pdfNumber(x)} ${pdfNumber(y)} ${pdfNumber(width)} ${pdfNumber(height)} re f`);
    return this;
  }

  strokeRect(x: number, y: number, width: number, height: number, colour: string, lineWidth: number): this {
    this.ops.push(`${pdfColour(colour, 'RG')} ${pdfNumber(lineWidth)} w ${pdfNumber(x)} ${pdfNumber(y)} ${pdfNumber(width)} ${pdfNumber(height)} re S`);
    return this;
  }

  line(x1: number, y1: number, x2: number, y2: number, colour: string, lineWidth: number): this {
    this.ops.push(`${pdfColour(colour, 'RG')} ${pdfNumber(lineWidth)} w ${pdfNumber(x1)} ${pdfNumber(y1)} m ${pdfNumber(x2)} ${pdfNumber(y2)} l S`);
    return this;
  }

  checkbox(x: number, y: number): this {
    const size = S.space.checkboxSize;
    return this.strokeRect(x, y, size, size, S.colour.checkbox, S.line.checkbox);
  }

  /** Writes the shapes as an artifact. */
  draw(doc: Doc): void {
    if (this.ops.length === 0) return;
    doc.markContent('Artifact', { type: 'Layout' });
    doc.addContent(Buffer.from(`q ${this.ops.join(' ')} Q\n`, 'latin1'));
    doc.endMarkedContent();
  }
}

/** A rule across the content width. */
export function hRule(doc: Doc, y: number, colour: string = S.colour.rule, width: number = S.line.rule): void {
  new Shapes().line(left(doc), y, left(doc) + contentWidth(doc), y, colour, width).draw(doc);
}
