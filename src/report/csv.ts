/**
 * CSV as spreadsheets open it safely: RFC 4180 fields and CRLF line ends, a UTF-8 byte order
 * mark so that Excel reads Georgian and Azerbaijani letters as UTF-8 (without it Excel guesses
 * the machine's legacy code page), and formula injection neutralised.
 */

/** The byte order mark that tells Excel the file is UTF-8. */
export const UTF8_BOM = '\ufeff';

/**
 * What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection"): `=`, `+`, `-` and
 * `@` start one, and a leading tab or carriage return can hide one of them from a first look.
 */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * A cell's text that no spreadsheet evaluates: text starting like a formula gets a leading
 * single quote, which Excel and LibreOffice show as plain text. Other text is left as typed.
 */
export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(text: string): string {
  const safe = neutraliseFormula(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One record: fields separated by commas, ended by CRLF (for a CSV written a record at a time). */
export function csvRecord(row: readonly string[]): string {
  return `${row.map(csvField).join(',')}\r\n`;
}

/** The rows as one CSV text: BOM first, fields separated by commas, every record ended by CRLF. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return UTF8_BOM + rows.map(csvRecord).join('');
}
