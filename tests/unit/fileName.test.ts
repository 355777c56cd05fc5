import { describe, expect, it } from 'vitest';
import { asciiSlug, downloadContentDisposition, downloadFileName, reportContentDisposition, reportFileName, rfc5987Value } from '../../src/report/fileName.js';

const issuedAt = new Date('2026-11-28T23:59:00Z');

/** Parses the `filename*` parameter back to text, as a browser would. */
function decodedFileNameStar(header: string): string {
  const match = /filename\*=UTF-8''([^;]+)$/.exec(header);
  if (!match?.[1]) throw new Error(`no filename* in ${header}`);
  return decodeURIComponent(match[1]);
}

describe('reportFileName', () => {
  it.each([
    ['Acme Logistics LLC', 'RiskPlan-Acme-Logistics-LLC-2026-11-28.pdf'],
    ['Şəki Ğıda MMC', 'RiskPlan-Seki-Gida-MMC-2026-11-28.pdf'],
    ['Gəncə Çay Ölkəsi Üzüm', 'RiskPlan-Gence-Cay-Olkesi-Uzum-2026-11-28.pdf'],
    ['შპს ქართლი', 'RiskPlan-shps-kartli-2026-11-28.pdf'],
    ['ООО «Каспий Щит»', 'RiskPlan-OOO-Kaspii-Shchit-2026-11-28.pdf'],
    ['"../../etc/passwd"', 'RiskPlan-etc-passwd-2026-11-28.pdf'],
    ['★ ☂ ✈', 'RiskPlan-report-2026-11-28.pdf'],
    ['', 'RiskPlan-report-2026-11-28.pdf'],
  ])('given the company %j, gives the ASCII name %s', (company, expected) => {
    expect(reportFileName(company, issuedAt).ascii).toBe(expected);
  });

  it('given any company, gives an ASCII name of safe characters only', () => {
    const { ascii } = reportFileName('Şəki; "x" \r\n\\ / ქართლი <Каспий> & co', issuedAt);
    expect(ascii).toMatch(/^[A-Za-z0-9.-]+$/);
  });

  it('given a very long company name, caps the length of both names', () => {
    const { ascii, unicode } = reportFileName('Ş'.repeat(500), issuedAt);
    expect(ascii.length).toBeLessThanOrEqual(120);
    expect(unicode.length).toBeLessThanOrEqual(120);
  });

  it('given the issue time, uses its UTC date', () => {
    expect(reportFileName('Acme', new Date('2026-01-01T00:30:00+02:00')).ascii).toBe('RiskPlan-Acme-2025-12-31.pdf');
  });
});

describe('asciiSlug', () => {
  it('given mixed scripts in one name, transliterates each letter', () => {
    expect(asciiSlug('Bakı ბათუმი Москва')).toBe('Baki-batumi-Moskva');
  });
});

describe('rfc5987Value', () => {
  it('given any text, encodes every byte outside attr-char and decodes back to the text', () => {
    const text = "Şəki ქართლი Каспий (it's) *50%*.pdf";
    const value = rfc5987Value(text);
    expect(value.startsWith("UTF-8''")).toBe(true);
    expect(value.slice(7)).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
    expect(decodeURIComponent(value.slice(7))).toBe(text);
  });
});

describe('reportContentDisposition', () => {
  it('given a company typed in Azerbaijani, Georgian and Cyrillic, keeps it in filename* and gives an ASCII fallback', () => {
    const header = reportContentDisposition('Şəki · ქართლი · Каспий', issuedAt);
    expect(header).toBe(
      `attachment; filename="RiskPlan-Seki-kartli-Kaspii-2026-11-28.pdf"; filename*=${rfc5987Value('RiskPlan - Şəki · ქართლი · Каспий - 2026-11-28.pdf')}`,
    );
    expect(decodedFileNameStar(header)).toBe('RiskPlan - Şəki · ქართლი · Каспий - 2026-11-28.pdf');
  });

  it('given quotes, line breaks and path separators in the name, gives a header that cannot be split or escaped', () => {
    const header = reportContentDisposition('Evil"\r\nSet-Cookie: x=1\\..\\/', issuedAt);
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toMatch(/^attachment; filename="[^"]+"; filename\*=UTF-8''[^\s";]+$/);
    expect(decodedFileNameStar(header)).not.toMatch(/["/\\\r\n]/);
  });

  it('given inline, says inline', () => {
    expect(reportContentDisposition('Acme', issuedAt, 'inline')).toMatch(/^inline; filename="RiskPlan-Acme-2026-11-28.pdf"/);
  });

  it('given only ASCII, header is plain ASCII', () => {
    expect(reportContentDisposition('Acme Ltd', issuedAt)).toMatch(/^[\x20-\x7e]+$/);
  });
});

describe('downloadFileName', () => {
  it.each([
    ['report', 'pdf', 'RiskPlan-Seki-2026-11-28.pdf', 'RiskPlan - Şəki - 2026-11-28.pdf'],
    ['report', 'docx', 'RiskPlan-Seki-2026-11-28.docx', 'RiskPlan - Şəki - 2026-11-28.docx'],
    ['actionPlan', 'xlsx', 'RiskPlan-Seki-action-plan-2026-11-28.xlsx', 'RiskPlan - Şəki - action plan - 2026-11-28.xlsx'],
    ['actionPlan', 'csv', 'RiskPlan-Seki-action-plan-2026-11-28.csv', 'RiskPlan - Şəki - action plan - 2026-11-28.csv'],
  ] as const)('given %s as %s, names the file after the company and the date', (content, extension, ascii, unicode) => {
    expect(downloadFileName('Şəki', issuedAt, content, extension)).toEqual({ ascii, unicode });
  });

  it('given the report as PDF, gives the same name as reportFileName', () => {
    expect(downloadFileName('Acme', issuedAt, 'report', 'pdf')).toEqual(reportFileName('Acme', issuedAt));
  });
});

describe('downloadContentDisposition', () => {
  it('given a company in Georgian, gives an attachment with the ASCII fallback and the name as typed in filename*', () => {
    const name = downloadFileName('შპს ქართლი', issuedAt, 'actionPlan', 'xlsx');
    const header = downloadContentDisposition(name);
    expect(header).toMatch(/^attachment; filename="?RiskPlan-shps-kartli-action-plan-2026-11-28\.xlsx"?; filename\*=UTF-8''/);
    expect(decodedFileNameStar(header)).toBe('RiskPlan - შპს ქართლი - action plan - 2026-11-28.xlsx');
  });

  it('given quotes and line breaks in the company, gives a header that cannot be split', () => {
    const header = downloadContentDisposition(downloadFileName('Evil"\r\nSet-Cookie: x=1', issuedAt, 'report', 'docx'));
    expect(header).not.toMatch(/[\r\n]/);
    expect(decodedFileNameStar(header)).not.toMatch(/["\r\n]/);
  });
});
