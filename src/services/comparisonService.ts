import type { AssessmentListRow, PracticeRepository } from '../repositories/practiceRepository.js';
import type { RiskRegister } from '../scoring/types.js';
import type { ActionPlanEntry } from './actionPlan.js';
import type { ActionPlanService } from './actionPlanService.js';
import { actionChanges, answerChanges, ratingChanges, type ActionChanges, type AnswerChange, type RatingMove, type ScenarioMove } from './assessmentComparison.js';
import { AssessmentNotFoundError, type AssessmentService, type AssessmentState } from './assessmentService.js';
import type { Actor } from './practiceService.js';

/** The most assessments of one client the "compare" form offers. */
export const MAX_COMPARE_CHOICES = 200;

/** One of the two assessments compared; its register and plan once its results are ready. */
export interface ComparedAssessment {
  state: AssessmentState;
  results?: { register: RiskRegister; plan: ActionPlanEntry[] };
}

export interface AssessmentComparison {
  earlier: ComparedAssessment;
  later: ComparedAssessment;
  answers: AnswerChange[];
  /** Present when both assessments have results. */
  ratings?: { overall: RatingMove; scenarios: ScenarioMove[] };
  actions?: ActionChanges;
}

/** Side by side: two assessments of one of a firm's clients. */
export function createComparisonService(deps: { assessments: AssessmentService; actionPlans: ActionPlanService; practice: PracticeRepository }) {
  /** The assessment if it is one of this firm's assessments of this client; else undefined, whatever the reason. */
  async function loadForClient(actor: Actor, clientId: string, id: string): Promise<AssessmentState | undefined> {
    try {
      const state = await deps.assessments.load(id);
      return state.assessment.organisationId === actor.organisationId && state.assessment.clientId === clientId ? state : undefined;
    } catch (error) {
      if (error instanceof AssessmentNotFoundError) return undefined;
      throw error;
    }
  }

  async function withResults(state: AssessmentState): Promise<ComparedAssessment> {
    if (!state.readyForResults) return { state };
    const register = deps.assessments.results(state);
    return { state, results: { register, plan: await deps.actionPlans.actionPlanFor(state, register) } };
  }

  return {
    /** The client's assessments the form offers, newest first. */
    async choices(actor: Actor, clientId: string): Promise<AssessmentListRow[]> {
      const found = await deps.practice.list(actor.organisationId, { clientId }, { offset: 0, limit: MAX_COMPARE_CHOICES });
      return found.rows;
    },

    /**
     * Compares two different assessments of the client, the older one as "earlier" whichever
     * order they were given in. Undefined when either is not this firm's assessment of this client.
     */
    async compare(actor: Actor, clientId: string, firstId: string, secondId: string): Promise<AssessmentComparison | undefined> {
      if (firstId === secondId) return undefined;
      const [first, second] = await Promise.all([loadForClient(actor, clientId, firstId), loadForClient(actor, clientId, secondId)]);
      if (!first || !second) return undefined;
      const inOrder = [first, second].sort((a, b) => a.assessment.createdAt.localeCompare(b.assessment.createdAt) || a.assessment.id.localeCompare(b.assessment.id));
      const [earlier, later] = await Promise.all(inOrder.map(withResults)) as [ComparedAssessment, ComparedAssessment];
      const answers = answerChanges(earlier.state, later.state);
      if (!earlier.results || !later.results) return { earlier, later, answers };
      return {
        earlier,
        later,
        answers,
        ratings: ratingChanges(
          { questionnaire: earlier.state.questionnaire, register: earlier.results.register },
          { questionnaire: later.state.questionnaire, register: later.results.register },
        ),
        actions: actionChanges(earlier.results, later.results),
      };
    },
  };
}

export type ComparisonService = ReturnType<typeof createComparisonService>;
