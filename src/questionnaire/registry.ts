import type { Questionnaire } from './types.js';
import { questionnaireV1 } from './v1/index.js';
import { questionnaireV2 } from './v2/index.js';

/** Every questionnaire version the app can render. An assessment keeps the version it started on. */
const questionnaires: ReadonlyMap<string, Questionnaire> = new Map(
  [questionnaireV1, questionnaireV2].map((questionnaire) => [questionnaire.version, questionnaire]),
);

/** New assessments start on this version; 1.0 assessments keep opening, scoring and rendering as 1.0. */
export const currentQuestionnaire: Questionnaire = questionnaireV2;

export function questionnaireFor(version: string): Questionnaire | undefined {
  return questionnaires.get(version);
}
