import { randomUUID } from 'node:crypto';
import { allRelevantCompleted, isSectionComplete, nextRelevantSection, taskList, type SectionTask } from '../questionnaire/progress.js';
import { currentQuestionnaire, questionnaireFor } from '../questionnaire/registry.js';
import type { Answers, Questionnaire, Section, StoredAnswer } from '../questionnaire/types.js';
import { effectiveAnswers, findSection, isSectionRelevant } from '../questionnaire/visibility.js';
import type { AssessmentOwner, AssessmentRecord, AssessmentRepository, SaveOutcome } from '../repositories/assessmentRepository.js';
import { noJudgement, type AssessmentJudgement } from '../scoring/judgement.js';
import { scoreAssessment } from '../scoring/scoreAssessment.js';
import type { RiskRegister } from '../scoring/types.js';
import { hashResumeToken, looksLikeResumeToken, newResumeToken } from './resumeTokens.js';

export interface AssessmentState {
  assessment: AssessmentRecord;
  questionnaire: Questionnaire;
  answers: Answers;
  tasks: SectionTask[];
  readyForResults: boolean;
  /** How many times each section has been saved: a form carries it to detect stale saves. */
  sectionRevisions: Readonly<Record<string, number>>;
  /** The assessor's overrides, rewordings and own actions: `results()` lays them over the calculation. */
  judgement: AssessmentJudgement;
}

/** Where the assessor's judgement of an assessment is read from (src/repositories/judgementRepository.ts). */
export interface JudgementSource {
  load(assessmentId: string): Promise<AssessmentJudgement>;
}

export type SaveMode = 'continue' | 'later';

/**
 * The most history rows an anonymous assessment keeps; older ones are deleted as new ones come.
 * About ten times the questions of the whole questionnaire (101 in 2.0): room for every answer
 * and many rounds of corrections, while a stranger saving back and forth for ever stays within
 * a few hundred kilobytes, and the throttle on new assessments bounds how many such histories.
 */
export const ANONYMOUS_HISTORY_LIMIT = 1000;

/** Who saves: the signed-in user (their id and name go in the history), or undefined. */
export interface SavingUser {
  id: string;
  displayName: string;
}

export class AssessmentNotFoundError extends Error {
  override name = 'AssessmentNotFoundError';
}

export class UnknownQuestionnaireVersionError extends Error {
  override name = 'UnknownQuestionnaireVersionError';
}

/**
 * Whether the assessment's history could hold more than `limit` rows after one more save. Only
 * saves write history, each at most one row per question of its section, and the assessment's
 * revision counts its saves: below the limit, the save need not trim the history (no statement
 * at all for almost every anonymous assessment). A save that raced in since `state` was read
 * may go uncounted; the next save counts it and trims.
 */
function mayOutgrow(state: AssessmentState, limit: number): boolean {
  const mostRowsPerSave = Math.max(...state.questionnaire.sections.map((section) => section.questions.length));
  return (state.assessment.revision + 1) * mostRowsPerSave > limit;
}

/** The answers as they stand once a section's answers replace what it held before. */
function replaceSectionAnswers(answers: Answers, section: Section, sectionAnswers: Readonly<Record<string, StoredAnswer>>): Answers {
  const sectionIds = new Set(section.questions.map((q) => q.id));
  const others = Object.entries(answers).filter(([id]) => !sectionIds.has(id));
  return { ...Object.fromEntries(others), ...sectionAnswers };
}

/**
 * The walk through an assessment. Takes and returns plain data; knows nothing of HTTP. Without a
 * judgement source (some tests), every assessment has no judgement of the assessor's.
 * `historyLimit`: the most history rows an anonymous assessment keeps (tests make it small).
 */
export function createAssessmentService(
  repository: AssessmentRepository,
  clock: () => Date = () => new Date(),
  judgements?: JudgementSource,
  historyLimit: number = ANONYMOUS_HISTORY_LIMIT,
) {
  const now = () => clock().toISOString();

  async function load(assessmentId: string): Promise<AssessmentState> {
    const [stored, judgement] = await Promise.all([repository.load(assessmentId), judgements?.load(assessmentId) ?? noJudgement]);
    if (!stored) throw new AssessmentNotFoundError(assessmentId);
    const { record: assessment, answers, progress } = stored;
    const questionnaire = questionnaireFor(assessment.questionnaireVersion);
    if (!questionnaire) throw new UnknownQuestionnaireVersionError(assessment.questionnaireVersion);
    const statuses = Object.fromEntries(Object.entries(progress).map(([id, p]) => [id, p.status]));
    const sectionRevisions = Object.fromEntries(Object.entries(progress).map(([id, p]) => [id, p.revision]));
    const tasks = taskList(questionnaire, answers, statuses);
    return { assessment, questionnaire, answers, tasks, readyForResults: allRelevantCompleted(tasks), sectionRevisions, judgement };
  }

  return {
    load,

    async start(): Promise<{ assessmentId: string; resumeToken: string }> {
      const assessmentId = randomUUID();
      const resumeToken = newResumeToken();
      await repository.create({
        id: assessmentId,
        questionnaireVersion: currentQuestionnaire.version,
        tokenHash: hashResumeToken(resumeToken),
        now: now(),
      });
      return { assessmentId, resumeToken };
    },

    /** A firm's assessment of one of its clients: reached by its id by the firm's users, no resume link. */
    async startFor(owner: AssessmentOwner): Promise<string> {
      const assessmentId = randomUUID();
      await repository.create({ id: assessmentId, questionnaireVersion: currentQuestionnaire.version, owner, now: now() });
      return assessmentId;
    },

    /** A fresh link for "come back later"; earlier links stay valid. */
    async issueResumeToken(assessmentId: string): Promise<string> {
      const resumeToken = newResumeToken();
      await repository.addResumeToken(assessmentId, hashResumeToken(resumeToken), now());
      return resumeToken;
    },

    async resume(resumeToken: string): Promise<string | undefined> {
      if (!looksLikeResumeToken(resumeToken)) return undefined;
      return repository.findIdByTokenHash(hashResumeToken(resumeToken));
    },

    /** The section if it exists and is relevant to this business. */
    sectionFor(state: AssessmentState, sectionId: string): Section | undefined {
      const section = findSection(state.questionnaire, sectionId);
      return section && isSectionRelevant(section, state.answers) ? section : undefined;
    },

    /**
     * Saves a section's validated answers. "Continue" marks it completed when every required
     * question is answered; "later" keeps it in progress. A save from a page rendered before
     * another save of the same section is refused as a conflict, so neither is lost silently.
     * Returns where the walk goes next.
     *
     * Every answer the save changes goes in the assessment's history, with `user` on a firm's
     * assessment. An anonymous assessment's changes name nobody (whoever holds its resume link
     * made them, signed in or not) and its history is bounded, so saving back and forth for ever
     * cannot grow it without end.
     */
    async saveSection(
      state: AssessmentState,
      section: Section,
      answers: Readonly<Record<string, StoredAnswer>>,
      mode: SaveMode,
      expectedRevision: number,
      user?: SavingUser,
    ): Promise<{ outcome: SaveOutcome; next: Section | undefined }> {
      const afterSave = replaceSectionAnswers(state.answers, section, answers);
      const next = nextRelevantSection(state.questionnaire, afterSave, section.id);
      // The history's old values are the answers in `state`: they are right only if `state` was
      // read at the revision the form claims. Read at another one, the save would be refused as
      // stale anyway (or, for a form claiming a revision newer than what was read, could be
      // about to overwrite answers this request never saw): a conflict, before writing anything.
      if ((state.sectionRevisions[section.id] ?? 0) !== expectedRevision) return { outcome: 'conflict', next };
      const complete = mode === 'continue' && isSectionComplete(section, afterSave);
      const firm = state.assessment.organisationId !== undefined;
      const outcome = await repository.saveSection({
        assessmentId: state.assessment.id,
        sectionId: section.id,
        questionIds: section.questions.map((q) => q.id),
        answers,
        status: complete ? 'completed' : 'in_progress',
        now: now(),
        expectedRevision,
        previous: state.answers,
        changedBy: firm && user ? { userId: user.id, name: user.displayName } : null,
        keepHistoryAtMost: firm || !mayOutgrow(state, historyLimit) ? undefined : historyLimit,
      });
      return { outcome, next };
    },

    /**
     * The risk register with the assessor's judgement laid over the calculation: the one place
     * every page, report and export gets overrides, rewordings and the firm's own actions from.
     */
    results(state: AssessmentState): RiskRegister {
      return scoreAssessment(state.questionnaire, effectiveAnswers(state.questionnaire, state.answers), state.judgement);
    },
  };
}

export type AssessmentService = ReturnType<typeof createAssessmentService>;
