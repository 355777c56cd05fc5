import { create as contentDisposition } from 'content-disposition';

/**
 * The download name of a report. Browsers read `filename*` (RFC 6266 with the RFC 5987
 * UTF-8 encoding) and keep the company name as typed, in any script; `filename` is the plain
 * ASCII fallback for older clients, so it transliterates Azerbaijani, Georgian and Russian
 * letters rather than dropping them.
 */

const fileNamePrefix = 'RiskPlan';
const fallbackCompany = 'report';
const maxCompanyChars = 80;

/** Letters that Unicode decomposition does not reduce to ASCII. */
const latinExtras: Readonly<Record<string, string>> = {
  ə: 'e', Ə: 'E', ı: 'i', İ: 'I', ß: 'ss', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE',
  đ: 'd', Đ: 'D', ł: 'l', Ł: 'L', þ: 'th', Þ: 'Th',
};

/** Russian: the common passport-style romanisation. */
const cyrillic: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
  // Azerbaijani Cyrillic letters, still seen in older company names.
  ә: 'e', ғ: 'g', ҹ: 'c', һ: 'h', ө: 'o', ү: 'u', ҝ: 'g', ј: 'y',
};

/** Georgian Mkhedruli: the 2002 national romanisation, without its apostrophes. */
const georgian: Readonly<Record<string, string>> = {
  ა: 'a', ბ: 'b', გ: 'g', დ: 'd', ე: 'e', ვ: 'v', ზ: 'z', თ: 't', ი: 'i', კ: 'k', ლ: 'l',
  მ: 'm', ნ: 'n', ო: 'o', პ: 'p', ჟ: 'zh', რ: 'r', ს: 's', ტ: 't', უ: 'u', ფ: 'p', ქ: 'k',
  ღ: 'gh', ყ: 'q', შ: 'sh', ჩ: 'ch', ც: 'ts', ძ: 'dz', წ: 'ts', ჭ: 'ch', ხ: 'kh', ჯ: 'j', ჰ: 'h',
};

function transliterateChar(char: string): string {
  const lower = char.toLowerCase();
  const fromCyrillic = cyrillic[lower];
  if (fromCyrillic !== undefined) {
    return char === lower ? fromCyrillic : fromCyrillic.charAt(0).toUpperCase() + fromCyrillic.slice(1);
  }
  return georgian[char] ?? latinExtras[char] ?? char;
}

/** ASCII letters and digits of a name, words joined by hyphens. */
export function asciiSlug(text: string): string {
  const transliterated = Array.from(text, transliterateChar).join('');
  return transliterated
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxCompanyChars)
    .replace(/-+$/, '');
}

/** The company name as typed, minus what no file system accepts in a name. */
function displayName(text: string): string {
  return text
    .replace(/[\p{Cc}\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/gu, '')
    .replace(/[/\\:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, maxCompanyChars)
    .trim();
}

function isoDate(issuedAt: Date): string {
  return issuedAt.toISOString().slice(0, 10);
}

export interface ReportFileName {
  /** Plain ASCII, safe inside a quoted `filename` parameter. */
  ascii: string;
  /** The name with the company as typed (UTF-8). */
  unicode: string;
}

/** What a download holds: the whole report, or the action plan alone (named as such). */
export type DownloadContent = 'report' | 'actionPlan';
export type DownloadExtension = 'pdf' | 'docx' | 'xlsx' | 'csv';

/** The words that follow the company in an action plan's name; the report's name has none. */
const contentWords: Readonly<Record<DownloadContent, { ascii: string; unicode: string } | undefined>> = {
  report: undefined,
  actionPlan: { ascii: 'action-plan', unicode: 'action plan' },
};

/** The download name of any of an assessment's files: the report as PDF or DOCX, the action plan as XLSX or CSV. */
export function downloadFileName(company: string, issuedAt: Date, content: DownloadContent, extension: DownloadExtension): ReportFileName {
  const date = isoDate(issuedAt);
  const slug = asciiSlug(company) || fallbackCompany;
  const shown = displayName(company) || fallbackCompany;
  const words = contentWords[content];
  return {
    ascii: [fileNamePrefix, slug, words?.ascii, date].filter(Boolean).join('-') + `.${extension}`,
    unicode: [fileNamePrefix, shown, words?.unicode, date].filter(Boolean).join(' - ') + `.${extension}`,
  };
}

export function reportFileName(company: string, issuedAt: Date): ReportFileName {
  return downloadFileName(company, issuedAt, 'report', 'pdf');
}

/** The download name of an issued report: the company and its number and revision, e.g. RiskPlan-Acme-RP-2026-000042-rev-2.pdf. */
export function issuedReportFileName(company: string, reportNumber: string, revision: number): ReportFileName {
  const slug = asciiSlug(company) || fallbackCompany;
  const shown = displayName(company) || fallbackCompany;
  return {
    ascii: `${fileNamePrefix}-${slug}-${reportNumber}-rev-${revision}.pdf`,
    unicode: `${fileNamePrefix} - ${shown} - ${reportNumber} rev ${revision}.pdf`,
  };
}

/** RFC 5987 `ext-value`: UTF-8, every byte outside `attr-char` percent-encoded. */
export function rfc5987Value(text: string): string {
  const encoded = encodeURIComponent(text).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `UTF-8''${encoded}`;
}

/**
 * The full Content-Disposition header value for a report download, e.g.
 * `attachment; filename="RiskPlan-Acme-2026-11-28.pdf"; filename*=UTF-8''RiskPlan%20-%20...`.
 */
export function reportContentDisposition(
  company: string,
  issuedAt: Date,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  const name = reportFileName(company, issuedAt);
  return `${disposition}; filename="${name.ascii}"; filename*=${rfc5987Value(name.unicode)}`;
}

/**
 * The Content-Disposition header of a download (the content-disposition package, which Express
 * itself uses): `filename*` keeps the name as typed, `filename` is the ASCII fallback.
 */
export function downloadContentDisposition(name: ReportFileName): string {
  return contentDisposition(name.unicode, { fallback: name.ascii });
}
