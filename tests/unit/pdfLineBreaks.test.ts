import { describe, expect, it } from 'vitest';
import { useReportFonts } from '../../src/report/pdf/fonts.js';
import { breakSegments } from '../../src/report/pdf/lineBreaks.js';
import { createPdfDocument } from '../../src/report/pdf/pdfkitInternals.js';
import { pdfStyles } from '../../src/report/pdf/styles.js';
import { TextEngine, type TextLayout } from '../../src/report/pdf/textLayout.js';

/*
 * Line breaking as the PDF draws it: the break opportunities (UAX #14, from `linebreak`) and the
 * lines the text engine really lays out with the report's fonts.
 */

const body = pdfStyles.text.body;

function segments(text: string): string[] {
  return breakSegments(text).map((segment) => segment.text);
}

function engine(): TextEngine {
  const doc = createPdfDocument({ autoFirstPage: true, size: 'A4' });
  useReportFonts(doc);
  return new TextEngine(doc);
}

function lines(layout: TextLayout): string[] {
  return layout.lines.map((line) => line.items.map((item) => item.word.text).join(''));
}

describe('breakSegments', () => {
  it.each([
    ['Georgian', 'საქართველოს რკინიგზა შეჩერდა', ['საქართველოს ', 'რკინიგზა ', 'შეჩერდა']],
    ['Azerbaijani', 'Gəncə şəhərində ərzaq anbarı', ['Gəncə ', 'şəhərində ', 'ərzaq ', 'anbarı']],
    ['Cyrillic', 'Поставщик топлива, Рустави', ['Поставщик ', 'топлива, ', 'Рустави']],
    ['a hyphenated word', 'Tbilisi-Baku pipeline', ['Tbilisi-', 'Baku ', 'pipeline']],
    ['a number range (no break)', 'days 12-15', ['days ', '12-15']],
    ['a URL (after its slashes)', 'https://gov.ge/emergency/en', ['https://', 'gov.ge/', 'emergency/', 'en']],
    ['a slash before a number (no break)', 'see gov.ge/112', ['see ', 'gov.ge/112']],
    ['dashes', 'cut — then', ['cut ', '— ', 'then']],
  ])('given %s, breaks only where UAX #14 allows', (_name, text, expected) => {
    expect(segments(text)).toEqual(expected);
  });

  it('given newlines, marks hard breaks and drops the line terminators', () => {
    expect(breakSegments('one\r\ntwo\n\nthree')).toEqual([
      { text: 'one', hardBreak: true },
      { text: 'two', hardBreak: true },
      { text: '', hardBreak: true },
      { text: 'three', hardBreak: false },
    ]);
  });

  it('given zero-width spaces and soft hyphens, breaks there and drops them', () => {
    expect(segments('abc\u200bdef ghi\u00adjkl')).toEqual(['abc', 'def ', 'ghi', 'jkl']);
  });

  it('given a 100,000-character word, finds its one segment in linear time', () => {
    const word = 'ə'.repeat(100_000);
    const start = performance.now();
    expect(segments(`${word} end`)).toEqual([`${word} `, 'end']);
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});

describe('TextEngine.layout', () => {
  it('given mixed-script text, fills each line and breaks only between words', () => {
    const text = 'Şəki Ğıda MMC საქართველოს რკინიგზა Каспийская логистика '.repeat(6).trim();
    const laid = engine().layout([{ text, style: body }], 200);
    expect(laid.lines.length).toBeGreaterThan(3);
    expect(laid.lines.every((line) => line.width <= 200.01)).toBe(true);
    expect(lines(laid).join('').replace(/\s+/g, ' ').trim()).toBe(text);
    const words = new Set(text.split(' '));
    for (const line of lines(laid)) expect(line.trim().split(' ').every((word) => words.has(word))).toBe(true);
  });

  it('given a URL longer than the line, breaks it after a slash, not inside a name', () => {
    const url = 'https://www.example-ministry.gov.az/en/emergency/numbers/regional-offices';
    const laid = engine().layout([{ text: url, style: body }], 150);
    expect(lines(laid).join('')).toBe(url);
    expect(laid.lines.length).toBeGreaterThan(1);
    for (const line of lines(laid).slice(0, -1)) expect(line).toMatch(/[/.-]$/);
  });

  it('given a hyphenated compound at the end of a line, breaks after the hyphen and keeps it', () => {
    const laid = engine().layout([{ text: 'Supplies arrive by the Georgia-Azerbaijan road', style: body }], 150);
    expect(lines(laid)[0]).toMatch(/Georgia-$/);
  });

  it('given a newline, starts a new line and keeps a space so extracted lines do not run together', () => {
    expect(lines(engine().layout([{ text: 'first\nsecond', style: body }], 400))).toEqual(['first ', 'second']);
  });

  it('given a word wider than the line, cuts it between letters and never before an accent', () => {
    const word = 'ş̧'.repeat(300);
    const laid = engine().layout([{ text: word, style: body }], 120);
    expect(laid.lines.length).toBeGreaterThan(5);
    expect(lines(laid).join('')).toBe(word);
    for (const line of lines(laid)) expect(line).toMatch(/^[^\p{M}]/u);
    expect(laid.lines.every((line) => line.width <= 121)).toBe(true);
  });

  it('given a 100,000-character word, lays it out within a second', () => {
    const word = 'ə'.repeat(100_000);
    const start = performance.now();
    const laid = engine().layout([{ text: word, style: body }], 480);
    expect(performance.now() - start).toBeLessThan(1_000);
    expect(lines(laid).join('')).toBe(word);
  });

  it('given a word wider than the line after other words, starts cutting it on the same line', () => {
    const laid = engine().layout([{ text: `Long: ${'ə'.repeat(400)}`, style: body }], 200);
    expect(lines(laid)[0]).toMatch(/^Long: ə+$/u);
    expect(laid.lines[0]?.width).toBeGreaterThan(190);
  });

  it('given one line of room for a company name with a long word, fills the line before the ellipsis', () => {
    const style = pdfStyles.text.runningStrong;
    const text = 'Qafqaz Ərzaq MMC — Gəncəşəhərikəndtəsərrüfatıməhsullarıixracatçısı';
    const texts = engine();
    const laid = texts.layout([{ text, style }], 235, { maxHeight: texts.lineHeight(style) });
    expect(laid.truncated).toBe(true);
    expect(lines(laid)).toHaveLength(1);
    expect(lines(laid)[0]).toMatch(/^Qafqaz Ərzaq MMC — Gəncə\p{L}+…$/u);
    expect(laid.width).toBeGreaterThan(220);
  });

  it('given a height limit, stops early and ends the last line with an ellipsis', () => {
    const laid = engine().layout([{ text: 'ქ'.repeat(100_000), style: body }], 200, { maxHeight: 40 });
    expect(laid.truncated).toBe(true);
    expect(laid.height).toBeLessThanOrEqual(40);
    expect(lines(laid).at(-1)?.endsWith('…')).toBe(true);
  });
});

