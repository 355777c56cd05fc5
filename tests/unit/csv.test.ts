import { describe, expect, it } from 'vitest';
import { csvField, neutraliseFormula, toCsv, UTF8_BOM } from '../../src/report/csv.js';

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
  ])('given text that starts like a formula (%j), prefixes a single quote', (text, expected) => {
    expect(neutraliseFormula(text)).toBe(expected);
  });

  it.each([['Nino Beridze'], ['ნინო ბერიძე'], ['Rəşad Məmmədov'], ['2027-01-15'], ['a=b'], ['x - y'], [''], ["'quoted"]])(
    'given ordinary text (%j), leaves it as typed',
    (text) => {
      expect(neutraliseFormula(text)).toBe(text);
    },
  );
});

describe('csvField', () => {
  it('given plain text, writes it bare', () => {
    expect(csvField('Tamar Gelashvili')).toBe('Tamar Gelashvili');
  });

  it('given a comma, a quote or a line break, quotes the field and doubles the quotes', () => {
    expect(csvField('Crime, Terrorism')).toBe('"Crime, Terrorism"');
    expect(csvField('The "IT" lead')).toBe('"The ""IT"" lead"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
  });

  it('given a formula with quotes and commas, neutralises it first and then quotes it', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });
});

describe('toCsv', () => {
  it('given rows, starts with the UTF-8 byte order mark and ends every record with CRLF', () => {
    const text = toCsv([
      ['Owner', 'Due date'],
      ['ნინო ბერიძე', '2027-01-15'],
      ['Rəşad, Məmmədov', '2027-02-01'],
    ]);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text).toBe(`${UTF8_BOM}Owner,Due date\r\nნინო ბერიძე,2027-01-15\r\n"Rəşad, Məmmədov",2027-02-01\r\n`);
    const bytes = Buffer.from(text, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('given no rows, gives just the byte order mark', () => {
    expect(toCsv([])).toBe(UTF8_BOM);
  });
});
