import { keepDecodedOutline, reportFonts, type ReportFont } from './fonts.js';
import type { TextStyle } from './pdfStyles.js';

/**
 * Line breaking and text drawing for the report, on top of pdfkit's embedded fonts.
 *
 * Why not `doc.text()`: pdfkit lays every line out two or three times (to wrap it, to measure
 * it, to draw it), writes half a dozen operators per line and shapes text word by word through
 * several layers of string handling. A report is a couple of thousand lines, mostly the same
 * words and sentences in every report, and tables need every cell measured before it is drawn.
 * Here:
 *  - a word is shaped once per process (with pdfkit's font, so glyphs, kerning and widths are
 *    pdfkit's) and encoded once per document (which adds its glyphs to the document's font
 *    subset and ToUnicode map, as pdfkit's own encode does);
 *  - a paragraph is broken into lines once, and the same layout serves to measure and to draw;
 *    layouts of short texts are kept across documents, since the wording repeats;
 *  - each paragraph is written as one block of operators.
 *
 * What it supports is what the report uses: runs of different styles in one paragraph, breaks
 * at spaces, hyphens, slashes, zero-width spaces and newlines, left, right and centred lines,
 * a height limit with an ellipsis, and paragraphs that flow on to the next page.
 */

/** A glyph position as pdfkit's EmbeddedFont.layout returns it, in 1/1000 em. */
interface GlyphPosition {
  xAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/** A glyph as fontkit gives it. */
interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

/** The part of pdfkit's EmbeddedFont that this module uses. */
interface EmbeddedFont {
  id: string;
  ascender: number;
  scale: number;
  subset: { includeGlyph(glyphId: number): number };
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
  lineHeight(size: number, includeGap?: boolean): number;
  layout(text: string): { glyphs: Glyph[]; positions: GlyphPosition[] };
  ref(): unknown;
}

/** A word shaped by the font: the same in every document. */
interface Word {
  text: string;
  glyphs: Glyph[];
  positions: GlyphPosition[];
  /** Advance in 1/1000 em, trailing space included. */
  width: number;
  /** Advance without trailing spaces: what must fit at the end of a line. */
  inkWidth: number;
  /** Some glyph is offset (a combining mark): glyphs are placed one by one. */
  placed: boolean;
}

export interface TextRun {
  text: string;
  style: TextStyle;
}

interface LineItem {
  style: TextStyle;
  word: Word;
}

export interface TextLine {
  items: LineItem[];
  /** Width in points without trailing spaces. */
  width: number;
  /** Distance from the line's top to its baseline. */
  ascent: number;
  /** Line height including line gap. */
  height: number;
}

/** Lines of text, independent of any document: layouts are shared between documents. */
export interface TextLayout {
  readonly lines: readonly TextLine[];
  readonly height: number;
  readonly width: number;
  readonly truncated: boolean;
}

export interface LayoutOptions {
  /** Lines past this height are dropped and the last one ends in an ellipsis. */
  maxHeight?: number;
}

export type Align = 'left' | 'right' | 'center';

interface Token {
  text: string;
  style: TextStyle;
  /** A line must end before this token. */
  newline: boolean;
}

const ellipsis = '…';

/**
 * A word and the break opportunity that ends it: spaces and tabs (kept with the word), a
 * hyphen, slash or dash (kept), a zero-width space or a newline (dropped).
 */
const wordPattern = /([^ \t\-/\u2013\u2014\u200b\r\n]*)([ \t]+|[-/\u2013\u2014]|\u200b|\r\n|\n|\r|$)/gu;

/* Shared by every document of this process; bounded, since user text keeps adding to them. */
const maxWords = 60_000;
const maxLayouts = 20_000;
/** Longer texts are user answers: laid out every time rather than kept. */
const maxCachedLayoutChars = 600;
const wordsByFont = new Map<ReportFont, Map<string, Word>>();
const layouts = new Map<string, TextLayout>();
const metricsByStyle = new Map<string, { ascent: number; height: number }>();

function styleKey(style: TextStyle): string {
  return `${style.font}|${style.size}|${style.lineGap}|${style.color}`;
}

function rgb(hex: string): string {
  const value = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => (Math.round((((value >> shift) & 0xff) / 255) * 1000) / 1000).toString();
  return `${channel(16)} ${channel(8)} ${channel(0)} rg`;
}

function num(n: number): string {
  return (Math.round(n * 1000) / 1000).toString();
}

/** Splits runs into words, each ending at a break opportunity. */
function tokenize(runs: readonly TextRun[]): Token[] {
  const tokens: Token[] = [];
  let newline = false;
  for (const run of runs) {
    for (const match of run.text.matchAll(wordPattern)) {
      const [whole, word = '', end = ''] = match;
      if (whole === '') break;
      const isNewline = end === '\n' || end === '\r\n' || end === '\r';
      // A line ending at a newline keeps a (trailing, invisible) space, so that text read from
      // the file, by a screen reader or a copy, does not run the two lines together.
      const text = isNewline ? (word ? `${word} ` : '') : end === '\u200b' ? word : word + end;
      if (text) {
        tokens.push({ text, style: run.style, newline });
        newline = false;
      } else if (isNewline && newline) {
        // A blank line (two newlines in a row) is kept as an empty line.
        tokens.push({ text: '', style: run.style, newline: true });
      }
      if (isNewline) newline = true;
    }
  }
  return tokens;
}

interface DocumentFont {
  font: EmbeddedFont;
  /** Word to TJ fragment (or one hex code per glyph when glyphs are placed one by one). */
  encoded: Map<string, string | string[]>;
  /** Glyph id to subset id in hex. */
  hex: Map<number, string>;
}

export class TextEngine {
  private readonly fonts = new Map<ReportFont, DocumentFont>();
  private readonly colours = new Map<string, string>();

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  private fontOf(font: ReportFont): DocumentFont {
    let entry = this.fonts.get(font);
    if (!entry) {
      this.doc.font(reportFonts[font]);
      entry = { font: (this.doc as unknown as { _font: EmbeddedFont })._font, encoded: new Map(), hex: new Map() };
      this.fonts.set(font, entry);
    }
    return entry;
  }

  private colour(hex: string): string {
    let op = this.colours.get(hex);
    if (!op) this.colours.set(hex, (op = rgb(hex)));
    return op;
  }

  /** A word shaped by the font (once per process). */
  private word(style: TextStyle, text: string): Word {
    let words = wordsByFont.get(style.font);
    if (!words || words.size > maxWords) wordsByFont.set(style.font, (words = new Map<string, Word>()));
    let word = words.get(text);
    if (!word) {
      const { glyphs, positions } = this.fontOf(style.font).font.layout(text);
      let width = 0;
      let placed = false;
      for (const position of positions) {
        width += position.xAdvance;
        if (position.xOffset || position.yOffset) placed = true;
      }
      // Trailing spaces are one glyph each: their advance does not count at a line's end.
      let trailing = 0;
      for (let i = text.length - 1, g = positions.length - 1; i >= 0 && (text[i] === ' ' || text[i] === '\t'); i--, g--) {
        trailing += positions[g]?.xAdvance ?? 0;
      }
      word = { text, glyphs, positions, width, inkWidth: width - trailing, placed };
      words.set(text, word);
    }
    return word;
  }

  /**
   * What pdfkit's EmbeddedFont.encode does: adds each glyph to this document's subset, with its
   * width and the characters it stands for (the ToUnicode map that text extraction reads). A
   * glyph that fontkit knows no characters for takes them from the word when glyphs and
   * characters pair one to one.
   */
  private subsetIds(entry: DocumentFont, word: Word): string[] {
    const { font } = entry;
    const chars = Array.from(word.text);
    const oneToOne = chars.length === word.glyphs.length;
    return word.glyphs.map((glyph, index) => {
      let code = entry.hex.get(glyph.id);
      if (code === undefined) {
        keepDecodedOutline(glyph);
        const gid = font.subset.includeGlyph(glyph.id);
        code = `0000${gid.toString(16)}`.slice(-4);
        font.widths[gid] ??= glyph.advanceWidth * font.scale;
        const own = chars[index]?.codePointAt(0);
        font.unicode[gid] ??= glyph.codePoints.length > 0 || !oneToOne || own === undefined ? glyph.codePoints : [own];
        entry.hex.set(glyph.id, code);
      }
      return code;
    });
  }

  /** A word's TJ fragment in this document: `<hex> kern <hex>` (once per document). */
  private encoded(entry: DocumentFont, word: Word): string | string[] {
    let encoded = entry.encoded.get(word.text);
    if (encoded === undefined) {
      const ids = this.subsetIds(entry, word);
      if (word.placed) {
        encoded = ids;
      } else {
        let tj = ids.length > 0 ? '<' : '';
        ids.forEach((id, i) => {
          tj += id;
          const position = word.positions[i];
          const adjust = position ? position.xAdvance - position.advanceWidth : 0;
          if (adjust !== 0 && i < ids.length - 1) tj += `> ${num(-adjust)} <`;
        });
        if (ids.length > 0) tj += '>';
        encoded = tj;
      }
      entry.encoded.set(word.text, encoded);
    }
    return encoded;
  }

  private lineMetrics(style: TextStyle): { ascent: number; height: number } {
    const key = styleKey(style);
    let metrics = metricsByStyle.get(key);
    if (!metrics) {
      const { font } = this.fontOf(style.font);
      metrics = { ascent: (font.ascender / 1000) * style.size, height: font.lineHeight(style.size, true) + style.lineGap };
      metricsByStyle.set(key, metrics);
    }
    return metrics;
  }

  /** The height of one line in a style (for keep-together decisions). */
  lineHeight(style: TextStyle): number {
    return this.lineMetrics(style).height;
  }

  /** Breaks runs into lines at most `width` wide. Short texts' layouts are reused. */
  layout(runs: readonly TextRun[], width: number, options: LayoutOptions = {}): TextLayout {
    let chars = 0;
    for (const run of runs) chars += run.text.length;
    if (chars > maxCachedLayoutChars) return this.breakLines(runs, width, options);
    let key = `${num(width)}|${options.maxHeight === undefined ? '' : num(options.maxHeight)}`;
    for (const run of runs) key += `\u0001${styleKey(run.style)}\u0002${run.text}`;
    let cached = layouts.get(key);
    if (!cached) {
      if (layouts.size >= maxLayouts) layouts.clear();
      cached = this.breakLines(runs, width, options);
      layouts.set(key, cached);
    }
    return cached;
  }

  private breakLines(runs: readonly TextRun[], width: number, options: LayoutOptions): TextLayout {
    const lines: TextLine[] = [];
    let current: TextLine | undefined;
    let x = 0;
    const startLine = (style: TextStyle): TextLine => {
      const metrics = this.lineMetrics(style);
      const line: TextLine = { items: [], width: 0, ascent: metrics.ascent, height: metrics.height };
      lines.push(line);
      x = 0;
      return line;
    };
    const add = (line: TextLine, style: TextStyle, word: Word) => {
      const metrics = this.lineMetrics(style);
      line.ascent = Math.max(line.ascent, metrics.ascent);
      line.height = Math.max(line.height, metrics.height);
      line.items.push({ style, word });
      line.width = x + (word.inkWidth * style.size) / 1000;
      x += (word.width * style.size) / 1000;
    };

    // Lines past a height limit are dropped anyway: stop breaking once it is passed.
    let above = 0;
    const limit = options.maxHeight ?? Infinity;
    for (const token of tokenize(runs)) {
      if (token.newline || !current) {
        above += current?.height ?? 0;
        if (above > limit) break;
        current = startLine(token.style);
      }
      const word = this.word(token.style, token.text);
      const ink = (word.inkWidth * token.style.size) / 1000;
      if (current.items.length > 0 && x + ink > width + 0.01) {
        above += current.height;
        if (above > limit) break;
        current = startLine(token.style);
      }
      if (current.items.length === 0 && ink > width + 0.01) {
        // A word wider than the line: break it between characters.
        for (const [index, part] of this.splitWord(token, width).entries()) {
          if (index > 0) {
            above += current.height;
            if (above > limit) break;
            current = startLine(token.style);
          }
          add(current, token.style, part);
        }
        if (above > limit) break;
        continue;
      }
      add(current, token.style, word);
    }
    return this.finish(lines, width, options, above > limit);
  }

  /**
   * Cuts a word wider than the line between characters, measuring each character once, so
   * that even an enormous unbroken string takes time in proportion to its length.
   */
  private splitWord(token: Token, width: number): Word[] {
    const chars = Array.from(token.text);
    const scale = token.style.size / 1000;
    const parts: Word[] = [];
    let start = 0;
    let used = 0;
    chars.forEach((char, index) => {
      const advance = this.word(token.style, char).width * scale;
      if (index > start && used + advance > width) {
        parts.push(this.word(token.style, chars.slice(start, index).join('')));
        start = index;
        used = 0;
      }
      used += advance;
    });
    parts.push(this.word(token.style, chars.slice(start).join('')));
    return parts;
  }

  private finish(lines: TextLine[], width: number, options: LayoutOptions, cutShort: boolean): TextLayout {
    let height = 0;
    let kept = 0;
    for (const line of lines) {
      if (options.maxHeight !== undefined && height + line.height > options.maxHeight + 0.01 && kept > 0) break;
      height += line.height;
      kept++;
    }
    const truncated = cutShort || kept < lines.length;
    const result = lines.slice(0, kept);
    const last = result.at(-1);
    if (truncated && last) this.endWithEllipsis(last, width);
    let widest = 0;
    for (const line of result) widest = Math.max(widest, line.width);
    return { lines: result, height, width: widest, truncated };
  }

  private endWithEllipsis(line: TextLine, width: number): void {
    const style = line.items.at(-1)?.style;
    if (!style) return;
    const mark = this.word(style, ellipsis);
    const widthOf = () => line.items.reduce((sum, item) => sum + (item.word.width * item.style.size) / 1000, 0);
    while (line.items.length > 0 && widthOf() + (mark.width * style.size) / 1000 > width) line.items.pop();
    line.items.push({ style, word: mark });
    line.width = widthOf();
  }

  /** Draws lines from `top`; returns the y below the last line. Lines must fit on the page. */
  draw(layout: TextLayout, x: number, top: number, width: number, align: Align = 'left'): number {
    return this.drawLines(layout.lines, x, top, width, align);
  }

  /**
   * Draws lines from `top`, continuing on a new page (pdfkit keeps the open structure element
   * going) whenever the next line would cross the bottom margin. Returns the y below the text.
   */
  flow(layout: TextLayout, x: number, top: number, width: number, align: Align = 'left'): number {
    const doc = this.doc;
    let y = top;
    let start = 0;
    let startY = top;
    layout.lines.forEach((line, i) => {
      const bottom = doc.page.height - doc.page.margins.bottom;
      const atPageTop = y <= doc.page.margins.top + 0.5;
      if (y + line.height > bottom + 0.01 && !(i === start && atPageTop)) {
        if (i > start) this.drawLines(layout.lines.slice(start, i), x, startY, width, align);
        doc.continueOnNewPage();
        y = doc.page.margins.top;
        start = i;
        startY = y;
      }
      y += line.height;
    });
    this.drawLines(layout.lines.slice(start), x, startY, width, align);
    return y;
  }

  private drawLines(lines: readonly TextLine[], x: number, top: number, width: number, align: Align): number {
    if (lines.length === 0) return top;
    const doc = this.doc;
    const pageHeight = doc.page.height;
    const pageFonts = doc.page.fonts as Record<string, unknown>;
    const parts: string[] = [`q 1 0 0 -1 0 ${num(pageHeight)} cm BT`];
    let y = top;
    let font: EmbeddedFont | undefined;
    let size = 0;
    let colour = '';
    for (const line of lines) {
      const offset = align === 'right' ? width - line.width : align === 'center' ? (width - line.width) / 2 : 0;
      let penX = x + offset;
      const baseline = pageHeight - (y + line.ascent);
      parts.push(`1 0 0 1 ${num(penX)} ${num(baseline)} Tm`);
      let open = false;
      for (const { style, word } of line.items) {
        const entry = this.fontOf(style.font);
        if (entry.font !== font || style.size !== size) {
          if (open) parts.push('] TJ');
          open = false;
          font = entry.font;
          size = style.size;
          pageFonts[font.id] ??= font.ref();
          parts.push(`/${font.id} ${num(size)} Tf`);
        }
        if (style.color !== colour) {
          colour = style.color;
          parts.push(this.colour(colour));
        }
        const scale = style.size / 1000;
        const encoded = this.encoded(entry, word);
        if (typeof encoded !== 'string') {
          // Offset glyphs (combining marks), each placed where the font puts it.
          if (open) parts.push('] TJ');
          open = false;
          let glyphX = penX;
          encoded.forEach((id, index) => {
            const position = word.positions[index];
            if (!position) return;
            parts.push(`1 0 0 1 ${num(glyphX + position.xOffset * scale)} ${num(baseline + position.yOffset * scale)} Tm [<${id}>] TJ`);
            glyphX += position.xAdvance * scale;
          });
          penX += word.width * scale;
          parts.push(`1 0 0 1 ${num(penX)} ${num(baseline)} Tm`);
          continue;
        }
        if (encoded) {
          parts.push(open ? encoded : `[${encoded}`);
          open = true;
        }
        penX += word.width * scale;
      }
      if (open) parts.push('] TJ');
      y += line.height;
    }
    parts.push('ET Q\n');
    // Bytes, not a string: pdfkit copies strings into bytes one character at a time.
    doc.addContent(Buffer.from(parts.join(' '), 'latin1'));
    return y;
  }
}
