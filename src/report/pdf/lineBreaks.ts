import LineBreaker from 'linebreak';

/**
 * Where text may be broken into lines: the Unicode Line Breaking Algorithm (UAX #14), from the
 * `linebreak` package that pdfkit itself uses. It knows the rules the report's text needs:
 * breaks after spaces, after a hyphen but not inside "12-15", after the slashes of a URL,
 * around dashes, after a zero-width space, and never inside a Georgian, Azerbaijani or
 * Cyrillic word. Choosing which opportunities to take (what fits the line) is the layout's job.
 */

export interface BreakSegment {
  /**
   * The text up to the next break opportunity, trailing spaces kept. Line terminators,
   * zero-width spaces and soft hyphens are dropped: they take no room and draw nothing.
   */
  text: string;
  /** A line must end after this segment (the text had a line terminator here). */
  hardBreak: boolean;
}

const lineTerminator = /(?:\r\n|[\n\r\v\f\u0085\u2028\u2029])$/u;
const invisible = /[\u200b\u00ad]/gu;

/**
 * The text cut at every break opportunity, in order, one at a time: a layout that stops at a
 * height limit reads no further than it needs. Empty text gives no segments.
 */
export function* segmentsOf(text: string): Generator<BreakSegment> {
  const breaker = new LineBreaker(text);
  let start = 0;
  for (let found = breaker.nextBreak(); found; found = breaker.nextBreak()) {
    let piece = text.slice(start, found.position);
    start = found.position;
    const hardBreak = lineTerminator.test(piece);
    if (hardBreak) piece = piece.replace(lineTerminator, '');
    if (piece.includes('\u200b') || piece.includes('\u00ad')) piece = piece.replace(invisible, '');
    yield { text: piece, hardBreak };
  }
}

/** All the segments of a text (see `segmentsOf`). */
export function breakSegments(text: string): BreakSegment[] {
  return [...segmentsOf(text)];
}

const combiningMark = /^\p{M}/u;

/**
 * Whether a word too wide for any line may be cut so that a new line starts at `offset` (in
 * UTF-16 units): never inside a surrogate pair, before a combining mark or after a zero-width
 * joiner, so a letter keeps its accents and an emoji sequence stays whole.
 */
export function mayStartLineAt(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const unit = text.charCodeAt(offset);
  if (unit >= 0xdc00 && unit <= 0xdfff) return false;
  if (text.charCodeAt(offset - 1) === 0x200d) return false;
  return !combiningMark.test(String.fromCodePoint(text.codePointAt(offset) ?? unit));
}
