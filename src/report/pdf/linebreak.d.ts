/** Types for `linebreak` 1.1 (UAX #14 line breaking), which ships none. */
declare module 'linebreak' {
  export interface Break {
    /** Index (UTF-16) in the text where a new line may (or must) start. */
    position: number;
    /** A mandatory break: the text before it ends with a line terminator. */
    required: boolean;
  }

  export default class LineBreaker {
    constructor(text: string);
    /** The next break opportunity, or null after the last (which is at the end of the text). */
    nextBreak(): Break | null;
  }
}
