import type { Translate } from '../i18n/catalogue.js';
import { questionIndex, type AnswerToCheck } from '../questionnaire/answerCarryOver.js';
import { displayAnswer } from '../questionnaire/answerDisplay.js';
import { messageKeys } from '../questionnaire/messageKeys.js';
import { isAnswered } from '../questionnaire/progress.js';
import { currentQuestionnaire } from '../questionnaire/registry.js';
import { findSection, isQuestionShown, isSectionRelevant } from '../questionnaire/visibility.js';
import { formatDate } from '../report/model/context.js';
import type { AssessmentState } from '../services/assessmentService.js';
import type { AnswersToCheck, ReassessmentOverview } from '../services/reassessmentService.js';
import type { AssessmentAccess } from '../web/routes/assessmentContext.js';
import { compareHref } from './comparisonPage.js';

/** Where an assessment's pages live and whether this user may change it. */
export interface PageContext {
  state: AssessmentState;
  base: string;
  access: AssessmentAccess;
}

/** "1 answer" / "3 answers": the catalogue holds a `.one` and an `.other` form of each counted message. */
function counted(key: string, count: number, t: Translate): string {
  return t(`${key}.${count === 1 ? 'one' : 'other'}`, { count });
}

export interface ReassessmentPanelView {
  /** On a re-assessment: where it came from, what was copied and what to check. */
  notice?: {
    lead: string;
    copied: string;
    confirm?: string;
    toCheck?: { text: string; href: string; link: string };
    compareHref?: string;
  };
  /** A line under each task whose copied answers nobody has confirmed yet, by section id. */
  sectionHints: Readonly<Record<string, string>>;
  /** For those who may change the assessment: the form that starts a re-assessment. */
  start?: { action: string; lead: string; existing: { href: string; label: string }[] };
}

/** What the task list of a firm's assessment adds about re-assessing (see views/partials/reassessmentNotice.ejs). */
export function reassessmentPanelView(page: PageContext, overview: ReassessmentOverview, t: Translate): ReassessmentPanelView {
  const { state, base } = page;
  const previous = overview.previous;
  const stillAsCopied = new Set(overview.sectionsStillAsCopied);
  const hint = t('reassess.task.copied');
  const sectionHints = Object.fromEntries(state.tasks.filter((task) => task.status === 'in_progress' && stillAsCopied.has(task.section.id)).map((task) => [task.section.id, hint]));
  const clientId = state.assessment.clientId;
  const notice = previous && {
    lead: t('reassess.notice.lead', { date: formatDate(new Date(previous.assessment.createdAt)), version: previous.questionnaire.version }),
    copied: counted('reassess.notice.copied', overview.copiedCount, t),
    ...(Object.keys(sectionHints).length > 0 ? { confirm: t('reassess.notice.confirm') } : {}),
    ...(overview.toCheckCount > 0
      ? { toCheck: { text: counted('reassess.notice.toCheck', overview.toCheckCount, t), href: `${base}/answers-to-check`, link: t('reassess.notice.toCheckLink') } }
      : {}),
    ...(clientId ? { compareHref: compareHref(clientId, previous.assessment.id, state.assessment.id) } : {}),
  };
  const start = page.access === 'edit' && {
    action: `${base}/reassessment`,
    lead: t('reassess.start.lead', { version: currentQuestionnaire.version }),
    existing: overview.reassessments.map((found) => ({
      href: `/assessments/${found.id}`,
      label: t('reassess.start.alreadyItem', { date: formatDate(new Date(found.createdAt)) }),
    })),
  };
  return { ...(notice ? { notice } : {}), sectionHints, ...(start ? { start } : {}) };
}

export interface AnswerToCheckView {
  questionId: string;
  question: string;
  /** Said only where the group does not say it: the answer travelled but its note did not. */
  remark?: string;
  earlier: string;
  earlierNote?: string;
  /** The answer given in this assessment, or why there is none; absent for a question no longer asked. */
  now?: { text: string; answered: boolean };
  /** The question's place in its section, for those who may change the assessment. */
  href?: string;
}

/** The "answers to check" page of a re-assessment: questions to answer again first, then those no longer asked. */
export function answersToCheckView(page: PageContext, check: AnswersToCheck, t: Translate) {
  const { state, base } = page;
  const before = check.previous.questionnaire;
  const earlierQuestions = questionIndex(before);
  const laterQuestions = questionIndex(state.questionnaire);
  const itemOf = (item: AnswerToCheck): AnswerToCheckView[] => {
    const earlierQuestion = earlierQuestions.get(item.questionId)?.question;
    if (!earlierQuestion) return [];
    const later = laterQuestions.get(item.questionId);
    const common = {
      questionId: item.questionId,
      question: t(messageKeys.questionText(later ? state.questionnaire.version : before.version, item.questionId)),
      ...(item.reason === 'note_not_kept' ? { remark: t('reassess.check.noteNotKept') } : {}),
      earlier: displayAnswer(earlierQuestion, item.earlier, before.version, t),
      ...(item.earlier.note ? { earlierNote: item.earlier.note } : {}),
    };
    if (!later) return [common];
    const section = findSection(state.questionnaire, later.sectionId);
    const asked = section !== undefined && isSectionRelevant(section, state.answers) && isQuestionShown(later.question, state.answers);
    const answer = state.answers[item.questionId];
    const answered = asked && isAnswered(answer?.value);
    const nowText = !asked ? t('reassess.check.notAsked') : answered ? displayAnswer(later.question, answer, state.questionnaire.version, t) : t('reassess.check.notAnswered');
    return [
      {
        ...common,
        now: { text: nowText, answered },
        ...(asked && page.access === 'edit' ? { href: `${base}/sections/${later.sectionId}#question-${item.questionId}` } : {}),
      },
    ];
  };
  const again = check.items.filter((item) => item.reason !== 'removed').flatMap(itemOf);
  const removed = check.items.filter((item) => item.reason === 'removed').flatMap(itemOf);
  const groups = [
    { id: 'again', heading: t('reassess.check.group.again'), lead: t('reassess.check.group.againLead'), items: again },
    { id: 'removed', heading: t('reassess.check.group.removed'), lead: t('reassess.check.group.removedLead', { version: state.questionnaire.version }), items: removed },
  ].filter((group) => group.items.length > 0);
  return {
    lead: t('reassess.check.lead', { date: formatDate(new Date(check.previous.assessment.createdAt)), version: before.version }),
    groups,
    backHref: base,
  };
}
