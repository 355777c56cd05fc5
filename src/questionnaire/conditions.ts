import type { Answers, AnswerValue, Condition } from './types.js';

function asList(value: AnswerValue | undefined): readonly string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Evaluates a condition over the answers given so far. An unanswered question matches nothing. */
export function conditionHolds(condition: Condition, answers: Answers): boolean {
  if ('all' in condition) return condition.all.every((c) => conditionHolds(c, answers));
  if ('any' in condition) return condition.any.some((c) => conditionHolds(c, answers));
  if ('not' in condition) return !conditionHolds(condition.not, answers);
  const given = asList(answers[condition.question]?.value);
  if ('equals' in condition) return given.length === 1 && given[0] === condition.equals;
  if ('oneOf' in condition) return given.length === 1 && condition.oneOf.includes(given[0] ?? '');
  if ('includes' in condition) return given.includes(condition.includes);
  return condition.includesAny.some((value) => given.includes(value));
}

/** Every question id a condition reads, for integrity checks. */
export function questionsReadBy(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(questionsReadBy);
  if ('any' in condition) return condition.any.flatMap(questionsReadBy);
  if ('not' in condition) return questionsReadBy(condition.not);
  return [condition.question];
}

/** Every (question, option value) pair a condition compares against, for integrity checks. */
export function valuesComparedBy(condition: Condition): { question: string; value: string }[] {
  if ('all' in condition) return condition.all.flatMap(valuesComparedBy);
  if ('any' in condition) return condition.any.flatMap(valuesComparedBy);
  if ('not' in condition) return valuesComparedBy(condition.not);
  const q = condition.question;
  if ('equals' in condition) return [{ question: q, value: condition.equals }];
  if ('includes' in condition) return [{ question: q, value: condition.includes }];
  const values = 'oneOf' in condition ? condition.oneOf : condition.includesAny;
  return values.map((value) => ({ question: q, value }));
}
