import type { Translate } from '../i18n/catalogue.js';
import { displayAnswer } from '../questionnaire/answerDisplay.js';
import { messageKeys } from '../questionnaire/messageKeys.js';
import { formatDate, timeFormat } from '../report/model/context.js';
import type { Client } from '../repositories/clientRepository.js';
import type { AssessmentListRow } from '../repositories/practiceRepository.js';
import type { Band } from '../scoring/types.js';
import type { AnswerChange, AnswerSide, Rating, RatingMove } from '../services/assessmentComparison.js';
import type { AssessmentComparison } from '../services/comparisonService.js';
import type { FieldError } from '../web/forms/fields.js';

/** The compare page for two assessments of a client, the earlier one first. */
export function compareHref(clientId: string, earlierId: string, laterId: string): string {
  return `/clients/${clientId}/compare?${new URLSearchParams({ earlier: earlierId, later: laterId }).toString()}`;
}

/** The two fields of the compare form. */
export const COMPARE_FIELDS = ['earlier', 'later'] as const;
export type CompareField = (typeof COMPARE_FIELDS)[number];

export interface ComparePageInput {
  client: Client;
  /** The client's assessments, newest first. */
  choices: readonly AssessmentListRow[];
  /** The ids chosen, as sent. */
  chosen: Readonly<Partial<Record<CompareField, string>>>;
  errors: readonly FieldError[];
  comparison?: AssessmentComparison;
}

function dayOf(iso: string): string {
  return formatDate(new Date(iso));
}

/** "3 March 2026", with the time (UTC) when another of the dates falls on the same day. */
function startedLabel(iso: string, all: readonly string[], zone = ' UTC'): string {
  const sameDay = all.filter((other) => dayOf(other) === dayOf(iso)).length > 1;
  return sameDay ? `${dayOf(iso)}, ${timeFormat.format(new Date(iso))}${zone}` : dayOf(iso);
}

function choiceOptions(choices: readonly AssessmentListRow[], selected: string | undefined, t: Translate) {
  const dates = choices.map((row) => row.createdAt);
  return [
    { value: '', label: t('compare.pick.choose'), selected: !selected },
    ...choices.map((row) => ({
      value: row.id,
      label: t(row.previousAssessmentId ? 'compare.pick.optionReassessment' : 'compare.pick.option', {
        // Without the zone: a select shows only so much, and the page says UTC beside each side.
        date: startedLabel(row.createdAt, dates, ''),
        standing: row.band ? t(`band.${row.band}`) : t(`practice.status.${row.status}`),
      }),
      selected: row.id === selected,
    })),
  ];
}

/** One side's column heading ("Earlier", "Later"), its start date and where to open it. */
function sideView(which: 'earlier' | 'later', comparison: AssessmentComparison, t: Translate) {
  const side = comparison[which];
  const dates = [comparison.earlier.state.assessment.createdAt, comparison.later.state.assessment.createdAt];
  return {
    heading: t(`compare.side.${which}`),
    caption: t(`compare.side.caption.${which}`),
    started: t('compare.side.started', { date: startedLabel(side.state.assessment.createdAt, dates) }),
    version: t('compare.side.version', { version: side.state.questionnaire.version }),
    href: `/assessments/${side.state.assessment.id}`,
  };
}

export interface RatingCellView {
  band?: Band;
  label: string;
}

export interface RatingRowView {
  name: string;
  earlier: RatingCellView;
  later: RatingCellView;
  /** Words first: the arrow and colour only repeat them. */
  move: { text: string; direction: 'down' | 'up' | 'same' };
}

function ratingCell(rating: Rating, version: string, t: Translate): RatingCellView {
  if ('band' in rating) return { band: rating.band, label: t(`band.${rating.band}`) };
  return { label: t(`compare.rating.${rating.none}`, { version }) };
}

function moveText(move: RatingMove, t: Translate): RatingRowView['move'] {
  if (!('band' in move.earlier) && 'band' in move.later) return { text: t('compare.move.nowRated'), direction: 'same' };
  if ('band' in move.earlier && !('band' in move.later)) return { text: t('compare.move.noLongerRated'), direction: 'same' };
  if (move.steps === 0) return { text: t('compare.move.same'), direction: 'same' };
  const count = Math.abs(move.steps);
  const direction = move.steps < 0 ? 'down' : 'up';
  return { text: t(`compare.move.${direction}.${count === 1 ? 'one' : 'other'}`, { count }), direction };
}

function answerCell(side: AnswerSide | undefined, version: string, t: Translate) {
  if (!side) return { text: t('compare.answers.notAsked'), muted: true };
  const text = displayAnswer(side.question, side.answer, version, t);
  return { text: text || t('compare.answers.notAnswered'), muted: !text, ...(side.answer?.note ? { note: side.answer.note } : {}) };
}

function answerRow(change: AnswerChange, earlierVersion: string, laterVersion: string, t: Translate) {
  const version = change.later ? laterVersion : earlierVersion;
  const remark = !change.earlier
    ? t('compare.answers.onlyLater', { version: laterVersion })
    : !change.later
      ? t('compare.answers.onlyEarlier', { version: laterVersion })
      : change.questionChanged
        ? t('compare.answers.questionChanged', { earlier: earlierVersion, later: laterVersion })
        : undefined;
  return {
    question: t(messageKeys.questionText(version, change.questionId)),
    ...(remark ? { remark } : {}),
    earlier: answerCell(change.earlier, earlierVersion, t),
    later: answerCell(change.later, laterVersion, t),
  };
}

function resultView(comparison: AssessmentComparison, t: Translate) {
  const { earlier, later } = comparison;
  const earlierVersion = earlier.state.questionnaire.version;
  const laterVersion = later.state.questionnaire.version;
  const scenarioName = (scenarioId: string) => {
    const version = later.state.questionnaire.scenarios.some((s) => s.id === scenarioId) ? laterVersion : earlierVersion;
    return t(messageKeys.scenarioTitle(version, scenarioId));
  };
  const row = (name: string, move: RatingMove): RatingRowView => ({
    name,
    earlier: ratingCell(move.earlier, earlierVersion, t),
    later: ratingCell(move.later, laterVersion, t),
    move: moveText(move, t),
  });
  const sides = { earlier: sideView('earlier', comparison, t), later: sideView('later', comparison, t) };
  const unfinished = (['earlier', 'later'] as const).filter((which) => !comparison[which].results).map((which) => `${sides[which].caption} (${sides[which].started})`);
  return {
    ...sides,
    ...(comparison.ratings
      ? { ratings: { overall: row(t('compare.ratings.overall'), comparison.ratings.overall), scenarios: comparison.ratings.scenarios.map((move) => row(scenarioName(move.scenarioId), move)) } }
      : { notReady: t('compare.ratings.notReady', { which: unfinished.join('; ') }) }),
    ...(comparison.actions
      ? {
          actions: {
            completed: comparison.actions.completed.map((id) => t(messageKeys.recommendationText(laterVersion, id))),
            noLongerNeeded: comparison.actions.noLongerNeeded.map((id) => t(messageKeys.recommendationText(earlierVersion, id))),
          },
        }
      : {}),
    answers: comparison.answers.map((change) => answerRow(change, earlierVersion, laterVersion, t)),
  };
}

/** Everything the compare page prints, already worked out. */
export function comparisonPageView(input: ComparePageInput, t: Translate) {
  const errorFor = new Map(input.errors.map((error) => [error.field, error.message]));
  const heading = t('compare.title');
  const field = (name: CompareField) => ({
    name,
    label: t(`compare.pick.${name}`),
    error: errorFor.get(name),
    options: choiceOptions(input.choices, input.chosen[name], t),
  });
  return {
    title: input.errors.length > 0 ? `${t('ui.errorTitlePrefix')} ${heading}` : heading,
    heading,
    lead: t('compare.lead', { client: input.client.name }),
    clientName: input.client.name,
    backHref: `/clients/${input.client.id}`,
    errorSummary: input.errors.map((error) => ({ href: `#${error.href}`, text: error.message })),
    form: {
      action: `/clients/${input.client.id}/compare`,
      tooFew: input.choices.length < 2,
      fields: COMPARE_FIELDS.map(field),
    },
    ...(input.comparison ? { result: resultView(input.comparison, t) } : {}),
  };
}

export type ComparisonPageView = ReturnType<typeof comparisonPageView>;
