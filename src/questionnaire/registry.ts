import type { Questionnaire } from './types.js';
import { questionnaireV1 } from './v1/index.js';

/** Every questionnaire version the app can render. An assessment keeps the version it started on. */
const questionnaires: ReadonlyMap<string, Questionnaire> = new Map([[questionnaireV1.version, questionnaireV1]]);

export const currentQuestionnaire: Questionnaire = questionnaireV1;

export function questionnaireFor(version: string): Questionnaire | undefined {
  return questionnaires.get(version);
}
