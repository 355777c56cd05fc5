import { hasMessage, type Translate } from '../i18n/catalogue.js';
import { messageKeys } from '../questionnaire/messageKeys.js';

/**
 * "How we score" in reading order, worded for one questionnaire version: the method page and
 * the report's appendix print the same parts. A version's own wording (`<version>.method.*`)
 * replaces the shared one, and parts that only a version has are left out of the others.
 */
export interface MethodPart {
  heading?: string;
  paragraphs: string[];
  list?: string[];
  after?: string[];
  /** The scoring formula, printed on the method page under the matrix part. */
  formula?: string;
  /** The part that introduces the scenarios: the method page lists them after it. */
  introducesScenarios?: boolean;
}

interface MethodPartKeys {
  heading?: string;
  paragraphs: readonly string[];
  list?: readonly string[];
  after?: readonly string[];
  formula?: string;
  introducesScenarios?: boolean;
  /** Shown only for a version that words this part itself. */
  versionOnly?: boolean;
}

const parts: readonly MethodPartKeys[] = [
  { paragraphs: ['method.intro'] },
  { heading: 'method.scenarios.heading', paragraphs: ['method.scenarios.body'], introducesScenarios: true },
  { heading: 'method.likelihood.heading', paragraphs: ['method.likelihood.body'] },
  { heading: 'method.impact.heading', paragraphs: ['method.impact.body'] },
  {
    heading: 'method.impactAnalysis.heading',
    paragraphs: ['method.impactAnalysis.body', 'method.impactAnalysis.durations'],
    versionOnly: true,
  },
  {
    heading: 'method.controls.heading',
    paragraphs: ['method.controls.body', 'method.controls.share', 'method.controls.limits', 'method.controls.inherentResidual'],
  },
  {
    heading: 'method.matrix.heading',
    paragraphs: ['method.matrix.body'],
    formula: 'method.score.formula',
    list: ['method.bands.low', 'method.bands.medium', 'method.bands.high', 'method.bands.critical'],
    after: ['method.overall'],
  },
  {
    heading: 'method.actions.heading',
    paragraphs: ['method.actions.body'],
    list: ['method.actions.critical', 'method.actions.high', 'method.actions.medium', 'method.actions.low'],
  },
  { heading: 'method.plans.heading', paragraphs: ['method.plans.body'], versionOnly: true },
  { heading: 'method.answers.heading', paragraphs: ['method.notApplicable.body', 'method.dontKnow.body', 'method.unanswered.body'] },
  { heading: 'method.framework.heading', paragraphs: ['method.framework.body'] },
  { heading: 'method.limits.heading', paragraphs: ['method.limits.body'] },
];

export function methodText(version: string, t: Translate): MethodPart[] {
  const keyOf = (key: string) => messageKeys.method(version, key, (k) => hasMessage(k));
  // A paragraph that neither the version nor the shared wording has is not part of this method.
  const worded = (keys: readonly string[]) => keys.map(keyOf).filter((key) => hasMessage(key)).map((key) => t(key));
  return parts
    .filter((part) => !part.versionOnly || (part.heading !== undefined && hasMessage(`${version}.${part.heading}`)))
    .map((part) => ({
      ...(part.heading ? { heading: t(keyOf(part.heading)) } : {}),
      paragraphs: worded(part.paragraphs),
      ...(part.list ? { list: worded(part.list) } : {}),
      ...(part.after ? { after: worded(part.after) } : {}),
      ...(part.formula ? { formula: t(part.formula) } : {}),
      ...(part.introducesScenarios ? { introducesScenarios: true } : {}),
    }));
}
