import { randomUUID } from 'node:crypto';
import { carryOverAnswers, type AnswerToCheck } from '../questionnaire/answerCarryOver.js';
import { currentQuestionnaire } from '../questionnaire/registry.js';
import type { ActionPlanRepository } from '../repositories/actionPlanRepository.js';
import type { ReassessmentRepository, ReassessmentSummary } from '../repositories/reassessmentRepository.js';
import { carryOverActionPlan } from './actionPlanCarryOver.js';
import { AssessmentNotFoundError, type AssessmentService, type AssessmentState } from './assessmentService.js';
import type { Actor } from './practiceService.js';

/**
 * A second "start a re-assessment" of the same assessment within this time returns the first
 * one: a double click, a resubmitted form or a second tab makes one re-assessment, not two.
 */
export const REPEAT_WINDOW_MS = 10_000;

/** What the task list of a firm's assessment says about re-assessing. */
export interface ReassessmentOverview {
  /** The assessment this one was started from, when it is a re-assessment and still there. */
  previous?: AssessmentState;
  /** Answers copied from it. */
  copiedCount: number;
  /** Its answers (or notes) that were not copied and are listed to check. */
  toCheckCount: number;
  /** Sections holding copied answers that nobody has saved since. */
  sectionsStillAsCopied: string[];
  /** Re-assessments already started from this assessment, oldest first. */
  reassessments: ReassessmentSummary[];
}

/** The "answers to check" page: the earlier assessment and what did not travel from it. */
export interface AnswersToCheck {
  previous: AssessmentState;
  items: AnswerToCheck[];
}

/** Re-assessing a firm's assessment: a new one on the current questionnaire, starting from the answers and plan of the last. */
export function createReassessmentService(deps: {
  repository: ReassessmentRepository;
  assessments: AssessmentService;
  actionPlans: ActionPlanRepository;
  clock?: () => Date;
}) {
  const clock = deps.clock ?? (() => new Date());

  async function loadIfThere(id: string): Promise<AssessmentState | undefined> {
    try {
      return await deps.assessments.load(id);
    } catch (error) {
      if (error instanceof AssessmentNotFoundError) return undefined;
      throw error;
    }
  }

  /** The assessment `state` was started from, if it is a re-assessment of the same firm and client. */
  async function previousOf(state: AssessmentState): Promise<AssessmentState | undefined> {
    const previousId = await deps.repository.previousOf(state.assessment.id);
    const previous = previousId === undefined ? undefined : await loadIfThere(previousId);
    const sameOwner =
      previous !== undefined &&
      previous.assessment.organisationId === state.assessment.organisationId &&
      previous.assessment.clientId === state.assessment.clientId;
    return sameOwner ? previous : undefined;
  }

  function carriedFrom(previous: AssessmentState, questionnaire: AssessmentState['questionnaire']) {
    return carryOverAnswers(previous.questionnaire, previous.answers, questionnaire);
  }

  return {
    /**
     * Starts a re-assessment of `previous` (a firm's assessment the actor may change) on the
     * current questionnaire; returns its id. Within REPEAT_WINDOW_MS of another re-assessment of
     * the same assessment, returns that one instead. Undefined when it is not one of the actor's
     * firm's assessments of a client.
     */
    async start(actor: Actor, previous: AssessmentState): Promise<string | undefined> {
      const { organisationId, clientId } = previous.assessment;
      if (organisationId !== actor.organisationId || clientId === undefined) return undefined;
      const started = clock();
      const carried = carriedFrom(previous, currentQuestionnaire);
      const plan = carryOverActionPlan(await deps.actionPlans.load(previous.assessment.id), {
        recommendedBefore: new Set(deps.assessments.results(previous).actions.map((action) => action.recommendationId)),
        stillInQuestionnaire: new Set(currentQuestionnaire.recommendations.map((recommendation) => recommendation.id)),
        reassessmentDate: started,
      });
      const outcome = await deps.repository.create({
        id: randomUUID(),
        questionnaireVersion: currentQuestionnaire.version,
        owner: { organisationId, clientId, createdByUserId: actor.id, previousAssessmentId: previous.assessment.id },
        now: started.toISOString(),
        answers: carried.copied,
        sectionsToConfirm: carried.sectionsWithCopies,
        actionPlan: plan,
        reuseStartedSince: new Date(started.getTime() - REPEAT_WINDOW_MS).toISOString(),
      });
      return outcome.assessmentId;
    },

    /** What the task list of a firm's assessment says about where it came from and what came of it. */
    async overview(state: AssessmentState): Promise<ReassessmentOverview> {
      const clientId = state.assessment.clientId;
      const [previous, stillAsCopied, reassessments] = await Promise.all([
        previousOf(state),
        deps.repository.sectionsStillAsCopied(state.assessment.id),
        clientId === undefined ? Promise.resolve([]) : deps.repository.startedFrom({ id: state.assessment.id, clientId }),
      ]);
      const carried = previous ? carriedFrom(previous, state.questionnaire) : undefined;
      return {
        ...(previous ? { previous } : {}),
        copiedCount: carried ? Object.keys(carried.copied).length : 0,
        toCheckCount: carried ? carried.toCheck.length : 0,
        sectionsStillAsCopied: stillAsCopied,
        reassessments,
      };
    },

    /** The earlier answers that did not travel; undefined when `state` is not a re-assessment. */
    async answersToCheck(state: AssessmentState): Promise<AnswersToCheck | undefined> {
      const previous = await previousOf(state);
      if (!previous) return undefined;
      return { previous, items: carriedFrom(previous, state.questionnaire).toCheck };
    },
  };
}

export type ReassessmentService = ReturnType<typeof createReassessmentService>;
