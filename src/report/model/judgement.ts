import { bandLabel, formatDate, rating, refOf, type Context } from './context.js';
import { ratedBandOf } from '../../scoring/judgement.js';
import type { ScenarioScore } from '../../scoring/types.js';
import type { EntryDetail, Fact, ReportBlock, TableCell } from '../reportModelTypes.js';

/**
 * How the report shows the assessor's ratings: never in place of the calculation. Wherever the
 * assessor's band is printed, the calculated rating is printed beside it, and the reason is given
 * in the register. Every helper returns the calculated wording unchanged for a scenario the
 * assessor did not rate.
 */

/** The rating after measures as a table cell: the band that counts, with the calculated rating under an assessor's one. */
export function ratingAfterCell(c: Context, s: ScenarioScore): TableCell {
  const calculated = rating(c, s.residualBand, s.residualScore);
  if (!s.override) return { text: calculated, band: s.residualBand };
  return {
    text: c.t('report.judgement.cell', { band: bandLabel(c, s.override.band) }),
    sub: c.t('report.judgement.calculated', { rating: calculated }),
    band: s.override.band,
  };
}

/** The rating after measures inside a sentence: "High (12)", or "High by the assessor (calculated Medium (6))". */
export function ratingAfterText(c: Context, s: ScenarioScore): string {
  const calculated = rating(c, s.residualBand, s.residualScore);
  if (!s.override) return calculated;
  return c.t('report.judgement.inline', { band: bandLabel(c, s.override.band), calculated });
}

/** The register's line for an overridden scenario: both ratings, the reason and when it was recorded. */
export function overrideDetail(c: Context, s: ScenarioScore): EntryDetail | undefined {
  if (!s.override) return undefined;
  return {
    label: c.t('report.judgement.label'),
    text: c.t('report.judgement.detail', {
      band: bandLabel(c, s.override.band),
      calculated: rating(c, s.residualBand, s.residualScore),
      reason: s.override.reason,
      date: formatDate(new Date(s.override.recordedAt)),
    }),
  };
}

/** "Overall rating High because of the assessor's ratings; calculated Medium.", when their ratings moved it. */
export function overallJudgement(c: Context): string | undefined {
  const calculated = c.register.calculatedOverallBand;
  if (calculated === undefined) return undefined;
  return c.t('report.judgement.overall', { band: bandLabel(c, c.register.overallBand), calculated: bandLabel(c, calculated) });
}

/** The cover's line on the assessor's judgement, when their ratings moved the overall rating. */
export function overallJudgementFact(c: Context): Fact[] {
  const text = overallJudgement(c);
  return text ? [{ label: c.t('report.judgement.coverLabel'), value: text }] : [];
}

function overridden(c: Context): ScenarioScore[] {
  return c.register.scenarios.filter((s) => s.override !== undefined);
}

/** After the count of scenarios by band: that the assessor's ratings are counted, when there are any. */
export function countsJudgementNote(c: Context): string | undefined {
  const count = overridden(c).length;
  return count > 0 ? c.t(count === 1 ? 'report.judgement.countsNote.one' : 'report.judgement.countsNote.other', { count }) : undefined;
}

/** Above the register: which scenarios the assessor rated, and how their rating counts. */
export function registerJudgementNote(c: Context): ReportBlock[] {
  const scenarios = overridden(c);
  if (scenarios.length === 0) return [];
  return [{ type: 'callout', tone: 'info', text: c.t('report.judgement.registerNote', { refs: scenarios.map((s) => refOf(c, s.scenarioId)).join(', ') }) }];
}

/** A heat map marker: a star on a scenario the assessor rated differently (it stays where the calculation puts it). */
export function heatMapRef(c: Context, s: ScenarioScore | undefined, scenarioId: string): string {
  return `${refOf(c, scenarioId)}${s?.override ? '*' : ''}`;
}

/** The key's line on starred markers, when there are any. */
export function heatMapJudgementKey(c: Context): string | undefined {
  return overridden(c).length > 0 ? c.t('report.judgement.heatMapKey') : undefined;
}

/** Why a plan is included when the assessor's rating is what makes the scenario serious. */
export function ratedSeriousReason(c: Context, s: ScenarioScore): string {
  if (!s.override) return c.t('report.plan2.because.rated', { band: bandLabel(c, s.residualBand) });
  return c.t('report.judgement.planBecause', { band: bandLabel(c, ratedBandOf(s)), calculated: rating(c, s.residualBand, s.residualScore) });
}
