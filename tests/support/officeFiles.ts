import { execFileSync } from 'node:child_process';
import JSZip from 'jszip';

/**
 * Reads back what the exports produce, as other programs would: the paragraphs of a DOCX with
 * their Word style, the rows of a CSV, and the tagged headings of a PDF (poppler's structure tree).
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

/** The headings a tagged PDF carries (H1 to H6), in order, from `pdfinfo -struct-text`. */
export function pdfTaggedHeadings(pdf: Buffer): { tag: string; text: string }[] {
  const lines = execFileSync('pdfinfo', ['-struct-text', '-'], { input: pdf, maxBuffer: 64 * 1024 * 1024 }).toString('utf8').split('\n');
  return lines.flatMap((line, index) => {
    const tag = /^\s*(H[1-6]) \(block\)$/.exec(line)?.[1];
    const text = lines[index + 1]?.trim();
    return tag && text?.startsWith('"') ? [{ tag, text: text.slice(1, -1) }] : [];
  });
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
