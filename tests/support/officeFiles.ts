import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/**
 * Reads back what the exports produce, as other programs would: an XLSX's workbook, the paragraphs of a DOCX with
 * their Word style, the rows of a CSV, and a PDF's text and bookmarks (poppler and qpdf).
 */

function xmlText(xml: string): string {
  return xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

/** A workbook as Excel would open it. */
export async function xlsxWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

export interface DocxParagraph {
  /** The paragraph style id (Title, Heading1 ...), undefined for Normal. */
  style: string | undefined;
  text: string;
}

export async function docxPart(docx: Buffer, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const file = zip.file(part);
  if (!file) throw new Error(`No ${part} in the DOCX`);
  return file.async('string');
}

/** Every paragraph of word/document.xml in order (table cells included), with its style and text. */
export async function docxParagraphs(docx: Buffer): Promise<DocxParagraph[]> {
  const xml = await docxPart(docx, 'word/document.xml');
  return [...xml.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)].map((match) => {
    const body = match[1] ?? '';
    const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(body)?.[1];
    const text = [...body.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => xmlText(t[1] ?? '')).join('');
    return { style, text };
  });
}

const headingStyles: Readonly<Record<string, number>> = { Title: 0, Heading1: 1, Heading2: 2, Heading3: 3 };

/** The document's headings: Title is level 0, Heading 1 to 3 are levels 1 to 3. */
export async function docxHeadings(docx: Buffer): Promise<{ level: number; text: string }[]> {
  return (await docxParagraphs(docx)).flatMap((p) => {
    const level = p.style === undefined ? undefined : headingStyles[p.style];
    return level === undefined ? [] : [{ level, text: p.text }];
  });
}

/** A PDF's text (poppler), white space collapsed: headings that wrap read as one line. */
export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, maxBuffer: 64 * 1024 * 1024 }).toString('utf8').replace(/\s+/g, ' ');
}

export interface PdfBookmark {
  title: string;
  kids: PdfBookmark[];
}

/** A PDF's bookmarks (qpdf). */
export function pdfBookmarks(pdf: Buffer): PdfBookmark[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'riskplan-outline-'));
  try {
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    const json = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=outlines', file]).toString('utf8')) as { outlines: PdfBookmark[] };
    const strip = (items: PdfBookmark[]): PdfBookmark[] => items.map((item) => ({ title: item.title, kids: strip(item.kids) }));
    return strip(json.outlines);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether the texts occur in the haystack in this order (each found after the one before); the first missing, if any. */
export function firstMissingInOrder(haystack: string, texts: readonly string[]): string | undefined {
  let from = 0;
  for (const text of texts) {
    const at = haystack.indexOf(text.replace(/\s+/g, ' '), from);
    if (at < 0) return text;
    from = at + text.length;
  }
  return undefined;
}

/** RFC 4180 records of a CSV text whose fields hold no line breaks: split at CRLF, then at commas outside quotes. */
export function csvRecords(text: string): string[][] {
  return text
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => {
      const field = m[1] ?? '';
      return field.startsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field;
    }));
}
