import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** The PDF tools of the test machine (poppler, PDFBox Preflight), for tests that read a PDF back. */

const run = promisify(execFile);

const preflightClasspath = ['preflight', 'pdfbox2', 'fontbox2', 'xmpbox', 'commons-logging', 'javax.activation', 'jaxb-api']
  .map((name) => `/usr/share/java/${name}.jar`)
  .join(':');

export async function tool(command: string, args: readonly string[]): Promise<string> {
  const { stdout } = await run(command, args, { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** PDFBox Preflight's verdict, its last line: "... is a valid PDF/A-1b file" when valid (its exit code is 0 either way). */
export async function preflightVerdict(file: string): Promise<string> {
  const output = await tool('java', ['-cp', preflightClasspath, 'org.apache.pdfbox.preflight.Validator_A1b', file]);
  return output.trim().split('\n').at(-1) ?? '';
}

/** The text of each page (pdftotext -raw), white space run together. */
export async function pageTexts(file: string): Promise<string[]> {
  const text = await tool('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']);
  // pdftotext ends every page, the last one too, with a form feed.
  return text
    .replace(/\f$/, '')
    .split('\f')
    .map((page) => page.replace(/\s+/g, ' ').trim());
}

export interface ImageRow {
  page: number;
  type: string;
  width: number;
  height: number;
  color: string;
  components: number;
  bitsPerComponent: number;
  objectId: number;
}

/** The images `pdfimages -list` finds, one row per use on a page (soft masks are rows of type smask). */
export async function imagesOf(file: string): Promise<ImageRow[]> {
  const lines = (await tool('pdfimages', ['-list', file])).trim().split('\n').slice(2);
  return lines.map((line) => {
    const [page, , type, width, height, color, comp, bpc, , , objectId] = line.trim().split(/\s+/);
    return {
      page: Number(page),
      type: type ?? '',
      width: Number(width),
      height: Number(height),
      color: color ?? '',
      components: Number(comp),
      bitsPerComponent: Number(bpc),
      objectId: Number(objectId),
    };
  });
}
