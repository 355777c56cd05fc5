import { randomUUID } from 'node:crypto';
import type { Translate } from '../i18n/catalogue.js';
import { standardActionText } from '../presenters/actionWording.js';
import type { FirmActionFields, JudgementRepository } from '../repositories/judgementRepository.js';
import type { Band } from '../scoring/types.js';
import type { AssessmentState } from './assessmentService.js';

/**
 * Records the assessor's judgement on an assessment: overrides of a scenario's rating, their
 * wording of a recommended action, and the firm's own actions. Takes plain, validated data (see
 * src/web/forms/judgementForms.ts) and who is recording it; knows nothing of HTTP. Which scenarios
 * and actions may be judged is the route's to check against the register.
 */
export type { FirmActionFields } from '../repositories/judgementRepository.js';

export function createJudgementService(repository: JudgementRepository, options: { t: Translate; clock?: () => Date }) {
  const now = () => (options.clock ?? (() => new Date()))().toISOString();
  const idOf = (state: AssessmentState) => state.assessment.id;
  const standardWording = (state: AssessmentState, actionId: string) => standardActionText(options.t, state.questionnaire.version, actionId);

  return {
    /** Records the assessor's band for a scenario, with their reason; replaces an earlier one. */
    async overrideRating(state: AssessmentState, input: { scenarioId: string; band: Band; reason: string }, recordedBy: string | null): Promise<void> {
      await repository.saveOverride(idOf(state), { ...input, recordedBy, recordedAt: now() });
    },

    /** Back to the calculation; false when the scenario had no override. */
    removeOverride(state: AssessmentState, scenarioId: string): Promise<boolean> {
      return repository.removeOverride(idOf(state), scenarioId, now());
    },

    /** The standard wording of a recommended action, which a rewording is measured against. */
    standardWording,

    /**
     * Records the assessor's wording of a recommended action. Text that is the standard wording
     * again removes the rewording, so the action is not shown as reworded when it is not: the
     * answer says which happened.
     */
    async reword(state: AssessmentState, actionId: string, text: string, recordedBy: string | null): Promise<'saved' | 'reset'> {
      if (text === standardWording(state, actionId)) {
        await repository.removeRewording(idOf(state), actionId, now());
        return 'reset';
      }
      await repository.saveRewording(idOf(state), { actionId, text, recordedBy, recordedAt: now() });
      return 'saved';
    },

    /** Back to the standard wording; false when the action had none of its own. */
    resetWording(state: AssessmentState, actionId: string): Promise<boolean> {
      return repository.removeRewording(idOf(state), actionId, now());
    },

    /** Adds one of the firm's own actions; returns its id. */
    async addFirmAction(state: AssessmentState, fields: FirmActionFields, recordedBy: string | null): Promise<string> {
      const id = randomUUID();
      const at = now();
      await repository.addFirmAction(idOf(state), { id, ...fields, recordedBy, recordedAt: at, updatedAt: at });
      return id;
    },

    /** False when the assessment has no such action (deleted since the page was shown). */
    updateFirmAction(state: AssessmentState, id: string, fields: FirmActionFields): Promise<boolean> {
      return repository.updateFirmAction(idOf(state), id, fields, now());
    },

    deleteFirmAction(state: AssessmentState, id: string): Promise<boolean> {
      return repository.deleteFirmAction(idOf(state), id, now());
    },
  };
}

export type JudgementService = ReturnType<typeof createJudgementService>;
