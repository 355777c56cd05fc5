import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { LOGO_MAX_BYTES, prepareLogo, type LogoRefusalReason, type PreparedLogo } from '../../src/branding/logoImage.js';
import {
  animatedPng,
  cmykJpeg,
  gif,
  html,
  jpegWithExif,
  pdf,
  photoJpeg,
  plainPng,
  pngBomb,
  pngChunkTypes,
  pngOf600kB,
  pngTooManyPixels,
  pngWithAlpha,
  pngWithTextChunk,
  svg,
  truncatedPng,
} from '../fixtures/logoImages.js';

async function prepared(upload: Buffer): Promise<PreparedLogo> {
  const result = await prepareLogo(upload);
  if (!result.ok) throw new Error(`expected a prepared logo, got ${result.reason}: ${result.message}`);
  return result;
}

/** What a prepared logo must always be: a PNG of 8-bit sRGB, 3 channels, no metadata. */
async function expectPlainPng(logo: PreparedLogo): Promise<void> {
  expect(await fileTypeFromBuffer(logo.png)).toEqual({ ext: 'png', mime: 'image/png' });
  const meta = await sharp(logo.png).metadata();
  expect(meta).toMatchObject({ format: 'png', space: 'srgb', channels: 3, depth: 'uchar', hasAlpha: false, width: logo.width, height: logo.height });
  expect(meta.icc).toBeUndefined();
  expect(meta.exif).toBeUndefined();
  expect(meta.comments).toBeUndefined();
  expect(meta.isPalette).toBe(false);
  expect(pngChunkTypes(logo.png).filter((type) => !['IHDR', 'pHYs', 'IDAT', 'IEND'].includes(type))).toEqual([]);
}

async function pixelAt(png: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [...data.subarray(at, at + info.channels)];
}

/** Real image work (sharp) on a machine other test files share: more time than a unit test's default. */
describe('prepareLogo', { timeout: 20_000 }, () => {
  it('given a PNG with alpha, flattens it onto white as an 8-bit sRGB PNG of the same size', async () => {
    const logo = await prepared(await pngWithAlpha());
    await expectPlainPng(logo);
    expect([logo.width, logo.height]).toEqual([300, 120]);
    // 30 % red over white, and the opaque blue square as it was.
    expect(await pixelAt(logo.png, 5, 5)).toEqual([238, 187, 187]);
    expect(await pixelAt(logo.png, 50, 50)).toEqual([20, 60, 160]);
  });

  it('given a CMYK JPEG, gives an sRGB PNG of about the same colour', async () => {
    const logo = await prepared(await cmykJpeg());
    await expectPlainPng(logo);
    const [r = 0, g = 0, b = 0] = await pixelAt(logo.png, 100, 80);
    expect(Math.abs(r - 20) + Math.abs(g - 120) + Math.abs(b - 200)).toBeLessThan(40);
  });

  it('given a JPEG with EXIF, strips it after turning the image as its orientation said', async () => {
    const upload = await jpegWithExif();
    expect((await sharp(upload).metadata()).exif).toBeDefined();
    const logo = await prepared(upload);
    await expectPlainPng(logo);
    expect(logo.png.includes(Buffer.from('Someone private'))).toBe(false);
    expect([logo.width, logo.height]).toEqual([200, 300]);
  });

  it('given a PNG with a text chunk, leaves the chunk out', async () => {
    const upload = await pngWithTextChunk();
    expect(pngChunkTypes(upload)).toContain('tEXt');
    const logo = await prepared(upload);
    await expectPlainPng(logo);
    expect(logo.png.includes(Buffer.from('Someone private'))).toBe(false);
  });

  it('given a 16-bit PNG, gives an 8-bit one', async () => {
    const upload = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#884422' } }).toColourspace('rgb16').png().toBuffer();
    expect((await sharp(upload).metadata()).depth).toBe('ushort');
    await expectPlainPng(await prepared(upload));
  });

  it('given a wide logo, scales it to 1200 px on the long side, and never enlarges a small one', async () => {
    const wide = await prepared(await plainPng(3000, 500));
    expect([wide.width, wide.height]).toEqual([1200, 200]);
    const small = await prepared(await plainPng(90, 30));
    expect([small.width, small.height]).toEqual([90, 30]);
  });

  it('given a photograph, steps its size down until the PNG fits the budget', async () => {
    const upload = await photoJpeg();
    expect(upload.length).toBeLessThanOrEqual(LOGO_MAX_BYTES);
    const logo = await prepared(upload);
    await expectPlainPng(logo);
    expect(logo.png.length).toBeLessThanOrEqual(LOGO_MAX_BYTES);
    expect(Math.max(logo.width, logo.height)).toBeLessThan(1200);
    expect(logo.width / logo.height).toBeCloseTo(4 / 3, 1);
  });

  const refusals: [string, () => Buffer | Promise<Buffer>, LogoRefusalReason][] = [
    ['an empty file', () => Buffer.alloc(0), 'empty'],
    ['a 600 kB PNG', pngOf600kB, 'tooLarge'],
    ['one byte over the limit (checked before the content)', () => Buffer.alloc(LOGO_MAX_BYTES + 1, 0x89), 'tooLarge'],
    ['a GIF named logo.png', gif, 'notPngOrJpeg'],
    ['an SVG named logo.png', () => svg, 'notPngOrJpeg'],
    ['a PDF named logo.png', () => pdf, 'notPngOrJpeg'],
    ['an HTML file named logo.png', () => html, 'notPngOrJpeg'],
    ['bytes that are no known type, at the size limit', () => Buffer.alloc(LOGO_MAX_BYTES, 0x20), 'notPngOrJpeg'],
    ['an animated PNG', animatedPng, 'animated'],
    ['a PNG whose header claims 100000 x 100000 pixels', pngBomb, 'tooManyPixels'],
    ['a real 5000 x 4000 PNG', pngTooManyPixels, 'tooManyPixels'],
    ['a PNG cut off halfway', truncatedPng, 'unreadable'],
    ['a PNG header with no image data after it', async () => (await plainPng(10, 10)).subarray(0, 33), 'unreadable'],
  ];

  it.each(refusals)('given %s, refuses it with a reason and a message', async (_name, upload, reason) => {
    const result = await prepareLogo(await upload());
    expect(result).toMatchObject({ ok: false, reason });
    expect(result.ok ? '' : result.message).toMatch(/\w/);
  });
});
