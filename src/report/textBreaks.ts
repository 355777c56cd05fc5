/**
 * Break opportunities for text that users type: none are added any more.
 *
 * The model used to put a zero-width space (U+200B) every 24 characters into long runs, to spare
 * pdfkit's quadratic search for a break point inside a long word. The PDF renderer now breaks
 * lines itself by the Unicode Line Breaking Algorithm and cuts a word too wide for a line in
 * time linear in its length (src/report/pdf/textLayout.ts), and the printable page wraps long
 * words with CSS (`overflow-wrap: anywhere`). The added characters only leaked into the
 * printable HTML and into copied text, so the model now keeps what the user typed as typed.
 *
 * @deprecated Kept so that reportModel.ts compiles unchanged; drop the call there and this file.
 */
export function withBreakOpportunities(text: string): string {
  return text;
}
