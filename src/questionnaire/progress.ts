import type { Answers, AnswerValue, Questionnaire, Section } from './types.js';
import { isSectionRelevant, relevantSections, shownQuestions } from './visibility.js';

export type SectionStatus = 'cannot_start' | 'not_started' | 'in_progress' | 'completed' | 'not_needed';

export interface SectionTask {
  section: Section;
  status: SectionStatus;
}

export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined) return false;
  return Array.isArray(value) ? value.length > 0 : value.trim() !== '';
}

/** Every required question the section shows has an answer. */
export function isSectionComplete(section: Section, answers: Answers): boolean {
  return shownQuestions(section, answers).every((q) => !q.required || isAnswered(answers[q.id]?.value));
}

/**
 * A section marked completed stays so only while it is still complete: a profile change can
 * show a new required question in it, and then it is back in progress.
 */
export function sectionStatus(section: Section, answers: Answers, stored: string | undefined): SectionStatus {
  if (!isSectionRelevant(section, answers)) return 'not_needed';
  if (stored === 'completed' && isSectionComplete(section, answers)) return 'completed';
  const anyAnswer = section.questions.some((q) => isAnswered(answers[q.id]?.value));
  return stored !== undefined || anyAnswer ? 'in_progress' : 'not_started';
}

/**
 * Sections that the profile switches on or off cannot be judged until the profile is complete:
 * until then they "cannot start yet" rather than showing as "not needed" on an empty profile.
 */
export function taskList(questionnaire: Questionnaire, answers: Answers, progress: Readonly<Record<string, string>>): SectionTask[] {
  const profile = questionnaire.sections.find((section) => section.kind === 'profile');
  const profileDone = profile === undefined || sectionStatus(profile, answers, progress[profile.id]) === 'completed';
  const tasks: SectionTask[] = questionnaire.sections.map((section) => ({
    section,
    status: section.showIf !== undefined && !profileDone ? 'cannot_start' : sectionStatus(section, answers, progress[section.id]),
  }));
  // Critical activities beyond the number the profile gives are not tasks at all: listing four
  // "not needed" activity sections would only make the list longer.
  return tasks.filter((task) => task.section.kind !== 'impact' || (task.status !== 'not_needed' && task.status !== 'cannot_start'));
}

export function allRelevantCompleted(tasks: readonly SectionTask[]): boolean {
  return tasks.every((task) => task.status === 'completed' || task.status === 'not_needed');
}

/** The relevant section after `sectionId`, or undefined when it was the last one. */
export function nextRelevantSection(questionnaire: Questionnaire, answers: Answers, sectionId: string): Section | undefined {
  const sections = relevantSections(questionnaire, answers);
  const index = sections.findIndex((section) => section.id === sectionId);
  return index === -1 ? undefined : sections[index + 1];
}
