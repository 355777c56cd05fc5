import type { Answers, Question, Questionnaire, StoredAnswer } from './types.js';
import { effectiveAnswers } from './visibility.js';

/**
 * What a re-assessment takes from the assessment it starts from. Answers travel onto the current
 * questionnaire only where the question still exists and means the same; everything else is left
 * unanswered and listed for the consultant to check, with the earlier answer beside it.
 */

/**
 * Why an earlier answer is listed to check: its question changed (the answer was not copied), no
 * longer exists (not copied), or no longer takes a note (the answer was copied, the note was not).
 */
export type CheckReason = 'changed' | 'removed' | 'note_not_kept';

/** An earlier answer that did not travel: shown on the re-assessment's "answers to check" page. */
export interface AnswerToCheck {
  questionId: string;
  reason: CheckReason;
  /** The answer (and its note) as it was given, in the earlier questionnaire's terms. */
  earlier: StoredAnswer;
}

export interface CarriedAnswers {
  /** Answers for the new assessment, keyed by question id, notes included where the question takes one. */
  copied: Record<string, StoredAnswer>;
  /** Sections of the new questionnaire that hold a copied answer: they start "in progress" for the consultant to confirm. */
  sectionsWithCopies: string[];
  /** Earlier answers (or notes) that were not copied, in the earlier questionnaire's order. */
  toCheck: AnswerToCheck[];
}

function optionSignature(question: Question): string {
  // Option order is presentation; the set of values, and which of them stand alone, is meaning.
  const values = (question.options ?? []).map((option) => `${option.value}${option.exclusive ? '!' : ''}`);
  return [...values].sort().join('\u0000');
}

/**
 * Whether an answer given to `earlier` is a valid answer to `later`, meaning the same thing: same
 * id, same type, the same set of option values (and the same "none of these" options), and the
 * same length limit. Wording and scoring may differ between versions: an answer is a fact about
 * the business, and the current version's scoring is what a re-assessment is for.
 */
export function meansTheSame(earlier: Question, later: Question): boolean {
  return (
    earlier.id === later.id &&
    earlier.type === later.type &&
    earlier.maxLength === later.maxLength &&
    optionSignature(earlier) === optionSignature(later)
  );
}

/** Every question of a questionnaire with the id of the section it sits in, by question id. */
export function questionIndex(questionnaire: Questionnaire): ReadonlyMap<string, { question: Question; sectionId: string }> {
  return new Map(questionnaire.sections.flatMap((section) => section.questions.map((question) => [question.id, { question, sectionId: section.id }] as const)));
}

/**
 * The answers a re-assessment starts with. Only answers that counted in the earlier assessment
 * are considered (answers left behind by a profile change were not part of it). A note travels
 * with its answer when the new question takes notes; when it does not, the answer is copied and
 * the note is listed to check, so nothing the consultant wrote disappears silently.
 */
export function carryOverAnswers(from: Questionnaire, answers: Answers, to: Questionnaire): CarriedAnswers {
  const source = questionIndex(from);
  const target = questionIndex(to);
  const copied: Record<string, StoredAnswer> = {};
  const sections = new Set<string>();
  const toCheck: AnswerToCheck[] = [];
  for (const [questionId, answer] of Object.entries(effectiveAnswers(from, answers))) {
    const earlier = source.get(questionId)?.question;
    const later = target.get(questionId);
    if (!later) {
      toCheck.push({ questionId, reason: 'removed', earlier: answer });
      continue;
    }
    if (!earlier || !meansTheSame(earlier, later.question)) {
      toCheck.push({ questionId, reason: 'changed', earlier: answer });
      continue;
    }
    const keepsNote = answer.note !== undefined && later.question.allowNote;
    copied[questionId] = keepsNote ? { value: answer.value, note: answer.note } : { value: answer.value };
    sections.add(later.sectionId);
    if (answer.note !== undefined && !keepsNote) toCheck.push({ questionId, reason: 'note_not_kept', earlier: answer });
  }
  return { copied, sectionsWithCopies: to.sections.map((section) => section.id).filter((id) => sections.has(id)), toCheck };
}
