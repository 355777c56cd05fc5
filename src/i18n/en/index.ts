import { uiMessages } from './ui.js';
import { questionnaireV1Messages } from './questionnaireV1.js';
import { questionnaireV2Messages } from './questionnaireV2.js';
import { methodMessages } from './method.js';
import { methodV2Messages } from './methodV2.js';
import { plansV2Messages } from './plansV2.js';
import { reportMessages } from './report.js';
import { accountMessages } from './accounts.js';
import { practiceMessages } from './practice.js';
import { exportsMessages } from './exports.js';
import { sharingMessages } from './sharing.js';
import { brandingMessages } from './branding.js';
import { reassessmentMessages } from './reassessment.js';
import { judgementMessages } from './judgement.js';
import { verifyMessages } from './verify.js';
import { auditMessages } from './audit.js';
import { historyMessages } from './history.js';
import { issuingMessages } from './issuing.js';
import { archiveMessages } from './archive.js';
import { archiveAnswersMessages } from './archiveAnswers.js';

/** The English catalogue: interface text, questionnaire content and the scoring method. */
export const en: Readonly<Record<string, string>> = {
  ...uiMessages,
  ...questionnaireV1Messages,
  ...questionnaireV2Messages,
  ...methodMessages,
  ...methodV2Messages,
  ...plansV2Messages,
  ...reportMessages,
  ...accountMessages,
  ...practiceMessages,
  ...exportsMessages,
  ...sharingMessages,
  ...brandingMessages,
  ...reassessmentMessages,
  ...judgementMessages,
  ...verifyMessages,
  ...auditMessages,
  ...historyMessages,
  ...issuingMessages,
  ...archiveMessages,
  ...archiveAnswersMessages,
};
