import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';

/**
 * Every use of pdfkit (and fontkit) beyond their public API, in one place, behind a small typed
 * interface. The rest of the renderer calls only these functions and pdfkit's public API.
 *
 * Each use says why it is needed and the version it was checked on. All were checked on
 * pdfkit 0.20.2 (with its fontkit 2.0). After upgrading pdfkit, run `npm run test:integration`
 * (byte-identical output, PDF/A-1b, embedded fonts, extracted text) and `npm run bench:pdf`.
 * Where an internal is missing, each function falls back to pdfkit's own behaviour (slower,
 * same output) or throws if there is no safe fallback.
 *
 * The second part of the file is public pdfkit API that @types/pdfkit 0.17 does not describe
 * (structure element options, the outline): typed here so that no other module needs a cast.
 */

export type Doc = PDFKit.PDFDocument;

/* ========================================================================================= */
/* Fonts                                                                                       */
/* ========================================================================================= */

/** A glyph as fontkit gives it. */
export interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

/** A glyph position in 1/1000 em, as pdfkit's EmbeddedFont.layout returns it. */
export interface GlyphPosition {
  xAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/** pdfkit's EmbeddedFont (internal class): the fields this module reads and writes. */
interface EmbeddedFont {
  id: string;
  font?: ParsedFont;
  layoutCache?: Record<string, unknown>;
  ascender: number;
  scale: number;
  subset: { includeGlyph(glyphId: number): number };
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
  lineHeight(size: number, includeGap?: boolean): number;
  layout(text: string): { glyphs: Glyph[]; positions: GlyphPosition[] };
  ref(): unknown;
}

/** fontkit's TTFFont: what is read to settle glyph characters. */
interface ParsedFont {
  layout?: unknown;
  characterSet?: number[];
  glyphForCodePoint?: (codePoint: number) => unknown;
}

/**
 * One of a document's embedded fonts, as the text engine needs it: shaping, metrics, and adding
 * glyphs to the document's font subset.
 */
export interface FontHandle {
  /** The font's resource name in the document (e.g. F1). */
  readonly resourceName: string;
  /** Ascender in 1/1000 em. */
  readonly ascender: number;
  /** Line height in points at `size`, the font's line gap included. */
  lineHeight(size: number): number;
  /** Shapes text (glyphs, kerning, marks) with the font, in 1/1000 em. */
  shape(text: string): { glyphs: Glyph[]; positions: GlyphPosition[] };
  /**
   * Adds a glyph to the document's subset and returns its 4-digit hex code. `chars` are the
   * characters it stands for when fontkit knows none (written to the ToUnicode map).
   */
  include(glyph: Glyph, chars: number[] | undefined): string;
  /** Makes the font a resource of the current page (text drawn with raw operators needs it). */
  useOnPage(doc: Doc): void;
}

/**
 * The current font's EmbeddedFont. Internal `_font` (pdfkit 0.20.2): the text engine writes
 * text operators itself (see textLayout.ts for why) and needs the embedded font that
 * `doc.font(path)` selected, to shape with it and to add glyphs to its subset exactly as
 * pdfkit's own `EmbeddedFont.encode` does.
 */
function currentEmbeddedFont(doc: Doc): EmbeddedFont {
  const font = (doc as unknown as { _font?: EmbeddedFont })._font;
  if (!font || typeof font.layout !== 'function' || !font.subset || !Array.isArray(font.widths)) {
    throw new Error('pdfkit internals changed: the embedded font has no layout, subset or widths');
  }
  return font;
}

/** The font that `doc.font(fontPath)` selects, as a handle for the text engine. */
export function fontHandle(doc: Doc, fontPath: string): FontHandle {
  doc.font(fontPath);
  const font = currentEmbeddedFont(doc);
  return {
    resourceName: font.id,
    ascender: font.ascender,
    lineHeight: (size) => font.lineHeight(size, true),
    shape: (text) => font.layout(text),
    include(glyph, chars) {
      // As EmbeddedFont.encode (pdfkit 0.20.2), plus characters for glyphs fontkit knows none for.
      keepDecodedOutline(glyph);
      const gid = font.subset.includeGlyph(glyph.id);
      font.widths[gid] ??= glyph.advanceWidth * font.scale;
      font.unicode[gid] ??= glyph.codePoints.length > 0 || !chars ? glyph.codePoints : chars;
      return `0000${gid.toString(16)}`.slice(-4);
    },
    useOnPage(target) {
      // Internal `page.fonts` (pdfkit 0.20.2): the page's font resources, which pdfkit fills
      // only from its own text() calls.
      const fonts = target.page.fonts as Record<string, unknown>;
      fonts[font.id] ??= font.ref();
    },
  };
}

/*
 * Sharing fonts between documents. Left alone, pdfkit parses each font file again for every
 * document and shapes every word again (fontkit's shaping is most of the cost of a text-heavy
 * page). Within one process the parsed font and the shaped words are the same from one
 * document to the next, so they are kept:
 *  - the parsed fontkit font is registered under its file path (`registerFont` with a parsed
 *    font object as `src`: pdfkit 0.20.2 passes any non-string, non-buffer src through as an
 *    already-open font), so the document still selects the font by path;
 *  - each document's word-shaping cache (internal `EmbeddedFont.layoutCache`) is swapped for a
 *    shared one. pdfkit stores words already scaled to its 1000-unit em and only reads them.
 * If the internals are not there, the document keeps pdfkit's per-document behaviour.
 */

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

function embeddedFontOrNone(doc: Doc): EmbeddedFont | undefined {
  return (doc as unknown as { _font?: EmbeddedFont })._font;
}

/**
 * fontkit (2.0, via pdfkit 0.20.2) keeps one glyph object per glyph id, with the characters it
 * was first reached from; pdfkit writes those into the ToUnicode map. A glyph first reached as
 * a component of another (the s in ş, when a subset is written) would keep no characters, and
 * with a font shared between documents that depends on which documents came first. Reaching
 * every glyph from its characters up front makes it the same in every process.
 */
function settleGlyphCharacters(font: ParsedFont): void {
  if (!Array.isArray(font.characterSet) || typeof font.glyphForCodePoint !== 'function') return;
  for (const codePoint of font.characterSet) {
    // Ligature glyphs (ﬁ, ﬂ, ﬃ) are left to be reached from the letters they join, so that
    // copied or searched text reads "fi", not "ﬁ".
    if (!(codePoint >= 0xfb00 && codePoint <= 0xfb4f)) font.glyphForCodePoint(codePoint);
  }
}

function sharedFont(fontPath: string): SharedFont | null {
  const known = sharedFonts.get(fontPath);
  if (known !== undefined) return known;
  const probe = new PDFDocument({ autoFirstPage: false, font: fontPath });
  const parsed = embeddedFontOrNone(probe)?.font;
  let shared: SharedFont | null = null;
  if (parsed && typeof parsed.layout === 'function') {
    settleGlyphCharacters(parsed);
    shared = { font: parsed, layoutCache: Object.create(null) as Record<string, unknown> };
  }
  sharedFonts.set(fontPath, shared);
  return shared;
}

function trimSharedCaches(): void {
  if (++documentsSinceCheck < checkEvery) return;
  documentsSinceCheck = 0;
  for (const shared of sharedFonts.values()) {
    if (shared && Object.keys(shared.layoutCache).length > maxCachedWords) shared.layoutCache = Object.create(null) as Record<string, unknown>;
  }
}

/**
 * Makes the fonts at `fontPaths` available to a new document, parsed once per process and with
 * a shared word-shaping cache. The document should be created by `createPdfDocument` (no
 * default font), and selects fonts by these paths afterwards.
 */
export function shareFonts(doc: Doc, fontPaths: readonly string[]): void {
  trimSharedCaches();
  const register = doc as unknown as { registerFont(name: string, src: object): void };
  for (const fontPath of fontPaths) {
    const shared = sharedFont(fontPath);
    if (shared) register.registerFont(fontPath, shared.font);
    doc.font(fontPath);
    const embedded = embeddedFontOrNone(doc);
    if (shared && embedded?.font === shared.font && embedded.layoutCache) embedded.layoutCache = shared.layoutCache;
  }
}

/**
 * fontkit (2.0) decodes a glyph's outline again (internal `Glyph._decode`) each time a
 * document's font subset is written. The decoded outline never changes, and the parsed font
 * (so each glyph object) is shared by every document of the process: keep the first decoding.
 * Without `_decode`, nothing changes.
 */
const memoized = new WeakSet<object>();

function keepDecodedOutline(glyph: object): void {
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

/* ========================================================================================= */
/* The document                                                                                */
/* ========================================================================================= */

/**
 * A new document without a default font. `font: null` is accepted by pdfkit 0.20.2 (its
 * constructor only loads a font when the option is truthy) but not by the types: without it
 * pdfkit would load Helvetica (not embeddable under PDF/A) or parse DejaVu again.
 */
export function createPdfDocument(options: Omit<PDFKit.PDFDocumentOptions, 'font'>): Doc {
  return new PDFDocument({ ...options, font: null as unknown as string });
}

/** XMP-safe text: pdfkit 0.20.2 writes document info into the XMP metadata unescaped. */
function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Wraps `endMetadata` (pdfkit 0.20.2 calls it from `end()` under PDF/A). pdfkit writes the
 * document info into the XMP metadata as is, and an `&` or `<` there makes PDF/A validators
 * reject the file. The info dictionary itself is written first and must keep the text as
 * given, so the XMP copies are escaped only just before the metadata is written. PDF/A also
 * wants the modification date in both places, which pdfkit leaves out of the XMP.
 */
export function prepareMetadata(doc: Doc, modified: Date): void {
  const writeMetadata = doc.endMetadata.bind(doc);
  doc.endMetadata = () => {
    const info = doc.info as unknown as Record<string, unknown>;
    for (const key of ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer']) {
      const value = info[key];
      if (typeof value === 'string') info[key] = escapeXml(value);
    }
    const stamp = `${modified.toISOString().split('.')[0] ?? ''}Z`;
    doc.appendXML(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:ModifyDate>${stamp}</xmp:ModifyDate>
            <xmp:MetadataDate>${stamp}</xmp:MetadataDate>
        </rdf:Description>
        `);
    writeMetadata();
  };
}

/** The part of a pdfkit page's content stream that `compressPageContents` uses. */
interface ContentStream {
  buffer: Uint8Array[];
  compress: boolean;
  data: Record<string, unknown>;
}

/**
 * Compresses the pages' content streams at zlib level 1 instead of pdfkit's default 6, through
 * the page's internal `content` reference (pdfkit 0.20.2: `buffer`, `compress`, `data`). Text
 * streams of glyph codes compress almost as well (a few per cent larger) in a third of the
 * time; at the default, compression is a fifth of a report's rendering time. Call once all
 * drawing is over; a page with marked content still open (never expected) is left to pdfkit.
 */
export function compressPageContents(doc: Doc): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    const page = doc.switchToPage(index) as unknown as { content?: ContentStream; markings?: unknown[] };
    const content = page.content;
    if (!content || !Array.isArray(content.buffer) || !content.compress || (page.markings?.length ?? 0) > 0) continue;
    content.buffer = [deflateSync(Buffer.concat(content.buffer), { level: 1 })];
    content.data.Filter = 'FlateDecode';
    content.compress = false;
  }
}

/** The part of pdfkit's output machinery that `captureOutput` replaces. */
interface DocumentOutput {
  _write(data: Uint8Array | string): void;
  _offset: number;
  read(): Buffer | null;
}

/**
 * Collects the document's bytes as pdfkit writes them, replacing the internal `_write` and
 * keeping `_offset` (pdfkit 0.20.2). pdfkit pushes every object through a Node stream,
 * converting each string one character at a time, and the stream copies each chunk again: for
 * a report of a thousand objects that was a fifth of the rendering time. Writing into an array
 * gives the same bytes (strings hold only 8-bit characters, as pdfkit assumes) and keeps
 * pdfkit's byte count for the cross-reference table. Whatever pdfkit wrote before (the file
 * header) is taken from the stream first. Falls back to the stream if the internals are not
 * there.
 */
export function captureOutput(doc: Doc): () => Buffer {
  const output = doc as unknown as DocumentOutput;
  const chunks: Uint8Array[] = [];
  if (typeof output._write !== 'function' || typeof output._offset !== 'number') {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    return () => Buffer.concat(chunks);
  }
  const head = output.read();
  if (head) chunks.push(head);
  output._write = (data) => {
    const bytes = typeof data === 'string' ? Buffer.from(`${data}\n`, 'latin1') : data;
    chunks.push(bytes);
    output._offset += bytes.length;
  };
  return () => Buffer.concat(chunks);
}

/* ========================================================================================= */
/* Public pdfkit 0.20 API that @types/pdfkit 0.17 does not describe                            */
/* ========================================================================================= */

export interface OutlineItem {
  addItem(title: string, options?: { expanded?: boolean; fit?: boolean }): OutlineItem;
}

/** Options of `doc.struct()` (alternate text, bounding box, table header scope). */
export interface StructOptions {
  alt?: string;
  bbox?: [number, number, number, number];
  scope?: 'Row' | 'Column' | 'Both';
}

/** The document's outline root (`doc.outline`), whose items also take `fit` (a /Fit destination). */
export function outlineRoot(doc: Doc): OutlineItem {
  return doc.outline;
}

/**
 * Sets the outline root expanded. Internal `outline.options` (pdfkit 0.20.2): PDFBox Preflight
 * rejects an outline root without /Count, and pdfkit writes /Count only for an expanded item;
 * the root takes no options through the public API.
 */
export function expandOutlineRoot(doc: Doc): void {
  const root = doc.outline as unknown as { options: Record<string, unknown> };
  root.options = { ...root.options, expanded: true };
}

/** An image opened once for a document, to be drawn on any number of pages. */
export interface OpenedImage {
  /** In pixels. */
  readonly width: number;
  readonly height: number;
}

/**
 * Opens an image from its bytes (`doc.openImage`, public pdfkit 0.20 API that @types/pdfkit 0.17
 * does not describe). pdfkit keeps an image opened from a file path for reuse, but embeds one
 * given as bytes again at every `image()` call: opened once, every page shares one image object.
 */
export function openImage(doc: Doc, bytes: Uint8Array): OpenedImage {
  return (doc as unknown as { openImage(src: Uint8Array): OpenedImage }).openImage(bytes);
}

/** Draws an opened image with its top left corner at (x, y), `width` x `height` points. */
export function drawImage(doc: Doc, image: OpenedImage, x: number, y: number, width: number, height: number): void {
  // pdfkit's image() takes what openImage returned as well as a source (not in the types).
  doc.image(image as unknown as Buffer, x, y, { width, height });
}
