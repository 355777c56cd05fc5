/**
 * Break opportunities for text that users type. pdfkit does break a word wider than the line,
 * but its search for the break point is quadratic in the word's length: an unbroken 10,000
 * character answer takes seconds and 200,000 characters most of a minute. A zero-width space
 * every few dozen characters inside long runs gives the line breaker somewhere to break; it
 * takes no room, is not extracted as text, and browsers treat it the same way.
 */

export const zeroWidthSpace = '\u200b';

/** Runs of non-space characters longer than this get a break opportunity every this many. */
export const maxUnbrokenRun = 24;

const longRun = new RegExp(`[^\\s\\u200b]{${maxUnbrokenRun + 1},}`, 'gu');
const combiningMark = /^\p{M}/u;

function breakRun(run: string): string {
  const chars = Array.from(run);
  let out = '';
  let sinceBreak = 0;
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] ?? '';
    const next = chars[i + 1];
    out += char;
    sinceBreak++;
    // Never split a letter from the accent that follows it.
    if (sinceBreak >= maxUnbrokenRun && next !== undefined && !combiningMark.test(next)) {
      out += zeroWidthSpace;
      sinceBreak = 0;
    }
  }
  return out;
}

/** The text with a break opportunity inside every run too long to fit a narrow column. */
export function withBreakOpportunities(text: string): string {
  return text.replace(longRun, breakRun);
}

/** The text without added break opportunities (for metadata and file names). */
export function withoutBreakOpportunities(text: string): string {
  return text.replaceAll(zeroWidthSpace, '');
}
