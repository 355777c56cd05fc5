import { fileTypeFromBuffer } from 'file-type';
import type { Sharp, SharpOptions } from 'sharp';

/**
 * Turns an uploaded logo into a plain image the PDF can carry, or says why it cannot.
 *
 * The upload is never trusted: its type is read from its bytes (never from its name or the type
 * the browser declared), its size in pixels is checked from its header before anything is
 * decoded (a small file can declare a huge image: a decompression bomb), and what is kept is a
 * fresh encoding, never the uploaded bytes. The result is what PDF/A-1 accepts and the report
 * needs: 8-bit sRGB without transparency (flattened onto white), without metadata (EXIF, ICC
 * profile, text chunks), turned the right way up, and no larger than a logo needs.
 *
 * Always PNG: logos are flat artwork, which PNG keeps sharp and small, where JPEG blurs the edges
 * of lettering. One format keeps one path through storage and through pdfkit (a PNG without
 * alpha embeds as one image, no soft mask). A photograph is the one case PNG is large for: it is
 * scaled down in steps until it fits the stored-size budget. The cover box is about 180 x 60 pt,
 * so even the smallest step (400 px) prints it at over 150 dpi.
 */

/** The largest upload accepted, in bytes. */
export const LOGO_MAX_BYTES = 500 * 1024;

/** The largest image accepted, in pixels (width x height): a 4096 px square. */
export const LOGO_MAX_INPUT_PIXELS = 4096 * 4096;

/** The long side of the stored image: the first step whose PNG fits the budget is kept. */
const LONG_SIDE_STEPS = [1200, 800, 600, 400] as const;

/** The stored PNG's budget: no larger than an upload may be, as it goes into every PDF. */
const STORED_MAX_BYTES = LOGO_MAX_BYTES;

const WHITE = { r: 255, g: 255, b: 255 };

export const LOGO_REFUSAL_REASONS = ['empty', 'tooLarge', 'notPngOrJpeg', 'unreadable', 'tooManyPixels', 'animated'] as const;

export type LogoRefusalReason = (typeof LOGO_REFUSAL_REASONS)[number];

export interface PreparedLogo {
  ok: true;
  /** A PNG: 8-bit RGB, no alpha, no metadata. */
  png: Buffer;
  /** In pixels, after turning the right way up and scaling down. */
  width: number;
  height: number;
}

export interface LogoRefusal {
  ok: false;
  reason: LogoRefusalReason;
  /** What was wrong, in plain words with the figures, for the log (pages word it through `t`). */
  message: string;
}

function refuse(reason: LogoRefusalReason, message: string): LogoRefusal {
  return { ok: false, reason, message };
}

function kilobytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} kB`;
}

/**
 * sharp (libvips) loaded on first use: only an admin's logo upload needs it, and loading it at
 * start made every instance carry libvips (see docs/PERFORMANCE.md, peak RSS).
 */
async function sharpOf(input: Buffer, options: SharpOptions): Promise<Sharp> {
  const { default: sharp } = await import('sharp');
  return sharp(input, options);
}

/** Decodes (turned by its EXIF orientation, never past the pixel limit) and flattens to 8-bit sRGB. */
async function decoded(upload: Buffer): Promise<Sharp> {
  return (await sharpOf(upload, { limitInputPixels: LOGO_MAX_INPUT_PIXELS, failOn: 'warning', autoOrient: true }))
    .flatten({ background: WHITE })
    .toColourspace('srgb');
}

async function encodeAt(upload: Buffer, longSide: number): Promise<PreparedLogo> {
  // sharp strips every piece of metadata unless asked to keep it (keepMetadata, withIccProfile...).
  const { data, info } = await (await decoded(upload))
    .resize({ width: longSide, height: longSide, fit: 'inside', withoutEnlargement: true })
    // zlib level 3 with adaptive row filters: within a few per cent of level 9's size on a
    // photograph, in a fifteenth of the time (three steps of a 1600 x 1200 photo: 0.2 s, not 3.5 s).
    .png({ compressionLevel: 3, adaptiveFiltering: true, palette: false, progressive: false })
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`A prepared logo must have 3 channels, not ${info.channels}`);
  return { ok: true, png: data, width: info.width, height: info.height };
}

/** What the header says of the image, without decoding it; undefined when it cannot be read. */
async function headerOf(upload: Buffer) {
  try {
    // No pixel limit here: the header alone is read, and the size it declares is checked below.
    return await (await sharpOf(upload, { limitInputPixels: false })).metadata();
  } catch {
    return undefined;
  }
}

export async function prepareLogo(upload: Buffer): Promise<PreparedLogo | LogoRefusal> {
  if (upload.length === 0) return refuse('empty', 'The file is empty');
  if (upload.length > LOGO_MAX_BYTES) return refuse('tooLarge', `The file is ${kilobytes(upload.length)}; the limit is ${kilobytes(LOGO_MAX_BYTES)}`);

  const type = await fileTypeFromBuffer(upload);
  if (type?.mime === 'image/apng') return refuse('animated', 'The file is an animated PNG');
  if (type?.mime !== 'image/png' && type?.mime !== 'image/jpeg') {
    return refuse('notPngOrJpeg', `The file's content is ${type ? type.mime : 'not a known type'}, not a PNG or JPEG`);
  }

  const header = await headerOf(upload);
  const format = type.mime === 'image/png' ? 'png' : 'jpeg';
  if (!header?.width || !header.height || header.format !== format) return refuse('unreadable', `The ${format.toUpperCase()} header cannot be read`);
  if ((header.pages ?? 1) > 1) return refuse('animated', `The image has ${header.pages} frames`);
  const pixels = header.width * header.height;
  if (pixels > LOGO_MAX_INPUT_PIXELS) {
    return refuse('tooManyPixels', `The image is ${header.width} x ${header.height} pixels; the limit is ${LOGO_MAX_INPUT_PIXELS} pixels in all`);
  }

  try {
    let prepared: PreparedLogo | undefined;
    for (const longSide of LONG_SIDE_STEPS) {
      prepared = await encodeAt(upload, longSide);
      if (prepared.png.length <= STORED_MAX_BYTES) break;
    }
    // The last step is small enough for any content (400 x 400 x 3 bytes before compression).
    return prepared ?? refuse('unreadable', 'The image could not be encoded');
  } catch (error) {
    return refuse('unreadable', `The image cannot be decoded: ${error instanceof Error ? error.message : String(error)}`);
  }
}
