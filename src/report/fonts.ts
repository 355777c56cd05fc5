import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

/**
 * The report's fonts: DejaVu Sans, one TrueType family that covers Latin with the Azerbaijani
 * letters (ə ğ ı ş ç ö ü), Cyrillic and Georgian, so text typed in any of them renders without
 * font fallback. TTF only: WOFF2 embeds wrongly in pdfkit.
 *
 * Fonts are selected by file path, never by a name or a buffer: pdfkit caches a font per
 * document under the string it was selected with, and re-reads a font selected otherwise for
 * every table cell.
 */
const require = createRequire(import.meta.url);

const fontDirectory = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const reportFonts = {
  regular: path.join(fontDirectory, 'DejaVuSans.ttf'),
  bold: path.join(fontDirectory, 'DejaVuSans-Bold.ttf'),
  italic: path.join(fontDirectory, 'DejaVuSans-Oblique.ttf'),
} as const;

export type ReportFont = keyof typeof reportFonts;

/*
 * Sharing work between documents. Left alone, pdfkit parses each font file again for every
 * document and shapes every word again (fontkit's OpenType shaping is most of the cost of a
 * text-heavy page). Within one process (one render worker) the parsed font and the shaped
 * words are the same from one document to the next, so they are kept:
 *  - the parsed font is registered under its file path, so the document still selects the
 *    font by path and caches it per document as usual;
 *  - each document's word-shaping cache is swapped for a shared one. pdfkit stores words
 *    already scaled to its 1000-unit em, and only reads them afterwards.
 * Both rely on pdfkit 0.20 internals (`_font.font`, `layoutCache`). If they are not there, the
 * document falls back to pdfkit's own per-document behaviour: slower, identical output.
 */

interface ParsedFont {
  layout?: unknown;
  characterSet?: number[];
  glyphForCodePoint?: (codePoint: number) => unknown;
}

interface EmbeddedFontInternals {
  font?: ParsedFont;
  layoutCache?: Record<string, unknown>;
}

interface SharedFont {
  font: object;
  layoutCache: Record<string, unknown>;
}

/** Shaped words kept per font before the cache starts again (user text keeps adding words). */
const maxCachedWords = 40_000;
/** Documents between checks of the cache size (counting keys is not free). */
const checkEvery = 8;

const sharedFonts = new Map<string, SharedFont | null>();
let documentsSinceCheck = 0;

function currentFont(doc: PDFKit.PDFDocument): EmbeddedFontInternals | undefined {
  return (doc as unknown as { _font?: EmbeddedFontInternals })._font;
}

/**
 * fontkit keeps one glyph object per glyph id, with the characters it was first reached from;
 * pdfkit writes those into the ToUnicode map that text extraction reads. A glyph first reached
 * as a component of another (the s in ş, when a document's font subset is written) would keep
 * no characters, and with a font shared between documents that depends on which documents came
 * first. Reaching every glyph from its characters up front makes it the same in every process.
 */
function settleGlyphCharacters(font: ParsedFont): void {
  if (!Array.isArray(font.characterSet) || typeof font.glyphForCodePoint !== 'function') return;
  for (const codePoint of font.characterSet) {
    // Ligature glyphs (ﬁ, ﬂ, ﬃ) are left to be reached from the letters they join, so that
    // copied or searched text reads "fi", not "ﬁ".
    if (!isPresentationForm(codePoint)) font.glyphForCodePoint(codePoint);
  }
}

function isPresentationForm(codePoint: number): boolean {
  return codePoint >= 0xfb00 && codePoint <= 0xfb4f;
}

function sharedFont(fontPath: string): SharedFont | null {
  const known = sharedFonts.get(fontPath);
  if (known !== undefined) return known;
  const probe = new PDFDocument({ autoFirstPage: false, font: fontPath });
  const parsed = currentFont(probe)?.font;
  let shared: SharedFont | null = null;
  if (parsed && typeof parsed.layout === 'function') {
    settleGlyphCharacters(parsed);
    shared = { font: parsed, layoutCache: Object.create(null) as Record<string, unknown> };
  }
  sharedFonts.set(fontPath, shared);
  return shared;
}

function trimCaches(): void {
  if (++documentsSinceCheck < checkEvery) return;
  documentsSinceCheck = 0;
  for (const shared of sharedFonts.values()) {
    if (shared && Object.keys(shared.layoutCache).length > maxCachedWords) shared.layoutCache = Object.create(null) as Record<string, unknown>;
  }
}

/**
 * Makes the report fonts available to a new document (selected by file path) and selects the
 * regular one. Create the document with `font: null` so that pdfkit loads no default font.
 */
export function useReportFonts(doc: PDFKit.PDFDocument): void {
  trimCaches();
  const register = doc as unknown as { registerFont(name: string, src: object): void };
  for (const fontPath of Object.values(reportFonts)) {
    const shared = sharedFont(fontPath);
    if (shared) register.registerFont(fontPath, shared.font);
    doc.font(fontPath);
    const embedded = currentFont(doc);
    if (shared && embedded?.font === shared.font && embedded.layoutCache) embedded.layoutCache = shared.layoutCache;
  }
  doc.font(reportFonts.regular);
}

/**
 * fontkit decodes a glyph's outline again each time a document's font subset is written. The
 * decoded outline never changes, and the parsed font (so each glyph object) is shared by every
 * document of the process: keep the first decoding. Relies on fontkit's `_decode`; without it,
 * nothing changes.
 */
const memoized = new WeakSet<object>();

export function keepDecodedOutline(glyph: object): void {
  if (memoized.has(glyph)) return;
  memoized.add(glyph);
  const target = glyph as { _decode?: () => unknown };
  const decode = target._decode;
  if (typeof decode !== 'function') return;
  let decoded: unknown;
  let done = false;
  target._decode = () => {
    if (!done) {
      decoded = decode.call(glyph);
      done = true;
    }
    return decoded;
  };
}
