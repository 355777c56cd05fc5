import type { Answers, StoredAnswer } from '../questionnaire/types.js';

/** Stored answers that are not what issuing writes: the record cannot be shown as it stood. */
export class IssuedAnswersUnreadableError extends Error {
  override readonly name = 'IssuedAnswersUnreadableError';
  constructor(reason: string) {
    super(`The answers stored with an issued report cannot be read: ${reason}`);
  }
}

function isStoredAnswer(value: unknown): value is StoredAnswer {
  if (typeof value !== 'object' || value === null) return false;
  const { value: answer, note } = value as { value?: unknown; note?: unknown };
  const answerOk = typeof answer === 'string' || (Array.isArray(answer) && answer.every((item) => typeof item === 'string'));
  return answerOk && (note === undefined || typeof note === 'string');
}

/**
 * The answers an issued report was built on, from `issued_report_contents.answers_json` (what
 * issuing wrote: `JSON.stringify(effectiveAnswers(...))`, keyed by question id). A record that is
 * not that shape is refused rather than shown in part: a page of answers "as issued" must show
 * all of them or none.
 */
export function parseIssuedAnswers(json: string): Answers {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new IssuedAnswersUnreadableError('not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new IssuedAnswersUnreadableError('not an object');
  for (const [questionId, answer] of Object.entries(parsed)) {
    if (!isStoredAnswer(answer)) throw new IssuedAnswersUnreadableError(`the answer to ${questionId.slice(0, 64)} is not an answer`);
  }
  return parsed as Answers;
}
