import { reportFonts, type ReportFont } from './fonts.js';
import { mayStartLineAt, segmentsOf } from './lineBreaks.js';
import { fontHandle, type Doc, type FontHandle, type Glyph, type GlyphPosition } from './pdfkitInternals.js';
import type { TextStyle } from './styles.js';

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
 * What it supports is what the report uses: runs of different styles in one paragraph, lines
 * broken where the Unicode Line Breaking Algorithm allows (see lineBreaks.ts) and at newlines,
 * words too wide for a line cut between characters (in time linear in their length), left,
 * right and centred lines, a height limit with an ellipsis, and paragraphs that flow on to the
 * next page.
 */

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
  /** A piece of a word cut between characters: an ellipsis may shorten it further. */
  cut?: boolean;
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
 * Longer words are cut into line-wide pieces before they are shaped: shaping and caching an
 * enormous unbroken answer whole would cost time and memory for nothing, since it is cut anyway.
 */
const maxShapedWordChars = 1_000;

/* Shared by every document of this process; bounded, since user text keeps adding to them. */
const maxWords = 60_000;
const maxLayouts = 20_000;
/** Longer texts are user answers: kept for one document only. */
const maxCachedLayoutChars = 600;
const wordsByFont = new Map<ReportFont, Map<string, Word>>();
const advancesByFont = new Map<ReportFont, Map<number, number>>();
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

/** Splits runs into words, each ending at a break opportunity, as the layout asks for them. */
function* tokenize(runs: readonly TextRun[]): Generator<Token> {
  let newline = false;
  for (const run of runs) {
    for (const segment of segmentsOf(run.text)) {
      // A line ending at a newline keeps a (trailing, invisible) space, so that text read from
      // the file, by a screen reader or a copy, does not run the two lines together.
      const text = segment.hardBreak && segment.text && !/\s$/u.test(segment.text) ? `${segment.text} ` : segment.text;
      if (text) {
        yield { text, style: run.style, newline };
        newline = false;
      } else if (segment.hardBreak && newline) {
        // A blank line (two newlines in a row) is kept as an empty line.
        yield { text: '', style: run.style, newline: true };
      }
      if (segment.hardBreak) newline = true;
    }
  }
}

interface DocumentFont {
  font: FontHandle;
  /** Word to TJ fragment (or one hex code per glyph when glyphs are placed one by one). */
  encoded: Map<string, string | string[]>;
  /** Glyph id to subset id in hex. */
  hex: Map<number, string>;
}

export class TextEngine {
  private readonly fonts = new Map<ReportFont, DocumentFont>();
  private readonly colours = new Map<string, string>();
  /** Layouts of long texts (user answers), kept for this document only: measured, then drawn. */
  private readonly longLayouts = new Map<string, TextLayout>();

  constructor(private readonly doc: Doc) {}

  private fontOf(font: ReportFont): DocumentFont {
    let entry = this.fonts.get(font);
    if (!entry) {
      entry = { font: fontHandle(this.doc, reportFonts[font]), encoded: new Map(), hex: new Map() };
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
  private word(font: ReportFont, text: string): Word {
    let words = wordsByFont.get(font);
    if (!words || words.size > maxWords) wordsByFont.set(font, (words = new Map<string, Word>()));
    let word = words.get(text);
    if (!word) {
      const { glyphs, positions } = this.fontOf(font).font.shape(text);
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
   * Adds each glyph to this document's font subset once (see `FontHandle.include`). A glyph
   * that fontkit knows no characters for takes them from the word when glyphs and characters
   * pair one to one.
   */
  private subsetIds(entry: DocumentFont, word: Word): string[] {
    const chars = Array.from(word.text);
    const oneToOne = chars.length === word.glyphs.length;
    return word.glyphs.map((glyph, index) => {
      let code = entry.hex.get(glyph.id);
      if (code === undefined) {
        const own = oneToOne ? chars[index]?.codePointAt(0) : undefined;
        code = entry.font.include(glyph, own === undefined ? undefined : [own]);
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
      metrics = { ascent: (font.ascender / 1000) * style.size, height: font.lineHeight(style.size) + style.lineGap };
      metricsByStyle.set(key, metrics);
    }
    return metrics;
  }

  /** The height of one line in a style (for keep-together decisions). */
  lineHeight(style: TextStyle): number {
    return this.lineMetrics(style).height;
  }

  /**
   * Breaks runs into lines at most `width` wide. Layouts are reused: short texts' (the report's
   * own wording) by every document of the process, long ones (user answers) within this document.
   */
  layout(runs: readonly TextRun[], width: number, options: LayoutOptions = {}): TextLayout {
    let chars = 0;
    for (const run of runs) chars += run.text.length;
    const cache = chars > maxCachedLayoutChars ? this.longLayouts : layouts;
    let key = `${num(width)}|${options.maxHeight === undefined ? '' : num(options.maxHeight)}`;
    for (const run of runs) key += `\u0001${styleKey(run.style)}\u0002${run.text}`;
    let cached = cache.get(key);
    if (!cached) {
      if (cache.size >= maxLayouts) cache.clear();
      cached = this.breakLines(runs, width, options);
      cache.set(key, cached);
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
    const add = (line: TextLine, style: TextStyle, word: Word, cut = false) => {
      const metrics = this.lineMetrics(style);
      line.ascent = Math.max(line.ascent, metrics.ascent);
      line.height = Math.max(line.height, metrics.height);
      line.items.push(cut ? { style, word, cut } : { style, word });
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
      const word = token.text.length <= maxShapedWordChars ? this.word(token.style.font, token.text) : undefined;
      const ink = word ? (word.inkWidth * token.style.size) / 1000 : Infinity;
      const fitsHere = current.items.length === 0 || x + ink <= width + 0.01;
      // On the last line a height limit allows, a word that does not fit is cut to fill the
      // line before the ellipsis, rather than leave the line short.
      const lastLine = above + current.height + this.lineMetrics(token.style).height > limit + 0.01;
      if (word && ink <= width + 0.01 && (fitsHere || !lastLine)) {
        if (!fitsHere) {
          above += current.height;
          current = startLine(token.style);
        }
        add(current, token.style, word);
        continue;
      }
      // A word wider than any line (or the last line's rest): cut it between characters,
      // starting on the current line (the first piece is empty when not even a character fits).
      let first = true;
      for (const part of this.splitWord(token, width, width - x)) {
        if (!first) {
          above += current.height;
          if (above > limit) break;
          current = startLine(token.style);
        }
        first = false;
        if (part.text) add(current, token.style, part, true);
      }
      if (above > limit) break;
    }
    return this.finish(lines, width, options, above > limit);
  }

  /**
   * Cuts a word wider than the line between characters (never inside a letter and its accents),
   * one piece at a time: the first fills `firstRoom`, the others a whole line. Each character is
   * measured once, so even an enormous unbroken string takes time in proportion to its length,
   * and no more of it is cut than the layout keeps.
   */
  private *splitWord(token: Token, width: number, firstRoom: number): Generator<Word> {
    const { text, style } = token;
    const inkEnd = text.trimEnd().length;
    let start = 0;
    let room = firstRoom;
    while (start < text.length) {
      const end = this.fitEnd(text, start, inkEnd, room, style, room >= width);
      yield this.word(style.font, text.slice(start, end));
      start = end;
      room = width;
    }
  }

  /**
   * Where the longest piece of `text` from `start` that fits `room` ends, at a place a line may
   * be cut. Trailing spaces (from `inkEnd`) always fit. With `atLeastOne`, the piece holds at
   * least one character even if it does not fit (a line cannot be narrower than a letter).
   */
  private fitEnd(text: string, start: number, inkEnd: number, room: number, style: TextStyle, atLeastOne: boolean): number {
    const scale = style.size / 1000;
    let used = 0;
    let end = start;
    for (let offset = start; offset < inkEnd; ) {
      const code = text.codePointAt(offset) ?? 0;
      const advance = this.advance(style.font, code) * scale;
      if (used + advance > room + 0.01 && (end > start || !atLeastOne)) return end;
      used += advance;
      offset += code > 0xffff ? 2 : 1;
      if (offset >= inkEnd || mayStartLineAt(text, offset)) end = offset;
    }
    return text.length;
  }

  /** A character's advance alone, in 1/1000 em (once per process). */
  private advance(font: ReportFont, codePoint: number): number {
    let advances = advancesByFont.get(font);
    if (!advances || advances.size > maxWords) advancesByFont.set(font, (advances = new Map<number, number>()));
    let advance = advances.get(codePoint);
    if (advance === undefined) {
      advance = this.word(font, String.fromCodePoint(codePoint)).width;
      advances.set(codePoint, advance);
    }
    return advance;
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
    const mark = this.word(style.font, ellipsis);
    const markWidth = (mark.width * style.size) / 1000;
    const widthOf = () => line.items.reduce((sum, item) => sum + (item.word.width * item.style.size) / 1000, 0);
    while (line.items.length > 0 && widthOf() + markWidth > width) {
      const last = line.items.pop();
      const room = width - markWidth - widthOf();
      // A piece of a cut word is shortened to fit, not dropped whole.
      if (last?.cut) {
        const text = last.word.text.trimEnd();
        const end = this.fitEnd(text, 0, text.length, room, last.style, false);
        if (end > 0) line.items.push({ style: last.style, word: this.word(last.style.font, text.slice(0, end)) });
      }
    }
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
    const parts: string[] = [`q 1 0 0 -1 0 ${num(pageHeight)} cm BT`];
    let y = top;
    let font: FontHandle | undefined;
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
          font.useOnPage(doc);
          parts.push(`/${font.resourceName} ${num(size)} Tf`);
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
