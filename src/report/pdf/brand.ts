import type { ReportBranding } from '../reportBranding.js';
import type { ReportModel } from '../reportModelTypes.js';
import { openImage, type Doc, type OpenedImage } from './pdfkitInternals.js';

/**
 * The consultant firm's name and logo as one document draws them (see reportBranding.ts). The
 * logo is opened once, so the cover and every running header share one image object. It is drawn
 * as an artifact: the firm's name is said in text next to it wherever it appears.
 */

export interface Size {
  width: number;
  height: number;
}

export interface DocumentBrand {
  firmName: string;
  /** "Prepared by <firm>" for the cover. */
  preparedBy: string;
  logo?: OpenedImage;
}

/** The model's wording when it has none for a branded cover (a model built by hand): the name alone. */
const nameOnly = '{firm}';

/** Strips what a one-line name has no use for: control characters (line breaks among them). */
function oneLine(text: string): string {
  return text.replace(/\p{Cc}+/gu, ' ').trim();
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** IHDR fields: bit depth at byte 24, colour type (2: RGB, no alpha) at 25, interlace at 28. */
const PLAIN_RGB = { 24: 8, 25: 2, 28: 0 } as const;

/**
 * Whether a logo is what prepareLogo makes: a PNG of 8-bit RGB, without alpha, not interlaced.
 * pdfkit would give a PNG with alpha a soft mask, which PDF/A-1 forbids; it says nothing of a
 * tRNS chunk, which prepareLogo never writes.
 */
function isPlainRgbPng(png: Uint8Array): boolean {
  return png.length > 33 && PNG_SIGNATURE.every((byte, index) => png[index] === byte) && Object.entries(PLAIN_RGB).every(([at, value]) => png[Number(at)] === value);
}

/** The brand for this document, or undefined when the report carries none (or a blank name). */
export function documentBrand(doc: Doc, model: ReportModel, branding: ReportBranding | undefined): DocumentBrand | undefined {
  const firmName = oneLine(branding?.firmName ?? '');
  if (!branding || firmName === '') return undefined;
  // A function, so that "$&" or "$1" in a firm's name are kept as typed.
  const preparedBy = (model.labels.preparedByFirm ?? nameOnly).replace('{firm}', () => firmName);
  const { logo } = branding;
  if (!logo) return { firmName, preparedBy };
  if (!isPlainRgbPng(logo.png)) throw new Error('A report logo must be an 8-bit RGB PNG without alpha, as prepareLogo makes it');
  return { firmName, preparedBy, logo: openImage(doc, logo.png) };
}

/** The size of an image fitted into a box, its aspect ratio kept (scaled up or down to touch the box). */
export function fitInto(image: Size, box: Size): Size {
  const scale = Math.min(box.width / image.width, box.height / image.height);
  return { width: image.width * scale, height: image.height * scale };
}
