import { conditionHolds } from './conditions.js';
import type { Answers, Question, Questionnaire, Section } from './types.js';

export function isSectionRelevant(section: Section, answers: Answers): boolean {
  return section.showIf === undefined || conditionHolds(section.showIf, answers);
}

export function isQuestionShown(question: Question, answers: Answers): boolean {
  return question.showIf === undefined || conditionHolds(question.showIf, answers);
}

export function relevantSections(questionnaire: Questionnaire, answers: Answers): Section[] {
  return questionnaire.sections.filter((section) => isSectionRelevant(section, answers));
}

export function shownQuestions(section: Section, answers: Answers): Question[] {
  return section.questions.filter((question) => isQuestionShown(question, answers));
}

/**
 * The answers that count: those to questions shown in relevant sections. Answers left behind
 * when the profile changed (say, to "no cross-border work") are kept in storage but ignored.
 */
export function effectiveAnswers(questionnaire: Questionnaire, answers: Answers): Answers {
  const counted: Record<string, Answers[string]> = {};
  for (const section of relevantSections(questionnaire, answers)) {
    for (const question of shownQuestions(section, answers)) {
      const answer = answers[question.id];
      if (answer !== undefined) counted[question.id] = answer;
    }
  }
  return counted;
}

export function findSection(questionnaire: Questionnaire, sectionId: string): Section | undefined {
  return questionnaire.sections.find((section) => section.id === sectionId);
}
