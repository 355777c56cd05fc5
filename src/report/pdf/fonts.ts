import { createRequire } from 'node:module';
import path from 'node:path';
import { shareFonts, type Doc } from './pdfkitInternals.js';

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

/**
 * Makes the report fonts available to a new document (parsed once per process, see
 * `shareFonts`) and selects the regular one.
 */
export function useReportFonts(doc: Doc): void {
  shareFonts(doc, Object.values(reportFonts));
  doc.font(reportFonts.regular);
}
