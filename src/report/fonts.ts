import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The report's fonts: DejaVu Sans, one TrueType family that covers Latin with the Azerbaijani
 * letters (ə ğ ı ş ç ö ü), Cyrillic and Georgian, so text typed in any of them renders without
 * font fallback. TTF only: WOFF2 embeds wrongly in pdfkit.
 *
 * Fonts are selected by file path, never by a registered name or a buffer: pdfkit caches a font
 * per document under its path, and re-reads a font selected otherwise for every table cell.
 */
const require = createRequire(import.meta.url);

const fontDirectory = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const reportFonts = {
  regular: path.join(fontDirectory, 'DejaVuSans.ttf'),
  bold: path.join(fontDirectory, 'DejaVuSans-Bold.ttf'),
  italic: path.join(fontDirectory, 'DejaVuSans-Oblique.ttf'),
} as const;

export type ReportFont = keyof typeof reportFonts;
