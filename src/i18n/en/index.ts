import { uiMessages } from './ui.js';
import { questionnaireV1Messages } from './questionnaireV1.js';
import { methodMessages } from './method.js';
import { reportMessages } from './report.js';

/** The English catalogue: interface text, questionnaire content and the scoring method. */
export const en: Readonly<Record<string, string>> = {
  ...uiMessages,
  ...questionnaireV1Messages,
  ...methodMessages,
  ...reportMessages,
};
